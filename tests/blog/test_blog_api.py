"""The blog's part of the v3 API: its public taxonomies."""

import pytest

pytestmark = pytest.mark.django_db


def test_public_taxonomies_need_no_token_and_hide_private_fields(client):
    categories = client.get("/api/v3/blog/categories/", {"locale": "de"})
    assert categories.status_code == 200
    assert categories.json() and {c["locale"] for c in categories.json()} == {"de"}
    assert set(categories.json()[0]) == {"id", "name", "slug", "description", "locale"}
    authors = client.get("/api/v3/blog/authors/", {"locale": "en"})
    assert authors.status_code == 200
    assert authors.json() and {a["locale"] for a in authors.json()} == {"en"}
    assert set(authors.json()[0]) == {"id", "name", "slug", "role", "bio", "locale"}
    assert "@" not in authors.content.decode()
    both = client.get("/api/v3/blog/authors/").json()
    assert {a["locale"] for a in both} == {"de", "en"}
    junk = client.get("/api/v3/blog/categories/", {"locale": '"'})
    assert junk.status_code == 422
