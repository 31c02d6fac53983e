"""The sitemap: an index of sections (pages per language, each app's addresses), each section
paged, kept in the shared cache until something is published."""

import re

import pytest
from django.apps import apps

from home.sitemaps import LanguagePageSitemap
from tests.factories import standard_page
from tests.sitemap_helpers import LOC, local_path, section_urls

pytestmark = pytest.mark.django_db

# Queries of a response built afresh (the cache empty), the same for three pages or thirty.
# The index counts each section's addresses and finds its newest change; a section page
# reads its pages (one query per page type on it) and the site.
INDEX_QUERIES = 18
SECTION_QUERIES = 18


def locs(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    assert response["Content-Type"].startswith("application/xml")
    return LOC.findall(response.content.decode())


def test_the_index_names_a_section_per_language_and_per_app(client):
    sections = [local_path(url) for url in section_urls(client)]
    assert "/sitemap-seiten-de.xml" in sections
    assert "/sitemap-seiten-en.xml" in sections
    if apps.is_installed("blog"):
        assert "/sitemap-blog.xml" in sections
    assert all(url.startswith("http://testserver/sitemap-") for url in section_urls(client))


def test_robots_txt_points_at_the_index(client):
    assert "Sitemap: http://testserver/sitemap.xml" in client.get("/robots.txt").content.decode()


def test_a_language_section_lists_the_pages_of_its_language_only(client):
    german = locs(client, "/sitemap-seiten-de.xml")
    english = locs(client, "/sitemap-seiten-en.xml")
    assert "http://testserver/de/ueber-uns/" in german
    assert "http://testserver/en/about-us/" in english
    assert not [url for url in german if "/en/" in url]
    assert not [url for url in english if "/de/" in url]


def test_an_unknown_section_or_page_is_not_found(client):
    assert client.get("/sitemap-gibt-es-nicht.xml").status_code == 404
    assert client.get("/sitemap-seiten-de.xml", {"p": "999"}).status_code == 404
    assert client.get("/sitemap-seiten-de.xml", {"p": "x" * 50}).status_code == 404


def test_a_section_is_split_into_pages_of_bounded_size(client, monkeypatch):
    monkeypatch.setattr(LanguagePageSitemap, "limit", 3)
    for number in range(5):
        standard_page(f"Archivseite {number}", slug=f"archivseite-{number}")
    pages = [local_path(url) for url in section_urls(client) if "sitemap-seiten-de.xml" in url]
    assert len(pages) > 2 and "/sitemap-seiten-de.xml?p=2" in pages
    listed = []
    for page in pages:
        found = locs(client, page)
        assert 0 < len(found) <= 3
        listed += found
    assert len(listed) == len(set(listed))
    assert {f"http://testserver/de/archivseite-{n}/" for n in range(5)} <= set(listed)


def test_index_and_sections_come_from_the_cache_the_second_time(client, django_assert_num_queries):
    client.get("/sitemap.xml")
    client.get("/sitemap-seiten-de.xml")
    with django_assert_num_queries(0):
        assert client.get("/sitemap.xml").status_code == 200
        assert "/de/ueber-uns/" in client.get("/sitemap-seiten-de.xml").content.decode()


def test_publishing_a_page_renews_the_cached_sitemap(client):
    client.get("/sitemap.xml")
    assert "/de/neu-im-programm/" not in client.get("/sitemap-seiten-de.xml").content.decode()
    standard_page("Neu im Programm", slug="neu-im-programm")
    assert "/de/neu-im-programm/" in client.get("/sitemap-seiten-de.xml").content.decode()


def test_unpublishing_a_page_renews_the_cached_sitemap(client):
    page = standard_page("Bald weg", slug="bald-weg")
    assert "/de/bald-weg/" in client.get("/sitemap-seiten-de.xml").content.decode()
    page.unpublish()
    assert "/de/bald-weg/" not in client.get("/sitemap-seiten-de.xml").content.decode()


def test_restricting_a_page_renews_the_cached_sitemap(client):
    from wagtail.models import PageViewRestriction

    page = standard_page("Nur für uns", slug="nur-fuer-uns")
    assert "/de/nur-fuer-uns/" in client.get("/sitemap-seiten-de.xml").content.decode()
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    assert "/de/nur-fuer-uns/" not in client.get("/sitemap-seiten-de.xml").content.decode()


def test_the_cache_keeps_each_host_apart(client):
    client.get("/sitemap.xml")
    other = client.get("/sitemap.xml", HTTP_HOST="127.0.0.1:8123").content.decode()
    hosts = set(re.findall(r"<loc>(https?://[^/]+)/", other))
    assert hosts == {"http://127.0.0.1:8123"}


@pytest.mark.parametrize("extra_pages", [0, 12])
def test_index_and_section_queries_do_not_grow_with_the_site(
    client, django_assert_num_queries, extra_pages
):
    for number in range(extra_pages):
        standard_page(f"Mehr {number}", slug=f"mehr-{number}")
    from django.core.cache import cache

    cache.clear()
    with django_assert_num_queries(INDEX_QUERIES):
        client.get("/sitemap.xml")
    with django_assert_num_queries(SECTION_QUERIES):
        client.get("/sitemap-seiten-de.xml")
