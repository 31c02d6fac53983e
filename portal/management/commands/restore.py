"""`manage.py restore DIR`: bring back a backup of `manage.py backup` and prove it came back.

The backup's files are checked against their checksums before anything is replaced; after the
restore, the row counts of every table and the checksum of every upload are compared with the
manifest, and any difference ends the command with a non-zero exit code.
"""

import json
import sqlite3
import tarfile
from datetime import datetime
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, connections
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from .backup import (
    DATABASE_FILES,
    MANIFEST,
    MANIFEST_FORMAT,
    describe_storage,
    files,
    media_storage,
    pg_command,
    row_counts,
    run_tool,
    sha256_of,
)

CONFIRMATION = "ja"


def taken_at(manifest):
    created = timezone.localtime(datetime.fromisoformat(manifest["created"]))
    return created.strftime("%d.%m.%Y %H:%M:%S")


def read_manifest(folder):
    if not folder.is_dir():
        raise CommandError(f"Keine Sicherung: den Ordner {folder} gibt es nicht.")
    path = folder / MANIFEST
    if not path.is_file():
        raise CommandError(
            f"Keine vollständige Sicherung in {folder}: {MANIFEST} fehlt "
            "(die Sicherung wurde nicht zu Ende geschrieben)."
        )
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        database = manifest["database"]
        taken_at(manifest)
        valid = (
            manifest["format"] == MANIFEST_FORMAT
            and manifest["engine"] in DATABASE_FILES
            and database["file"] == DATABASE_FILES[manifest["engine"]]
            and isinstance(database["tables"], dict)
            and isinstance(manifest["migrations"], dict)
            and (manifest["media"] is None or isinstance(manifest["media"]["files"], dict))
        )
    except (ValueError, KeyError, TypeError) as error:
        raise CommandError(f"{path} ist beschädigt: {error}") from error
    if not valid:
        raise CommandError(f"{path} ist beschädigt oder stammt nicht von manage.py backup.")
    return manifest


def check_file(folder, entry):
    path = folder / entry["file"]
    if not path.is_file():
        raise CommandError(f"Die Sicherung ist unvollständig: {path} fehlt.")
    if sha256_of(path) != entry["sha256"]:
        raise CommandError(f"{path} ist beschädigt: die Prüfsumme stimmt nicht mit {MANIFEST}.")
    return path


