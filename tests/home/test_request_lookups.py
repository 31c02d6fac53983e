"""What every page request looks up (site, language, view restrictions, route) comes from the
shared cache or a per-process memo, and still follows every change at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Locale, Page, PageViewRestriction, Site

from tests.factories import german_home, standard_page

pytestmark = pytest.mark.django_db


def _tables(client, url):
    """(status, the tables the second request read from; the first fills the caches)."""
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    sql = " ".join(query["sql"] for query in captured.captured_queries)
    return response.status_code, sql


def _from(table):
    return f'FROM "{table}"'


def test_a_page_request_asks_neither_for_the_site_nor_the_locale_nor_restrictions(client):
    page = standard_page("Ohne Nachfragen")
    status, sql = _tables(client, page.url)
    assert status == 200
    assert _from("wagtailcore_site") not in sql
    assert _from("wagtailcore_locale") not in sql
    assert _from("wagtailcore_pageviewrestriction") not in sql


def test_locale_get_active_answers_from_the_memo_with_wagtails_fallback():
    with translation.override("en"):
        with CaptureQueriesContext(connection) as captured:
            first, second = Locale.get_active(), Locale.get_active()
        assert first.language_code == second.language_code == "en"
        assert len(captured) <= 1
    # A language without a locale falls back to the default one, as Wagtail's method does.
    with translation.override("fr"):
        assert Locale.get_active() == Locale.get_default()


def test_a_restriction_on_one_page_guards_it_and_its_children_only(client):
    private = standard_page("Nur für das Team")
    below = standard_page("Darunter", parent=private)
    elsewhere = standard_page("Woanders")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    for page in (private, below):
        response = client.get(page.url)
        assert response.status_code == 200
        body = response.content.decode()
        assert 'name="password"' in body, page.url
        assert page.title not in body
    # Pages elsewhere show, without asking for restrictions.
    status, sql = _tables(client, elsewhere.url)
    assert status == 200 and _from("wagtailcore_pageviewrestriction") not in sql
    assert "Woanders" in client.get(elsewhere.url).content.decode()


def test_an_alias_of_a_restricted_page_stays_restricted(client):
    private = standard_page("Interne Notizen")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    other_parent = standard_page("Anderer Ort")
    alias = private.create_alias(parent=other_parent, update_slug="notizen-kopie")
    assert alias.alias_of_id == private.pk
    response = client.get(alias.url)
    assert response.status_code == 302 and "/login" in response["Location"]


def test_a_new_site_takes_effect_at_once(client):
    other_root = standard_page("Andere Website", slug="andere-website")
    # Another host name first gets the default site, whose root is the German home page.
    assert (
        "Andere Website"
        not in client.get("/", HTTP_HOST="zweite.example", follow=True).content.decode()
    )
    Site.objects.create(hostname="zweite.example", port=80, root_page=other_root, site_name="Zwei")
    response = client.get("/", HTTP_HOST="zweite.example", follow=True)
    assert response.status_code == 200 and "Andere Website" in response.content.decode()


def test_a_blog_post_is_routed_as_its_type_with_its_blog_as_parent(client):
    from blog.models import BlogIndexPage, BlogPostPage

    post = BlogPostPage.objects.live().filter(locale__language_code="de").first()
    response = client.get(post.url)
    assert response.status_code == 200
    routed = response.wsgi_request._wagtail_route_for_request[0]
    assert type(routed) is BlogPostPage and routed.pk == post.pk
    with CaptureQueriesContext(connection) as captured:
        parent = routed.get_parent()
    assert isinstance(parent, BlogIndexPage) and len(captured) == 0


def test_the_hero_button_leads_to_the_translation_and_disappears_with_its_page(client):
    home = german_home()
    target = standard_page("Mitmachen", slug="mitmachen-knopf")
    home.hero_link = target
    home.hero_link_label = "Jetzt mitmachen"
    home.save_revision().publish()
    assert f'href="{target.url}"' in client.get("/de/").content.decode()
    target.unpublish()
    body = client.get("/de/").content.decode()
    assert "Jetzt mitmachen" not in body
    assert Page.objects.get(pk=target.pk).live is False
