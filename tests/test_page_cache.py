"""The whole-page cache for anonymous visitors (portal/page_cache.py): every rule, as a visitor,
an editor and a moderator meet it."""

import re

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import Client, RequestFactory
from wagtail.contrib.frontend_cache.backends.base import BaseBackend
from wagtail.models import Site

from comments.models import Comment
from comments.views import OWN_COMMENTS_COOKIE
from home.models import OrganisationSettings
from portal import frontend_cache
from portal.page_cache import HEADER, PageCacheMiddleware, page_key
from tests.factories import comment, form_data, german_home, person, standard_page

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    """The other tests pin the queries of rendering, so the test settings turn the cache off."""
    settings.PORTAL_PAGE_CACHE_SECONDS = 300


CSRF_VALUE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]*)"')
START_VALUE = re.compile(r'name="started" value="([^"]*)"')


def fetch(client, url, **extra):
    response = client.get(url, **extra)
    return response, response.get(HEADER)


@pytest.fixture
def page():
    return standard_page("Öffnungszeiten", slug="oeffnungszeiten-cache", intro="Alt.")


def republish(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()


# == Hits ==


def test_second_anonymous_request_is_a_hit_without_queries(client, django_assert_num_queries):
    first, state = fetch(client, "/de/")
    assert (first.status_code, state) == (200, "miss")
    with django_assert_num_queries(0):
        second, state = fetch(client, "/de/")
    assert state == "hit"
    assert second.content == first.content
    # The page's own headers (security policy, framing, language) come with it.
    for header in ("Content-Security-Policy", "X-Frame-Options", "Content-Language", "Vary"):
        assert second[header] == first[header], header
    assert second["Cache-Control"] == first["Cache-Control"]
    assert "public" in second["Cache-Control"] and "s-maxage" in second["Cache-Control"]


def test_head_is_served_from_the_cache_but_never_stores(client):
    assert fetch(client, "/de/")[1] == "miss"
    assert client.head("/de/")[HEADER] == "hit"
    cache.clear()
    client.head("/de/")
    assert fetch(client, "/de/")[1] == "miss"


def test_query_strings_are_pages_of_their_own(client):
    assert fetch(client, "/de/suche/?q=Haus")[1] == "miss"
    assert fetch(client, "/de/suche/?q=Kino")[1] == "miss"
    assert fetch(client, "/de/suche/?q=Haus")[1] == "hit"


def test_not_found_is_cached_too(client):
    assert fetch(client, "/de/gibt-es-nicht-cache/")[0].status_code == 404
    response, state = fetch(client, "/de/gibt-es-nicht-cache/")
    assert (response.status_code, state) == (404, "hit")


# == What renews a cached page ==


def test_publishing_renews_the_page(client, page):
    fetch(client, page.url)
    republish(page, intro="Neu geöffnet.")
    response, state = fetch(client, page.url)
    assert state == "miss"
    assert "Neu geöffnet." in response.content.decode()


def test_unpublishing_renews_the_page(client, page):
    assert fetch(client, page.url)[1] == "miss"
    page.unpublish()
    response, state = fetch(client, page.url)
    assert (response.status_code, state) == (404, "miss")


def test_moving_renews_old_and_new_address(client, page):
    new_parent = standard_page("Haus", slug="haus-cache")
    old_url = page.url
    assert fetch(client, old_url)[0].status_code == 200
    assert fetch(client, f"{new_parent.url}oeffnungszeiten-cache/")[0].status_code == 404
    page.move(new_parent, pos="last-child")
    page.refresh_from_db()
    # Wagtail leaves a redirect at the old address.
    moved_away = fetch(client, old_url)[0]
    assert (moved_away.status_code, moved_away["Location"]) == (301, page.url)
    assert fetch(client, page.url)[0].status_code == 200


def test_deleting_renews_the_page(client, page):
    url = page.url
    fetch(client, url)
    page.delete()
    assert fetch(client, url)[0].status_code == 404


def test_approving_a_comment_renews_its_page(client, post, moderator):
    held = comment(post, status="pending", text="Ein Kommentar, der noch wartet.")
    assert "noch wartet" not in fetch(client, post.url)[0].content.decode()
    assert fetch(client, post.url)[1] == "hit"
    moderating = Client()
    moderating.force_login(moderator)
    answer = moderating.post(
        f"/admin/snippets/comments/comment/moderate/{held.pk}/",
        {"status": "approved"},
        HTTP_ACCEPT="application/json",
    )
    assert answer.status_code == 200
    response, state = fetch(client, post.url)
    assert state == "miss"
    assert "noch wartet" in response.content.decode()


def test_a_held_comment_leaves_cached_pages_alone(client, post):
    fetch(client, post.url)
    comment(post, status="pending")
    comment(post, status="spam")
    assert fetch(client, post.url)[1] == "hit"


def test_removing_an_approved_comment_renews_its_page(client, post):
    shown = comment(post, text="Gleich wieder weg.")
    assert "Gleich wieder weg." in fetch(client, post.url)[0].content.decode()
    Comment.objects.get(pk=shown.pk).delete()
    response, state = fetch(client, post.url)
    assert state == "miss" and "Gleich wieder weg." not in response.content.decode()


def test_saving_a_snippet_renews_pages_that_show_it(client):
    from tests.factories import blog_post

    author = person("Rita Rezension", slug="rita-cache")
    post = blog_post("Mit Autorin", slug="mit-autorin-cache", authors=[author])
    assert "Rita Rezension" in fetch(client, post.url)[0].content.decode()
    author.name = "Rita Rezensentin"
    author.save()
    response, state = fetch(client, post.url)
    assert state == "miss" and "Rita Rezensentin" in response.content.decode()


def test_saving_settings_renews_every_page(client):
    fetch(client, "/de/")
    organisation = OrganisationSettings.for_site(Site.objects.get(is_default_site=True))
    organisation.street_address = "Cachestraße 12"
    organisation.save()
    response, state = fetch(client, "/de/")
    assert state == "miss" and "Cachestraße 12" in response.content.decode()


def test_a_view_restriction_takes_effect_at_once(client, page):
    from wagtail.models import PageViewRestriction

    assert fetch(client, page.url)[0].status_code == 200
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert fetch(client, page.url)[0].status_code == 302


# == Who never gets a cached page ==


def test_logged_in_editor_always_sees_fresh_pages_and_stores_none(client, editor, page):
    fetch(client, page.url)
    # A change that bypasses every signal: anonymous visitors keep the cached page a while.
    type(page).objects.filter(pk=page.pk).update(title="Geänderter Titel")
    assert "Geänderter Titel" not in fetch(client, page.url)[0].content.decode()
    editing = Client()
    editing.force_login(editor)
    response, state = fetch(editing, page.url)
    assert state == "pass" and "Geänderter Titel" in response.content.decode()
    assert "private" in response["Cache-Control"]
    cache.clear()
    fetch(editing, page.url)
    assert fetch(client, page.url)[1] == "miss"


def test_previews_are_never_cached(client, page):
    assert fetch(client, page.url)[1] == "miss"
    page.intro = "Nur ein Entwurf."
    page.save_revision()
    draft = page.get_latest_revision_as_object()
    preview = draft.make_preview_request()
    assert "Nur ein Entwurf." in preview.content.decode()
    assert preview[HEADER] == "pass"
    response, state = fetch(client, page.url)
    assert state == "hit" and "Nur ein Entwurf." not in response.content.decode()


def test_languages_are_never_mixed(client):
    german, _state = fetch(client, "/de/")
    english, state = fetch(client, "/en/")
    assert state == "miss"
    assert '<html lang="de"' in german.content.decode()
    assert '<html lang="en"' in english.content.decode()
    # An address without a language takes the browser's: one entry per language.
    assert fetch(client, "/sitemap.xml", HTTP_ACCEPT_LANGUAGE="en")[1] == "miss"
    assert fetch(client, "/sitemap.xml", HTTP_ACCEPT_LANGUAGE="de")[1] == "miss"
    assert fetch(client, "/sitemap.xml", HTTP_ACCEPT_LANGUAGE="en")[1] == "hit"


def test_visitor_with_a_pending_comment_never_shares_cached_pages(client, post, monkeypatch):
    monkeypatch.setattr("home.form_protection.MIN_FORM_SECONDS", 0)
    fetch(client, post.url)
    author = Client()
    assert (
        author.post(post.url, form_data(post, text="Mein wartender Kommentar")).status_code == 302
    )
    assert OWN_COMMENTS_COOKIE in author.cookies
    author.cookies.pop("messages", None)
    mine, state = fetch(author, post.url)
    assert state == "pass" and "Mein wartender Kommentar" in mine.content.decode()
    assert "private" in mine["Cache-Control"]
    others, state = fetch(client, post.url)
    assert state == "hit" and "Mein wartender Kommentar" not in others.content.decode()


def test_posts_are_never_cached(client, post, monkeypatch):
    monkeypatch.setattr("home.form_protection.MIN_FORM_SECONDS", 0)
    response = Client().post(post.url, form_data(post, email="no-at-sign"))
    assert response.status_code == 400 and response[HEADER] == "pass"
    assert fetch(client, post.url)[1] == "miss"


# == Forms on cached pages ==


def test_every_visitor_gets_own_tokens_and_can_comment(post, monkeypatch):
    monkeypatch.setattr("home.form_protection.MIN_FORM_SECONDS", 0)
    tokens = []
    for number, name in enumerate(("Anna", "Ben")):
        visitor = Client(enforce_csrf_checks=True)
        response, _state = fetch(visitor, post.url)
        html = response.content.decode()
        csrf, start = CSRF_VALUE.search(html)[1], START_VALUE.search(html)[1]
        assert csrf and start
        assert "private" in response["Cache-Control"]
        tokens.append((csrf, start, response[HEADER]))
        data = form_data(post, name=name, email=f"{name.lower()}@example.org")
        data.update(csrfmiddlewaretoken=csrf, started=start)
        ip = f"203.0.113.{number + 1}"
        assert visitor.post(post.url, data, REMOTE_ADDR=ip).status_code == 302
    assert [state for _csrf, _start, state in tokens] == ["miss", "hit"]
    assert tokens[0][0] != tokens[1][0] and tokens[0][1] != tokens[1][1]
    assert Comment.objects.filter(page=post).count() == 2


def test_stored_page_holds_no_csrf_token(client, post):
    response, _state = fetch(client, post.url)
    token = CSRF_VALUE.search(response.content.decode())[1]
    request = RequestFactory().get(post.url)
    _status, content, *_rest = cache.get(page_key(request))
    assert token.encode() not in content
    assert b'name="csrfmiddlewaretoken" value=""' in content


def middleware_answer(view):
    request = RequestFactory().get("/de/nur-ein-test/")
    request.session = None
    return request, PageCacheMiddleware(view)(request)


def test_a_csrf_token_outside_a_form_field_is_never_stored():
    def view(request):
        return HttpResponse(f'<div data-token="{get_token(request)}"></div>')

    request, response = middleware_answer(view)
    assert response[HEADER] == "pass" and "private" in response["Cache-Control"]
    assert cache.get(page_key(request)) is None


def test_a_response_that_sets_a_cookie_is_never_stored():
    def view(request):
        response = HttpResponse("Hallo")
        response.set_cookie("etwas", "persönliches")
        return response

    request, response = middleware_answer(view)
    assert response[HEADER] == "pass"
    assert cache.get(page_key(request)) is None


def test_a_private_response_is_never_stored():
    def view(request):
        response = HttpResponse("Hallo")
        response["Cache-Control"] = "private"
        return response

    request, response = middleware_answer(view)
    assert response[HEADER] == "pass" and cache.get(page_key(request)) is None


# == Frontend cache (reverse proxy, CDN) ==


class RecordingBackend(BaseBackend):
    purged = []

    def purge(self, url):
        self.purged.append(url)


@pytest.fixture
def purged(settings):
    settings.WAGTAILFRONTENDCACHE = {"test": {"BACKEND": "tests.test_page_cache.RecordingBackend"}}
    RecordingBackend.purged = []
    frontend_cache.connect()
    yield RecordingBackend.purged
    frontend_cache.disconnect()


def test_publishing_purges_the_page_and_its_ancestors(purged, page):
    republish(page, intro="Neu.")
    assert page.get_full_url() in purged
    assert german_home().get_full_url() in purged


def test_moving_purges_the_old_address(purged, page):
    new_parent = standard_page("Haus", slug="haus-purge")
    old_url = page.get_full_url()
    purged.clear()
    page.move(new_parent, pos="last-child")
    page.refresh_from_db()
    assert old_url in purged and page.get_full_url() in purged


def test_approving_a_comment_purges_its_page(purged, post):
    held = comment(post, status="pending")
    purged.clear()
    held.status = Comment.Status.APPROVED
    held.save()
    assert post.get_full_url() in purged


def test_without_a_frontend_cache_nothing_is_purged(page, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("purged without a frontend cache")

    monkeypatch.setattr(frontend_cache, "purge_pages", refuse)
    assert not frontend_cache.is_configured()
    republish(page, intro="Neu.")
