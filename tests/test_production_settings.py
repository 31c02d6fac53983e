"""The production settings follow the environment: each service switches on by its variable."""

import json
import subprocess
import sys

import pytest
from django.conf import settings

from tests.test_security import production_env

SHOW = (
    "import json; from django.conf import settings as s; print(json.dumps({"
    "'cache': s.CACHES['default']['BACKEND'], 'session': s.SESSION_ENGINE,"
    "'storage': s.STORAGES['default']['BACKEND'], 'static': s.STORAGES['staticfiles']['BACKEND'],"
    "'search': s.WAGTAILSEARCH_BACKENDS['default'], 'tasks': s.TASKS['default']['BACKEND'],"
    "'db': {k: s.DATABASES['default'][k] for k in ('ENGINE', 'NAME', 'CONN_MAX_AGE', 'CONN_HEALTH_CHECKS')},"
    "'logging': s.LOGGING['handlers']['stdout']['formatter'], 'media': s.PORTAL_SERVE_MEDIA,"
    "}, default=str))"
)


def production_settings(tmp_path, **env):
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--command", SHOW],
        cwd=settings.BASE_DIR,
        env=production_env(SQLITE_PATH=str(tmp_path / "db.sqlite3"), **env),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.own_process
def test_the_embedded_default_needs_no_service(tmp_path):
    found = production_settings(tmp_path)
    assert found["db"]["ENGINE"] == "django.db.backends.sqlite3"
    # Files, so that the workers of one machine share the cache and its content generation.
    assert found["cache"] == "django.core.cache.backends.filebased.FileBasedCache"
    assert found["storage"] == "django.core.files.storage.FileSystemStorage"
    assert found["static"] == "portal.storage.MinifiedStaticFilesStorage"
    assert found["search"] == {"BACKEND": "wagtail.search.backends.database"}
    assert found["tasks"] == "django_tasks_db.DatabaseBackend"
    assert found["logging"] == "json"
    assert found["media"] is False


@pytest.mark.own_process
def test_services_switch_on_by_their_variables(tmp_path):
    found = production_settings(
        tmp_path,
        DATABASE_URL="postgres://portal:secret@db.internal:5432/portal",
        REDIS_URL="redis://cache.internal:6379/0",
        AWS_STORAGE_BUCKET_NAME="portal-media",
        AWS_S3_ENDPOINT_URL="https://s3.example.org",
        SEARCH_URL="https://search-1.internal:9200,https://search-2.internal:9200",
    )
    assert found["db"] == {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "portal",
        "CONN_MAX_AGE": 600,
        "CONN_HEALTH_CHECKS": True,
    }
    # Django's Redis cache that serves without Redis while it is away (portal/cache.py).
    assert found["cache"] == "portal.cache.ResilientRedisCache"
    assert found["session"] == "django.contrib.sessions.backends.cached_db"
    assert found["storage"] == "storages.backends.s3.S3Storage"
    assert found["search"]["BACKEND"] == "wagtail.search.backends.opensearch3"
    assert found["search"]["URLS"] == [
        "https://search-1.internal:9200",
        "https://search-2.internal:9200",
    ]


def test_json_log_lines():
    import logging

    from portal.logging import JsonFormatter

    record = logging.LogRecord("portal", logging.ERROR, __file__, 1, "Fehler %s", ("x",), None)
    entry = json.loads(JsonFormatter().format(record))
    assert entry["level"] == "ERROR" and entry["message"] == "Fehler x"
    access = logging.LogRecord(
        "gunicorn.access",
        logging.INFO,
        __file__,
        1,
        "%(m)s %(U)s",
        ({"m": "GET", "U": "/de/", "s": "200", "p": "<41>", "M": "3"},),
        None,
    )
    entry = json.loads(JsonFormatter().format(access))
    assert entry["method"] == "GET" and entry["path"] == "/de/" and entry["status"] == 200
    assert entry["duration_ms"] == 3 and entry["pid"] == 41
