"""The load balancer's probe: cheap, outside the languages, never cached, never redirected."""

import pytest

pytestmark = pytest.mark.django_db


def test_healthz_reports_database_and_cache(client, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_healthz_answers_503_when_the_cache_is_down(client, monkeypatch):
    from portal import views

    def broken(*args, **kwargs):
        raise ConnectionError("Redis is gone")

    monkeypatch.setattr(views.cache, "get", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["cache"] == "error"


def test_healthz_is_exempt_from_the_https_redirect(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_REDIRECT_EXEMPT = ["^healthz$"]
    assert client.get("/healthz").status_code == 200
    assert client.get("/de/").status_code == 301
