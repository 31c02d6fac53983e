"""`manage.py backup` and `manage.py restore`: a backup taken while the portal keeps writing
comes back with the row counts and upload checksums of its manifest, on SQLite and PostgreSQL.

The round trips run the commands as an operator would, in processes of their own, on an SQLite
file and on scratch databases of the local PostgreSQL server (the suite's own test database
may live in memory). The schema is created from the models and every migration recorded as
applied (`migrate --fake`): running all migrations takes half a minute per database here, and
the backup copies whatever tables there are. `.ci/deploy-check` restores a fully migrated
database.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test import override_settings

from portal.management.commands.backup import Command as BackupCommand

BASE_DIR = Path(__file__).resolve().parents[1]
POSTGRES = "postgres://postgres@127.0.0.1:5432"
SCRATCH = f"portal_backup_test_{os.getpid()}"
# PostgreSQL only where the suite has a server (.ci/run's PostgreSQL stage; tests/conftest.py
# leaves `needs_postgres` tests out elsewhere, so `make test` needs no database server).
WITH_POSTGRES = os.environ.get("DATABASE_URL", "").startswith("postgres")
ENGINES = [
    "sqlite",
    pytest.param("postgresql", marks=pytest.mark.needs_postgres),
]

# The test settings with MEDIA_ROOT from the environment (portal.settings.test gives every
# process a folder of its own), so the writer, backup and restore share one.
SETTINGS = """
import os
from portal.settings.test import *  # noqa: F403

MEDIA_ROOT = os.environ["MEDIA_ROOT"]
"""

# The portal at work, on a database of its own: the tables are created from the models and
# every migration is recorded as applied; then a collection is added in each transaction
# (treebeard counts the parent's children in the same transaction: a copy torn between two
# transactions would show it) and an upload written beside it, until the stop file appears.
AT_WORK = r"""
import sys
import time
from pathlib import Path
import django
django.setup()
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.test.utils import override_settings
from wagtail.models import Collection

class WithoutMigrations(dict):
    def __contains__(self, app):
        return True

    def __getitem__(self, app):
        return None

with override_settings(MIGRATION_MODULES=WithoutMigrations()):
    call_command("migrate", run_syncdb=True, verbosity=0)
call_command("migrate", fake=True, verbosity=0)

writing, stop = Path(sys.argv[1]), Path(sys.argv[2])
uploads = Path(settings.MEDIA_ROOT) / "documents"
uploads.mkdir(parents=True, exist_ok=True)
Collection.add_root(name="Root")
number = 0
while not stop.exists():
    number += 1
    with transaction.atomic():
        Collection.get_first_root_node().add_child(name=f"Sammlung {number}")
    (uploads / f"laufend-{number}.txt").write_bytes(b"Protokoll\n" * (number % 40 + 1))
    if number == 20:
        writing.touch()
    # A steady stream, not a busy loop: the backups share the two cores.
    time.sleep(0.01)
