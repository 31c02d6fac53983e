"""Feedback on a process page: the foundation's moderated comments, as on a post."""

import json
from io import StringIO

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command

from comments.models import Comment, DiscussionSettings
from home.models import FormThrottle
from processes.models import ProcessPage
from tests.factories import comment, form_data
from tests.processes.helpers import process_page

pytestmark = [pytest.mark.django_db, pytest.mark.feature_app("processes")]

LIST_URL = "/admin/snippets/comments/comment/"
SCRIPT = "<script>alert(1)</script>"
SECRET_EMAIL = "geheim.adresse-4711@example.org"


@pytest.fixture
def process():
    # Start without the demo's comments and throttles: the tests count comments.
    Comment.objects.all().delete()
    FormThrottle.objects.all().delete()
    return process_page("Räume vermieten", slug="raeume-vermieten")


def send(client, page, ip="203.0.113.7", **overrides):
    return client.post(page.url, form_data(page, **overrides), REMOTE_ADDR=ip)


def test_the_process_page_has_the_comment_form_with_its_privacy_promise(client, process):
    html = client.get(process.url).content.decode()
    assert 'id="kommentar-formular"' in html
    assert "Deine E-Mail-Adresse wird nicht veröffentlicht." in html


def test_a_first_comment_waits_a_known_author_is_published(client, process):
    response = send(client, process)
    assert response.status_code == 302
    first = Comment.objects.get()
    assert first.page_id == process.pk
    assert first.status == Comment.Status.PENDING
    assert response["Location"] == f"{process.url}#kommentar-{first.pk}"

    first.status = Comment.Status.APPROVED
    first.save()
    FormThrottle.objects.all().delete()
    send(client, process, text="Und noch ein Gedanke zum Ablauf.", ip="203.0.113.8")
    second = Comment.objects.latest("pk")
    assert second.status == Comment.Status.APPROVED
    assert "Und noch ein Gedanke zum Ablauf." in client.get(process.url).content.decode()


def test_the_sites_rules_apply_to_process_pages(client, process):
    settings = DiscussionSettings.for_site(process.get_site())
    settings.disallowed_words = "werbung"
    settings.save()
    send(client, process, text="Billige Werbung hier")
    assert Comment.objects.get().status == Comment.Status.SPAM


def test_comments_can_be_closed_on_one_process(client, process):
    process.comments_enabled = False
    process.save_revision().publish()
    send(client, process)
    assert not Comment.objects.exists()
    html = client.get(process.url).content.decode()
    assert "Die Kommentare zu dieser Seite sind geschlossen." in html


def test_feedback_appears_in_the_moderation_list_with_its_page_type(client, moderator, process):
    waiting = comment(process, status="pending", text="Bitte mehr zum Werkzeug schreiben.")
    client.force_login(moderator)
    html = client.get(LIST_URL).content.decode()
    assert f"/admin/snippets/comments/comment/edit/{waiting.pk}/" in html
    assert "Räume vermieten" in html and "Prozess" in html
    process_type = ContentType.objects.get_for_model(ProcessPage)
    html = client.get(LIST_URL, {"page_type": process_type.pk}).content.decode()
    assert f"/edit/{waiting.pk}/" in html
    edit = client.get(f"/admin/snippets/comments/comment/edit/{waiting.pk}/")
    assert edit.status_code == 200


def test_feedback_is_shown_escaped_and_the_email_stays_private(client, moderator, process):
    comment(process, name=f"Otto {SCRIPT}", email=SECRET_EMAIL, text=f"Hallo {SCRIPT}")
    html = client.get(process.url).content.decode()
    assert SCRIPT not in html and "&lt;script&gt;" in html
    assert SECRET_EMAIL not in html
    client.force_login(moderator)
    assert SCRIPT not in client.get(LIST_URL).content.decode()


def test_the_commenters_rights_cover_feedback_on_process_pages(client, process):
    mine = comment(process, name="Lena Leserin", email="lena@example.org", text="Bleibt stehen.")
    out = StringIO()
    call_command("export_personal_data", "lena@example.org", stdout=out)
    exported = json.loads(out.getvalue())["comments"]
    assert [entry["text"] for entry in exported] == ["Bleibt stehen."]
    call_command("erase_personal_data", "lena@example.org", stdout=StringIO())
    mine.refresh_from_db()
    assert (mine.name, mine.email) == ("Anonym", "")
    html = client.get(process.url).content.decode()
    assert "Bleibt stehen." in html and "Lena Leserin" not in html


def test_the_comment_api_serves_process_pages(client, process):
    comment(process, text="Über die API sichtbar.")
    response = client.get(f"/api/v3/comments/pages/{process.pk}/comments/")
    assert response.status_code == 200
    body = json.dumps(response.json(), ensure_ascii=False)
    assert "Über die API sichtbar." in body
    assert "lena@example.org" not in body
    assert client.get(f"/api/v3/comments/pages/{process.pk}/comment-form/").status_code == 200
