"""`manage.py backup`: a consistent copy of the database and the uploads, with a manifest.

SQLite is copied with its online backup API, PostgreSQL with `pg_dump` from an exported
snapshot; the row counts in the manifest are taken from that same copy (the backup file, or
the snapshot), so they hold even while the portal keeps writing. `manage.py restore` checks
its work against the manifest.
"""

import hashlib
import json
import os
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

MANIFEST = "manifest.json"
MANIFEST_FORMAT = 1
DATABASE_FILES = {"sqlite": "database.sqlite3", "postgresql": "database.dump"}
MEDIA_ARCHIVE = "media.tar.gz"
CHUNK = 1024 * 1024


def files(number):
    return f"{number} Datei" if number == 1 else f"{number} Dateien"


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        while block := file.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()


def quoted(name):
    return '"' + name.replace('"', '""') + '"'


def row_counts(cursor, vendor):
    """Rows per table, for a DB-API cursor on SQLite or on PostgreSQL (current schema)."""
    if vendor == "sqlite":
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    else:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
    counts = {}
    for (name,) in sorted(cursor.fetchall()):
        cursor.execute(f"SELECT count(*) FROM {quoted(name)}")
        counts[name] = cursor.fetchone()[0]
    return counts


def latest_migrations(cursor):
    """The last applied migration of each app, as recorded in django_migrations."""
    cursor.execute("SELECT app, name FROM django_migrations ORDER BY id")
    return dict(cursor.fetchall())


def media_storage():
    """The upload storage when it is a folder on this machine (not a bucket), else None."""
    storage = storages["default"]
    return storage if isinstance(storage, FileSystemStorage) else None


def describe_storage():
    storage = storages["default"]
    bucket = getattr(storage, "bucket_name", None)
    return f"im Bucket {bucket}" if bucket else f"in {type(storage).__name__}"


def pg_command(tool, *options):
    """Arguments and environment for a PostgreSQL client tool on the configured database."""
    settings_dict = connection.settings_dict
    _, env = connection.client.settings_to_cmd_args_env(settings_dict, [])
    args = [tool, *options]
    for flag, key in (("--username", "USER"), ("--host", "HOST"), ("--port", "PORT")):
        if settings_dict.get(key):
            args.append(f"{flag}={settings_dict[key]}")
    if settings_dict.get("NAME"):
        args.append(f"--dbname={settings_dict['NAME']}")
    return args, {**os.environ, **(env or {})}


def run_tool(args, env):
    try:
        result = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    except FileNotFoundError as error:
        raise CommandError(
            f"{args[0]} nicht gefunden: die PostgreSQL-Client-Programme in der Version des "
            "Servers installieren."
        ) from error
    if result.returncode != 0:
        raise CommandError(f"{args[0]} ist gescheitert:\n{result.stderr.strip()}")


class HashingReader:
    """Hands a file to tarfile and hashes exactly the bytes that went into the archive."""

    def __init__(self, file):
        self.file = file
        self.digest = hashlib.sha256()

    def read(self, size=-1):
        block = self.file.read(size)
        self.digest.update(block)
        return block


class Command(BaseCommand):
    help = (
        "Schreibt eine Sicherung: eine in sich stimmige Kopie der Datenbank (SQLite über die "
        "Online-Backup-Schnittstelle, PostgreSQL mit pg_dump), die Uploads aus MEDIA_ROOT als "
        "media.tar.gz und manifest.json mit Migrationsstand, Zeilenzahlen je Tabelle und "
        "SHA-256-Prüfsummen der Uploads. Uploads in einem Bucket (S3) sichert die Versionierung "
        "des Buckets; sie werden dann übersprungen."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            help="Ordner der Sicherung, leer oder neu (Vorgabe: var/backups/<Zeitpunkt>/)",
        )

    def handle(self, *args, output, **options):
        created = timezone.now()
        if output is None:
            stamp = timezone.localtime(created).strftime("%Y%m%d-%H%M%S")
            output = Path(settings.BASE_DIR) / "var" / "backups" / stamp
        output = output.resolve()
        if output.exists() and (not output.is_dir() or any(output.iterdir())):
            raise CommandError(
                f"{output} ist nicht leer: eine Sicherung braucht einen neuen Ordner."
            )
        output.mkdir(parents=True, exist_ok=True)

        if connection.vendor == "sqlite":
            database = self.backup_sqlite(output / DATABASE_FILES["sqlite"])
        elif connection.vendor == "postgresql":
            database = self.backup_postgresql(output / DATABASE_FILES["postgresql"])
        else:
            raise CommandError(f"Datenbank {connection.vendor} wird nicht unterstützt.")
        media = self.backup_media(output / MEDIA_ARCHIVE)

        manifest = {
            "format": MANIFEST_FORMAT,
            "created": created.isoformat(),
            "engine": connection.vendor,
            "migrations": database.pop("migrations"),
            "database": database,
            "media": media,
        }
        # Written last: a folder without a manifest is an unfinished backup, which restore refuses.
        (output / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")

        tables = database["tables"]
        self.stdout.write(
            f"Datenbank: {database['file']} ({len(tables)} Tabellen, {sum(tables.values())} Zeilen)"
        )
        if media is None:
            self.stdout.write(
                f"Uploads liegen {describe_storage()}: nicht gesichert, dafür sorgt die "
                "Versionierung des Buckets."
            )
        else:
            self.stdout.write(f"Uploads: {MEDIA_ARCHIVE} ({files(len(media['files']))})")
        self.stdout.write(self.style.SUCCESS(f"Sicherung geschrieben: {output}"))

    def backup_sqlite(self, target):
        source_path = Path(connection.settings_dict["NAME"])
        if not source_path.is_file():
            raise CommandError(f"Die Datenbank {source_path} gibt es nicht.")
        # One step: a single read transaction, so the copy is the database at one moment, while
        # other connections go on writing (WAL).
        source = sqlite3.connect(source_path, timeout=20)
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")
            check = copy.execute("PRAGMA integrity_check").fetchone()[0]
            if check != "ok":
                raise CommandError(f"Die Kopie der Datenbank ist fehlerhaft: {check}")
            cursor = copy.cursor()
            tables = row_counts(cursor, "sqlite")
            migrations = latest_migrations(cursor)
        finally:
            copy.close()
            source.close()
        return {
            "file": target.name,
            "sha256": sha256_of(target),
            "tables": tables,
            "migrations": migrations,
        }

    def backup_postgresql(self, target):
        connection.ensure_connection()
        # pg_dump reads the snapshot this transaction exports: the dump and the counts below
        # see the same committed state, whatever is written meanwhile.
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            args, env = pg_command(
                "pg_dump", "--format=custom", f"--file={target}", f"--snapshot={snapshot}"
            )
            run_tool(args, env)
            tables = row_counts(cursor, "postgresql")
            migrations = latest_migrations(cursor)
        return {
            "file": target.name,
            "sha256": sha256_of(target),
            "tables": tables,
            "migrations": migrations,
        }

    def backup_media(self, target):
        storage = media_storage()
        if storage is None:
            return None
        root = Path(storage.location)
        checksums = {}
        with tarfile.open(target, "w:gz") as archive:
            for path in sorted(root.rglob("*")) if root.is_dir() else []:
                if path.is_symlink() or not path.is_file():
                    continue
                name = path.relative_to(root).as_posix()
                with open(path, "rb") as file:
                    info = archive.gettarinfo(fileobj=file, arcname=name)
                    reader = HashingReader(file)
                    archive.addfile(info, reader)
                checksums[name] = reader.digest.hexdigest()
        return {"file": target.name, "sha256": sha256_of(target), "files": checksums}
