"""Daily: delete what is past its retention time (portal.hooks.PERSONAL_DATA).

IP checksums of comments after 30 days, senders of Kulturnetz suggestions 30 days after the
decision (180 days unanswered), flood-control records after a day.
"""

from django.core.management.base import BaseCommand

from portal.hooks import PERSONAL_DATA, collect


class Command(BaseCommand):
    help = (
        "Löscht personenbezogene Daten, deren Aufbewahrungsfrist abgelaufen ist (täglich "
        "ausführen)."
    )

    def handle(self, *args, **options):
        for source in collect(PERSONAL_DATA):
            self.stdout.write(f"{source.name}: {source.purge()} entfernt")
