"""Flood control moves to the foundation's FormThrottle (home), with every row."""

from django.db import migrations


def copy_throttles(apps, schema_editor):
    old = apps.get_model("comments", "CommentThrottle")
    new = apps.get_model("home", "FormThrottle")
    new.objects.bulk_create(
        [new(key=row.key, last_post_at=row.last_post_at) for row in old.objects.all()],
        ignore_conflicts=True,
    )


def copy_back(apps, schema_editor):
    old = apps.get_model("comments", "CommentThrottle")
    new = apps.get_model("home", "FormThrottle")
    old.objects.bulk_create(
        [old(key=row.key, last_post_at=row.last_post_at) for row in new.objects.all()],
        ignore_conflicts=True,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0001_initial"),
        ("home", "0003_form_throttle"),
    ]

    operations = [
        migrations.RunPython(copy_throttles, copy_back),
        migrations.DeleteModel(name="CommentThrottle"),
    ]
