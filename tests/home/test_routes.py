"""Route words per language, declared once (home/routes.py)."""

import pytest
from django.template import Context, Template
from django.test import override_settings

from blog.models import BlogIndexPage
from home.routes import route_name

pytestmark = pytest.mark.django_db


def test_route_names_compare_with_the_default_language():
    assert route_name("category", "de") == "category"
    assert route_name("category", "en") == "category_en"
    with override_settings(LANGUAGE_CODE="en"):
        assert route_name("category", "en") == "category"
        assert route_name("category", "de") == "category_de"


@pytest.mark.parametrize(
    ("language", "expected"),
    [("de", "/de/blog/kategorie/x/feed/rss/"), ("en", "/en/blog/category/x/feed/rss/")],
)
def test_a_blog_builds_its_routes_in_its_own_words(language, expected):
    index = BlogIndexPage.objects.get(locale__language_code=language)
    assert index.route_url("category_feed", "x", "rss") == expected


def test_routes_without_words_are_the_same_in_every_language():
    english = BlogIndexPage.objects.get(locale__language_code="en")
    assert english.route_url("month", 2026, "11") == "/en/blog/2026/11/"
    assert english.route_url("feed", "atom") == "/en/blog/feed/atom/"


def test_the_template_tag_is_the_pages_route_url():
    english = BlogIndexPage.objects.get(locale__language_code="en")
    html = Template("{% load portal_tags %}{% route_url page 'author' 'anna' %}").render(
        Context({"page": english})
    )
    assert html == "/en/blog/author/anna/"


def test_a_page_of_the_list_keeps_the_word_of_its_address(client):
    from home.pagination import PAGE_PARAM

    index = BlogIndexPage.objects.get(locale__language_code="de")
    index.posts_per_page = 1
    index.save()
    html = client.get(index.url).content.decode()
    assert f'href="?{PAGE_PARAM}=2"' in html
