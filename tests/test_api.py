"""The headless API: Wagtail's v3 with the locales route restored, documented in one place."""

import re

import pytest
from wagtail.models import APIToken

pytestmark = pytest.mark.django_db


def test_pages_are_listed_per_language(client):
    response = client.get("/api/v3/pages/", {"type": "home.StandardPage", "locale": "en"})
    assert response.status_code == 200
    titles = {item["title"] for item in response.json()["items"]}
    assert {"About us", "Room hire", "Privacy policy"} <= titles
    assert "Über uns" not in titles


def test_page_detail_has_api_fields(client):
    listing = client.get("/api/v3/pages/", {"type": "home.HomePage", "locale": "de"}).json()
    detail = client.get(f"/api/v3/pages/{listing['items'][0]['id']}/").json()
    assert detail["hero_heading"] == "Willkommen im Haus am Westbahnhof"
    assert detail["header_image"]["width"] == 1200
    assert detail["meta"]["html_url"].endswith("/de/")


def test_locales_route_is_back_and_needs_a_token(client, superuser):
    assert client.get("/api/v3/locales/").status_code == 401
    _token, plaintext = APIToken.create_token(user=superuser, name="Test")
    response = client.get("/api/v3/locales/", HTTP_AUTHORIZATION=f"Bearer {plaintext}")
    assert response.status_code == 200
    codes = {item["language_code"] for item in response.json()["items"]}
    assert codes == {"de", "en"}


def test_one_openapi_document_describes_everything(client):
    document = client.get("/api/v3/openapi.json").json()
    assert document["openapi"].startswith("3.1")
    assert "/api/v3/pages/" in document["paths"]
    assert "/api/v3/locales/" in document["paths"]


def test_interactive_docs_load_nothing_from_third_parties(client):
    response = client.get("/api/v3/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "swagger-ui-bundle.js" in html
    assert not re.search(r'(src|href)="https?://', html)


def test_unpublished_pages_are_not_in_the_api(client):
    from tests.factories import standard_page

    page = standard_page("Nicht öffentlich", slug="nicht-oeffentlich", publish=False)
    response = client.get(f"/api/v3/pages/{page.pk}/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/")


def test_writes_need_a_token(client):
    response = client.post(
        "/api/v3/pages/",
        {"type": "home.StandardPage", "title": "x"},
        content_type="application/json",
    )
    assert response.status_code in (401, 403)
