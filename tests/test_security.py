"""Headers, third-party requests and production settings."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.headers import csp_directives

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


STRICT_PUBLIC_POLICY = {
    "default-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "script-src": ["'self'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}


def assert_full_header_set(response):
    assert csp_directives(response) == STRICT_PUBLIC_POLICY
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Permissions-Policy"] == (
        "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
    )


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_public_pages_send_a_strict_content_security_policy(client, url):
    assert_full_header_set(client.get(url))


def test_every_kind_of_response_sends_the_full_header_set(client, post):
    home = client.get("/de/")
    blog_post = client.get(post.url)
    # The comment form after a failed POST: the page again, with the errors.
    failed_form = client.post(post.url, {"text": "", "name": "", "email": "kein-at"})
    not_found = client.get("/de/gibt-es-nicht/")
    api = client.get("/api/v3/pages/")
    feed = client.get("/de/blog/feed/rss/")
    assert [r.status_code for r in (home, blog_post, not_found, api, feed)] == [
        200,
        200,
        404,
        200,
        200,
    ]
    assert failed_form.status_code in (200, 400)
    assert "Bitte" in failed_form.content.decode() or "Pflichtfeld" in failed_form.content.decode()
    for response in (home, blog_post, failed_form, not_found, api, feed):
        assert_full_header_set(response)


def test_a_view_can_allow_pictures_from_one_more_origin(rf):
    from django.http import HttpResponse

    from portal.middleware import PortalCSPMiddleware

    def view(request):
        response = HttpResponse("Karte")
        response.csp_image_origins = ["https://tiles.example.org"]
        return response

    response = PortalCSPMiddleware(view)(rf.get("/de/"))
    policy = csp_directives(response)
    assert policy["img-src"] == ["'self'", "data:", "https://tiles.example.org"]
    assert policy == {**STRICT_PUBLIC_POLICY, "img-src": policy["img-src"]}


@pytest.mark.parametrize("url", ["/admin/login/", "/api/v3/docs"])
def test_admin_and_api_docs_get_the_strictest_policy_they_work_with(client, url):
    response = client.get(url, follow=True)
    assert response.status_code == 200
    assert csp_directives(response) == {
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        # The admin shows its preview in a frame of its own.
        "frame-ancestors": ["'self'"],
    }
    assert response["X-Frame-Options"] == "DENY"


def test_a_page_rendered_as_preview_may_be_framed_by_the_admin_only(rf):
    """Wagtail renders a preview through the middleware with a dummy request for the page's
    public address (tests/browser/test_csp.py shows it in the editor's frame)."""
    from django.http import HttpResponse

    from portal.middleware import PortalCSPMiddleware

    def view(request):
        request.is_preview = True
        return HttpResponse("Vorschau")

    policy = csp_directives(PortalCSPMiddleware(view)(rf.get("/de/ueber-uns/")))
    assert policy == {**STRICT_PUBLIC_POLICY, "frame-ancestors": ["'self'"]}


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


@pytest.mark.own_process
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


@pytest.mark.own_process
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
