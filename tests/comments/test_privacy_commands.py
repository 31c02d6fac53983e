"""Commenters' rights: IP checksums expire, data can be exported and erased, consent is on record."""

import json
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from comments.models import Comment, CommentReport
from home.consent import CONSENT_TEXTS, CURRENT_CONSENT
from home.models import FormThrottle
from tests.comments.test_comments import post_comment
from tests.factories import comment

pytestmark = pytest.mark.django_db


def test_ip_checksums_are_removed_after_30_days(post):
    old = comment(post, ip_hash="a" * 64)
    fresh = comment(post, ip_hash="b" * 64, email="frisch@example.org")
    Comment.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=31))
    FormThrottle.objects.create(key="ip:x", last_post_at=timezone.now() - timedelta(days=2))
    call_command("purge_personal_data", stdout=StringIO())
    old.refresh_from_db()
    fresh.refresh_from_db()
    assert old.ip_hash == "" and fresh.ip_hash == "b" * 64
    assert not FormThrottle.objects.filter(key="ip:x").exists()


def test_export_lists_everything_about_one_commenter(post):
    comment(post, email="Lena@Example.org", text="Erster", ip_hash="c" * 64)
    comment(post, email="lena@example.org", text="Zweiter", status="pending")
    comment(post, email="jemand@example.org", text="Fremd")
    out = StringIO()
    call_command("export_personal_data", "lena@example.org", stdout=out)
    data = json.loads(out.getvalue())
    assert [c["text"] for c in data["comments"]] == ["Erster", "Zweiter"]
    assert data["comments"][0]["ip_checksum_stored"] is True


def test_erase_anonymises_but_keeps_the_text(client, post):
    mine = comment(
        post,
        name="Lena Leserin",
        email="lena@example.org",
        url="https://example.org/lena",
        ip_hash="d" * 64,
        text="Bleibt stehen.",
    )
    other = comment(post, name="Otto", email="otto@example.org")
    call_command("erase_personal_data", "LENA@example.org", stdout=StringIO())
    mine.refresh_from_db()
    other.refresh_from_db()
    assert (mine.name, mine.email, mine.url, mine.ip_hash) == ("Anonym", "", "", "")
    assert mine.text == "Bleibt stehen."
    assert other.name == "Otto"
    html = client.get(post.url).content.decode()
    assert "Bleibt stehen." in html and "Lena Leserin" not in html


def test_a_sent_comment_records_the_consent_wording_and_time(client, post):
    before = timezone.now()
    post_comment(client, post, email="lena@example.org")
    stored = Comment.objects.get(email="lena@example.org")
    assert stored.consent_version == CURRENT_CONSENT
    assert before <= stored.consent_at <= timezone.now()
    out = StringIO()
    call_command("export_personal_data", "lena@example.org", stdout=out)
    consent = json.loads(out.getvalue())["comments"][0]["consent"]
    assert consent["version"] == CURRENT_CONSENT
    assert consent["text"] == CONSENT_TEXTS[CURRENT_CONSENT][1]
    html = client.get(post.url).content.decode()
    assert "Ich bin einverstanden, dass meine Angaben gespeichert werden" in html


def test_a_reporters_contact_address_is_exported_and_erased(post):
    reported = comment(post, email="autor@example.org")
    report = CommentReport.objects.create(
        comment=reported, reason="spam", explanation="Werbung", contact="Melder@example.org"
    )
    out = StringIO()
    call_command("export_personal_data", "melder@example.org", stdout=out)
    exported = json.loads(out.getvalue())["comments"]
    assert [(r["type"], r["explanation"]) for r in exported] == [("comment_report", "Werbung")]
    call_command("erase_personal_data", "melder@example.org", stdout=StringIO())
    report.refresh_from_db()
    assert report.contact == "" and report.explanation == "Werbung"
