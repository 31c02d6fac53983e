"""The home page and content pages as visitors get them, in both languages."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import HomePage, StandardPage
from tests.factories import standard_page

pytestmark = pytest.mark.django_db


def jsonld(html):
    return [
        json.loads(block)
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]


@pytest.mark.parametrize(
    ("accept", "target"),
    [("de-DE,de;q=0.9", "/de/"), ("en-GB,en;q=0.8", "/en/"), ("fr", "/de/"), ("", "/de/")],
)
def test_root_sends_visitor_to_preferred_language(client, accept, target):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == target


@pytest.mark.parametrize(
    ("url", "lang", "heading"),
    [
        ("/de/", "de", "Willkommen im Haus am Westbahnhof"),
        ("/en/", "en", "Welcome to Haus am Westbahnhof"),
    ],
)
def test_home_page_renders_in_its_language(client, url, lang, heading):
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in html
    assert heading in html
    assert 'hreflang="de" href="http://testserver/de/"' in html
    assert 'hreflang="en" href="http://testserver/en/"' in html


def test_content_page_links_to_its_translation(client):
    html = client.get("/de/ueber-uns/").content.decode()
    assert 'href="/en/about-us/" hreflang="en"' in html
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/about-us/">' in html
    english = client.get("/en/about-us/").content.decode()
    assert "A house for culture and encounters" in english
    assert 'href="/de/ueber-uns/" hreflang="de"' in english


def test_untranslated_page_switches_to_home_of_other_language(client):
    standard_page("Nur auf Deutsch", slug="nur-deutsch")
    html = client.get("/de/nur-deutsch/").content.decode()
    assert 'href="/en/" hreflang="en"' in html
    # Only existing translations are announced to search engines.
    assert 'hreflang="en" href="http://testserver/en/"' not in html


def test_meta_and_open_graph_tags(client):
    page = StandardPage.objects.get(slug="ueber-uns")
    page.search_description = "Alles über unser Haus."
    page.save_revision().publish()
    html = client.get("/de/ueber-uns/").content.decode()
    assert '<meta name="description" content="Alles über unser Haus.">' in html
    assert '<meta property="og:title" content="Über uns">' in html
    assert '<meta property="og:url" content="http://testserver/de/ueber-uns/">' in html
    assert '<meta property="og:locale" content="de_DE">' in html


def test_home_page_has_open_graph_image_and_organisation_jsonld(client):
    html = client.get("/de/").content.decode()
    assert re.search(r'<meta property="og:image" content="http://testserver/[^"]+\.jpg">', html)
    organisations = [d for d in jsonld(html) if d.get("@type") == "Organization"]
    assert organisations[0]["name"] == "Haus am Westbahnhof"
    assert organisations[0]["address"]["postalCode"] == "76829"


def test_navigation_and_footer_follow_the_language(client):
    german = client.get("/de/").content.decode()
    english = client.get("/en/").content.decode()
    assert '<a href="/de/raumvermietung/">Raumvermietung</a>' in german
    assert '<a href="/en/room-hire/">Room hire</a>' in english
    assert "Impressum" in german and "Legal notice" in english
    assert "Büro: Dienstag bis Donnerstag" in german
    assert "Office: Tuesday to Thursday" in english


def test_navigation_label_can_be_renamed_per_language(client):
    from wagtail.models import Site

    from home.models import NavigationSettings

    item = NavigationSettings.for_site(Site.objects.get()).items.first()
    item.label, item.label_en = "Wer wir sind", "Who we are"
    item.save()
    assert ">Wer wir sind</a>" in client.get("/de/").content.decode()
    assert ">Who we are</a>" in client.get("/en/").content.decode()


def test_page_structure_is_accessible(client):
    html = client.get("/de/ueber-uns/").content.decode()
    assert '<a class="skip-link" href="#main">Zum Inhalt springen</a>' in html
    assert '<main id="main"' in html
    assert html.count("<h1") == 1
    assert 'aria-current="page"' in html  # the menu marks where we are


def test_images_are_responsive_in_modern_formats(client):
    html = client.get("/de/").content.decode()
    picture = re.search(r"<picture>.*?</picture>", html, re.S).group(0)
    assert 'type="image/avif"' in picture and 'type="image/webp"' in picture
    assert "srcset=" in picture and "sizes=" in picture
    assert (
        'alt="Illustration: Zwei Musikerinnen auf der Bühne im Scheinwerferlicht, davor ein volles Haus"'
        in picture
    )


def test_draft_changes_are_not_public(client):
    page = StandardPage.objects.get(slug="ueber-uns")
    page.title = "Entwurfstitel"
    page.save_revision()
    assert "Entwurfstitel" not in client.get("/de/ueber-uns/").content.decode()


def test_unpublished_page_is_not_found(client):
    standard_page("Geheim", slug="geheim", publish=False)
    assert client.get("/de/geheim/").status_code == 404


@pytest.mark.parametrize(
    ("url", "text", "lang"),
    [
        ("/de/gibt-es-nicht/", "Diese Seite gibt es nicht (mehr)", "de"),
        ("/en/does-not-exist/", "This page doesn’t exist (any more)", "en"),
    ],
)
def test_friendly_404_in_both_languages(client, url, text, lang):
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 404
    assert text in html
    assert f'<html lang="{lang}">' in html
    assert '<meta name="robots" content="noindex">' in html


def test_500_page_renders_without_database_or_context(rf):
    from home.views import server_error

    response = server_error(rf.get("/de/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert "Da ist etwas schiefgegangen" in html and "Something went wrong" in html


def foundation_only_home():
    """The home page with the foundation's own sections only: plugins pin their own."""
    home = HomePage.objects.get(locale__language_code="de")
    for index in reversed(range(len(home.body))):
        block = home.body[index]
        if block.block_type == "section" and block.value["section"] != "contact":
            del home.body[index]
    home.save_revision().publish()


