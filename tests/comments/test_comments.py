"""Comments through the form: every rule holds or refuses as described, in German."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from comments.models import Comment, DiscussionSettings
from comments.views import OWN_COMMENTS_COOKIE, REMEMBER_COOKIE
from tests.factories import comment, form_data, person, started

pytestmark = pytest.mark.django_db


def discussion(**values):
    settings = DiscussionSettings.for_site(
        __import__("wagtail.models", fromlist=["Site"]).Site.objects.get()
    )
    for key, value in values.items():
        setattr(settings, key, value)
    settings.save()
    return settings


def post_comment(client, post, ip="203.0.113.7", **overrides):
    return client.post(post.url, form_data(post, **overrides), REMOTE_ADDR=ip)


def test_form_shows_required_marks_and_privacy_promise(client, post):
    html = client.get(post.url).content.decode()
    assert "Deine E-Mail-Adresse wird nicht veröffentlicht." in html
    assert (
        'Erforderliche Felder sind mit <span class="required" aria-hidden="true">*</span> markiert.'
        in html
    )
    assert html.count('<span class="required" aria-hidden="true">*</span>') >= 5


def test_first_comment_waits_and_its_author_sees_it_marked(client, post):
    response = post_comment(client, post)
    assert response.status_code == 302
    stored = Comment.objects.get()
    assert stored.status == Comment.Status.PENDING
    assert response["Location"] == f"{post.url}#kommentar-{stored.pk}"
    page = client.get(post.url).content.decode()
    assert "Dein Kommentar wartet auf Freischaltung" in page
    assert "Danke für den Einblick in Eure Arbeit!" in page
    # Another visitor (no cookie) does not see it.
    client.cookies.pop(OWN_COMMENTS_COOKIE)
    assert "Danke für den Einblick in Eure Arbeit!" not in client.get(post.url).content.decode()


def test_known_author_is_approved_and_published(client, post):
    comment(post, name="Lena Leserin", email="LENA@example.org")
    response = post_comment(client, post)
    follow = client.get(response["Location"].split("#")[0]).content.decode()
    assert Comment.objects.latest("pk").status == Comment.Status.APPROVED
    assert "Danke! Dein Kommentar ist veröffentlicht." in follow


def test_hold_everything_mode(client, post):
    discussion(moderation=DiscussionSettings.Moderation.ALL)
    comment(post, name="Lena Leserin", email="lena@example.org")
    post_comment(client, post)
    assert Comment.objects.latest("pk").status == Comment.Status.PENDING


def test_publish_immediately_mode(client, post):
    discussion(moderation=DiscussionSettings.Moderation.NONE)
    post_comment(client, post)
    assert Comment.objects.get().status == Comment.Status.APPROVED


@pytest.mark.parametrize(
    ("text", "links", "status"),
    [
        ("Mehr unter https://example.org", 2, Comment.Status.APPROVED),
        ("Siehe https://a.example und http://b.example", 2, Comment.Status.PENDING),
        ("www.a.example und www.b.example und www.c.example", 4, Comment.Status.APPROVED),
        ("www.a.example und www.b.example und www.c.example", 2, Comment.Status.PENDING),
        # One address is one link, however it is written.
        ("Schaut mal: https://www.example.org/programm", 2, Comment.Status.APPROVED),
        ("Schaut mal: http://www.example.org/", 2, Comment.Status.APPROVED),
        ('<a href="https://www.example.org/">https://www.example.org/</a>', 2, "approved"),
        ('<a href="https://www.example.org/">Programm</a>', 1, Comment.Status.PENDING),
        ("https://www.a.example/ und https://www.b.example/", 3, Comment.Status.APPROVED),
        ("https://www.a.example/ und https://www.b.example/", 2, Comment.Status.PENDING),
        # Text that is no web link counts nothing.
        ("Schreibt an info@example.org, siehe <code>https://x.example</code>", 1, "approved"),
    ],
)
def test_links_hold_a_comment(client, post, text, links, status):
    discussion(moderation=DiscussionSettings.Moderation.NONE, hold_link_count=links)
    post_comment(client, post, text=text)
    stored = Comment.objects.get()
    assert stored.status == status, stored.moderation_reason


@pytest.mark.parametrize("field", ["name", "email", "url", "text"])
def test_moderation_words_hold_in_every_field(client, post, field):
    discussion(
        moderation=DiscussionSettings.Moderation.NONE, moderation_words="Kasse\nwerbung.example"
    )
    values = {
        "name": "Kassenwart",
        "email": "x@werbung.example",
        "url": "https://werbung.example/",
        "text": "Zur Kasse bitte",
    }
    post_comment(client, post, **{field: values[field]})
    assert Comment.objects.get().status == Comment.Status.PENDING


@pytest.mark.parametrize("field", ["name", "email", "url", "text"])
def test_disallowed_words_mark_spam_in_every_field(client, post, field):
    discussion(
        moderation=DiscussionSettings.Moderation.NONE, disallowed_words="casino\nspam.example"
    )
    values = {
        "name": "Casino King",
        "email": "x@spam.example",
        "url": "https://spam.example/",
        "text": "Bestes CASINO",
    }
    response = post_comment(client, post, **{field: values[field]})
    assert Comment.objects.get().status == Comment.Status.SPAM
    # The sender is not told it was spam.
    assert (
        "wartet auf Freischaltung"
        in client.get(response["Location"].split("#")[0]).content.decode()
    )


def test_honeypot_refuses(client, post):
    response = post_comment(client, post, website_confirm="http://bot.example")
    assert response.status_code == 400
    assert not Comment.objects.exists()


def test_too_fast_is_refused_and_keeps_the_text(client, post):
    response = post_comment(
        client, post, started=started(post, seconds_ago=1), text="Schnell getippt"
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Das ging sehr schnell" in html
    assert "Schnell getippt" in html and 'value="Lena Leserin"' in html
    assert not Comment.objects.exists()


def test_too_old_is_refused_with_a_fresh_form(client, post):
    response = post_comment(client, post, started=started(post, seconds_ago=3 * 60 * 60))
    assert response.status_code == 400
    assert "zu lange offen" in response.content.decode()
    assert not Comment.objects.exists()


def test_forged_timestamp_is_refused(client, post):
    response = post_comment(client, post, started="comment-form:abc:forged")
    assert response.status_code == 400
    assert not Comment.objects.exists()


def test_flood_from_same_ip_is_refused(client, post):
    post_comment(client, post, ip="198.51.100.1", email="a@example.org")
    response = post_comment(
        client, post, ip="198.51.100.1", email="b@example.org", text="Noch einer"
    )
    assert response.status_code == 400
    assert "gerade eben schon kommentiert" in response.content.decode()
    assert Comment.objects.count() == 1


def test_flood_from_same_email_is_refused(client, post):
    post_comment(client, post, ip="198.51.100.1")
    response = post_comment(client, post, ip="198.51.100.2", text="Noch einer")
    assert response.status_code == 400
    assert Comment.objects.count() == 1


def _after_flood_window():
    from home.models import FormThrottle

    FormThrottle.objects.update(last_post_at=timezone.now() - datetime.timedelta(seconds=16))


@pytest.mark.parametrize(
    "second",
    [
        {},  # reload: everything the same
        {"name": "lena leserin", "email": "LENA@example.org"},  # compared as MySQL does
    ],
)
def test_the_same_comment_twice_is_refused_and_the_form_keeps_it(client, post, second):
    post_comment(client, post)
    _after_flood_window()
    response = post_comment(client, post, ip="198.51.100.9", **second)
    assert response.status_code == 400
    html = response.content.decode()
    assert (
        '<ul class="field__errors" id="id_text_error"><li>'
        "Diesen Kommentar hast Du schon geschrieben.</li></ul>"
    ) in html
    assert "Danke für den Einblick in Eure Arbeit!</textarea>" in html
    assert Comment.objects.count() == 1


@pytest.mark.parametrize(
    "second",
    [
        {"text": "Danke für den Einblick in Eure Arbeit! Und noch was."},
        {"name": "Jemand", "email": "jemand@example.org"},  # someone else may say the same
        # WordPress compares name and e-mail together: one of them alone is not the same sender.
        {"email": "andere@example.org"},
        {"name": "Lena L."},
        {"parent": "reply"},  # the same words as a reply elsewhere in the thread
    ],
)
def test_a_different_comment_is_not_a_duplicate(client, post, second):
    first = comment(post, name="Lena Leserin", email="lena@example.org", text="Danke!")
    if second.get("parent") == "reply":
        second["parent"] = str(first.pk)
    second.setdefault("text", "Danke!")
    response = post_comment(client, post, **second)
    assert response.status_code == 302, response.content.decode()[-2000:]
    assert Comment.objects.count() == 2


def test_a_trashed_comment_may_be_sent_again(client, post):
    comment(post, status="trash", text="Danke für den Einblick in Eure Arbeit!")
    assert post_comment(client, post).status_code == 302


@pytest.mark.parametrize(
    ("words", "status"),
    [
        ({"disallowed_words": "198.51.100."}, Comment.Status.SPAM),
        ({"disallowed_words": "evilbot"}, Comment.Status.SPAM),
        ({"moderation_words": "198.51.100.23"}, Comment.Status.PENDING),
        ({"moderation_words": "EvilBot/2"}, Comment.Status.PENDING),
        ({"moderation_words": "203.0.113.\nfriendlybot"}, Comment.Status.APPROVED),
    ],
)
def test_word_lists_match_the_senders_address_and_browser(client, post, words, status):
    discussion(moderation=DiscussionSettings.Moderation.NONE, **words)
    client.post(
        post.url, form_data(post), REMOTE_ADDR="198.51.100.23", HTTP_USER_AGENT="EvilBot/2.0 (x)"
    )
    stored = Comment.objects.get()
    assert stored.status == status
    # The address itself is still not stored, not even as the reason.
    assert "198.51.100" not in stored.moderation_reason
    assert "198.51.100" not in str(Comment.objects.values().get())


def test_flood_window_ends_after_15_seconds(client, post):
    from home.models import FormThrottle

    post_comment(client, post, ip="198.51.100.1")
    FormThrottle.objects.update(last_post_at=timezone.now() - datetime.timedelta(seconds=16))
    post_comment(client, post, ip="198.51.100.1", text="Später noch einer")
    assert Comment.objects.count() == 2


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"name": ""}, "name", "Bitte gib Deinen Namen an."),
        ({"email": ""}, "email", "Bitte gib Deine E-Mail-Adresse an."),
        ({"email": "kein-at"}, "email", "Bitte gib eine gültige E-Mail-Adresse an"),
        ({"url": "javascript:alert(1)"}, "url", "http:// oder https://"),
        ({"url": "ftp://example.org/x"}, "url", "http:// oder https://"),
        ({"text": "   "}, "text", "Bitte schreib einen Kommentar."),
        ({"consent": ""}, "consent", "Bitte stimme der Speicherung"),
    ],
)
def test_invalid_input_gets_german_errors_next_to_the_field(
    client, post, overrides, field, message
):
    response = post_comment(client, post, **overrides)
    html = response.content.decode()
    assert response.status_code == 400
    assert f'id="id_{field}_error"' in html
    assert message in html
    assert "Danke für den Einblick in Eure Arbeit!" in html or overrides.get("text")
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"name": "x" * 10_000, "email": "a@b.c", "text": "y" * 100_000, "consent": "on"},
        {"parent": "abc"},
        {"parent": "999999"},
        {"started": "\x00"},
        {"name": "\x00", "text": "\x00\x00"},
        {"consent": ["on", "off"]},
    ],
)
def test_no_input_causes_a_server_error(client, post, data):
    response = client.post(post.url, {**form_data(post), **data})
    assert response.status_code in (302, 400)


def test_consent_and_remember_cookie(client, post):
    post_comment(client, post, remember="on")
    assert REMEMBER_COOKIE in client.cookies
    html = client.get(post.url).content.decode()
    assert 'value="Lena Leserin"' in html and 'value="lena@example.org"' in html


def test_without_remember_no_author_cookie_is_set(client, post):
    post_comment(client, post)
    assert REMEMBER_COOKIE not in client.cookies or client.cookies[REMEMBER_COOKIE].value == ""


def test_replies_nest_up_to_the_configured_depth(client, post):
    discussion(moderation=DiscussionSettings.Moderation.NONE, thread_depth=2)
    top = comment(post, name="Erste", email="e@example.org")
    post_comment(client, post, parent=str(top.pk), text="Eine Antwort")
    reply = Comment.objects.get(parent=top)
    assert reply.depth == 2 and reply.status == Comment.Status.APPROVED
    html = client.get(post.url).content.decode()
    assert f'href="?antwort={top.pk}#kommentar-formular"' in html
    assert f'href="?antwort={reply.pk}#kommentar-formular"' not in html
    response = post_comment(
        client, post, ip="203.0.113.9", email="x@example.org", parent=str(reply.pk)
    )
    assert response.status_code == 400
    assert "nicht weiter geantwortet" in response.content.decode()


def test_reply_form_works_without_javascript(client, post):
    top = comment(post, name="Erste", email="e@example.org")
    html = client.get(post.url, {"antwort": top.pk}).content.decode()
    assert "Antwort an Erste" in html
    assert f'name="parent" value="{top.pk}"' in html


def test_cannot_reply_to_a_pending_comment(client, post):
    pending = comment(post, status="pending")
    response = post_comment(client, post, parent=str(pending.pk))
    assert response.status_code == 400
    assert not Comment.objects.filter(parent=pending).exists()


def test_comments_can_be_closed_site_wide_per_post_and_by_age(client, post):
    discussion(comments_enabled=False)
    html = client.get(post.url).content.decode()
    assert "Kommentare sind auf dieser Website ausgeschaltet." in html
    assert post_comment(client, post).status_code == 200 or not Comment.objects.exists()
    discussion(comments_enabled=True, close_after_days=30)
    post.first_published_at = timezone.now() - datetime.timedelta(days=31)
    post.save()
    assert (
        "Die Kommentare zu dieser Seite sind geschlossen." in client.get(post.url).content.decode()
    )
    discussion(close_after_days=None)
    post.comments_enabled = False
    post.save()
    assert (
        "Die Kommentare zu dieser Seite sind geschlossen." in client.get(post.url).content.decode()
    )
    post_comment(client, post)
    assert not Comment.objects.exists()


def test_comments_are_paginated_by_threads(client, post):
    discussion(comments_per_page=5, default_comments_page="oldest")
    for number in range(7):
        comment(post, name=f"Person {number}", email=f"p{number}@example.org")
    first = client.get(post.url).content.decode()
    assert "Person 4" in first and "Person 5" not in first
    second = client.get(post.url, {"kommentare": 2}).content.decode()
    assert "Person 6" in second
    assert "Person 6" in client.get(post.url, {"kommentare": 99}).content.decode()


def test_moderators_and_opted_in_authors_get_an_email(
    client, post, moderator, django_capture_on_commit_callbacks
):
    from django.contrib.auth import get_user_model

    writer = get_user_model().objects.create_user(
        "autorin", email="autorin@example.org", password="x-123-abc"
    )
    author = person("Anna Autorin", user=writer, notify_on_comments=True)
    from blog.models import BlogPostAuthor

    BlogPostAuthor.objects.create(page=post, person=author)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(client, post)
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == ["autorin@example.org", "test-moderation@example.org"]
    assert all("Danke für den Einblick" in message.body for message in mail.outbox)


def test_failing_mail_never_breaks_the_request(
    client, post, moderator, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.comments.failing_mail.FailingBackend"
    with django_capture_on_commit_callbacks(execute=True):
        response = post_comment(client, post)
    assert response.status_code == 302
    assert Comment.objects.count() == 1


def test_ip_is_stored_only_as_a_keyed_hash(client, post):
    post_comment(client, post, ip="203.0.113.77")
    stored = Comment.objects.get()
    assert stored.ip_hash and "203.0.113" not in stored.ip_hash and len(stored.ip_hash) == 64


# == Comment pages as in WordPress ==


def seven_threads(post):
    return [
        comment(post, name=f"Person {number}", email=f"p{number}@example.org")
        for number in range(7)
    ]


def test_post_opens_on_the_newest_comment_page_by_default(client, post):
    discussion(comments_per_page=5)
    seven_threads(post)
    first = client.get(post.url).content.decode()
    assert "Person 5" in first and "Person 6" in first and "Person 4" not in first
    assert "Person 0" in client.get(post.url, {"kommentare": 1}).content.decode()


def test_newest_comments_first_on_each_page(client, post):
    discussion(comments_per_page=5, default_comments_page="oldest", comment_order="desc")
    seven_threads(post)
    html = client.get(post.url).content.decode()
    assert html.index("Person 4") < html.index("Person 3") < html.index("Person 0")
    assert "Person 5" not in html


@pytest.mark.parametrize("first_page", ["newest", "oldest"])
@pytest.mark.parametrize("moderation", ["none", "all"])
@pytest.mark.parametrize("reply_to", [None, 0, 4])
def test_after_posting_the_commenter_lands_on_the_page_with_their_comment(
    client, post, first_page, moderation, reply_to
):
    discussion(comments_per_page=3, default_comments_page=first_page, moderation=moderation)
    threads = seven_threads(post)
    parent = "" if reply_to is None else str(threads[reply_to].pk)
    response = post_comment(client, post, text="Mein neuer Gedanke.", parent=parent)
    assert response.status_code == 302
    new = Comment.objects.latest("pk")
    location = response["Location"]
    assert location.endswith(f"#{new.anchor()}")
    expected_page = {None: 3, 0: 1, 4: 2}[reply_to]
    if first_page == "oldest" and expected_page == 1:
        assert "?" not in location  # the page the post opens on anyway
    else:
        assert f"?kommentare={expected_page}#" in location
    html = client.get(location.split("#")[0]).content.decode()
    assert f'id="{new.anchor()}"' in html and "Mein neuer Gedanke." in html


def test_a_single_comment_page_needs_no_page_number(client, post):
    discussion(moderation="none")
    response = post_comment(client, post)
    assert response["Location"] == f"{post.url}#{Comment.objects.get().anchor()}"


def test_admin_and_author_mail_link_to_the_comment_page(
    client, post, superuser, django_capture_on_commit_callbacks
):
    from django.contrib.auth import get_user_model

    from blog.models import BlogPostAuthor

    discussion(comments_per_page=5, moderation="none")
    threads = seven_threads(post)
    client.force_login(superuser)
    html = client.get(f"/admin/snippets/comments/comment/edit/{threads[1].pk}/").content.decode()
    assert f'href="{post.url}?kommentare=1#{threads[1].anchor()}"' in html
    html = client.get(f"/admin/snippets/comments/comment/edit/{threads[6].pk}/").content.decode()
    assert f'href="{post.url}?kommentare=2#{threads[6].anchor()}"' in html

    writer = get_user_model().objects.create_user("autorin", email="autorin@example.org")
    author = person("Anna Autorin", user=writer, notify_on_comments=True)
    BlogPostAuthor.objects.create(page=post, person=author)
    client.logout()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(client, post, ip="198.51.100.77", email="neu@example.org")
    new = Comment.objects.latest("pk")
    link = f"{post.get_full_url()}?kommentare=2#{new.anchor()}"
    assert link in mail.outbox[0].body
    assert f'href="{link}"' in mail.outbox[0].alternatives[0][0]
