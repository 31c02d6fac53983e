"""Runs Wagtail's ``publish_scheduled`` every minute, for `make run` (production uses a timer)."""

import logging
import time

from django.core.management import BaseCommand, call_command

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Veröffentlicht geplante Seiten jede Minute (Wagtails publish_scheduled), bis der "
        "Prozess beendet wird. Für die Entwicklung; in Produktion startet ein Timer den Befehl."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval", type=float, default=60, help="Sekunden zwischen zwei Läufen"
        )
        parser.add_argument(
            "--runs", type=int, default=0, help="Nach so vielen Läufen aufhören (0: nie)"
        )

    def handle(self, *args, interval, runs, **options):
        done = 0
        while True:
            try:
                call_command("publish_scheduled", stdout=self.stdout, stderr=self.stderr)
            except Exception:
                # One failed run (a locked database, a broken page) must not end the loop.
                logger.exception("publish_scheduled failed")
            done += 1
            if runs and done >= runs:
                return
            time.sleep(interval)