"""

SEED_UPLOADS = {
    "original_images/brücke.jpg": os.urandom(200_000),
    "documents/satzung.pdf": b"%PDF-1.4 Satzung des Vereins\n" * 100,
}


def sha256(data):
    return hashlib.sha256(data).hexdigest()


class Portal:
    """One database and media folder, and how to run manage.py and count rows on it."""

    def __init__(self, engine, folder, settings_dir, database):
        self.engine = engine
        self.folder = folder
        self.media = folder / "media"
        self.database = database
        self.env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
        self.env.update(
            DJANGO_SETTINGS_MODULE="backup_test_settings",
            PYTHONPATH=str(settings_dir),
            MEDIA_ROOT=str(self.media),
        )
        if engine == "sqlite":
            self.env["SQLITE_PATH"] = str(database)
        else:
            self.env["DATABASE_URL"] = f"{POSTGRES}/{database}"

    def start(self, *args):
        return subprocess.Popen(
            [sys.executable, *args],
            cwd=BASE_DIR,
            env=self.env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def manage(self, *args):
        process = self.start("manage.py", *args)
        stdout, stderr = process.communicate(timeout=300)
        return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)

    def query(self, sql):
        if self.engine == "sqlite":
            with sqlite3.connect(self.database, timeout=20) as db:
                return db.execute(sql).fetchall()
        with psycopg.connect(f"{POSTGRES}/{self.database}", autocommit=True) as db:
            return db.execute(sql).fetchall()

    def tables(self):
        if self.engine == "sqlite":
            sql = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        else:
            sql = "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
        return {name for (name,) in self.query(sql)}

    def collections(self):
        return self.query("SELECT count(*) FROM wagtailcore_collection")[0][0]


def drop_scratch_databases():
    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as server:
        for name in (SCRATCH, f"{SCRATCH}_restored"):
            server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def portals(tmp_path_factory):
    """An SQLite file and a PostgreSQL database to be, each with a media folder of uploads."""
    root = tmp_path_factory.mktemp("backup")
    (root / "backup_test_settings.py").write_text(SETTINGS)
    prepared = {
        "sqlite": Portal("sqlite", root / "sqlite", root, root / "sqlite" / "portal.sqlite3"),
    }
    if WITH_POSTGRES:
        drop_scratch_databases()
        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as server:
            server.execute(f'CREATE DATABASE "{SCRATCH}"')
        prepared["postgresql"] = Portal("postgresql", root / "postgresql", root, SCRATCH)
    for portal in prepared.values():
        for name, data in SEED_UPLOADS.items():
            (portal.media / name).parent.mkdir(parents=True, exist_ok=True)
            (portal.media / name).write_bytes(data)
    yield prepared
    if WITH_POSTGRES:
        drop_scratch_databases()


@pytest.fixture(scope="module")
def backups(portals):
    """A backup of each database, taken while its portal goes on adding rows and uploads.

    Both portals, and then both backups, run at once (two cores)."""
    writers = {}
    try:
        for engine, portal in portals.items():
            writing, stop = portal.folder / "writing", portal.folder / "stop"
            writers[engine] = portal.start("-c", AT_WORK, str(writing), str(stop))
        deadline = time.monotonic() + 180
        for engine, portal in portals.items():
            while not (portal.folder / "writing").exists():
                assert writers[engine].poll() is None, writers[engine].communicate()[1][-3000:]
                assert time.monotonic() < deadline, f"{engine}: the portal did not start writing"
                time.sleep(0.1)
        before = {engine: portal.collections() for engine, portal in portals.items()}
        running = {
            engine: portal.start("manage.py", "backup", "--output", str(portal.folder / "backup"))
            for engine, portal in portals.items()
        }
        finished = {engine: process.communicate(timeout=300) for engine, process in running.items()}
        # The portals go on writing after the copy (once the backup has gone, at the latest).
        after = {}
        for engine, portal in portals.items():
            copied = json.loads((portal.folder / "backup" / "manifest.json").read_text())
            copied = copied["database"]["tables"]["wagtailcore_collection"]
            while (after.get(engine) or 0) <= copied and time.monotonic() < deadline:
                after[engine] = portal.collections()
                time.sleep(0.05)
    finally:
        for portal in portals.values():
            (portal.folder / "stop").touch()
        for engine, writer in writers.items():
            _, stderr = writer.communicate(timeout=60)
            assert writer.returncode == 0, f"{engine}: {stderr[-3000:]}"
    taken = {}
    for engine, portal in portals.items():
        stdout, stderr = finished[engine]
        assert running[engine].returncode == 0, f"{engine}: {stderr[-3000:]}"
        folder = portal.folder / "backup"
        taken[engine] = {
            "folder": folder,
            "manifest": json.loads((folder / "manifest.json").read_text()),
            "stdout": stdout,
            "before": before[engine],
            "after": after[engine],
        }
    return taken


def restore_into_fresh(portal, folder, target):
    """A Portal on a new database and media folder, and the result of restoring into it."""
    if portal.engine == "sqlite":
        fresh = Portal("sqlite", target, Path(portal.env["PYTHONPATH"]), target / "new.sqlite3")
    else:
        fresh = Portal("postgresql", target, Path(portal.env["PYTHONPATH"]), f"{SCRATCH}_restored")
    return fresh, fresh.manage("restore", str(folder), "--no-input")


@pytest.mark.own_process
@pytest.mark.xdist_group("backup_restore")
@pytest.mark.parametrize("engine", ENGINES)
def test_a_backup_taken_during_writes_restores_with_matching_row_counts_and_media_checksums(
    portals, backups, engine, tmp_path
):
    backup = backups[engine]
    manifest = backup["manifest"]
    assert manifest["engine"] == engine
    assert "Sicherung geschrieben:" in backup["stdout"]
    # The writer went on before, during and after the copy; the manifest counts the copy.
    copied = manifest["database"]["tables"]["wagtailcore_collection"]
    assert backup["before"] < copied < backup["after"]
    uploads = manifest["media"]["files"]
    for name, data in SEED_UPLOADS.items():
        assert uploads[name] == sha256(data)
    assert any(name.startswith("documents/laufend-") for name in uploads)

    fresh, restore = restore_into_fresh(portals[engine], backup["folder"], tmp_path)

    assert restore.returncode == 0, restore.stdout + restore.stderr
    assert "Zeilenzahlen stimmen mit der Sicherung überein" in restore.stdout
    assert f"Uploads wiederhergestellt: {len(uploads)} Dateien" in restore.stdout
    assert "Prüfsummen stimmen" in restore.stdout
    assert "Migrationsstand: passt zum Code." in restore.stdout
    latest = dict(fresh.query("SELECT app, name FROM django_migrations ORDER BY id"))
    assert manifest["migrations"] == latest
    assert "wagtailcore" in latest
    assert fresh.tables() == set(manifest["database"]["tables"])
    for table, count in manifest["database"]["tables"].items():
        assert fresh.query(f'SELECT count(*) FROM "{table}"')[0][0] == count, table
    # One transaction at a time: the root's child count matches its children.
    [(numchild,)] = fresh.query("SELECT numchild FROM wagtailcore_collection WHERE depth = 1")
    assert numchild == copied - 1
    restored = {
        path.relative_to(fresh.media).as_posix(): sha256(path.read_bytes())
        for path in fresh.media.rglob("*")
        if path.is_file()
    }
    assert restored == uploads


@pytest.mark.own_process
@pytest.mark.xdist_group("backup_restore")
def test_a_restore_that_differs_from_its_manifest_exits_non_zero_naming_each_difference(
    portals, backups, tmp_path
):
    folder = tmp_path / "backup"
    shutil.copytree(backups["sqlite"]["folder"], folder)
    manifest = json.loads((folder / "manifest.json").read_text())
    copied = manifest["database"]["tables"]["wagtailcore_collection"]
    manifest["database"]["tables"]["wagtailcore_collection"] = copied + 1
    manifest["media"]["files"]["documents/satzung.pdf"] = sha256(b"eine andere Satzung")
    (folder / "manifest.json").write_text(json.dumps(manifest))

    _, restore = restore_into_fresh(portals["sqlite"], folder, tmp_path / "target")

    assert restore.returncode == 1
    assert (
        f"Zeilenzahl weicht ab: wagtailcore_collection hat {copied} statt {copied + 1}"
        in restore.stderr
    )
    assert "Prüfsumme weicht ab: documents/satzung.pdf" in restore.stderr
    assert "2 Abweichungen" in restore.stderr


def fake_backup(folder, engine=None):
    """A folder that passes restore's checks of the manifest and the checksums."""
    folder.mkdir()
    engine = engine or connection.vendor
    database = folder / {"sqlite": "database.sqlite3", "postgresql": "database.dump"}[engine]
    database.write_bytes(b"Datenbank")
    manifest = {
        "format": 1,
        "created": "2025-01-01T03:00:00+00:00",
        "engine": engine,
        "migrations": {},
        "database": {"file": database.name, "sha256": sha256(b"Datenbank"), "tables": {}},
        "media": None,
    }
    (folder / "manifest.json").write_text(json.dumps(manifest))
    return folder


