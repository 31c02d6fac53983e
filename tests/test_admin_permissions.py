"""Every admin URL, walked as each role: anonymous visitors are sent to the login, the groups
reach what their work needs and nothing of the administrators', and no URL answers 5xx."""

import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RoutePattern

from home.demo import DEMO_EDITOR, DEMO_MODERATOR

pytestmark = pytest.mark.django_db

# Anyone may open these: logging in, getting back in, and the login page's own assets (its
# translations for scripts, its icons).
OPEN_TO_ANONYMOUS = re.compile(r"^/admin/(login|logout|password_reset|jsi18n|sprite)/")
SAMPLE_VALUE = {"int": "1", "str": "1", "slug": "x", "path": "x", "uuid": "0" * 32}


def _routes(patterns, prefix=""):
    for pattern in patterns:
        spec = pattern.pattern
        if isinstance(spec, LocalePrefixPattern):
            part = "de/"
        elif isinstance(spec, RoutePattern):
            part = str(spec._route)
        else:
            part = spec._regex
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, prefix + part)
        else:
            yield prefix + part


def _concrete(route):
    """The route with each parameter filled in, or None for regular expressions too rich to
    fill (none of those are under /admin/ today; the test counts them)."""
    route = route.replace("^", "").replace("$", "").replace("\\Z", "")
    route = re.sub(r"<(?:(\w+):)?\w+>", lambda m: SAMPLE_VALUE.get(m.group(1) or "str"), route)
    route = re.sub(r"\(\?P<\w+>[^)]*\)", "1", route)
    route = route.replace("\\", "")
    if re.search(r"[()\[\]*+?{}|]", route):
        return None
    return "/" + route


def admin_urls():
    routes = [route for route in _routes(get_resolver().url_patterns) if route.startswith("admin/")]
    urls = sorted({_concrete(route) for route in routes} - {None})
    return routes, urls


def test_the_walk_covers_every_admin_route():
    routes, urls = admin_urls()
    # Wagtail's own admin alone has over 250 routes; each feature app adds its own.
    assert len(routes) > 250
    assert len(urls) >= len(set(routes)) * 0.9


def test_anonymous_visitors_reach_no_admin_url():
    _, urls = admin_urls()
    client = Client(raise_request_exception=False)
    reached = []
    for url in urls:
        if OPEN_TO_ANONYMOUS.match(url):
            continue
        for method in (client.get, client.post):
            response = method(url)
            status = response.status_code
            assert status < 500, (url, method.__name__, status)
            if status == 302:
                assert response["Location"].startswith("/admin/login/"), url
            elif status not in (401, 403, 404, 405):
                reached.append((method.__name__, url, status))
    assert reached == []


# Areas only administrators run: people and their rights, sites, languages, API tokens,
# workflows, the site-wide settings of the foundation.
ADMINISTRATORS_ONLY = [
    "/admin/users/",
    "/admin/groups/",
    "/admin/sites/",
    "/admin/locales/",
    "/admin/api-tokens/",
    "/admin/workflows/list/",
    "/admin/workflows/tasks/index/",
]


@pytest.mark.parametrize("login", [DEMO_EDITOR, DEMO_MODERATOR], ids=["Redaktion", "Moderation"])
def test_the_groups_reach_no_administrators_area(client, login):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username=login["username"]))
    answers = {url: client.get(url).status_code for url in ADMINISTRATORS_ONLY}
    assert all(status in (302, 403) for status in answers.values()), answers


def test_a_superuser_reaches_every_administrators_area(client, superuser):
    client.force_login(superuser)
    answers = {url: client.get(url).status_code for url in ADMINISTRATORS_ONLY}
    assert set(answers.values()) == {200}, answers


@pytest.mark.parametrize("login", [DEMO_EDITOR, DEMO_MODERATOR], ids=["Redaktion", "Moderation"])
def test_no_admin_url_fails_for_a_group_member(login):
    """Each group member's walk: whatever a URL answers (its page, a refusal, a 404 for the
    sample object), it never answers 5xx."""
    from django.contrib.auth import get_user_model

    client = Client(raise_request_exception=False)
    client.force_login(get_user_model().objects.get(username=login["username"]))
    _, urls = admin_urls()
    failed = []
    for url in urls:
        if url.startswith("/admin/logout/"):
            continue
        status = client.get(url).status_code
        if status >= 500:
            failed.append((url, status))
    assert failed == []


