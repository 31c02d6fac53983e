"""The comment models move here from ``blog``: the tables are adopted, not created anew.

A database that ran ``blog`` before the move keeps its rows: the ``blog_*`` tables are renamed
and the content types move with them, so group permissions (``moderate_comment``) and admin
log entries stay attached. A database without those tables gets new, empty ones.
"""

import django.db.models.deletion
from django.apps import apps as global_apps
from django.conf import settings
from django.db import migrations, models


# Parents before children; the tables had these names in ``blog`` (blog/migrations/0001-0004).
MODELS = ["commentthrottle", "comment", "commentreport", "discussionsettings"]
OLD_APP = "blog"
INDEX_FIELDS = ["page", "status", "created_at"]
OLD_INDEX = "blog_commen_page_id_a3a797_idx"
NEW_INDEX = "comments_co_page_id_df1d5a_idx"


def _rename_index(schema_editor, model, old_name, new_name):
    schema_editor.rename_index(
        model,
        models.Index(fields=INDEX_FIELDS, name=old_name),
        models.Index(fields=INDEX_FIELDS, name=new_name),
    )


def adopt_or_create_tables(apps, schema_editor):
    existing = set(schema_editor.connection.introspection.table_names())
    for name in MODELS:
        model = apps.get_model("comments", name)
        old_table = f"{OLD_APP}_{name}"
        if old_table in existing:
            schema_editor.alter_db_table(model, old_table, model._meta.db_table)
            if name == "comment":
                _rename_index(schema_editor, model, OLD_INDEX, NEW_INDEX)
        else:
            schema_editor.create_model(model)


def give_tables_back(apps, schema_editor):
    """Back to before the move: to ``blog`` when it is installed, otherwise gone."""
    for name in reversed(MODELS):
        model = apps.get_model("comments", name)
        if global_apps.is_installed(OLD_APP):
            if name == "comment":
                _rename_index(schema_editor, model, NEW_INDEX, OLD_INDEX)
            schema_editor.alter_db_table(model, model._meta.db_table, f"{OLD_APP}_{name}")
        else:
            schema_editor.delete_model(model)


def _move_content_types(apps, schema_editor, source, target):
    content_types = apps.get_model("contenttypes", "ContentType").objects.using(
        schema_editor.connection.alias
    )
    for name in MODELS:
        # Permissions and log entries point to the content type: moving it keeps them attached.
        if not content_types.filter(app_label=target, model=name).exists():
            content_types.filter(app_label=source, model=name).update(app_label=target)


def move_content_types(apps, schema_editor):
    _move_content_types(apps, schema_editor, OLD_APP, "comments")


