"""Rebuild the Kulturnetz's occurrences table (run daily so the horizon rolls forward)."""

from django.core.management.base import BaseCommand

from kulturnetz.recurrence import horizon_days, rebuild_all


class Command(BaseCommand):
    help = (
        "Baut die Termine aller veröffentlichten Veranstaltungen neu auf, bis "
        "KULTURNETZ_OCCURRENCE_HORIZON_DAYS Tage voraus. Täglich ausführen."
    )

    def handle(self, *args, **options):
        total = rebuild_all()
        self.stdout.write(f"{total} Termine für die nächsten {horizon_days()} Tage.")
