"""`make bench`: build a database of a given size and time the key pages in-process.

``--scale N`` (``make bench``): every app builds N items. ``--profile large``: every app builds
the sizes of issue 12 (``BenchPages.large_scale``: 10,000 actors, 1,000 venues, 50,000 dates,
2,000 posts with 100,000 comments, 50 process pages) into its own database (settings
``portal.settings.bench`` with ``BENCH_PROFILE=large``). ``--compare`` (``make bench-large``)
measures the small and the large database one after the other and prints one table per page:
the medians and their ratio ("flat" is about 1), p95 and the query counts.
"""

import json
import os
import statistics
import subprocess
import sys
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

PROFILES = ("small", "large")
QUERY_LIMIT = 20  # issue 12: no public page needs more uncached
CACHE_HEADER = "X-Portal-Cache"


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


def reset_database(keep):
    """Start from an empty database (unless ``keep``); PostgreSQL's is created when missing."""
    db = settings.DATABASES["default"]
    if connection.vendor == "sqlite":
        database = Path(db["NAME"])
        database.parent.mkdir(parents=True, exist_ok=True)
        if not keep:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{database}{suffix}").unlink(missing_ok=True)
        return
    if connection.vendor != "postgresql":
        if not keep:
            raise CommandError("Ohne --keep-db leert der Benchmark nur SQLite und PostgreSQL.")
        return
    import psycopg

    name = db["NAME"]
    params = {
        "dbname": "postgres",
        "user": db.get("USER") or None,
        "password": db.get("PASSWORD") or None,
        "host": db.get("HOST") or None,
        "port": db.get("PORT") or None,
    }
    connection.close()
    with psycopg.connect(**{k: v for k, v in params.items() if v}, autocommit=True) as admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and not keep:
            admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            exists = None
        if not exists:
            admin.execute(f'CREATE DATABASE "{name}"')


