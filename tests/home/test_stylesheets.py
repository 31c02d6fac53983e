"""The stylesheets: one set of tokens, shared files on every page, an app's file only on its pages."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

CSS_DIR = Path(settings.BASE_DIR) / "static" / "css"
SHARED = ["tokens.css", "base.css", "components.css", "forms.css", "comments.css"]


def stylesheets(html):
    """The screen stylesheets a page links, in order (print.css aside)."""
    return [
        href.rsplit("/", 1)[-1]
        for href, media in re.findall(
            r'<link rel="stylesheet" href="([^"]+)"(?: media="([^"]+)")?>', html
        )
        if media != "print"
    ]


def test_tokens_css_holds_the_only_root_and_every_custom_property():
    sources = {path.name: path.read_text() for path in CSS_DIR.glob("*.css")}
    roots = {name: len(re.findall(r"(?m)^:root\s*\{", text)) for name, text in sources.items()}
    assert {name: count for name, count in roots.items() if count} == {"tokens.css": 1}
    defined = set(re.findall(r"(--[\w-]+)\s*:", sources["tokens.css"]))
    for name, text in sources.items():
        # A component may keep its own properties (e.g. the display's row count), defined in
        # its own stylesheet beside where it uses them, never on :root.
        local = set(re.findall(r"(--[\w-]+)\s*:", text)) if name != "tokens.css" else set()
        used = set(re.findall(r"var\((--[\w-]+)", text))
        assert used - defined - local == set(), name


BLOG = pytest.mark.feature_app("blog")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "app_sheets"),
    [
        ("/de/", ["home.css"]),
        ("/de/suche/?q=Haus", ["home.css"]),
        ("/de/ueber-uns/", []),
        pytest.param("/de/blog/", ["blog.css"], marks=BLOG),
        pytest.param("/de/blog/kategorie/digitalisierung/", ["blog.css"], marks=BLOG),
        pytest.param("/de/blog/erst-die-ablaeufe-dann-die-werkzeuge/", ["blog.css"], marks=BLOG),
        pytest.param("/de/blog/erst-die-ablaeufe-dann-die-werkzeuge/melden/1/", [], marks=BLOG),
        ("/de/gibt-es-nicht/", []),
    ],
)
def test_pages_load_the_shared_stylesheets_and_only_their_apps_one(client, url, app_sheets):
    response = client.get(url)
    linked = stylesheets(response.content.decode())
    assert linked == SHARED + app_sheets
    assert all(finders.find(f"css/{name}") for name in linked)
    assert '<link rel="stylesheet" href="/static/css/print.css" media="print">' in (
        response.content.decode()
    )


def test_server_error_page_links_stylesheets_that_exist():
    from django.template.loader import render_to_string

    linked = stylesheets(render_to_string("500.html"))
    assert linked == ["tokens.css", "base.css"]
    assert all(finders.find(f"css/{name}") for name in linked)
