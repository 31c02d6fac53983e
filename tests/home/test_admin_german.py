"""The admin is German for every browser, names Wagtail's workflow in German and stays quiet."""

import pytest
from django.conf import settings
from wagtail.models import Page, Task, Workflow
from wagtail.users.models import UserProfile

from home.models import StandardPage

pytestmark = pytest.mark.django_db

ENGLISH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "en-US,en;q=0.9"}


def test_login_page_is_german_for_an_english_browser(client):
    html = client.get("/admin/login/", **ENGLISH_BROWSER).content.decode()
    assert "Anmelden – Haus am Westbahnhof" in html
    assert "<title>Anmelden - Haus am Westbahnhof</title>" in html
    assert "Passwort" in html
    for english in ("Sign in", "Password", "Wagtail</title>"):
        assert english not in html


def test_dashboard_is_german_for_an_english_browser(client, editor):
    client.force_login(editor)
    html = client.get("/admin/", **ENGLISH_BROWSER).content.decode()
    assert 'lang="de"' in html and "Schnellzugriff" in html


def test_an_editors_own_language_choice_still_wins(client, editor):
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(editor)
    html = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert 'lang="en"' in html


def test_public_pages_still_follow_the_browser(client):
    response = client.get("/", **ENGLISH_BROWSER)
    assert response.status_code == 302 and response.url.startswith("/en/")


def test_wagtails_starter_workflow_has_a_german_name_and_the_editors_approve():
    assert not Workflow.objects.filter(name="Moderators approval").exists()
    assert not Task.objects.filter(name="Moderators approval").exists()
    task = Task.objects.get(name="Freigabe durch die Redaktion").specific
    assert Workflow.objects.filter(name="Freigabe durch die Redaktion").exists()
    assert list(task.groups.values_list("name", flat=True)) == ["Redaktion"]
    assert Page.get_first_root_node().title == "Alle Seiten"  # "Erkunden: Root" before


def test_the_page_editor_has_no_wagtail_review_comments(client, editor):
    assert settings.WAGTAILADMIN_COMMENTS_ENABLED is False
    client.force_login(editor)
    page = StandardPage.objects.get(slug="ueber-uns")
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "comments-toggle" not in html and "w-comments" not in html
    assert 'data-side-panel-toggle="comments"' not in html


def test_no_gravatar(client, editor):
    client.force_login(editor)
    html = client.get("/admin/account/").content.decode()
    assert "gravatar" not in html.lower()
