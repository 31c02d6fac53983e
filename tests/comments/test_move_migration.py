"""The comment tables move from ``blog`` to ``comments`` without losing a row or a permission."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone, translation

from tests.factories import ensure_wagtail_roots

BEFORE_THE_MOVE = [("blog", "0004_tag_translation"), ("comments", None)]


@pytest.fixture
def demo_restored_afterwards(django_db_blocker):
    """The demo content before the test (an earlier transactional test may have flushed it) and
    after it (this test ends with a flush; the tests after it expect the demo content)."""

    def restore():
        with django_db_blocker.unblock():
            ensure_wagtail_roots()
            call_command("load_demo_content", stdout=StringIO())

    restore()
    yield
    restore()


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor


@pytest.mark.feature_app("blog")
def test_comments_reports_throttles_settings_and_permissions_survive_the_move(
    demo_restored_afterwards, transactional_db
):
    executor = migrate(BEFORE_THE_MOVE)
    try:
        old = executor.loader.project_state([BEFORE_THE_MOVE[0]]).apps
        page = old.get_model("wagtailcore", "Page").objects.filter(depth__gt=2).first()
        site = old.get_model("wagtailcore", "Site").objects.first()
        OldComment = old.get_model("blog", "Comment")
        written = timezone.now() - timedelta(days=3)
        comment = OldComment.objects.create(
            page_id=page.pk,
            name="Alte Leserin",
            email="alt@example.org",
            url="https://alt.example.org",
            text="Vor dem Umzug geschrieben.",
            status="approved",
            ip_hash="a" * 64,
            moderation_reason="Bekannter Name",
            consent_at=written,
        )
        reply = OldComment.objects.create(
            page_id=page.pk,
            parent=comment,
            depth=2,
            name="Team Haus am Westbahnhof",
            email="team@example.org",
            text="Antwort vor dem Umzug.",
            status="pending",
            is_team=True,
        )
        report = old.get_model("blog", "CommentReport").objects.create(
            comment=comment, reason="hate", explanation="Beleidigend.", contact="m@example.org"
        )
        old.get_model("blog", "CommentThrottle").objects.create(
            key="ip:umzug", last_post_at=written
        )
        old.get_model("blog", "DiscussionSettings").objects.update_or_create(
            site_id=site.pk,
            defaults={"moderation": "all", "disallowed_words": "casino", "thread_depth": 2},
        )
        moderate = old.get_model("auth", "Permission").objects.get(
            content_type__app_label="blog", codename="moderate_comment"
        )
        group = old.get_model("auth", "Group").objects.create(name="Umzugstest")
        group.permissions.add(moderate)
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    from django.contrib.auth.models import Group
    from django.contrib.contenttypes.models import ContentType

    from comments.models import Comment, CommentReport, DiscussionSettings
    from home.models import FormThrottle

    ContentType.objects.clear_cache()
    moved = Comment.objects.get(pk=comment.pk)
    assert (moved.page_id, moved.name, moved.email, moved.url, moved.text) == (
        page.pk,
        "Alte Leserin",
        "alt@example.org",
        "https://alt.example.org",
        "Vor dem Umzug geschrieben.",
    )
    assert (moved.status, moved.ip_hash) == ("approved", "a" * 64)
    # The reason written as German text before the move is a code now, shown as before.
    assert moved.moderation_reason == "known_author"
    with translation.override("de"):
        assert moved.get_moderation_reason_display() == "Bekannter Name"
    assert moved.consent_at == written
    moved_reply = Comment.objects.get(pk=reply.pk)
    assert (moved_reply.parent_id, moved_reply.depth, moved_reply.is_team) == (comment.pk, 2, True)
    moved_report = CommentReport.objects.get(pk=report.pk)
    assert (moved_report.comment_id, moved_report.reason, moved_report.contact) == (
        comment.pk,
        "hate",
        "m@example.org",
    )
    # Flood control went on to the foundation (home.FormThrottle), with its rows.
    assert FormThrottle.objects.get(key="ip:umzug").last_post_at == written
    settings = DiscussionSettings.objects.get(site_id=site.pk)
    assert (settings.moderation, settings.disallowed_words, settings.thread_depth) == (
        "all",
        "casino",
        2,
    )
    # Cascades and new rows work on the renamed tables.
    assert list(moved.replies.values_list("pk", flat=True)) == [reply.pk]
    Comment.objects.create(page_id=page.pk, name="Neu", email="neu@example.org", text="Danach.")
    held = Group.objects.get(name="Umzugstest").permissions.get()
    assert (held.content_type.app_label, held.codename) == ("comments", "moderate_comment")
    assert not ContentType.objects.filter(app_label="blog", model="comment").exists()
    tables = connection.introspection.table_names()
    assert "comments_comment" in tables and "blog_comment" not in tables
