"""Feature apps plug in through hooks; the foundation runs with none of them."""

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest
from wagtail import hooks

from portal import hooks as portal_hooks
from portal.settings.base import DEFAULT_FEATURE_APPS, KNOWN_FEATURE_APPS
from tests.sitemap_helpers import whole_sitemap

BASE_DIR = Path(__file__).resolve().parent.parent
FOUNDATION = {"portal", "home", "comments"}
# Planned apps count before they exist, so nothing in the foundation starts depending on them.
FEATURE_APPS = {*KNOWN_FEATURE_APPS, "processes"}


def imported_modules(path):
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


def test_the_foundation_never_imports_a_feature_app():
    for folder in ("portal", "home", "comments"):
        for path in (BASE_DIR / folder).rglob("*.py"):
            for module in imported_modules(path):
                assert module.split(".")[0] not in FEATURE_APPS, f"{path} imports {module}"


def project_packages():
    return {path.parent.name for path in BASE_DIR.glob("*/__init__.py")}


@pytest.mark.parametrize("app", KNOWN_FEATURE_APPS)
def test_a_feature_app_imports_only_the_foundation(app):
    # Everything of this project that is neither the foundation nor the app itself: the other
    # feature apps (installed or not), and the tests.
    forbidden = (project_packages() | FEATURE_APPS) - FOUNDATION - {app}
    assert forbidden, "nothing to check against"
    for path in (BASE_DIR / app).rglob("*.py"):
        for module in imported_modules(path):
            assert module.split(".")[0] not in forbidden, f"{path} imports {module}"


@pytest.mark.django_db
def test_every_installed_app_registers_through_the_typed_contract(rf, admin_user):
    from wagtail.models import Site

    request = rf.get("/")
    request.user = admin_user  # the dashboard actions show everything to an administrator
    for name, expected in portal_hooks.HOOK_TYPES.items():
        args = {
            portal_hooks.SITEMAP_ITEMS: (request, Site.objects.get(is_default_site=True)),
            portal_hooks.DASHBOARD_ACTIONS: (request,),
        }.get(name, ())
        for item in portal_hooks.collect(name, *args):
            assert isinstance(item, expected), (name, item)
    permissions = portal_hooks.collect(portal_hooks.GROUP_PERMISSIONS)
    assert {grant.group for grant in permissions} <= {portal_hooks.EDITORS, portal_hooks.MODERATORS}


def test_a_hook_returning_an_untyped_value_is_refused_naming_the_function():
    def old_style_routers():
        return [("/alt/", object())]

    with hooks.register_temporarily(portal_hooks.API_ROUTERS, old_style_routers):
        with pytest.raises(TypeError, match="old_style_routers.*expected ApiRouter"):
            portal_hooks.collect(portal_hooks.API_ROUTERS)


@pytest.mark.parametrize("order", [-1, 1000])
def test_an_order_outside_the_documented_scale_is_refused(order):
    with pytest.raises(ValueError, match="0–999"):
        portal_hooks.DemoContent(name="Irgendwas", load=lambda demo: None, order=order)


@pytest.mark.django_db
def test_a_plugin_section_appears_on_the_home_page(client):
    from home.models import HomePage

    section = portal_hooks.HomeSection(
        key="test-section",
        label="Testbereich",
        template="home/sections/contact.html",
        get_context=lambda request, page, value: {},
    )
    with hooks.register_temporarily(portal_hooks.HOME_SECTIONS, lambda: [section]):
        assert ("test-section", "Testbereich") in portal_hooks.home_section_choices()
        home = HomePage.objects.get(locale__language_code="de")
        home.body = [
            ("section", {"section": "test-section", "heading": "Aus dem Plugin", "count": 3})
        ]
        home.save_revision().publish()
        html = client.get("/de/").content.decode()
        assert "Aus dem Plugin" in html
    # Once the app is gone, its section disappears instead of breaking the page.
    response = client.get("/de/")
    assert response.status_code == 200
    assert "Aus dem Plugin" not in response.content.decode()


