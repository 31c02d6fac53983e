"""On PostgreSQL, a GIN index on the words of title and body together.

Wagtail's database search backend matches ``title || body`` against the query (one match for
words spread over both), but its own GIN indexes cover each column alone, so every search read
every index entry. This expression index is the one that match can use. Other databases: nothing.
"""

from django.db import migrations

INDEX = "home_search_title_body_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry "
            "USING gin ((title || body))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0005_header_image_credit"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop)]
