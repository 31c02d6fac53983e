"""Headers, third-party requests and production settings."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db

PUBLIC_URLS = [
    "/de/",
    "/en/",
    "/de/ueber-uns/",
    "/de/raumvermietung/",
    "/de/suche/?q=Saal",
    "/de/nix/",
]
BASE_DIR = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_public_pages_load_nothing_from_third_parties(client, url):
    html = client.get(url).content.decode()
    # Anything the browser fetches by itself: scripts, styles, images, frames, fonts.
    fetched = re.findall(
        r'<(?:script|link|img|iframe|source)\b[^>]*?(?:src|href|srcset)="([^"]+)"', html
    )
    fetched = [
        u for u in fetched if not u.startswith(("/", "http://testserver/", "http://localhost/"))
    ]
    # rel="alternate"/"canonical" links are not fetched; they point to our own host anyway.
    assert fetched == []


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_public_pages_send_a_strict_content_security_policy(client, url):
    response = client.get(url)
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert "object-src 'none'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in response["Permissions-Policy"]


def test_a_view_can_allow_pictures_from_one_more_origin(rf):
    from django.http import HttpResponse

    from portal.middleware import SecurityHeadersMiddleware

    def view(request):
        response = HttpResponse("Karte")
        response.csp_image_origins = ["https://tiles.example.org"]
        return response

    policy = SecurityHeadersMiddleware(view)(rf.get("/de/"))["Content-Security-Policy"]
    assert "img-src 'self' data: https://tiles.example.org;" in policy
    assert "script-src 'self';" in policy and "connect-src 'self';" in policy


def test_admin_gets_no_strict_policy(client):
    response = client.get("/admin/login/")
    assert "Content-Security-Policy" not in response


def production_env(**extra):
    # The services of the machine running the tests (CI sets DATABASE_URL and REDIS_URL) are
    # not the production environment under test: each test names the ones it wants.
    services = ("DJANGO_", "DATABASE_URL", "REDIS_URL", "SEARCH_URL", "AWS_", "SQLITE_PATH")
    env = {k: v for k, v in os.environ.items() if not k.startswith(services)}
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="a-long-random-production-secret-" + "x7Yq" * 12,
        ALLOWED_HOSTS="portal.example.org",
        **extra,
    )
    return env


def test_deploy_check_passes_with_a_proper_environment(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=production_env(SQLITE_PATH=str(tmp_path / "db.sqlite3")),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_secret_key(tmp_path):
    env = production_env(SQLITE_PATH=str(tmp_path / "db.sqlite3"))
    del env["SECRET_KEY"]
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_sqlite_is_tuned_for_concurrent_writes():
    from portal.settings.base import sqlite_database

    options = sqlite_database("x.sqlite3")["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in options["init_command"]
    assert options["timeout"] >= 20


def test_sqlite_file_database_runs_in_wal_mode(tmp_path):
    import sqlite3

    from django.db.backends.sqlite3.base import DatabaseWrapper

    from portal.settings.base import sqlite_database

    settings_dict = sqlite_database(tmp_path / "wal.sqlite3")
    wrapper = DatabaseWrapper(
        {
            **settings_dict,
            "TIME_ZONE": None,
            "CONN_HEALTH_CHECKS": False,
            "CONN_MAX_AGE": 0,
            "AUTOCOMMIT": True,
            "ATOMIC_REQUESTS": False,
            "USER": "",
            "PASSWORD": "",
            "HOST": "",
            "PORT": "",
            "TEST": {},
        }
    )
    with wrapper.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
    wrapper.close()
    assert (
        sqlite3.connect(tmp_path / "wal.sqlite3").execute("PRAGMA journal_mode").fetchone()[0]
        == "wal"
    )