def test_home_page_query_count_is_pinned(client, django_assert_num_queries):
    foundation_only_home()
    client.get("/de/")  # renditions are created on the first view
    with django_assert_num_queries(HOME_PAGE_QUERIES):
        assert client.get("/de/").status_code == 200


def test_standard_page_query_count_is_pinned(client, django_assert_num_queries):
    client.get("/de/ueber-uns/")
    with django_assert_num_queries(STANDARD_PAGE_QUERIES):
        assert client.get("/de/ueber-uns/").status_code == 200


def test_standard_page_queries_do_not_grow_with_the_site(client):
    client.get("/de/raumvermietung/")
    with CaptureQueriesContext(connection) as before:
        client.get("/de/raumvermietung/")
    for number in range(15):
        standard_page(f"Mehr {number}", slug=f"mehr-{number}")
    client.get("/de/raumvermietung/")  # publishing renewed the cached site chrome
    with CaptureQueriesContext(connection) as after:
        client.get("/de/raumvermietung/")
    assert len(after) == len(before)


HOME_PAGE_QUERIES = 7
STANDARD_PAGE_QUERIES = 5


def test_every_demo_page_type_renders(client):
    for page in [*HomePage.objects.live(), *StandardPage.objects.live()]:
        assert client.get(page.url).status_code == 200, page.url


@pytest.mark.django_db
def test_a_title_picture_shows_its_credit_under_it(client_de):
    """The demo's pictures are drawn for it and say so (home hero, content pages, posts)."""
    from home.models import HomePage

    home = HomePage.objects.get(locale__language_code="de")
    assert home.header_image_credit == "Illustration: für die Demo gezeichnet"
    html = client_de.get(home.url).content.decode()
    assert '<p class="hero__credit credit">Illustration: für die Demo gezeichnet</p>' in html
    english = HomePage.objects.get(locale__language_code="en")
    assert english.header_image_credit == "Illustration: drawn for the demo"

    home.header_image_credit = "Foto: <b>Anna</b>"
    home.save_revision().publish()
    html = client_de.get(home.url).content.decode()
    assert "Foto: &lt;b&gt;Anna&lt;/b&gt;" in html
