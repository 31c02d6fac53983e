"""`make lighthouse`: Lighthouse's four scores for every public page type on the production stack.

Loads the demo content into a scratch SQLite database (development settings, since production
refuses demo content), collects the static files as production does (hashed, compressed,
minified), serves them with gunicorn and WhiteNoise under ``portal.settings.lighthouse``
(production with DEBUG off) and runs Lighthouse (npm, installed into ``var/lighthouse`` on
first use; never committed) with its default phone emulation on every showcase page
(``portal/showcase.py``) through Debian's Chromium. Prints performance, accessibility, best
practices and SEO per page type, and the audits that cost points with ``--details``.
"""

import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.management.commands.screenshots import free_port
from portal.showcase import CHROMIUM, showcase_pages

LIGHTHOUSE_VERSION = "12.8.2"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


class Command(BaseCommand):
    help = "Lighthouse-Werte (Telefon) aller öffentlichen Seitentypen auf dem Produktions-Stack."

    def add_arguments(self, parser):
        parser.add_argument(
            "--out",
            default=str(Path(settings.BASE_DIR) / "var" / "lighthouse" / "reports"),
            help="Ordner für die JSON-Berichte.",
        )
        parser.add_argument("--only", nargs="*", default=[], help="Nur diese Seitentypen.")
        parser.add_argument(
            "--details", action="store_true", help="Die Prüfungen zeigen, die Punkte kosten."
        )
        parser.add_argument("--workers", type=int, default=2, help="gunicorn-Worker.")
        parser.add_argument(
            "--keep-static",
            action="store_true",
            help="Die gesammelten statischen Dateien des letzten Laufs wiederverwenden.",
        )
        parser.add_argument("--port", type=int, help="Port des Servers (sonst ein freier).")
        parser.add_argument(
            "--data",
            help="Ordner für Datenbank und Medien; ist er schon gefüllt, wird die Demo nicht "
            "neu geladen (schneller bei wiederholten Läufen).",
        )

    def handle(self, *args, **options):
        lighthouse = self._lighthouse()
        out = Path(options["out"])
        out.mkdir(parents=True, exist_ok=True)
        pages = [p for p in showcase_pages() if not options["only"] or p.name in options["only"]]
        with tempfile.TemporaryDirectory(prefix="portal-lighthouse-") as scratch:
            scratch = Path(options["data"] or scratch)
            scratch.mkdir(parents=True, exist_ok=True)
            loaded = (scratch / "db.sqlite3").exists()
            # The demo's Site (canonical links) names the port: a reused database keeps its own.
            if not loaded:
                (scratch / "port").write_text(str(free_port()))
            port = options["port"] or (scratch / "port").read_text()
            base_url = f"http://127.0.0.1:{port}"
            common = {
                "SQLITE_PATH": str(scratch / "db.sqlite3"),
                # Served from its parent folder by WhiteNoise (portal/settings/lighthouse.py).
                "MEDIA_ROOT": str(scratch / "public" / "media"),
                "STATIC_ROOT": str(out / "static"),
                "WAGTAILADMIN_BASE_URL": base_url,
            }
            dev = os.environ | common | {"DJANGO_SETTINGS_MODULE": "portal.settings.dev"}
            prod = (
                os.environ
                | common
                | {
                    "DJANGO_SETTINGS_MODULE": "portal.settings.lighthouse",
                    "SECRET_KEY": secrets.token_urlsafe(40),
                    "ALLOWED_HOSTS": "127.0.0.1,localhost",
                    "SECURE_SSL_REDIRECT": "false",
                    "SECURE_HSTS_SECONDS": "0",
                }
            )
            manage = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py")]
            self.stdout.write("Demo-Inhalte in einer temporären Datenbank, collectstatic …")
            commands = [] if loaded else [
                (dev, ["migrate", "--noinput", "-v", "0"]),
                (dev, ["load_demo_content", "--site-url", base_url, "-v", "0"]),
            ]  # fmt: skip
            if not (options["keep_static"] and (out / "static" / "staticfiles.json").exists()):
                commands.append((prod, ["collectstatic", "--noinput", "--clear", "-v", "0"]))
            for env, command in commands:
                subprocess.run(manage + command, env=env, check=True, stdout=subprocess.DEVNULL)
            log = (out / "gunicorn.log").open("a")
            gunicorn = [
                str(Path(sys.executable).parent / "gunicorn"),
                "portal.wsgi:application",
                "--bind",
                base_url.removeprefix("http://"),
                "--workers",
                str(options["workers"]),
                "--chdir",
                str(settings.BASE_DIR),
            ]
            # The first round renders every page once, so renditions made on request exist;
            # WhiteNoise indexes the media folder when it starts, so the measured server starts
            # after that round.
            for measured in (False, True):
                server = subprocess.Popen(gunicorn, env=prod, stdout=log, stderr=log)
                try:
                    self._wait_for(base_url)
                    if not measured:
                        for page in pages:
                            self._get(base_url + page.path)
                        continue
                    results = [
                        (page, self._run(lighthouse, base_url + page.path, out / page.name))
                        for page in pages
                    ]
                finally:
                    server.terminate()
                    try:
                        server.wait(timeout=60)
                    except subprocess.TimeoutExpired:
                        server.kill()
                        server.wait()
        self._print(results, options["details"])

    def _lighthouse(self):
        folder = Path(settings.BASE_DIR) / "var" / "lighthouse"
        binary = folder / "node_modules" / ".bin" / "lighthouse"
        if not binary.exists():
            if not shutil.which("npm"):
                raise CommandError("Lighthouse braucht Node.js und npm.")
            folder.mkdir(parents=True, exist_ok=True)
            self.stdout.write(f"Lighthouse {LIGHTHOUSE_VERSION} wird in {folder} installiert …")
            npm = ["npm", "install", "--prefix", str(folder), "--no-audit", "--no-fund"]
            npm.append(f"lighthouse@{LIGHTHOUSE_VERSION}")
            subprocess.run(npm, check=True, stdout=subprocess.DEVNULL)
        return binary

    def _get(self, url):
        try:
            urllib.request.urlopen(url, timeout=60).read()
        except urllib.error.HTTPError:
            pass  # the 404 page is a page type too

    def _wait_for(self, base_url, seconds=180):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{base_url}/de/", timeout=5)
                return
            except OSError:
                time.sleep(0.5)
        raise CommandError(f"Der Server unter {base_url} antwortet nicht.")

    def _run(self, lighthouse, url, report):
        env = os.environ | {"CHROME_PATH": CHROMIUM}
        # Lighthouse exits with 1 when it cannot score a page (a 404 page) but still writes
        # its report, with the scores left empty.
        subprocess.run(
            [
                str(lighthouse),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={report}.json",
                f"--only-categories={','.join(CATEGORIES)}",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
            ],
            env=env,
            check=False,
        )
        return json.loads(Path(f"{report}.json").read_text())

    def _print(self, results, details):
        self.stdout.write(f"{'Seitentyp':<28} {'Perf':>5} {'A11y':>5} {'BP':>5} {'SEO':>5}")
        for page, result in results:
            scores = [result["categories"][name]["score"] for name in CATEGORIES]
            cells = " ".join(f"{'–' if s is None else round(s * 100):>5}" for s in scores)
            self.stdout.write(f"{page.name:<28} {cells}")
            if details:
                for line in self._costly_audits(result):
                    self.stdout.write(f"    {line}")

    def _costly_audits(self, result):
        audits = result["audits"]
        for name in CATEGORIES:
            for ref in result["categories"][name]["auditRefs"]:
                audit = audits[ref["id"]]
                score = audit.get("score")
                if score is None or score >= 0.9 or audit["scoreDisplayMode"] in ("manual",):
                    continue
                value = audit.get("displayValue", "")
                yield f"{name}: {ref['id']} {score} {value}".rstrip()
