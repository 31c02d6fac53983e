"""`make bench`: build a database of a given size and time the key pages in-process."""

import json
import statistics
import time
import tracemalloc
from io import StringIO
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from portal.hooks import BENCH_PAGES, collect


def percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def fetch(client, url):
    """GET ``url``; a streamed answer (an export) is read to its end, as a download would be."""
    response = client.get(url)
    if response.streaming:
        for _chunk in response.streaming_content:
            pass
    return response


class Command(BaseCommand):
    help = "Misst Antwortzeiten, Abfragen und Speicher der wichtigsten Seiten."

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=int, default=200, help="Anzahl der Einträge je App.")
        parser.add_argument("--repeat", type=int, default=30, help="Messungen je Adresse.")
        parser.add_argument("--keep-db", action="store_true", help="Vorhandene Datenbank nutzen.")
        parser.add_argument(
            "--only", nargs="*", default=(), help="Nur diese Zeilen messen (z. B. search sitemap)."
        )

    def handle(self, *args, **options):
        if settings.DEBUG:
            raise CommandError("Der Benchmark läuft mit DEBUG=False (portal.settings.bench).")
        scale, repeat = options["scale"], options["repeat"]
        if not options["keep_db"]:
            self.empty_database()
        started = time.perf_counter()
        call_command("migrate", verbosity=0, interactive=False)
        call_command("load_demo_content", verbosity=0, stdout=StringIO())
        benches = sorted(collect(BENCH_PAGES), key=lambda b: (b.order, b.name))
        for bench in benches:
            bench.build(scale)
        build_seconds = time.perf_counter() - started
        self.stdout.write(f"Datenbank mit SCALE={scale} gebaut in {build_seconds:.1f} s\n")

        client = Client(HTTP_HOST="localhost")
        rows = []
        header = f"{'name':<22} {'url':<34} {'status':>6} {'median ms':>10} {'p95 ms':>8} {'queries':>8} {'peak KiB':>9}"
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        for bench in benches:
            for name, url in bench.urls():
                if options["only"] and name not in options["only"]:
                    continue
                for _ in range(2):  # warm caches and renditions
                    fetch(client, url)
                timings = []
                for _ in range(repeat):
                    begin = time.perf_counter()
                    response = fetch(client, url)
                    timings.append((time.perf_counter() - begin) * 1000)
                with CaptureQueriesContext(connection) as queries:
                    tracemalloc.start()
                    fetch(client, url)
                    _current, peak = tracemalloc.get_traced_memory()
                    tracemalloc.stop()
                row = {
                    "app": bench.name,
                    "name": name,
                    "url": url,
                    "status": response.status_code,
                    "median_ms": round(statistics.median(timings), 2),
                    "p95_ms": round(percentile(timings, 0.95), 2),
                    "queries": len(queries),
                    "peak_kib": round(peak / 1024, 1),
                }
                rows.append(row)
                self.stdout.write(
                    f"{name:<22} {url[:34]:<34} {row['status']:>6} {row['median_ms']:>10.2f} "
                    f"{row['p95_ms']:>8.2f} {row['queries']:>8} {row['peak_kib']:>9.1f}"
                )
        results_dir = Path(settings.BASE_DIR) / "bench" / "results"
        results_dir.mkdir(parents=True, exist_ok=True)
        stamp = time.strftime("%Y%m%d-%H%M%S")
        payload = {
            "scale": scale,
            "repeat": repeat,
            "build_seconds": round(build_seconds, 1),
            "database": connection.vendor,
            "results": rows,
        }
        for path in (results_dir / f"bench-{stamp}.json", results_dir / "latest.json"):
            path.write_text(json.dumps(payload, indent=2, ensure_ascii=False))
        self.stdout.write(f"\nErgebnisse: bench/results/bench-{stamp}.json")
        # A page that answers an error measures the error page: say so instead of a number.
        wrong = [
            f"{row['name']} ({row['url']}): {row['status']}"
            for row in rows
            if row["status"] != (404 if row["name"].startswith("not_found") else 200)
        ]
        if wrong:
            raise CommandError("Unerwarteter Status: " + "; ".join(wrong))

    def empty_database(self):
        """A fresh database: SQLite's file removed, PostgreSQL's schema dropped (the bench's own
        database, named by DATABASE_URL)."""
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
            return
        database = Path(settings.DATABASES["default"]["NAME"])
        database.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{database}{suffix}").unlink(missing_ok=True)
