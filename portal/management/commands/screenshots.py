"""`make screenshots`: phone and desktop screenshots of every public page type of the demo.

Starts a development server on a free port with the demo content in a temporary SQLite
database (and temporary media), photographs every showcase page (portal/showcase.py) with
Playwright and Debian's Chromium, prints each page's cumulative layout shift, stops the server.
"""

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.showcase import (
    CHROMIUM,
    CHROMIUM_ARGS,
    SITE_SCRIPT,
    VIEWPORTS,
    cumulative_layout_shift,
    load_fully,
    showcase_pages,
)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Command(BaseCommand):
    help = "Bildschirmfotos (Telefon und Desktop) aller öffentlichen Seitentypen der Demo."

    def add_arguments(self, parser):
        parser.add_argument(
            "--out", default=str(Path(settings.BASE_DIR) / "var" / "screenshots"), help="Ordner."
        )

    def handle(self, *args, **options):
        out = Path(options["out"])
        out.mkdir(parents=True, exist_ok=True)
        port = free_port()
        base_url = f"http://127.0.0.1:{port}"
        with tempfile.TemporaryDirectory(prefix="portal-screenshots-") as scratch:
            env = os.environ | {
                "DJANGO_SETTINGS_MODULE": "portal.settings.screenshots",
                "SQLITE_PATH": str(Path(scratch) / "db.sqlite3"),
                # Served from its parent folder by WhiteNoise (portal/settings/screenshots.py)
                "MEDIA_ROOT": str(Path(scratch) / "public" / "media"),
                "WAGTAILADMIN_BASE_URL": base_url,
            }
            manage = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py")]
            self.stdout.write("Demo-Inhalte in einer temporären Datenbank …")
            for command in (
                ["migrate", "--noinput", "-v", "0"],
                ["load_demo_content", "--site-url", base_url, "-v", "0"],
            ):
                subprocess.run(manage + command, env=env, check=True, stdout=subprocess.DEVNULL)
            server = subprocess.Popen(
                manage + ["runserver", f"127.0.0.1:{port}", "--noreload"],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            try:
                self._wait_for(base_url)
                self._photograph(base_url, out)
            finally:
                server.terminate()
                server.wait(timeout=10)
        self.stdout.write(self.style.SUCCESS(f"Bildschirmfotos in {out}"))

    def _wait_for(self, base_url, seconds=60):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{base_url}/de/", timeout=5)
                return
            except OSError:
                time.sleep(0.5)
        raise CommandError(f"Der Server unter {base_url} antwortet nicht.")

    def _photograph(self, base_url, out):
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                for showcase in showcase_pages():
                    for viewport_name, viewport in VIEWPORTS.items():
                        shifts = []
                        for with_script in (True, False):
                            # A fresh context per load: nothing cached, as a first visit.
                            context = browser.new_context(viewport=viewport, locale="de-DE")
                            page = context.new_page()
                            if not with_script:
                                page.route(SITE_SCRIPT, lambda route: route.abort())
                            load_fully(page, base_url + showcase.path)
                            shifts.append(cumulative_layout_shift(page))
                            if with_script:
                                page.screenshot(
                                    path=out / f"{showcase.name}-{viewport_name}.png",
                                    full_page=True,
                                )
                            context.close()
                        self.stdout.write(
                            f"{showcase.name:<28} {viewport_name:<8} "
                            f"CLS {shifts[0]:.3f} (ohne JavaScript {shifts[1]:.3f})"
                        )
            finally:
                browser.close()
