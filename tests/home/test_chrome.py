"""The site chrome (home/chrome.py): built once per language, kept in the shared cache, and
fresh on the next request after an editor changes what it shows."""

import re

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Page, Site

from home import cache_generation
from home.chrome import site_chrome
from home.models import (
    FooterLegalLink,
    FooterSettings,
    FooterSocialLink,
    NavigationItem,
    NavigationSettings,
    OrganisationSettings,
)

pytestmark = pytest.mark.django_db

CHROME_TABLES = (
    "home_organisationsettings",
    "home_navigationsettings",
    "home_navigationitem",
    "home_footersettings",
    "home_footersociallink",
    "home_footerlegallink",
    "wagtailimages_",
)


def chrome_queries(queries):
    return [q["sql"] for q in queries if any(table in q["sql"] for table in CHROME_TABLES)]


def menu(html):
    return re.search(r'<nav class="main-nav".*?</nav>', html, re.S).group(0)


def footer(html):
    return re.search(r'<footer class="site-footer">.*?</footer>', html, re.S).group(0)


def chrome_for(language, site=None):
    request = RequestFactory().get(f"/{language}/")
    request._wagtail_site = site or Site.objects.get(is_default_site=True)
    with translation.override(language):
        return site_chrome(request)


def test_second_request_takes_the_chrome_from_the_cache(client):
    with CaptureQueriesContext(connection) as first:
        client.get("/de/ueber-uns/")
    assert chrome_queries(first.captured_queries)
    with CaptureQueriesContext(connection) as second:
        html = client.get("/de/raumvermietung/").content.decode()
    assert chrome_queries(second.captured_queries) == []
    assert "Haus am Westbahnhof" in html and "Impressum" in footer(html)


def test_the_chrome_itself_needs_no_query_once_cached(django_assert_num_queries):
    site = Site.objects.get(is_default_site=True)
    built = chrome_for("de", site)
    with django_assert_num_queries(0):
        assert chrome_for("de", site) == built


def test_the_active_menu_entry_is_marked_per_page(client):
    about = menu(client.get("/de/ueber-uns/").content.decode())
    rooms = menu(client.get("/de/raumvermietung/").content.decode())
    assert 'href="/de/ueber-uns/" aria-current="page"' in about
    assert 'href="/de/raumvermietung/" aria-current="page"' not in about
    assert 'href="/de/raumvermietung/" aria-current="page"' in rooms
    assert 'href="/de/ueber-uns/" aria-current="page"' not in rooms


@pytest.mark.parametrize("first", ["de", "en"])
def test_each_language_has_its_own_chrome(client, first):
    pages = {"de": "/de/ueber-uns/", "en": "/en/about-us/"}
    second = "en" if first == "de" else "de"
    html = {first: client.get(pages[first]).content.decode()}
    html[second] = client.get(pages[second]).content.decode()
    assert 'href="/de/raumvermietung/"' in menu(html["de"])
    assert "/en/" not in menu(html["de"])
    assert 'href="/en/room-hire/"' in menu(html["en"])
    assert "/de/" not in menu(html["en"])
    assert "Büro: Dienstag" in footer(html["de"]) and "Office:" not in footer(html["de"])
    assert "Office: Tuesday" in footer(html["en"]) and "Büro:" not in footer(html["en"])
    assert chrome_for("de") != chrome_for("en")


def test_saving_the_organisation_shows_on_the_next_request(client):
    client.get("/de/")
    organisation = OrganisationSettings.for_site(Site.objects.get(is_default_site=True))
    organisation.name = "Haus am Güterbahnhof"
    organisation.phone = "06341 000000"
    organisation.save()
    html = client.get("/de/").content.decode()
    assert "<title>" in html and "Haus am Güterbahnhof</title>" in html
    assert "<span>Haus am Güterbahnhof</span>" in html
    assert '"telephone": "06341 000000"' in html
    assert "06341 000000" in footer(html)


def test_saving_the_menu_shows_on_the_next_request(client):
    client.get("/de/")
    client.get("/en/")
    navigation = NavigationSettings.for_site(Site.objects.get(is_default_site=True))
    items = list(navigation.items.all())
    items[0].label, items[0].label_en = "Wer wir sind", "Who we are"
    navigation.items = items
    navigation.save()  # as the settings form does: the setting, then its rows
    assert ">Wer wir sind</a>" in menu(client.get("/de/").content.decode())
    assert ">Who we are</a>" in menu(client.get("/en/").content.decode())


def test_a_menu_entry_saved_on_its_own_shows_on_the_next_request(client):
    client.get("/de/")
    item = NavigationItem.objects.first()
    item.label = "Das sind wir"
    item.save()
    assert ">Das sind wir</a>" in menu(client.get("/de/").content.decode())
    item.delete()
    assert "Das sind wir" not in client.get("/de/").content.decode()


def test_saving_the_footer_shows_on_the_next_request(client):
    client.get("/de/")
    client.get("/en/")
    settings = FooterSettings.for_site(Site.objects.get(is_default_site=True))
    settings.note = "Neuer Hinweis im Fuß"
    settings.note_en = "A new note in the footer"
    settings.save()
    FooterSocialLink.objects.create(
        setting=settings, name="Pixelfed", url="https://pixelfed.example/westbahnhof"
    )
    FooterLegalLink.objects.filter(setting=settings).first().delete()
    german = client.get("/de/").content.decode()
    assert "Neuer Hinweis im Fuß" in footer(german)
    assert "https://pixelfed.example/westbahnhof" in footer(german)
    assert "https://pixelfed.example/westbahnhof" in german.split("</head>")[0]  # sameAs
    assert ">Impressum</a>" not in footer(german)
    assert "A new note in the footer" in footer(client.get("/en/").content.decode())


def test_publishing_a_page_in_the_menu_shows_on_the_next_request(client):
    client.get("/de/")
    page = Page.objects.get(url_path__endswith="/raumvermietung/", locale__language_code="de")
    page = page.specific
    page.title = "Räume mieten"
    page.save_revision().publish()
    assert '<a href="/de/raumvermietung/">Räume mieten</a>' in menu(
        client.get("/de/").content.decode()
    )
    page.unpublish()
    assert "/de/raumvermietung/" not in menu(client.get("/de/").content.decode())


def test_the_generation_is_read_once_per_request(client, monkeypatch):
    reads = []
    real = cache_generation.generation

    def counting():
        reads.append(1)
        return real()

    monkeypatch.setattr(cache_generation, "generation", counting)
    client.get("/de/")
    assert len(reads) == 1


def test_inline_rows_of_settings_and_sites_bump_the_generation():
    assert cache_generation._is_public_model(NavigationItem)
    assert cache_generation._is_public_model(FooterLegalLink)
    assert cache_generation._is_public_model(FooterSocialLink)
    assert cache_generation._is_public_model(Site)
    before = cache_generation.generation()
    item = NavigationItem.objects.first()
    item.save()
    assert cache_generation.generation() != before
