"""The site search finds posts by their categories and tags and shows each post's teaser and date."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag
from wagtail.models import Locale

from blog.models import BlogCategory, BlogPostPage, BlogPostTag, TagTranslation
from tests.factories import blog_post

pytestmark = pytest.mark.django_db


def results(html):
    """(title, address) of every hit, in order."""
    listing = re.search(r'<ol class="search-results">(.*?)</ol>', html, re.S)
    if listing is None:
        return []
    return re.findall(r'<h2><a href="([^"]+)">([^<]+)</a></h2>', listing.group(1))


def category(name, slug, locale_code="de", of=None):
    locale = Locale.objects.get(language_code=locale_code)
    if of is not None:
        english = of.copy_for_translation(locale)
        english.name, english.slug = name, slug
        english.save()
        return english
    return BlogCategory.objects.create(locale=locale, name=name, slug=slug)


def in_categories(post, *categories):
    post.categories = list(post.categories.all()) + list(categories)
    post.save_revision().publish()
    return post


def tagged(post, name):
    tag, _created = Tag.objects.get_or_create(name=name)
    BlogPostTag.objects.create(content_object=post, tag=tag)
    return tag


def test_a_category_name_finds_its_posts_though_their_text_does_not_name_it(client):
    quarter = category("Quartiersleben", "quartiersleben")
    post = in_categories(
        blog_post("Hoffest im Juni", slug="hoffest", teaser="Wir feiern draußen."), quarter
    )
    blog_post("Ohne Kategorie", slug="ohne-kategorie", teaser="Anderes.")
    html = client.get("/de/suche/", {"q": "quartiersleben"}).content.decode()
    assert results(html) == [(post.url, "Hoffest im Juni")]


def test_a_tag_name_finds_its_posts_whatever_the_case_of_its_umlauts(client):
    post = blog_post("Plakate im Viertel", slug="plakate", teaser="Wie wir werben.")
    tagged(post, "Öffentlichkeitsarbeit")
    html = client.get("/de/suche/", {"q": "ÖFFENTLICHKEITSARBEIT"}).content.decode()
    assert (post.url, "Plakate im Viertel") in results(html)


def test_each_post_shows_its_teaser_and_its_date_once(client):
    post = blog_post(
        "Lesung am Kamin", slug="lesung-am-kamin", teaser="Drei Stimmen, ein Abend am Feuer."
    )
    html = client.get("/de/suche/", {"q": "Kamin"}).content.decode()
    assert results(html) == [(post.url, "Lesung am Kamin")]
    hit = re.search(r'<ol class="search-results">(.*?)</ol>', html, re.S).group(1)
    assert "Drei Stimmen, ein Abend am Feuer." in hit
    assert '<time datetime="2026-11-01">1. November 2026</time>' in hit
    assert "Blog-Beitrag" in hit


def test_english_search_finds_english_posts_by_english_category_and_tag_names(client):
    english = Locale.objects.get(language_code="en")
    post = BlogPostPage.objects.live().filter(locale=english).order_by("pk").first()
    german_category = category("Quartiersleben", "quartiersleben")
    in_categories(post, category("Neighbourhood life", "neighbourhood-life", "en", german_category))
    tag = tagged(post, "Hofkonzert")
    TagTranslation.objects.create(
        tag=tag, locale=english, name="Courtyard gig", slug="courtyard-gig"
    )

    by_category = results(client.get("/en/search/", {"q": "Neighbourhood life"}).content.decode())
    by_tag = results(client.get("/en/search/", {"q": "courtyard gig"}).content.decode())
    assert by_category == [(post.url, post.title)]
    assert by_tag == [(post.url, post.title)]
    assert post.url.startswith("/en/")
    html = client.get("/en/search/", {"q": "courtyard gig"}).content.decode()
    assert f'<time datetime="{post.date.isoformat()}">' in html and post.teaser in html


def test_the_results_page_runs_the_same_queries_for_one_post_or_many(client):
    quarter = category("Quartiersleben", "quartiersleben")
    in_categories(blog_post("Quartier 0", slug="quartier-0"), quarter)
    client.get("/de/suche/", {"q": "Quartiersleben"})
    with CaptureQueriesContext(connection) as one:
        html = client.get("/de/suche/", {"q": "Quartiersleben"}).content.decode()
    assert len(results(html)) == 1
    for number in range(1, 8):
        post = in_categories(blog_post(f"Quartier {number}", slug=f"quartier-{number}"), quarter)
        tagged(post, "Quartiersleben")
    client.get("/de/suche/", {"q": "Quartiersleben"})  # publishing renewed the cached chrome
    with CaptureQueriesContext(connection) as many:
        html = client.get("/de/suche/", {"q": "Quartiersleben"}).content.decode()
    assert len(results(html)) == 8
    assert len(many) == len(one), [query["sql"] for query in many.captured_queries]
