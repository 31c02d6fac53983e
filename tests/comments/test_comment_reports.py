"""Reports of comments as the Digital Services Act asks (Art. 16): they reach the moderators by
e-mail, who record a decision with a note (who and when are kept); "Kommentar entfernt" moves
the comment to the bin or to spam; a reporter who left an address hears of the decision once.
The public form asks for the statement in good faith and a valid address, and the address is
cleared 30 days after the decision."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from comments.models import Comment, CommentReport
from comments.notifications import send_decision_mail, send_report_mail
from comments.privacy import erase, export, purge
from home.models import FormThrottle
from home.models.notices import NOTICE_CONTACT_RETENTION_DAYS
from tests.comments.test_comment_protections import report as post_report
from tests.factories import comment

pytestmark = pytest.mark.django_db

REPORTS_URL = "/admin/snippets/comments/commentreport/"


@pytest.fixture(autouse=True)
def _fresh_flood_control():
    FormThrottle.objects.all().delete()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs a step as if its transaction committed: e-mails are queued on commit."""

    def run(step, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return step(*args, **kwargs)

    return run


def send_report(client, target, ip="203.0.113.60", **overrides):
    return post_report(client, target, ip=ip, **overrides)


def decide(client, user, report, status, note=""):
    client.force_login(user)
    return client.post(f"{REPORTS_URL}edit/{report.pk}/", {"status": status, "decision_note": note})


def test_a_new_report_mails_the_moderators(client, post, moderator, committed):
    target = comment(post, text="Ein gemeiner Kommentar")
    response = committed(send_report, client, target, contact="leser@example.org")

    assert response.status_code == 302
    report = CommentReport.objects.get()
    assert (report.status, report.contact) == (CommentReport.Status.OPEN, "leser@example.org")
    (message,) = mail.outbox
    assert message.to == [moderator.email]
    assert message.subject == f"Kommentar gemeldet: {post.title}"
    assert "Das ist beleidigend." in message.body
    assert "Ein gemeiner Kommentar" in message.body
    assert f"{REPORTS_URL}edit/{report.pk}/" in message.body


def test_the_moderators_mail_of_a_deleted_report_is_not_sent(post, moderator):
    report = CommentReport.objects.create(comment=comment(post), reason="spam", explanation="x")
    report_id = report.pk
    report.delete()
    assert send_report_mail.call(report_id) == 0


def test_the_decision_is_recorded_with_who_and_when_and_the_reporter_is_mailed_once(
    client, post, moderator, committed
):
    target = comment(post)
    committed(send_report, client, target, contact="leser@example.org")
    report = CommentReport.objects.get()
    mail.outbox.clear()
    before = timezone.now()

    response = committed(
        decide, client, moderator, report, "no_violation", "Eine Meinung, keine Beleidigung."
    )

    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == CommentReport.Status.NO_VIOLATION
    assert report.decided_by == moderator
    assert before <= report.decided_at <= timezone.now()
    assert report.decision_note == "Eine Meinung, keine Beleidigung."
    target.refresh_from_db()
    assert target.status == Comment.Status.APPROVED
    (message,) = mail.outbox
    assert message.to == ["leser@example.org"]
    assert message.subject == (
        f"Deine Meldung eines Kommentars zu „{post.title}“: unsere Entscheidung"
    )
    assert "Kein Verstoß" in message.body
    assert "Eine Meinung, keine Beleidigung." in message.body
    assert "nicht einverstanden" in message.body
    # Saving the same decision again is no new decision: no second mail, the time stays.
    decided_at = report.decided_at
    mail.outbox.clear()
    committed(decide, client, moderator, report, "no_violation", "Eine Meinung.")
    assert mail.outbox == []
    report.refresh_from_db()
    assert report.decided_at == decided_at


def test_without_a_contact_address_nobody_is_mailed_about_the_decision(
    client, post, moderator, committed
):
    report = CommentReport.objects.create(comment=comment(post), reason="spam", explanation="x")
    committed(decide, client, moderator, report, "no_violation")
    assert mail.outbox == []
    assert send_decision_mail.call(report.pk) == 0


@pytest.mark.parametrize(
    ("decision", "comment_status"),
    [("trashed", Comment.Status.TRASH), ("spam", Comment.Status.SPAM)],
)
def test_remove_trashes_the_comment_with_the_moderator_named(
    client, post, moderator, committed, decision, comment_status
):
    target = comment(post, text="Weg damit")
    report = CommentReport.objects.create(comment=target, reason="hate", explanation="x")

    response = committed(decide, client, moderator, report, decision, "Beleidigung.")

    assert response.status_code == 302
    target.refresh_from_db()
    assert target.status == comment_status
    assert target.moderation_reason == f"manual:{comment_status}:{moderator.get_username()}"
    report.refresh_from_db()
    assert (report.status, report.decided_by) == (decision, moderator)
    client.logout()
    assert "Weg damit" not in client.get(post.url).content.decode()


def test_reopening_a_report_forgets_the_decision(client, post, moderator, committed):
    report = CommentReport.objects.create(comment=comment(post), reason="spam", explanation="x")
    committed(decide, client, moderator, report, "no_violation")
    committed(decide, client, moderator, report, "open")
    report.refresh_from_db()
    assert (report.status, report.decided_at, report.decided_by) == ("open", None, None)


def test_the_edit_view_shows_the_decision_form_and_the_reported_comment(client, post, moderator):
    target = comment(post, text="<script>alert(1)</script>")
    report = CommentReport.objects.create(comment=target, reason="hate", explanation="x")
    client.force_login(moderator)
    html = client.get(f"{REPORTS_URL}edit/{report.pk}/").content.decode()
    assert 'name="status"' in html and 'name="decision_note"' in html
    assert "Kommentar entfernt (Papierkorb)" in html
    assert "<script>alert(1)</script>" not in html


def test_closing_reports_in_bulk_records_who_and_mails_the_reporters(
    client, post, moderator, committed
):
    target = comment(post)
    with_contact = CommentReport.objects.create(
        comment=target, reason="spam", explanation="x", contact="leser@example.org"
    )
    without = CommentReport.objects.create(comment=target, reason="spam", explanation="y")
    client.force_login(moderator)
    url = f"/admin/bulk/comments/commentreport/resolve/?id={with_contact.pk}&id={without.pk}"
    assert committed(client.post, url).status_code == 302
    for report in (with_contact, without):
        report.refresh_from_db()
        assert (report.status, report.decided_by) == (CommentReport.Status.DONE, moderator)
    (message,) = mail.outbox
    assert message.to == ["leser@example.org"]
    assert "Erledigt" in message.body


# == The public form ==


def test_the_form_refuses_without_the_good_faith_box(client, post):
    target = comment(post)
    html = client.get(f"{post.url}melden/{target.pk}/").content.decode()
    assert 'name="good_faith"' in html

    response = send_report(
        client, target, good_faith="", explanation="Steht so im Kommentar.", contact="a@b.de"
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert "Bitte bestätige, dass Deine Meldung nach bestem Wissen zutreffend" in html
    assert 'id="id_good_faith_error"' in html or "field--error" in html
    assert "Steht so im Kommentar." in html and 'value="a@b.de"' in html
    assert not CommentReport.objects.exists()


@pytest.mark.parametrize("contact", ["keine-adresse", "a@b", "leser@example.org<script>"])
def test_an_invalid_contact_is_refused_at_its_field(client, post, contact):
    target = comment(post)
    response = send_report(client, target, contact=contact, explanation="Beleidigend.")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Bitte gib eine gültige E-Mail-Adresse an" in html
    assert "Beleidigend." in html
    assert not CommentReport.objects.exists()


# == Personal data ==


def test_purge_clears_the_contact_30_days_after_the_decision(post):
    now = timezone.now()
    target = comment(post)

    def report(contact, status="open", days_ago=None):
        decided_at = None if days_ago is None else now - timedelta(days=days_ago)
        return CommentReport.objects.create(
            comment=target,
            reason="spam",
            explanation="x",
            contact=contact,
            status=status,
            decided_at=decided_at,
        )

    undecided = report("offen@example.org")
    long_ago = report("alt@example.org", "no_violation", NOTICE_CONTACT_RETENTION_DAYS + 1)
    lately = report("neu@example.org", "trashed", NOTICE_CONTACT_RETENTION_DAYS - 1)

    assert purge() == 1
    for each in (undecided, long_ago, lately):
        each.refresh_from_db()
    assert long_ago.contact == "" and long_ago.explanation == "x"
    assert (undecided.contact, lately.contact) == ("offen@example.org", "neu@example.org")


def test_export_names_the_decision_and_erase_clears_the_address(post, moderator):
    report = CommentReport.objects.create(
        comment=comment(post),
        reason="hate",
        explanation="Beleidigend",
        contact="Leser@Example.org",
        status="no_violation",
        decision_note="Keine Beleidigung.",
        decided_at=timezone.now(),
        decided_by=moderator,
    )
    (record,) = [r for r in export("leser@example.org") if r["type"] == "comment_report"]
    assert (record["status"], record["decision_note"]) == ("no_violation", "Keine Beleidigung.")
    assert record["decided_at"] == report.decided_at.isoformat()
    assert erase("LESER@example.org") == 1
    report.refresh_from_db()
    assert report.contact == "" and report.decision_note == "Keine Beleidigung."
