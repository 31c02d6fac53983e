"""Site search over all page types, in the visitor's language."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_search_finds_pages_in_the_active_language(client):
    html = client.get("/de/suche/", {"q": "Seminarräume"}).content.decode()
    assert '<a href="/de/raumvermietung/">Raumvermietung</a>' in html
    english = client.get("/en/search/", {"q": "seminar"}).content.decode()
    assert '<a href="/en/room-hire/">Room hire</a>' in english
    assert "/de/raumvermietung/" not in english


def test_search_without_query_shows_the_form(client):
    response = client.get("/de/suche/")
    assert response.status_code == 200
    assert 'name="q"' in response.content.decode()


def test_search_reports_no_results_kindly(client):
    html = client.get("/de/suche/", {"q": "Quetschkommode"}).content.decode()
    assert "0 Ergebnisse für „Quetschkommode“." in html


@pytest.mark.parametrize(
    "params",
    [
        {"q": "x" * 5000},
        {"q": "<script>alert(1)</script>"},
        {"q": "Saal", "seite": "abc"},
        {"q": "Saal", "seite": "99999"},
        {"q": "\x00"},
        {"q": "' OR 1=1 --"},
        {"q": "🎻 Konzert"},
        {"q": '"'},
        {"q": 'abc"'},
        {"q": '"Saal'},
        {"q": "("},
        {"q": "NEAR("},
        {"q": "*"},
        {"q": "-"},
        {"q": "AND OR"},
        {"q": "Saal " * 4000},
        {"q": " ".join(f"w{n}" for n in range(3000))},
    ],
)
def test_search_survives_any_input(client, params):
    response = client.get("/de/suche/", params)
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_search_reads_quotes_as_word_separators(client):
    html = client.get("/en/search/", {"q": '"seminar'}).content.decode()
    assert '<a href="/en/room-hire/">Room hire</a>' in html


def test_search_pages_through_results(client):
    from tests.factories import standard_page

    for number in range(12):
        standard_page(f"Flohmarkt {number}", slug=f"flohmarkt-{number}", intro="Flohmarkt im Hof")
    first = client.get("/de/suche/", {"q": "Flohmarkt"}).content.decode()
    assert "Seite 1 von 2" in first and 'href="?q=Flohmarkt&amp;seite=2"' in first
    second = client.get("/de/suche/", {"q": "Flohmarkt", "seite": 2}).content.decode()
    assert second.count("<li>\n                            <h2>") == 2


def test_search_query_count_does_not_grow_with_results(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import standard_page

    standard_page("Zwiebelmarktabend 0", slug="tanzabend-0", intro="Zwiebelmarktabend im Saal")
    client.get("/de/suche/", {"q": "Zwiebelmarktabend"})
    with CaptureQueriesContext(connection) as few:
        client.get("/de/suche/", {"q": "Zwiebelmarktabend"})
    for number in range(1, 9):
        standard_page(
            f"Zwiebelmarktabend {number}",
            slug=f"tanzabend-{number}",
            intro="Zwiebelmarktabend im Saal",
        )
    client.get("/de/suche/", {"q": "Zwiebelmarktabend"})  # publishing renewed the cached chrome
    with CaptureQueriesContext(connection) as many:
        html = client.get("/de/suche/", {"q": "Zwiebelmarktabend"}).content.decode()
    assert "9 Ergebnisse" in html
    assert len(many) == len(few)


@pytest.mark.django_db
def test_pagination_shows_first_last_and_neighbouring_page_numbers(rf):
    from django.template.loader import render_to_string

    from home.pagination import paginate

    request = rf.get("/", {"seite": "6"})
    page = paginate(request, list(range(120)), 10)
    html = render_to_string("includes/pagination.html", {"items": page})
    linked = re.findall(r'href="\?seite=(\d+)"', html)
    assert linked == ["5", "1", "5", "7", "12", "7"]
    assert html.count('aria-hidden="true">…</span>') == 2
    assert 'aria-current="page"' in html and "Seite 6 von 12" in html


# Queries of a results page with every feature app installed: the site's chrome and the
# visitor's language, then each source's count and, for the sources on the page shown, its
# slice (ids ranked in the database, then the pages and their summaries).
SEARCH_QUERIES_ALL_APPS = 16


def _search_queries():
    """The pin where every feature app is installed; None for other app sets (not pinned yet:
    there the test checks that the count does not change with the number of hits)."""
    from django.apps import apps

    if all(apps.is_installed(app) for app in ("blog", "kulturnetz", "processes")):
        return SEARCH_QUERIES_ALL_APPS
    return None


@pytest.mark.parametrize("matching_pages", [3, 25])
@pytest.mark.parametrize("page", [1, 2])
def test_search_page_queries_are_pinned_whatever_the_number_of_hits(client, matching_pages, page):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import standard_page

    for number in range(matching_pages):
        standard_page(f"Flohmarkt {number}", slug=f"flohmarkt-{number}", intro="Im Hof")
    params = {"q": "Flohmarkt", "seite": page}
    client.get("/de/suche/", params)
    with CaptureQueriesContext(connection) as captured:
        html = client.get("/de/suche/", params).content.decode()
    pinned = _search_queries()
    if pinned is not None:
        assert len(captured) == pinned, [query["sql"] for query in captured.captured_queries]
    assert f"{matching_pages} Ergebnisse" in html
    shown = html.count("<li>\n                            <h2>")
    expected = matching_pages - 10 * (page - 1) if matching_pages > 10 else matching_pages
    assert shown == min(10, expected)


def test_search_page_describes_itself_for_search_engines(client):
    # Lighthouse's SEO check wants a description even on a page that asks not to be indexed.
    html = client.get("/de/suche/?q=Saal").content.decode()
    assert '<meta name="description" content="' in html
    assert 'name="robots" content="noindex"' in html
