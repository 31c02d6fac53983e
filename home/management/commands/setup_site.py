"""Make a fresh database the house's site: home pages in both languages, Site, groups, settings."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from home.site_setup import set_up_site


class Command(BaseCommand):
    help = (
        "Richtet die Website ein: deutsche Startseite mit englischer Übersetzung, Site, "
        "Gruppen mit Rechten und Einstellungen. Ein zweiter Aufruf ändert nichts."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--site-url",
            default=settings.WAGTAILADMIN_BASE_URL,
            help=(
                "Die Adresse, unter der das Portal läuft (z. B. https://www.example.org); "
                "Links, Feeds, Sitemap und API verwenden sie. Standard: WAGTAILADMIN_BASE_URL."
            ),
        )

    def handle(self, *args, **options):
        try:
            set_up_site(site_url=options["site_url"], log=self.stdout.write)
        except ValueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS("Die Website ist eingerichtet."))
