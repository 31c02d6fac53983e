"""The comment models now belong to the app ``comments``, which adopts their tables.

Only the state changes here; ``comments/migrations/0001_initial.py`` renames the tables
first (hence the dependency), so no row is lost.
"""

from django.db import migrations


LEFTOVER_TABLES = ["blog_commentreport", "blog_comment", "blog_commentthrottle", "blog_discussionsettings"]


def drop_empty_leftover_tables(apps, schema_editor):
    """Drop ``blog_*`` comment tables that ``blog/0001`` made after ``comments`` had its own.

    That happens on a new database, or when the blog is switched on after the foundation ran
    without it. A table with rows is never dropped.
    """
    existing = set(schema_editor.connection.introspection.table_names())
    quote = schema_editor.quote_name
    for table in LEFTOVER_TABLES:
        adopted = table.replace("blog_", "comments_", 1)
        if table not in existing or adopted not in existing:
            continue
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(f"SELECT 1 FROM {quote(table)} LIMIT 1")
            if cursor.fetchone() is None:
                schema_editor.execute(schema_editor.sql_delete_table % {"table": quote(table)})


class Migration(migrations.Migration):

    dependencies = [
        ('blog', '0004_tag_translation'),
        ('comments', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='comment',
                    name='page',
                ),
                migrations.RemoveField(
                    model_name='comment',
                    name='parent',
                ),
                migrations.RemoveField(
                    model_name='comment',
                    name='user',
                ),
                migrations.RemoveField(
                    model_name='commentreport',
                    name='comment',
                ),
                migrations.DeleteModel(
                    name='CommentThrottle',
                ),
                migrations.RemoveField(
                    model_name='discussionsettings',
                    name='privacy_page',
                ),
                migrations.RemoveField(
                    model_name='discussionsettings',
                    name='site',
                ),
                migrations.DeleteModel(
                    name='Comment',
                ),
                migrations.DeleteModel(
                    name='CommentReport',
                ),
                migrations.DeleteModel(
                    name='DiscussionSettings',
                ),
            ],
        ),
        migrations.RunPython(drop_empty_leftover_tables, migrations.RunPython.noop),
    ]
