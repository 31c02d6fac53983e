"""Erase what the portal stores about one e-mail address (GDPR Art. 17).

Comments keep their text under "Anonym" (as WordPress does); every app says what it erases
in its ``PERSONAL_DATA`` hook.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from portal.hooks import PERSONAL_DATA, collect


def erase_personal_data(email):
    with transaction.atomic():
        return {source.name: source.erase(email) for source in collect(PERSONAL_DATA)}


class Command(BaseCommand):
    help = "Löscht oder anonymisiert alles, was das Portal zu einer E-Mail-Adresse speichert."

    def add_arguments(self, parser):
        parser.add_argument("email", help="Die E-Mail-Adresse der Person.")

    def handle(self, *args, email, **options):
        for name, count in erase_personal_data(email).items():
            self.stdout.write(f"{name}: {count} gelöscht oder anonymisiert")
