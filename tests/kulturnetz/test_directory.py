"""The directories of actors and venues: filters alone and combined, A–Z, sorting, pages."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.kulturnetz.directory_helpers import add_actor, add_venue

pytestmark = [pytest.mark.django_db, pytest.mark.feature_app("kulturnetz")]

ACTORS = "/de/kulturnetz/kulturaktive/"
VENUES = "/de/kulturnetz/spielstaetten/"
# Queries of a directory page, whatever the number of entries (site, page, filters, counts,
# one page of cards with their kinds, disciplines, districts and logos).
DIRECTORY_QUERIES = 11


def names(response):
    html = response.content.decode()
    return re.findall(r'<h2><a href="[^"]*">([^<]*)</a></h2>', html)


def count(response):
    return int(re.search(r'class="kn-count"[^>]*>\s*(\d+)', response.content.decode()).group(1))


def test_each_actor_filter_alone(client):
    assert count(client.get(ACTORS)) == 30
    musik = client.get(ACTORS + "?sparte=musik")
    assert "Chor Westwind" in names(musik)
    assert "Filmclub Landau" not in names(musik)
    artists = names(client.get(ACTORS + "?art=kuenstlerin"))
    assert {"Jonas Brandt", "Mara Lindner", "Nele Ohm"} <= set(artists)
    assert "Chor Westwind" not in artists
    assert "Theatergruppe Queichspiel" in names(client.get(ACTORS + "?ortsteil=queichheim"))
    assert "Chor Westwind" not in names(client.get(ACTORS + "?ortsteil=queichheim"))
    assert names(client.get(ACTORS + "?q=zwickm")) == ["Kabarett Zwickmühle"]
    # The search looks into the short description too.
    assert "Chor Westwind" in names(client.get(ACTORS + "?q=Volkslied"))


def test_actor_filters_combine_and_keep_their_state(client):
    response = client.get(ACTORS + "?sparte=musik&ortsteil=queichheim&art=gruppe-ensemble")
    assert names(response) == ["Batucada Queich"]
    html = response.content.decode()
    assert '<option value="queichheim" selected>' in html
    assert '<option value="musik" selected>' in html
    assert "Filter zurücksetzen" in html
    assert "1 Eintrag" in html
    # The page links and the letter bar keep the other filters.
    assert "sparte=musik&amp;ortsteil=queichheim&amp;art=gruppe-ensemble&amp;buchstabe=B" in html


def test_letters_fold_umlauts_and_list_only_letters_with_entries(client):
    add_actor("Ölmühle Kultur")
    add_actor("Äpfelchor")
    add_actor("Übersee-Ensemble")
    add_actor("4 Jahreszeiten")
    assert "Ölmühle Kultur" in names(client.get(ACTORS + "?buchstabe=O"))
    assert names(client.get(ACTORS + "?buchstabe=U")) == ["Übersee-Ensemble"]
    assert names(client.get(ACTORS + "?buchstabe=0-9")) == ["4 Jahreszeiten"]
    listed = names(client.get(ACTORS + "?buchstabe=A"))
    assert listed == ["Äpfelchor", "Arbeitskreis Erinnern"]
    html = client.get(ACTORS).content.decode()
    # Letters without entries are not links; Y has none.
    assert 'buchstabe=Y"' not in html
    assert 'buchstabe=O"' in html
    # Sorting by name puts Ä with A, not after Z.
    assert names(client.get(ACTORS))[:2] == ["4 Jahreszeiten", "Äpfelchor"]


def test_sorting_by_name_both_ways_and_newest(client):
    add_actor("Zuletzt Dazugekommen")
    ascending = names(client.get(ACTORS + "?sortierung=name"))
    assert ascending[0] == "Arbeitskreis Erinnern"
    descending = names(client.get(ACTORS + "?sortierung=name-absteigend"))
    assert descending[0] == "Zuletzt Dazugekommen"
    assert names(client.get(ACTORS + "?sortierung=neueste"))[0] == "Zuletzt Dazugekommen"


def test_numbered_pages(client):
    first = client.get(ACTORS)
    second = client.get(ACTORS + "?seite=2")
    assert len(names(first)) == 24
    assert len(names(second)) == 6
    assert not set(names(first)) & set(names(second))
    assert 'aria-current="page"' in second.content.decode()
    assert client.get(ACTORS + "?seite=9").status_code == 404


def test_each_venue_filter_alone_and_combined(client):
    add_venue("Scheune Test", accessibility=("stufenloser-zugang",), capacity=40)
    assert count(client.get(VENUES)) == 11
    assert names(client.get(VENUES + "?ortsteil=nussdorf")) == [
        "Dorfgemeinschaftshaus Nußdorf",
        "Scheune Test",
    ]
    step_free = names(client.get(VENUES + "?barrierefrei=stufenloser-zugang"))
    assert "Scheune Test" in step_free
    both = names(client.get(VENUES + "?barrierefrei=stufenloser-zugang&barrierefrei=hoeranlage"))
    assert "Haus am Westbahnhof" in both and "Scheune Test" not in both
    big = names(client.get(VENUES + "?plaetze=150"))
    assert "Haus am Westbahnhof" in big and "Scheune Test" not in big
    combined = names(
        client.get(VENUES + "?ortsteil=nussdorf&barrierefrei=stufenloser-zugang&plaetze=30")
    )
    assert "Scheune Test" in combined and "Haus am Westbahnhof" not in combined
    assert names(client.get(VENUES + "?ortsteil=nussdorf&plaetze=100")) == [
        "Dorfgemeinschaftshaus Nußdorf"
    ]
    assert names(client.get(VENUES + "?q=zeughaus")) == ["Galerie im Zeughaus"]


HOSTILE_QUERIES = [
    "?sparte=%00",
    "?sparte=<script>alert(1)</script>",
    "?art[]=x&ortsteil=../../etc",
    "?buchstabe=%C3%84&buchstabe=ZZ",
    "?sortierung=-title;DROP TABLE",
    "?q=" + "%22" * 300,
    "?q=%F0%9F%8E%B6" + "a" * 5000,
    "?seite=-1",
    "?seite=99999999999999999999999",
    "?plaetze=1e999999&barrierefrei=%00",
    "?plaetze=NaN",
    "?plaetze=-5",
]


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_hostile_query_strings_never_fail(client, query):
    for directory in (ACTORS, VENUES):
        response = client.get(directory + query)
        assert response.status_code in (200, 404), (directory, query)
        assert b"<script>alert(1)</script>" not in response.content


def test_an_unknown_value_shows_a_german_error_at_its_field(client):
    html = client.get(ACTORS + "?sparte=gibtsnicht&ortsteil=queichheim").content.decode()
    assert "Bitte eine gültige Auswahl treffen" in html
    # The other filter still works.
    assert "Theatergruppe Queichspiel" in html and "Chor Westwind" not in html
    html = client.get(VENUES + "?plaetze=-5").content.decode()
    assert "field--error" in html


def _queries(client, url):
    client.get(url)  # renditions are made on the first visit
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def test_directory_queries_are_fixed_for_few_and_many_entries(client):
    from kulturnetz.models import ActorPage

    logo = ActorPage.objects.exclude(logo=None).first().logo
    few_filtered = _queries(client, ACTORS + "?art=verein")
    few = _queries(client, ACTORS)
    for number in range(40):
        add_actor(f"Mehr Kultur {number}", disciplines=("musik", "literatur"), logo=logo)
    many_filtered = _queries(client, ACTORS + "?art=verein")
    many = _queries(client, ACTORS + "?seite=2")
    # A filter's value costs nothing: the form checks it against the cached vocabulary.
    assert (few, many) == (DIRECTORY_QUERIES, DIRECTORY_QUERIES)
    assert (few_filtered, many_filtered) == (DIRECTORY_QUERIES, DIRECTORY_QUERIES)
    venues_few = _queries(client, VENUES + "?seite=1")
    for number in range(30):
        add_venue(f"Mehr Raum {number}", accessibility=("stufenloser-zugang",))
    assert _queries(client, VENUES + "?seite=2") == venues_few


def test_site_search_finds_actors_by_district_once_each(client):
    html = client.get("/de/suche/?q=Queichheim").content.decode()
    assert "Kulturaktive · Queichheim" in html
    assert html.count('href="/de/kulturnetz/kulturaktive/theatergruppe-queichspiel/"') == 1


def test_the_letter_bar_files_names_as_the_sort_order_folds_them():
    from kulturnetz.filters_directory import (
        A_TO_Z,
        LETTERS,
        OTHER_LETTER,
        filed_under,
        letter_of,
        with_sort_keys,
    )
    from kulturnetz.models import ActorPage

    titles = ["ßtraßenkunst", "éclat", "Éva", "Ärger", "über", "kleinkunst", "Çafé", "„Zitat“"]
    for title in titles:
        add_actor(title)
    pages = with_sort_keys(ActorPage.objects.filter(title__in=titles))
    # The letter the database's folded sort name starts with.
    folded = {}
    for page in pages:
        first = page.sort_name[:1].upper()
        folded[page.title] = first if first in A_TO_Z else OTHER_LETTER
    assert folded["ßtraßenkunst"] == "S" and folded["Ärger"] == "A" and folded["Çafé"] == "0-9"
    assert {title: letter_of(title[0]) for title in titles} == folded
    for letter in LETTERS:
        filed = set(pages.filter(filed_under(letter)).values_list("title", flat=True))
        assert filed == {title for title, first in folded.items() if first == letter}, letter