@pytest.mark.django_db
def test_plugin_search_and_sitemap_entries_are_collected(client):
    found = portal_hooks.SearchResult(
        title="Plugin-Treffer", url="/de/plugin/", summary="aus einem Plugin"
    )
    source = portal_hooks.SearchSource(
        key="plugin", label="Plugin", search=lambda query, request: [found]
    )
    item = portal_hooks.SitemapItem(location="https://portal.example.org/feeds/plugin.ics")
    with (
        hooks.register_temporarily(portal_hooks.SEARCH_SOURCES, lambda: [source]),
        hooks.register_temporarily(portal_hooks.SITEMAP_ITEMS, lambda request, site: [item]),
    ):
        assert "Plugin-Treffer" in client.get("/de/suche/", {"q": "Zzyzx"}).content.decode()
        sitemap = whole_sitemap(client)
    assert "<loc>https://portal.example.org/feeds/plugin.ics</loc>" in sitemap
    assert "<loc>http://testserver/en/about-us/</loc>" in sitemap


@pytest.mark.parametrize(
    ("wanted", "installed"),
    [
        (None, DEFAULT_FEATURE_APPS),
        ("blog,kulturnetz", ["blog", "kulturnetz"]),
        ("", []),
        ("blog", ["blog"]),
        (" blog ,", ["blog"]),
        ("kulturnetz", ["kulturnetz"]),
    ],
)
def test_feature_apps_come_from_portal_feature_apps(monkeypatch, wanted, installed):
    from portal.settings.base import _installed_feature_apps

    if wanted is None:
        monkeypatch.delenv("PORTAL_FEATURE_APPS", raising=False)
    else:
        monkeypatch.setenv("PORTAL_FEATURE_APPS", wanted)
    assert _installed_feature_apps() == installed


def test_an_unknown_feature_app_stops_the_portal_naming_it_and_the_known_ones(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    from portal.settings.base import _installed_feature_apps

    monkeypatch.setenv("PORTAL_FEATURE_APPS", "blog,kulturnetz,processes,blgo,prozesse")
    with pytest.raises(
        ImproperlyConfigured, match=r"apps: blgo, prozesse\. Known: blog, kulturnetz, processes\."
    ):
        _installed_feature_apps()


def test_every_known_feature_app_exists():
    assert set(DEFAULT_FEATURE_APPS) <= set(KNOWN_FEATURE_APPS)
    for name in KNOWN_FEATURE_APPS:
        assert (BASE_DIR / name / "apps.py").exists(), name


@pytest.mark.own_process
def test_the_portal_does_not_boot_with_an_unknown_feature_app():
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(PORTAL_FEATURE_APPS="blog,blgo", DJANGO_SETTINGS_MODULE="portal.settings.test")
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured: PORTAL_FEATURE_APPS names unknown feature apps: blgo" in (
        result.stderr
    )


SMOKE = """
import django, io
django.setup()
from django.conf import settings
from django.core.management import call_command
from django.test import Client
assert settings.FEATURE_APPS == [], settings.FEATURE_APPS
call_command("migrate", verbosity=0)
call_command("load_demo_content", stdout=io.StringIO())
client = Client()
for url in ["/de/", "/en/", "/de/ueber-uns/", "/de/suche/?q=Haus", "/sitemap.xml", "/sitemap-seiten-de.xml", "/api/v3/openapi.json"]:
    status = client.get(url).status_code
    assert status == 200, (url, status)
print("foundation-ok")
"""


@pytest.mark.own_process
def test_foundation_runs_without_any_feature_app(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(
        PORTAL_FEATURE_APPS="",
        DJANGO_SETTINGS_MODULE="portal.settings.test",
        SQLITE_PATH=str(tmp_path / "bare.sqlite3"),
    )
    result = subprocess.run(
        [sys.executable, "-c", SMOKE],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert "foundation-ok" in result.stdout, result.stderr[-3000:]
