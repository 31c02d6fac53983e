"""Daily: delete who sent a suggestion, 30 days after the decision (or 180 days unanswered)."""

from django.core.management.base import BaseCommand

from kulturnetz.models import Submission


class Command(BaseCommand):
    help = (
        "Löscht Name und E-Mail-Adresse der Einsendungen 30 Tage nach der Entscheidung "
        "(täglich ausführen)."
    )

    def handle(self, *args, **options):
        deleted, _ = Submission.objects.expired().delete()
        self.stdout.write(f"Einsendungen gelöscht: {deleted}")
