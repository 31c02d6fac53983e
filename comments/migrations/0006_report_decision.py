# The decision on a comment report: status, note, who and when, in place of "resolved".

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.db.models import F


def resolved_to_done(apps, schema_editor):
    """A report marked "Erledigt" was decided when nobody recorded it: say so, dated its arrival."""
    CommentReport = apps.get_model("comments", "CommentReport")
    CommentReport.objects.filter(resolved=True).update(status="done", decided_at=F("created_at"))


def decided_to_resolved(apps, schema_editor):
    CommentReport = apps.get_model("comments", "CommentReport")
    CommentReport.objects.exclude(status="open").update(resolved=True)


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0005_consent_version"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="commentreport",
            name="decided_at",
            field=models.DateTimeField(
                blank=True, editable=False, null=True, verbose_name="Entschieden am"
            ),
        ),
        migrations.AddField(
            model_name="commentreport",
            name="decided_by",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="Entschieden von",
            ),
        ),
        migrations.AddField(
            model_name="commentreport",
            name="decision_note",
            field=models.TextField(
                blank=True,
                help_text=(
                    "Hat die meldende Person eine E-Mail-Adresse angegeben, bekommt sie die "
                    "Entscheidung mit diesem Text. Bitte sachlich und ohne interne Details."
                ),
                max_length=2000,
                verbose_name="Begründung der Entscheidung",
            ),
        ),
        migrations.AddField(
            model_name="commentreport",
            name="status",
            field=models.CharField(
                choices=[
                    ("open", "Offen"),
                    ("no_violation", "Kein Verstoß"),
                    ("trashed", "Kommentar entfernt (Papierkorb)"),
                    ("spam", "Kommentar entfernt (Spam)"),
                    ("done", "Erledigt"),
                ],
                db_index=True,
                default="open",
                help_text=(
                    "„Kommentar entfernt“ legt den Kommentar in den Papierkorb oder in den "
                    "Spam; in der Kommentarliste lässt er sich wiederherstellen."
                ),
                max_length=20,
                verbose_name="Entscheidung",
            ),
        ),
        migrations.RunPython(resolved_to_done, decided_to_resolved),
        migrations.RemoveField(model_name="commentreport", name="resolved"),
    ]
