"""Why a comment got its status is stored as a code and shown as a translated label."""

import importlib

import pytest
from django.core import mail
from django.utils import translation
from wagtail.models import Site

from comments.models import Comment, DiscussionSettings, ModerationReason
from comments.notifications import send_moderation_mail
from tests.factories import comment, form_data

reason_migration = importlib.import_module("comments.migrations.0003_moderation_reason_codes")


def discussion(**values):
    settings = DiscussionSettings.for_site(Site.objects.get())
    for key, value in values.items():
        setattr(settings, key, value)
    settings.save()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("settings", "sent", "code", "label"),
    [
        ({"moderation": "all"}, {}, "hold_all", "Alle Kommentare werden geprüft"),
        ({"moderation": "known"}, {}, "first_comment", "Erster Kommentar"),
        (
            {"moderation": "none", "disallowed_words": "casino"},
            {"text": "Bestes Casino der Stadt"},
            "disallowed_word:casino",
            "Gesperrtes Wort: casino",
        ),
        (
            {"moderation": "none", "disallowed_words": "198.51.100."},
            {},
            "disallowed_address",
            "Gesperrtes Wort: (IP-Adresse)",
        ),
        (
            {"moderation": "none", "moderation_words": "einkauf"},
            {"text": "Mein Einkauf"},
            "moderation_word:einkauf",
            "Wort zum Zurückhalten: einkauf",
        ),
        (
            {"moderation": "none", "moderation_words": "198.51.100.23"},
            {},
            "moderation_address",
            "Wort zum Zurückhalten: (IP-Adresse)",
        ),
        (
            {"moderation": "none", "hold_link_count": 2},
            {"text": "https://a.example, https://b.example und https://c.example"},
            "links:3",
            "3 Links",
        ),
        (
            {"moderation": "none", "hold_link_count": 1},
            {"text": "https://a.example"},
            "links:1",
            "1 Link",
        ),
    ],
)
def test_the_reason_is_stored_as_a_code_and_shown_in_german(
    client, post, settings, sent, code, label
):
    discussion(**settings)
    client.post(post.url, form_data(post, **sent), REMOTE_ADDR="198.51.100.23")
    stored = Comment.objects.get()
    assert stored.moderation_reason == code
    assert stored.get_moderation_reason_display() == label


@pytest.mark.django_db
def test_a_known_author_is_stored_as_a_code(client, post):
    comment(post)
    client.post(post.url, form_data(post))
    stored = Comment.objects.latest("pk")
    assert (stored.moderation_reason, stored.get_moderation_reason_display()) == (
        "known_author",
        "Bekannter Name",
    )


LABELS = [
    ("first_comment", "Erster Kommentar", "First comment"),
    ("disallowed_word:casino", "Gesperrtes Wort: casino", "Blocked word: casino"),
    ("links:3", "3 Links", "3 links"),
    ("team_reply", "Antwort des Teams", "Team reply"),
    ("manual:spam:mod", "Von Hand: Spam (mod)", "By hand: Spam (mod)"),
    ("manual:approved", "Von Hand: Freigeschaltet", "By hand: Approved"),
    # A text the code never wrote as a code is shown as it is.
    ("Von Jemandem notiert", "Von Jemandem notiert", "Von Jemandem notiert"),
    ("links:viele", "links:viele", "links:viele"),
]


@pytest.mark.parametrize(("value", "german", "english"), LABELS)
def test_the_label_of_a_code_is_german_and_other_texts_stay_as_they_are(value, german, english):
    with translation.override("de"):
        assert ModerationReason.label_of(value) == german


@pytest.mark.parametrize(("value", "german", "english"), LABELS)
def test_the_label_follows_the_language(value, german, english):
    with translation.override("en"):
        assert ModerationReason.label_of(value) == english


def test_stored_reasons_fit_the_field():
    assert len(ModerationReason.stored(ModerationReason.DISALLOWED_WORD, "x" * 500)) == 200


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Alle Kommentare werden geprüft", "hold_all"),
        ("Erster Kommentar", "first_comment"),
        ("Bekannter Name", "known_author"),
        ("Antwort des Teams", "team_reply"),
        # The demo's words.
        ("Gesperrtes Wort: casino", "disallowed_word:casino"),
        ("Gesperrtes Wort: platz 1 bei google", "disallowed_word:platz 1 bei google"),
        ("Gesperrtes Wort: (IP-Adresse)", "disallowed_address"),
        ("Wort zum Zurückhalten: x", "moderation_word:x"),
        ("Wort zum Zurückhalten: (IP-Adresse)", "moderation_address"),
        ("3 Links", "links:3"),
        ("Von Hand: Freigeschaltet (moderatorin)", "manual:approved:moderatorin"),
        ("Von Hand: Wartet auf Freischaltung", "manual:pending"),
        ("Von Hand: Papierkorb (a (b))", "manual:trash:a (b)"),
        ("Etwas ganz anderes", "Etwas ganz anderes"),
    ],
)
def test_the_migration_turns_the_old_german_texts_into_codes_and_back(text, code):
    assert reason_migration.code_of(text) == code
    assert reason_migration.text_of(code) == text
    with translation.override("de"):
        assert ModerationReason.label_of(code) == text


@pytest.mark.django_db
def test_the_admin_and_the_moderation_mail_show_the_label(client, post, moderator):
    held = comment(post, status="pending", moderation_reason="disallowed_word:casino")
    client.force_login(moderator)
    html = client.get(f"/admin/snippets/comments/comment/edit/{held.pk}/").content.decode()
    assert "Gesperrtes Wort: casino" in html and "disallowed_word" not in html

    mail.outbox.clear()
    send_moderation_mail.call(held.pk)
    message = mail.outbox[0]
    assert message.subject == f"Neuer Kommentar wartet: {post.title}"
    assert "Grund: Gesperrtes Wort: casino" in message.body
    assert message.body.rstrip().endswith("/admin/snippets/comments/comment/")
    assert "Gesperrtes Wort: casino" in message.alternatives[0][0]


@pytest.mark.django_db
def test_mails_are_written_in_the_sites_language(post, moderator, settings):
    held = comment(post, status="pending", moderation_reason="first_comment")
    settings.LANGUAGE_CODE = "en"
    mail.outbox.clear()
    send_moderation_mail.call(held.pk)
    message = mail.outbox[0]
    assert message.subject == f"New comment awaiting approval: {post.title}"
    assert "A new comment is awaiting approval." in message.body
    assert "First comment" in message.body
