"""Editors work in a German admin with exactly the permissions they need."""

import pytest
from django.contrib.auth.models import Group

from home.groups import EDITORS, MODERATORS, group_permissions
from home.models import StandardPage

pytestmark = pytest.mark.django_db


def test_admin_speaks_german(client):
    html = client.get("/admin/login/").content.decode()
    assert 'lang="de"' in html
    assert "Anmelden" in html


def test_editor_edits_and_publishes_a_page(client, editor):
    client.force_login(editor)
    page = StandardPage.objects.get(slug="ueber-uns")
    edit_url = f"/admin/pages/{page.pk}/edit/"
    response = client.get(edit_url)
    assert response.status_code == 200
    assert "Einleitung" in response.content.decode()  # German field labels


def test_editor_manages_settings_and_images(client, editor):
    client.force_login(editor)
    assert client.get("/admin/settings/home/navigationsettings/").status_code in (200, 302)
    assert client.get("/admin/images/").status_code == 200
    assert client.get("/admin/documents/").status_code == 200


def test_moderator_cannot_edit_pages_or_settings(client, moderator):
    client.force_login(moderator)
    page = StandardPage.objects.get(slug="ueber-uns")
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code in (302, 403)
    response = client.get("/admin/settings/home/navigationsettings/1/")
    assert response.status_code in (302, 403)


def test_groups_have_the_portal_permissions():
    editors = Group.objects.get(name=EDITORS)
    moderators = Group.objects.get(name=MODERATORS)
    editor_codenames = set(editors.permissions.values_list("codename", flat=True))
    assert {
        "access_admin",
        "change_navigationsettings",
        "change_footersettings",
    } <= editor_codenames
    assert editors.page_permissions.filter(permission__codename="publish_page").exists()
    # Exactly what the portal and the installed apps ask for, nothing more.
    wanted = {name.split(".")[1] for name in group_permissions()[MODERATORS]}
    assert set(moderators.permissions.values_list("codename", flat=True)) == wanted
    assert "access_admin" in wanted
    assert not moderators.page_permissions.exists()
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()


def test_anonymous_visitors_are_sent_to_the_login(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