class Command(BaseCommand):
    help = "Misst Antwortzeiten, Abfragen und Speicher der wichtigsten Seiten."

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=int, default=200, help="Anzahl der Einträge je App.")
        parser.add_argument(
            "--profile",
            choices=PROFILES,
            help="small: --scale je App; large: die Größen aus Issue 12 (eigene Datenbank).",
        )
        parser.add_argument(
            "--compare", action="store_true", help="Kleine und große Datenbank nebeneinander."
        )
        parser.add_argument("--repeat", type=int, default=30, help="Messungen je Adresse.")
        parser.add_argument("--keep-db", action="store_true", help="Vorhandene Datenbank nutzen.")
        parser.add_argument("--only", default="", help="Nur diese Namen (kommagetrennt).")
        parser.add_argument("--json", dest="json_path", help="Ergebnis (JSON) hierhin schreiben.")

    def handle(self, *args, **options):
        if settings.DEBUG:
            raise CommandError("Der Benchmark läuft mit DEBUG=False (portal.settings.bench).")
        if options["compare"]:
            return self.compare(options)
        profile = options["profile"]
        if profile and getattr(settings, "BENCH_PROFILE", "small") != profile:
            # The profile picks the database in the settings: run again with it set.
            env = {**os.environ, "BENCH_PROFILE": profile}
            code = subprocess.call([sys.executable, *sys.argv], env=env)  # noqa: S603
            if code:
                raise CommandError(f"Benchmark ({profile}) endete mit {code}.")
            return None
        payload = self.run_profile(profile or "small", options)
        self.write_results(payload, options.get("json_path"), prefix="bench")
        self.check_status(payload["results"])
        return None

    def scales(self, benches, profile, scale):
        return {
            bench.name: (bench.large_scale or scale) if profile == "large" else scale
            for bench in benches
        }

    def run_profile(self, profile, options):
        repeat = options["repeat"]
        reset_database(options["keep_db"])
        benches = sorted(collect(BENCH_PAGES), key=lambda b: (b.order, b.name))
        scales = self.scales(benches, profile, options["scale"])
        started = time.perf_counter()
        call_command("migrate", verbosity=0, interactive=False)
        call_command("load_demo_content", verbosity=0, stdout=StringIO())
        for bench in benches:
            begun = time.perf_counter()
            bench.build(scales[bench.name])
            seconds = time.perf_counter() - begun
            self.stdout.write(f"  {bench.name}: Scale {scales[bench.name]} in {seconds:.1f} s")
        build_seconds = time.perf_counter() - started
        self.stdout.write(
            f"Datenbank {profile} ({connection.vendor}, {settings.DATABASES['default']['NAME']}) "
            f"gebaut in {build_seconds:.1f} s\n"
        )
        only = {name for name in options["only"].split(",") if name}
        client = Client(HTTP_HOST="localhost")
        rows = []
        header = (
            f"{'name':<26} {'url':<34} {'status':>6} {'median ms':>10} {'p95 ms':>8} "
            f"{'queries':>8} {'peak KiB':>9} cache"
        )
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        for bench in benches:
            for name, url in bench.urls():
                if only and name not in only:
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
                    # A page cache answering would measure the cache, not the render: say so.
                    "cache": response.headers.get(CACHE_HEADER, "-"),
                }
                rows.append(row)
                self.stdout.write(
                    f"{name:<26} {url[:34]:<34} {row['status']:>6} {row['median_ms']:>10.2f} "
                    f"{row['p95_ms']:>8.2f} {row['queries']:>8} {row['peak_kib']:>9.1f} "
                    f"{row['cache']}"
                )
        return {
            "profile": profile,
            "scales": scales,
            "repeat": repeat,
            "build_seconds": round(build_seconds, 1),
            "database": connection.vendor,
            "results": rows,
        }

    def write_results(self, payload, json_path, prefix):
        results_dir = Path(settings.BASE_DIR) / "bench" / "results"
        results_dir.mkdir(parents=True, exist_ok=True)
        stamp = time.strftime("%Y%m%d-%H%M%S")
        paths = [Path(json_path)] if json_path else []
        if not json_path:
            paths = [results_dir / f"{prefix}-{stamp}.json", results_dir / "latest.json"]
        for path in paths:
            path.write_text(json.dumps(payload, indent=2, ensure_ascii=False))
        self.stdout.write(f"\nErgebnisse: {paths[0]}")

    def check_status(self, rows):
        # A page that answers an error measures the error page: say so instead of a number.
        wrong = [
            f"{row['name']} ({row['url']}): {row['status']}"
            for row in rows
            if row["status"] != (404 if row["name"].startswith("not_found") else 200)
        ]
        if wrong:
            raise CommandError("Unerwarteter Status: " + "; ".join(wrong))

    def compare(self, options):
        """Both profiles, each in its own process (its own database), then one table."""
        results_dir = Path(settings.BASE_DIR) / "var"
        results_dir.mkdir(parents=True, exist_ok=True)
        payloads = {}
        for profile in PROFILES:
            out = results_dir / f"bench-{profile}.json"
            command = [
                sys.executable,
                sys.argv[0],
                "bench",
                "--profile",
                profile,
                "--scale",
                str(options["scale"]),
                "--repeat",
                str(options["repeat"]),
                "--json",
                str(out),
            ]
            if options["keep_db"]:
                command.append("--keep-db")
            if options["only"]:
                command += ["--only", options["only"]]
            self.stdout.write(f"== {profile} ==")
            env = {**os.environ, "BENCH_PROFILE": profile}
            code = subprocess.call(command, env=env)  # noqa: S603
            if code:
                raise CommandError(f"Benchmark ({profile}) endete mit {code}.")
            payloads[profile] = json.loads(out.read_text())
        small = {row["name"]: row for row in payloads["small"]["results"]}
        lines = [
            f"Datenbank: {payloads['large']['database']}; Wiederholungen: {options['repeat']}; "
            f"Scales klein {payloads['small']['scales']}, groß {payloads['large']['scales']}",
            "",
            f"{'page':<26} {'small ms':>9} {'large ms':>9} {'ratio':>6} {'p95 s':>7} "
            f"{'p95 l':>7} {'q small':>7} {'q large':>7}  notes",
        ]
        lines.append("-" * len(lines[-1]))
        rows = []
        for row in payloads["large"]["results"]:
            before = small.get(row["name"])
            if before is None:
                continue
            ratio = row["median_ms"] / before["median_ms"] if before["median_ms"] else 0
            notes = []
            if row["queries"] != before["queries"]:
                notes.append("queries grow")
            if row["queries"] > QUERY_LIMIT:
                notes.append(f"> {QUERY_LIMIT} queries")
            if ratio > 1.5:  # noqa: PLR2004
                notes.append("not flat")
            if "hit" in (row["cache"], before["cache"]):
                notes.append("cache hit")
            if row["status"] != before["status"] or row["status"] >= 400:  # noqa: PLR2004
                notes.append(f"status {before['status']}/{row['status']}")
            rows.append({"name": row["name"], "small": before, "large": row, "ratio": ratio})
            lines.append(
                f"{row['name']:<26} {before['median_ms']:>9.2f} {row['median_ms']:>9.2f} "
                f"{ratio:>6.2f} {before['p95_ms']:>7.1f} {row['p95_ms']:>7.1f} "
                f"{before['queries']:>7} {row['queries']:>7}  {', '.join(notes)}"
            )
        table = "\n".join(lines)
        self.stdout.write("\n" + table)
        out_dir = Path(settings.BASE_DIR) / "bench" / "results"
        out_dir.mkdir(parents=True, exist_ok=True)
        (out_dir / f"large-{payloads['large']['database']}.txt").write_text(table + "\n")
        (out_dir / "large-latest.json").write_text(
            json.dumps({"profiles": payloads, "rows": rows}, indent=2, ensure_ascii=False)
        )
        return None
