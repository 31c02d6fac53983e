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
    assert 'lang="de"' in html and "Seitenleiste ein-/ausblenden" in html


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


def _tiny_png():
    from io import BytesIO

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image as PILImage

    buffer = BytesIO()
    PILImage.new("RGB", (8, 8), "teal").save(buffer, "PNG")
    return SimpleUploadedFile("probe.png", buffer.getvalue(), content_type="image/png")


def test_uploading_a_picture_does_not_ask_for_alt_text_a_second_time(client, editor):
    """Alt text is asked where the picture is used (page, block); the upload form leaves it out."""
    from wagtail.images import get_image_model

    client.force_login(editor)
    html = client.get("/admin/images/add/").content.decode()
    assert 'name="title"' in html and 'name="file"' in html
    assert 'id="id_description"' not in html

    response = client.post(
        "/admin/images/add/",
        {"title": "Probe im Saal", "file": _tiny_png(), "description": "ignored"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    image = get_image_model().objects.get(title="Probe im Saal")
    assert image.description == ""

    # Editing keeps a description stored earlier (e.g. by an import) instead of wiping it.
    image.description = "Aus dem Import"
    image.save()
    html = client.get(f"/admin/images/{image.pk}/").content.decode()
    assert 'id="id_description"' not in html
    client.post(
        f"/admin/images/{image.pk}/",
        {"title": "Probe im Saal, neu", "collection": image.collection_id},
    )
    image.refresh_from_db()
    assert (image.title, image.description) == ("Probe im Saal, neu", "Aus dem Import")
