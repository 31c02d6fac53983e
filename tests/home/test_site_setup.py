"""`manage.py setup_site` makes a fresh production database a real site, once."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent.parent

FRESH_DATABASE = """
import django, io, json
django.setup()
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from wagtail.models import GroupPagePermission, Page, Revision, Site
from wagtail_localize.models import StringTranslation

from home.models import OrganisationSettings

WELCOME = "Welcome to your new Wagtail site"


def state():
    return {
        "pages": sorted(
            Page.objects.values_list("pk", "title", "slug", "locale__language_code", "live")
        ),
        "revisions": Revision.objects.count(),
        "translations": StringTranslation.objects.count(),
        "sites": sorted(
            Site.objects.values_list("hostname", "port", "root_page__slug", "is_default_site")
        ),
        "groups": {
            group.name: sorted(group.permissions.values_list("codename", flat=True))
            for group in Group.objects.all()
        },
        "page_permissions": GroupPagePermission.objects.count(),
        "organisation": list(OrganisationSettings.objects.values_list("site__hostname", "name")),
    }


call_command("migrate", verbosity=0)
assert Page.objects.filter(title__startswith=WELCOME).exists(), "not Wagtail's initial state"
call_command("setup_site", stdout=io.StringIO())
first = state()
call_command("setup_site", stdout=io.StringIO())
second = state()
client = Client()
responses = {}
for url in ["/de/", "/en/"]:
    response = client.get(url)
    html = response.content.decode()
    responses[url] = [response.status_code, "Haus am Westbahnhof" in html, WELCOME in html]
print("RESULT " + json.dumps({"first": first, "second": second, "responses": responses}))
"""


def run_on_a_fresh_database(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.test",
        SQLITE_PATH=str(tmp_path / "fresh.sqlite3"),
    )
    env.pop("PORTAL_FEATURE_APPS", None)
    result = subprocess.run(
        [sys.executable, "-c", FRESH_DATABASE],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("RESULT ")]
    assert lines, result.stderr[-3000:]
    return json.loads(lines[-1].removeprefix("RESULT "))


@pytest.mark.own_process
def test_setup_site_makes_a_fresh_database_a_site_and_a_second_run_changes_nothing(tmp_path):
    result = run_on_a_fresh_database(tmp_path)
    first = result["first"]

    assert result["responses"] == {"/de/": [200, True, False], "/en/": [200, True, False]}
    titles = [title for _pk, title, *_rest in first["pages"]]
    assert not [title for title in titles if "Welcome" in title]
    home_pages = [page for page in first["pages"] if page[2].startswith("haus-am-westbahnhof")]
    assert sorted(locale for *_rest, locale, _live in home_pages) == ["de", "en"]
    assert all(live for *_rest, live in home_pages)
    assert first["sites"] == [["testserver", 80, "haus-am-westbahnhof", True]]
    assert first["organisation"] == [["testserver", "Haus am Westbahnhof"]]

    assert set(first["groups"]) == {"Redaktion", "Moderation"}
    assert {"access_admin", "change_organisationsettings"} <= set(first["groups"]["Redaktion"])
    assert "moderate_comment" in first["groups"]["Moderation"]
    assert first["page_permissions"] > 0

    assert result["second"] == first