def move_content_types_back(apps, schema_editor):
    _move_content_types(apps, schema_editor, "comments", OLD_APP)


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('wagtailcore', '0098_apitoken'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='CommentThrottle',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('key', models.CharField(max_length=80, unique=True)),
                        ('last_post_at', models.DateTimeField()),
                    ],
                    options={
                        'verbose_name': 'Kommentar-Sperre',
                    },
                ),
                migrations.CreateModel(
                    name='Comment',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('depth', models.PositiveSmallIntegerField(default=1, editable=False, verbose_name='Ebene')),
                        ('name', models.CharField(max_length=100, verbose_name='Name')),
                        ('email', models.EmailField(blank=True, max_length=254, verbose_name='E-Mail')),
                        ('url', models.URLField(blank=True, max_length=300, verbose_name='Website')),
                        ('text', models.TextField(max_length=5000, verbose_name='Kommentar')),
                        ('status', models.CharField(choices=[('pending', 'Wartet auf Freischaltung'), ('approved', 'Freigeschaltet'), ('spam', 'Spam'), ('trash', 'Papierkorb')], db_index=True, default='pending', max_length=10, verbose_name='Status')),
                        ('is_team', models.BooleanField(default=False, help_text='Wird mit dem Abzeichen „Team“ gezeigt.', verbose_name='Antwort des Teams')),
                        ('ip_hash', models.CharField(blank=True, editable=False, max_length=64, verbose_name='IP-Prüfsumme')),
                        ('moderation_reason', models.CharField(blank=True, editable=False, max_length=200, verbose_name='Grund der Einstufung')),
                        ('consent_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='Einwilligung am')),
                        ('created_at', models.DateTimeField(auto_now_add=True, db_index=True, verbose_name='Geschrieben am')),
                        ('updated_at', models.DateTimeField(auto_now=True, verbose_name='Geändert am')),
                        ('page', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='portal_comments', to=settings.WAGTAIL_PAGE_MODEL, verbose_name='Seite')),
                        ('parent', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='replies', to='comments.comment', verbose_name='Antwort auf')),
                        ('user', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='Geschrieben von (Zugang)')),
                    ],
                    options={
                        'verbose_name': 'Kommentar',
                        'verbose_name_plural': 'Kommentare',
                        'ordering': ['-created_at'],
                        'permissions': [('moderate_comment', 'Kommentare moderieren')],
                    },
                ),
                migrations.CreateModel(
                    name='CommentReport',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('reason', models.CharField(choices=[('illegal', 'Rechtswidriger Inhalt'), ('hate', 'Hass, Hetze oder Beleidigung'), ('privacy', 'Verletzt meine Privatsphäre oder Rechte'), ('spam', 'Spam oder Werbung'), ('other', 'Etwas anderes')], max_length=20, verbose_name='Grund')),
                        ('explanation', models.TextField(max_length=2000, verbose_name='Begründung')),
                        ('contact', models.CharField(blank=True, help_text='Freiwillig: E-Mail-Adresse, falls wir nachfragen oder Euch antworten sollen.', max_length=254, verbose_name='Kontakt für Rückfragen')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='Gemeldet am')),
                        ('resolved', models.BooleanField(default=False, verbose_name='Erledigt')),
                        ('comment', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='reports', to='comments.comment', verbose_name='Kommentar')),
                    ],
                    options={
                        'verbose_name': 'Meldung',
                        'verbose_name_plural': 'Meldungen',
                        'ordering': ['-created_at'],
                    },
                ),
                migrations.CreateModel(
                    name='DiscussionSettings',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('comments_enabled', models.BooleanField(default=True, help_text='Schaltet Kommentare auf der ganzen Website ein oder aus.', verbose_name='Kommentare erlauben')),
                        ('moderation', models.CharField(choices=[('all', 'Jeden Kommentar zur Freischaltung zurückhalten'), ('known', 'Bekannte Namen automatisch freischalten (schon einmal freigeschaltet)'), ('none', 'Sofort veröffentlichen (Regeln unten gelten trotzdem)')], default='known', max_length=10, verbose_name='Freischaltung')),
                        ('hold_link_count', models.PositiveSmallIntegerField(default=2, help_text='Kommentare mit so vielen oder mehr Links warten auf Freischaltung.', verbose_name='Zurückhalten ab so vielen Links')),
                        ('moderation_words', models.TextField(blank=True, help_text='Ein Wort, eine E-Mail- oder IP-Adresse pro Zeile. Kommt es in Name, E-Mail, Website, Text, der IP-Adresse oder dem Browser (User-Agent) des Absenders vor, wartet der Kommentar auf Freischaltung. Die IP-Adresse wird dafür nur beim Absenden geprüft, nicht gespeichert.', verbose_name='Wörter zum Zurückhalten')),
                        ('disallowed_words', models.TextField(blank=True, help_text='Ein Wort, eine E-Mail- oder IP-Adresse pro Zeile. Kommt es in Name, E-Mail, Website, Text, der IP-Adresse oder dem Browser (User-Agent) des Absenders vor, landet der Kommentar im Spam. Die IP-Adresse wird dafür nur beim Absenden geprüft, nicht gespeichert.', verbose_name='Gesperrte Wörter')),
                        ('close_after_days', models.PositiveSmallIntegerField(blank=True, help_text='Leer lassen, damit Beiträge immer kommentiert werden können.', null=True, verbose_name='Kommentare schließen nach Tagen')),
                        ('comments_per_page', models.PositiveSmallIntegerField(default=50, help_text='Anzahl der Kommentare oberster Ebene.', verbose_name='Gespräche pro Seite')),
                        ('default_comments_page', models.CharField(choices=[('newest', 'Letzte Seite (mit den neuesten Kommentaren)'), ('oldest', 'Erste Seite (mit den ältesten Kommentaren)')], default='newest', help_text='Haben mehr Gespräche, als auf eine Seite passen: Welche Seite sehen Besucher zuerst, wenn sie den Beitrag öffnen?', max_length=10, verbose_name='Kommentarseite, die zuerst angezeigt wird')),
                        ('comment_order', models.CharField(choices=[('asc', 'Ältere Kommentare oben'), ('desc', 'Neuere Kommentare oben')], default='asc', help_text='Gilt für die Gespräche; Antworten stehen immer in zeitlicher Reihenfolge.', max_length=10, verbose_name='Reihenfolge auf jeder Seite')),
                        ('thread_depth', models.PositiveSmallIntegerField(default=3, help_text='Wie tief Antworten auf Antworten eingerückt werden dürfen (1 = keine Antworten).', verbose_name='Verschachtelung (Ebenen)')),
                        ('notify_moderators', models.BooleanField(default=True, help_text='Alle in der Gruppe „Moderation“ bekommen eine E-Mail, wenn ein Kommentar wartet.', verbose_name='Moderation per E-Mail benachrichtigen')),
                        ('privacy_page', models.ForeignKey(blank=True, help_text='Die Seite, auf die das Kommentarformular bei der Einwilligung verlinkt.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.WAGTAIL_PAGE_MODEL, verbose_name='Datenschutzerklärung')),
                        ('site', models.OneToOneField(editable=False, on_delete=django.db.models.deletion.CASCADE, to='wagtailcore.site')),
                    ],
                    options={
                        'verbose_name': 'Diskussion',
                    },
                ),
                migrations.AddIndex(
                    model_name='comment',
                    index=models.Index(fields=['page', 'status', 'created_at'], name='comments_co_page_id_df1d5a_idx'),
                ),
            ],
        ),
        migrations.RunPython(adopt_or_create_tables, give_tables_back),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
