"""Wagtail's starter workflow, its task and the root page get German names, new and existing DBs.

The root page's title shows in the page explorer ("Erkunden: Root").
"""

from django.db import migrations

WAGTAIL_NAME = "Moderators approval"
GERMAN_NAME = "Freigabe durch die Redaktion"


def rename(apps, old, new):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=old).update(name=new)
    apps.get_model("wagtailcore", "Task").objects.filter(name=old).update(name=new)


ROOT_TITLES = ("Root", "Alle Seiten")


def rename_root(apps, old, new):
    apps.get_model("wagtailcore", "Page").objects.filter(depth=1, title=old).update(
        title=new, draft_title=new
    )


def to_german(apps, schema_editor):
    rename(apps, WAGTAIL_NAME, GERMAN_NAME)
    rename_root(apps, *ROOT_TITLES)


def to_wagtail(apps, schema_editor):
    rename(apps, GERMAN_NAME, WAGTAIL_NAME)
    rename_root(apps, *reversed(ROOT_TITLES))


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_form_throttle"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(to_german, to_wagtail)]