class Command(BaseCommand):
    help = (
        "Spielt eine Sicherung von manage.py backup zurück: ersetzt die konfigurierte Datenbank "
        "(SQLite über die Online-Backup-Schnittstelle, PostgreSQL mit pg_restore) und die Uploads "
        "in MEDIA_ROOT und prüft danach Zeilenzahlen und Prüfsummen gegen manifest.json. Vorher "
        "App-Server und Task-Worker anhalten. Uploads in einem Bucket (S3) stellt dessen "
        "Versionierung wieder her."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path, help="Ordner der Sicherung")
        parser.add_argument(
            "--no-input",
            "--noinput",
            action="store_false",
            dest="interactive",
            help="nicht nachfragen",
        )

    def handle(self, *args, folder, interactive, **options):
        folder = folder.resolve()
        manifest = read_manifest(folder)
        database_file = check_file(folder, manifest["database"])
        media_archive = check_file(folder, manifest["media"]) if manifest["media"] else None
        if manifest["engine"] != connection.vendor:
            raise CommandError(
                f"Die Sicherung ist eine {manifest['engine']}-Datenbank, konfiguriert ist "
                f"{connection.vendor}: DATABASE_URL prüfen."
            )
        storage = media_storage()
        if interactive:
            self.confirm(manifest, storage)

        connections.close_all()
        if connection.vendor == "sqlite":
            self.restore_sqlite(database_file)
        else:
            self.restore_postgresql(database_file)
        differences = self.verify_database(manifest["database"]["tables"])

        if manifest["media"] is None:
            self.stdout.write(
                "Die Sicherung enthält keine Uploads (sie lagen im Bucket, den seine "
                "Versionierung sichert)."
            )
        elif storage is None:
            self.stdout.write(
                f"Uploads liegen {describe_storage()}: media.tar.gz wird nicht entpackt, "
                "der Bucket wird über seine Versionierung wiederhergestellt."
            )
        else:
            differences += self.restore_media(media_archive, manifest["media"]["files"], storage)

        self.report_migrations(manifest["migrations"])
        connections.close_all()
        if differences:
            raise CommandError(
                "Die Wiederherstellung stimmt nicht mit der Sicherung überein: "
                f"{differences} {'Abweichung' if differences == 1 else 'Abweichungen'}."
            )
        self.stdout.write(self.style.SUCCESS(f"Sicherung vom {taken_at(manifest)} zurückgespielt."))

    def confirm(self, manifest, storage):
        name = connection.settings_dict["NAME"]
        if storage and manifest["media"]:
            replaced = f"Die Datenbank {name} und die Uploads in {storage.location} werden"
        else:
            replaced = f"Die Datenbank {name} wird"
        question = (
            f"{replaced} durch die Sicherung vom {taken_at(manifest)} ersetzt. Zum Fortfahren "
            f"„{CONFIRMATION}“ eingeben: "
        )
        try:
            answer = input(question)
        except EOFError:
            answer = ""
        if answer.strip().lower() != CONFIRMATION:
            raise CommandError("Abgebrochen: nichts wurde verändert.")

    def restore_sqlite(self, database_file):
        target = Path(connection.settings_dict["NAME"])
        target.parent.mkdir(parents=True, exist_ok=True)
        source = sqlite3.connect(database_file)
        # Through SQLite itself, not by copying the file: the target's journal (WAL) stays
        # consistent, and a process that still has it open sees the old or the new database.
        destination = sqlite3.connect(target, timeout=20)
        try:
            source.backup(destination)
        except sqlite3.Error as error:
            raise CommandError(
                f"Die Datenbank {target} ließ sich nicht ersetzen: {error}"
            ) from error
        finally:
            destination.close()
            source.close()
        self.stdout.write(f"Datenbank wiederhergestellt: {target}")

    def restore_postgresql(self, database_file):
        call_command("create_database", stdout=self.stdout)
        connections.close_all()
        args, env = pg_command(
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
        )
        run_tool([*args, str(database_file)], env)
        self.stdout.write(f"Datenbank wiederhergestellt: {connection.settings_dict['NAME']}")

    def verify_database(self, expected):
        with connection.cursor() as cursor:
            actual = row_counts(cursor, connection.vendor)
        differences = 0
        for table in sorted(expected.keys() | actual.keys()):
            if table not in actual:
                self.stderr.write(f"Tabelle fehlt: {table}")
            elif table not in expected:
                self.stderr.write(
                    f"Tabelle steht nicht in der Sicherung: {table} (in eine leere Datenbank "
                    "wiederherstellen)"
                )
            elif actual[table] != expected[table]:
                self.stderr.write(
                    f"Zeilenzahl weicht ab: {table} hat {actual[table]} statt {expected[table]}"
                )
            else:
                continue
            differences += 1
        if not differences:
            self.stdout.write(
                f"Zeilenzahlen stimmen mit der Sicherung überein: {len(expected)} Tabellen, "
                f"{sum(expected.values())} Zeilen."
            )
        return differences

    def restore_media(self, archive_path, checksums, storage):
        root = Path(storage.location)
        root.mkdir(parents=True, exist_ok=True)
        with tarfile.open(archive_path, "r:gz") as archive:
            members = archive.getmembers()
            unknown = sorted(member.name for member in members if member.name not in checksums)
            if unknown:
                raise CommandError(
                    f"media.tar.gz enthält Dateien, die {MANIFEST} nicht nennt: {unknown[:5]}"
                )
            # The "data" filter refuses absolute paths, links out of the folder and devices.
            archive.extractall(root, members=members, filter="data")
        differences = 0
        for name, checksum in sorted(checksums.items()):
            path = root / name
            if not path.is_file():
                self.stderr.write(f"Upload fehlt: {name}")
            elif sha256_of(path) != checksum:
                self.stderr.write(f"Prüfsumme weicht ab: {name}")
            else:
                continue
            differences += 1
        if not differences:
            self.stdout.write(
                f"Uploads wiederhergestellt: {files(len(checksums))} in {root}, Prüfsummen stimmen."
            )
        extra = sum(
            1
            for path in root.rglob("*")
            if path.is_file() and path.relative_to(root).as_posix() not in checksums
        )
        if extra:
            self.stdout.write(
                f"In {root} liegen {files(extra)}, die nicht in der Sicherung stehen; sie bleiben."
            )
        return differences

    def report_migrations(self, backed_up):
        executor = MigrationExecutor(connection)
        unknown = sorted(
            f"{app}.{name}"
            for app, name in backed_up.items()
            if (app, name) not in executor.loader.graph.nodes
        )
        if unknown:
            self.stdout.write(
                "Die Sicherung enthält Migrationen, die dieser Code nicht kennt (sie stammt von "
                f"einer neueren Version oder mit anderen Apps): {', '.join(unknown)}"
            )
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            self.stdout.write("Die Datenbank ist älter als der Code: manage.py migrate ausführen.")
        else:
            self.stdout.write("Migrationsstand: passt zum Code.")
