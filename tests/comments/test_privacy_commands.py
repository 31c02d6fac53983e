"""Commenters' rights: IP checksums expire, data can be exported and erased."""

import json
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from comments.models import Comment
from home.models import FormThrottle
from tests.factories import comment

pytestmark = pytest.mark.django_db


def test_ip_checksums_are_removed_after_30_days(post):
    old = comment(post, ip_hash="a" * 64)
    fresh = comment(post, ip_hash="b" * 64, email="frisch@example.org")
    Comment.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=31))
    FormThrottle.objects.create(key="ip:x", last_post_at=timezone.now() - timedelta(days=2))
    call_command("purge_comment_ips", stdout=StringIO())
    old.refresh_from_db()
    fresh.refresh_from_db()
    assert old.ip_hash == "" and fresh.ip_hash == "b" * 64
    assert not FormThrottle.objects.filter(key="ip:x").exists()


def test_export_lists_everything_about_one_commenter(post):
    comment(post, email="Lena@Example.org", text="Erster", ip_hash="c" * 64)
    comment(post, email="lena@example.org", text="Zweiter", status="pending")
    comment(post, email="jemand@example.org", text="Fremd")
    out = StringIO()
    call_command("export_commenter_data", "lena@example.org", stdout=out)
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
    call_command("erase_commenter_data", "LENA@example.org", stdout=StringIO())
    mine.refresh_from_db()
    other.refresh_from_db()
    assert (mine.name, mine.email, mine.url, mine.ip_hash) == ("Anonym", "", "", "")
    assert mine.text == "Bleibt stehen."
    assert other.name == "Otto"
    html = client.get(post.url).content.decode()
    assert "Bleibt stehen." in html and "Lena Leserin" not in html
