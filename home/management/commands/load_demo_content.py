"""Load the demo content of the foundation and of every installed feature app (idempotent).

It builds on the site that ``setup_site`` makes, and makes it first if it is missing.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from home.demo import DEMO_LOGINS
from home.site_setup import set_up_site
from portal.demo import Demo, ensure_locales, prepare_pictures
from portal.hooks import DEMO_CONTENT, collect


class Command(BaseCommand):
    help = "Legt Demo-Inhalte an, sofern sie fehlen. Ein zweiter Aufruf ändert nichts."

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Auch mit Produktions-Einstellungen ausführen (nur für Testsysteme).",
        )
        parser.add_argument(
            "--site-url",
            default=settings.WAGTAILADMIN_BASE_URL,
            help=(
                "Die Adresse, unter der das Portal läuft (z. B. http://127.0.0.1:8000); "
                "die Demo-Site bekommt sie, damit Links, Feeds, Sitemap und API stimmen. "
                "Standard: WAGTAILADMIN_BASE_URL."
            ),
        )

    def handle(self, *args, **options):
        if not settings.PORTAL_DEMO_CONTENT_ALLOWED and not options["allow_production"]:
            raise CommandError("Demo-Inhalte gehören nicht in die Produktion.")
        self.stdout.write("Website einrichten")
        try:
            setup = set_up_site(site_url=options["site_url"], log=self.stdout.write)
        except ValueError as error:
            raise CommandError(str(error)) from error
        de, en = ensure_locales()
        demo = Demo(
            stdout=self.stdout,
            de=de,
            en=en,
            site=setup.site,
            pages={"home_de": setup.home_de, "home_en": setup.home_en},
        )
        for content in sorted(collect(DEMO_CONTENT), key=lambda c: (c.order, c.name)):
            self.stdout.write(f"Demo-Inhalte: {content.name}")
            # No surrounding transaction: wagtail-localize publishes translations on commit
            # from the revision's in-memory page, which would then overwrite the tree's child
            # counts of pages translated in the same transaction.
            content.load(demo)
        self.stdout.write("Bilder in allen Größen vorbereiten")
        prepare_pictures(setup.site)
        self.stdout.write(self.style.SUCCESS("Demo-Inhalte sind vollständig."))
        self.stdout.write("Demo-Zugänge (nur Demo, nie in Produktion):")
        for role, login, _groups, _administrator in DEMO_LOGINS:
            self.stdout.write(f"  {role}: {login['username']} / {login['password']}")
