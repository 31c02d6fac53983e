"""Each language has its own words in addresses, and the language switcher keeps the route."""

import re

import pytest
from taggit.models import Tag
from wagtail.models import Locale

from blog.models import BlogCategory, BlogPostPage, Person
from tests.sitemap_helpers import whole_sitemap

pytestmark = pytest.mark.django_db


def switcher(html):
    """The language switcher's links: {language code: address}."""
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    return dict(
        (code, url.replace("&amp;", "&"))
        for url, code in re.findall(r'<a href="([^"]+)" hreflang="(\w+)"', nav)
    )


@pytest.mark.parametrize(
    "url, target",
    [
        ("/de/search/", "/de/suche/"),
        ("/en/suche/", "/en/search/"),
        ("/de/search/?q=Kultur", "/de/suche/?q=Kultur"),
        ("/en/suche/?q=culture", "/en/search/?q=culture"),
    ],
)
def test_other_languages_search_word_redirects_to_this_languages_search(client, url, target):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == target
    assert client.get(target).status_code == 200


@pytest.mark.parametrize("word", ["/search/", "/suche/"])
@pytest.mark.parametrize("language, target", [("de", "/de/suche/"), ("en", "/en/search/")])
def test_search_without_language_reaches_the_visitors_search(client, word, language, target):
    response = client.get(word, HTTP_ACCEPT_LANGUAGE=language, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == target


def test_language_switcher_on_search_keeps_the_query(client):
    html = client.get("/de/suche/?q=Kultur").content.decode()
    assert switcher(html)["en"] == "/en/search/?q=Kultur"


def _translated(model, slug):
    german = model.objects.get(locale__language_code="de", slug=slug)
    return german, german.get_translation(Locale.objects.get(language_code="en"))


def test_language_switcher_on_category_leads_to_the_translated_category(client):
    german, english = _translated(BlogCategory, "digitalisierung")
    html = client.get(f"/de/blog/kategorie/{german.slug}/").content.decode()
    assert switcher(html)["en"] == f"/en/blog/category/{english.slug}/"
    html = client.get(f"/en/blog/category/{english.slug}/").content.decode()
    assert switcher(html)["de"] == f"/de/blog/kategorie/{german.slug}/"


def test_language_switcher_on_author_leads_to_the_translated_author(client):
    german = Person.objects.filter(locale__language_code="de").first()
    english = german.get_translation(Locale.objects.get(language_code="en"))
    html = client.get(f"/de/blog/autor/{german.slug}/").content.decode()
    assert switcher(html)["en"] == f"/en/blog/author/{english.slug}/"


def test_language_switcher_on_tag_leads_to_the_tag_in_that_language(client):
    html = client.get("/de/blog/schlagwort/ehrenamt/").content.decode()
    assert switcher(html)["en"] == "/en/blog/tag/volunteering/"
    html = client.get("/en/blog/tag/volunteering/").content.decode()
    assert switcher(html)["de"] == "/de/blog/schlagwort/ehrenamt/"


def test_language_switcher_on_month_keeps_it(client):
    post = BlogPostPage.objects.filter(locale__language_code="de").first()
    month = f"{post.date.year}/{post.date.month:02d}"
    html = client.get(f"/de/blog/{month}/").content.decode()
    assert switcher(html)["en"] == f"/en/blog/{month}/"


def test_english_post_shows_english_tags_and_its_tag_route_works(client):
    tag = Tag.objects.get(name="Ehrenamt")
    german = BlogPostPage.objects.get(locale__language_code="de", tagged_items__tag=tag)
    english = german.get_translation(Locale.objects.get(language_code="en"))
    html = client.get(english.url).content.decode()
    assert '<a href="/en/blog/tag/volunteering/">#Volunteering</a>' in html
    assert "#Ehrenamt" not in html
    listing = client.get("/en/blog/tag/volunteering/").content.decode()
    assert english.url in listing and "Volunteering" in listing
    german_html = client.get(german.url).content.decode()
    assert '<a href="/de/blog/schlagwort/ehrenamt/">#Ehrenamt</a>' in german_html
    assert german.url in client.get("/de/blog/schlagwort/ehrenamt/").content.decode()
    # The German address of a tag still works on the English blog.
    assert client.get("/en/blog/tag/ehrenamt/").status_code == 200


def test_sitemap_uses_each_languages_route_words(client):
    sitemap = whole_sitemap(client)
    assert "/de/blog/kategorie/digitalisierung/" in sitemap
    assert "/en/blog/category/digitalisation/" in sitemap
    assert "/en/blog/kategorie/" not in sitemap


def test_home_page_title_names_the_house_once(client):
    html = client.get("/de/").content.decode()
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert title == "Haus am Westbahnhof"
    html = client.get("/de/blog/").content.decode()
    assert re.search(r"<title>(.*?)</title>", html, re.S).group(1) == "Blog · Haus am Westbahnhof"
