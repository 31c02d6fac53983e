"""Each language has its own words in addresses, and the language switcher keeps the route."""

import re

import pytest
from taggit.models import Tag
from wagtail.models import Locale

from blog.models import BlogCategory, BlogPostPage, Person

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


def test_language_switcher_on_tag_and_month_keeps_them(client):
    tag = Tag.objects.filter(blog_blogposttag_items__isnull=False).first()
    html = client.get(f"/de/blog/schlagwort/{tag.slug}/").content.decode()
    assert switcher(html)["en"] == f"/en/blog/tag/{tag.slug}/"
    post = BlogPostPage.objects.filter(locale__language_code="de").first()
    month = f"{post.date.year}/{post.date.month:02d}"
    html = client.get(f"/de/blog/{month}/").content.decode()
    assert switcher(html)["en"] == f"/en/blog/{month}/"


def test_sitemap_uses_each_languages_route_words(client):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/de/blog/kategorie/digitalisierung/" in sitemap
    assert "/en/blog/category/digitalisation/" in sitemap
    assert "/en/blog/kategorie/" not in sitemap


def test_home_page_title_names_the_house_once(client):
    html = client.get("/de/").content.decode()
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert title == "Haus am Westbahnhof"
    html = client.get("/de/blog/").content.decode()
    assert re.search(r"<title>(.*?)</title>", html, re.S).group(1) == "Blog · Haus am Westbahnhof"
