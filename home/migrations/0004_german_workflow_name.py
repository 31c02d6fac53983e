"""Wagtail's starter workflow and its task get German names, in new and existing databases."""

from django.db import migrations

WAGTAIL_NAME = "Moderators approval"
GERMAN_NAME = "Freigabe durch die Redaktion"


def rename(apps, old, new):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=old).update(name=new)
    apps.get_model("wagtailcore", "Task").objects.filter(name=old).update(name=new)


def to_german(apps, schema_editor):
    rename(apps, WAGTAIL_NAME, GERMAN_NAME)


def to_wagtail(apps, schema_editor):
    rename(apps, GERMAN_NAME, WAGTAIL_NAME)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_form_throttle"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(to_german, to_wagtail)]