def restore_error(folder):
    with pytest.raises(CommandError) as error:
        call_command("restore", str(folder), interactive=False)
    return str(error.value)


def test_restore_refuses_a_missing_unfinished_or_corrupt_backup_folder(tmp_path):
    assert "gibt es nicht" in restore_error(tmp_path / "nirgends")

    (tmp_path / "unfertig").mkdir()
    assert "manifest.json fehlt" in restore_error(tmp_path / "unfertig")

    broken = fake_backup(tmp_path / "kaputt")
    (broken / "manifest.json").write_text('{"format": 1, "engine": ')
    assert "ist beschädigt" in restore_error(broken)

    altered = fake_backup(tmp_path / "verändert")
    next(altered.glob("database.*")).write_bytes(b"Datenbank, anders")
    assert "die Prüfsumme stimmt nicht" in restore_error(altered)

    incomplete = fake_backup(tmp_path / "unvollständig")
    next(incomplete.glob("database.*")).unlink()
    assert "unvollständig" in restore_error(incomplete)

    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    assert "DATABASE_URL prüfen" in restore_error(fake_backup(tmp_path / "andere", other))


def test_restore_asks_before_replacing_anything_and_stops_without_yes(tmp_path, monkeypatch):
    questions = []
    monkeypatch.setattr("builtins.input", lambda question: questions.append(question) or "nein")

    with pytest.raises(CommandError, match="Abgebrochen: nichts wurde verändert"):
        call_command("restore", str(fake_backup(tmp_path / "sicherung")))

    [question] = questions
    assert "ersetzt" in question and "„ja“" in question


def test_backup_never_writes_into_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "alt.txt").write_text("eine frühere Sicherung")

    with pytest.raises(CommandError, match="nicht leer"):
        call_command("backup", output=tmp_path)

    assert [path.name for path in tmp_path.iterdir()] == ["alt.txt"]


def test_uploads_in_a_bucket_are_left_to_its_versioning(tmp_path):
    bucket = {"BACKEND": "django.core.files.storage.InMemoryStorage"}
    with override_settings(STORAGES={"default": bucket}):
        assert BackupCommand().backup_media(tmp_path / "media.tar.gz") is None
    assert not (tmp_path / "media.tar.gz").exists()
    assert "Versionierung des Buckets" in BackupCommand.help
