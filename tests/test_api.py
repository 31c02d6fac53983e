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
    from home.models import HomePage

    listing = client.get("/api/v3/pages/", {"type": "home.HomePage", "locale": "de"}).json()
    detail = client.get(f"/api/v3/pages/{listing['items'][0]['id']}/").json()
    assert detail["hero_heading"] == "Willkommen im Haus am Westbahnhof"
    assert detail["header_image"]["width"] == 1200
    home = HomePage.objects.get(pk=detail["id"])
    # The page describes its image; the media library's title is no text alternative.
    assert detail["header_image"]["alt"] == home.header_image_alt
    assert detail["header_image"]["alt"] != home.header_image.title
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


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/api/v3/pages/?search=%20", "search"),
        ("/api/v3/pages/?search=%22", "search"),
        ("/api/v3/pages/?search=abc%22", "search"),
        ("/api/v3/pages/?search=%00", "search"),
        ("/api/v3/pages/?search=" + "+".join(f"w{n}" for n in range(3000)), "search"),
        ("/api/v3/pages/?offset=99999999999999999999", "offset"),
        ("/api/v3/pages/?limit=99999999999999999999", "limit"),
        ("/api/v3/pages/?limit=" + "9" * 5000, "limit"),
        ("/api/v3/pages/?type=home.StandardPage&header_image=99999999999999999999", "header_image"),
        (
            "/api/v3/pages/?type=home.StandardPage&header_image=-99999999999999999999",
            "header_image",
        ),
        ("/api/v3/images/?search=%22", "search"),
        ("/api/v3/images/?offset=99999999999999999999", "offset"),
        ("/api/v3/documents/?search=%00", "search"),
    ],
)
def test_wagtail_endpoints_answer_400_for_parameters_that_made_them_fail(client, url, parameter):
    response = client.get(url)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["errors"][0]["loc"] == ["query", parameter]


def test_wagtail_search_with_plain_words_still_works(client):
    response = client.get("/api/v3/pages/", {"search": "Seminarräume", "locale": "de"})
    assert response.status_code == 200
    assert "Raumvermietung" in {item["title"] for item in response.json()["items"]}


def test_openapi_document_is_valid_openapi_3_1(client):
    from openapi_spec_validator import validate
    from openapi_spec_validator.validation import OpenAPIV31SpecValidator

    document = client.get("/api/v3/openapi.json").json()
    validate(document, cls=OpenAPIV31SpecValidator)
    anonymous_read = document["paths"]["/api/v3/pages/"]["get"]["security"]
    assert {} in anonymous_read


@pytest.mark.own_process
def test_generated_client_covers_every_operation(client, tmp_path):
    import json
    import subprocess
    import sys
    from pathlib import Path

    document = client.get("/api/v3/openapi.json").json()
    (tmp_path / "openapi.json").write_text(json.dumps(document))
    (tmp_path / "config.yml").write_text("post_hooks: []\n")
    generator = Path(sys.executable).with_name("openapi-python-client")
    result = subprocess.run(
        [
            generator,
            "generate",
            "--path",
            "openapi.json",
            "--meta",
            "none",
            "--config",
            "config.yml",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "will not be generated" not in output
    assert "Warning" not in output, output


SNIPPETS_FOR_EDITORS_TOOLS = {"blog.Person", "blog.BlogCategory"}


@pytest.mark.feature_app("blog")
def test_snippet_types_for_editors_tools_are_listed_and_readable_with_a_token(client, superuser):
    document = client.get("/api/v3/openapi.json").json()
    parameters = document["paths"]["/api/v3/snippets/{type}/"]["get"]["parameters"]
    listed = next(p for p in parameters if p["name"] == "type")["schema"]["enum"]
    assert SNIPPETS_FOR_EDITORS_TOOLS <= set(listed)
    _token, plaintext = APIToken.create_token(user=superuser, name="Test")
    for snippet_type in SNIPPETS_FOR_EDITORS_TOOLS:
        url = f"/api/v3/snippets/{snippet_type}/"
        assert client.get(url).status_code == 401
        response = client.get(url, HTTP_AUTHORIZATION=f"Bearer {plaintext}")
        assert response.status_code == 200, response.content
        assert response.json()["count"] > 0
        assert "notify_on_comments" not in response.content.decode()
