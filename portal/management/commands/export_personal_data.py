"""Everything the portal stores about one e-mail address (GDPR Art. 15), as JSON."""

import json

from django.core.management.base import BaseCommand

from portal.hooks import PERSONAL_DATA, collect


def personal_data(email):
    return {
        "email": email,
        **{source.name: source.export(email) for source in collect(PERSONAL_DATA)},
    }


class Command(BaseCommand):
    help = (
        "Gibt alles aus, was das Portal zu einer E-Mail-Adresse speichert (Kommentare, "
        "Meldungen, Einsendungen), als JSON."
    )

    def add_arguments(self, parser):
        parser.add_argument("email", help="Die E-Mail-Adresse der Person.")

    def handle(self, *args, email, **options):
        self.stdout.write(json.dumps(personal_data(email), ensure_ascii=False, indent=2))