def _model_areas():
    """Each snippet's list and chooser and each setting's form, with the model it shows."""
    from django.urls import NoReverseMatch, reverse
    from wagtail.contrib.settings.models import BaseSiteSetting
    from wagtail.contrib.settings.registry import registry as settings_registry
    from wagtail.models import Site
    from wagtail.snippets.models import get_snippet_models

    for model in get_snippet_models():
        viewset = model.snippet_viewset
        yield model, reverse(viewset.get_url_name("list")), "list"
        try:
            chooser = reverse(viewset.chooser_viewset.get_url_name("choose"))
        except (AttributeError, NoReverseMatch):
            continue
        yield model, chooser, "chooser"
    for model in settings_registry:
        # Site settings have a form per site; the demo has one site.
        args = [model._meta.app_label, model._meta.model_name]
        if issubclass(model, BaseSiteSetting):
            args.append(Site.objects.get().pk)
        yield model, reverse("wagtailsettings:edit", args=args), "settings"


def _may_use(user, model):
    opts = model._meta
    return any(
        user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}")
        for action in ("view", "add", "change", "delete")
    )


@pytest.mark.parametrize(
    "login", [DEMO_EDITOR, DEMO_MODERATOR, None], ids=["Redaktion", "Moderation", "superuser"]
)
def test_each_role_reaches_exactly_the_lists_choosers_and_settings_its_rights_allow(
    login, superuser
):
    """Snippet lists, their choosers and the settings forms: 200 where the role holds a right on
    the model, a refusal (redirect to the dashboard or 403) where it holds none."""
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(username=login["username"]) if login else superuser
    client = Client(raise_request_exception=False)
    client.force_login(user)
    wrong, checked = [], 0
    for model, url, kind in _model_areas():
        response = client.get(url)
        allowed = _may_use(user, model)
        refused = response.status_code == 403 or (
            response.status_code == 302 and response["Location"].rstrip("/") == "/admin"
        )
        if (allowed and response.status_code != 200) or (not allowed and not refused):
            wrong.append((kind, url, allowed, response.status_code))
        checked += 1
    # The foundation's own snippets and settings, and more with the feature apps.
    assert checked >= (20 if settings.FEATURE_APPS else 5)
    assert wrong == [], "\n".join(map(str, wrong))


@pytest.mark.parametrize(
    "login", [DEMO_EDITOR, DEMO_MODERATOR, None], ids=["Redaktion", "Moderation", "superuser"]
)
def test_each_role_edits_and_previews_exactly_the_pages_its_rights_allow(login, superuser):
    """The editor, its preview and the page's history: 200 where the role may edit the page,
    a refusal where it may not, for a page of every type the demo has."""
    from django.contrib.auth import get_user_model
    from django.urls import reverse
    from wagtail.models import Page

    user = get_user_model().objects.get(username=login["username"]) if login else superuser
    client = Client(raise_request_exception=False)
    client.force_login(user)
    one_per_type = {}
    for page in Page.objects.filter(depth__gt=1).specific().order_by("path"):
        one_per_type.setdefault(type(page), page)
    wrong = []
    for page in one_per_type.values():
        may_edit = page.permissions_for_user(user).can_edit()
        for name in ("wagtailadmin_pages:edit", "wagtailadmin_pages:history"):
            response = client.get(reverse(name, args=(page.pk,)))
            refused = response.status_code in (302, 403)
            if (may_edit and response.status_code != 200) or (not may_edit and not refused):
                wrong.append((type(page).__name__, name, may_edit, response.status_code))
        preview = client.get(reverse("wagtailadmin_pages:preview_on_edit", args=(page.pk,)))
        if not may_edit and preview.status_code not in (302, 403):
            wrong.append((type(page).__name__, "preview", may_edit, preview.status_code))
    assert len(one_per_type) >= (8 if settings.FEATURE_APPS else 2)
    if login == DEMO_EDITOR or login is None:
        assert any(page.permissions_for_user(user).can_edit() for page in one_per_type.values())
    assert wrong == [], "\n".join(map(str, wrong))
