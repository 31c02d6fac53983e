"""One-click moderation from the comment list: row buttons, undo, inline replies, status tabs."""

import re
from urllib.parse import urlencode

import pytest
from django.core import signing
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from comments.admin.row_actions import UNDO_SALT
from comments.models import Comment, CommentReport, DiscussionSettings
from tests.comments.test_moderation_admin import LIST_URL, admin_user, make_comment
from tests.factories import blog_post

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}
HOSTILE_IDS = ["0", "-1", "abc", "99999999999999999999", "1e309", "²", "%00"]


def moderate_url(comment_pk):
    return f"{LIST_URL}moderate/{comment_pk}/"


def undo_url(comment_pk):
    return f"{LIST_URL}undo/{comment_pk}/"


def reply_url(comment_pk):
    return f"{LIST_URL}quick-reply/{comment_pk}/"


def undo_token_in(html):
    return re.search(r'name="token" value="([^"]+)"', html).group(1)


@pytest.fixture
def other_post(post):
    return blog_post("Ein zweiter Beitrag", slug="ein-zweiter-beitrag-moderation")


@pytest.fixture
def moderated(client, moderator):
    client.force_login(moderator)
    return client


# == Status buttons ==


@pytest.mark.parametrize(
    ("start", "target", "notice"),
    [
        ("pending", "approved", "Kommentar von Berta Besucherin freigegeben."),
        ("approved", "pending", "Kommentar von Berta Besucherin wartet wieder auf Freigabe."),
        ("pending", "spam", "Kommentar von Berta Besucherin als Spam markiert."),
        ("approved", "trash", "Kommentar von Berta Besucherin in den Papierkorb gelegt."),
        ("spam", "pending", "wartet wieder auf Freigabe"),
    ],
)
def test_a_row_button_sets_the_status_and_answers_json_with_notice_undo_and_counts(
    moderated, moderator, post, start, target, notice
):
    comment = make_comment(post, start, moderation_reason="first_comment")
    response = moderated.post(moderate_url(comment.pk), {"status": target}, **JSON)
    assert response.status_code == 200
    data = response.json()
    assert data["ok"] is True
    assert notice in data["notice"]
    assert "Rückgängig" in data["notice"] and f"/undo/{comment.pk}/" in data["notice"]
    assert "csrfmiddlewaretoken" in data["notice"]
    assert data["counts"][target] == Comment.objects.filter(status=target).count()
    assert (
        data["counts"]["all"] == Comment.objects.filter(status__in=["pending", "approved"]).count()
    )
    comment.refresh_from_db()
    assert comment.status == target
    assert comment.moderation_reason == f"manual:{target}:{moderator.get_username()}"


def test_undo_restores_status_and_reason(moderated, post):
    comment = make_comment(post, "pending", moderation_reason="links:3")
    data = moderated.post(moderate_url(comment.pk), {"status": "spam"}, **JSON).json()
    token = undo_token_in(data["notice"])

    response = moderated.post(undo_url(comment.pk), {"token": token}, **JSON)
    assert response.status_code == 200
    assert "Rückgängig gemacht" in response.json()["notice"]
    assert response.json()["counts"]["spam"] == Comment.objects.filter(status="spam").count()
    comment.refresh_from_db()
    assert (comment.status, comment.moderation_reason) == ("pending", "links:3")


def test_undo_refuses_forged_foreign_and_expired_tokens(moderated, post):
    comment = make_comment(post, "approved")
    other = make_comment(post, "spam", text="Anderer")
    foreign = signing.dumps({"pk": other.pk, "status": "pending", "reason": ""}, salt=UNDO_SALT)
    bad_status = signing.dumps({"pk": comment.pk, "status": "gone", "reason": ""}, salt=UNDO_SALT)
    wrong_salt = signing.dumps({"pk": comment.pk, "status": "spam", "reason": ""})
    for token in ["", "x", "a" * 5000, foreign, bad_status, wrong_salt, signing.dumps([1])]:
        response = moderated.post(undo_url(comment.pk), {"token": token}, **JSON)
        assert response.status_code == 400, token
        assert response.json()["error"] == "Das lässt sich nicht mehr rückgängig machen."
    comment.refresh_from_db()
    assert comment.status == "approved"


def test_an_unknown_status_is_a_bad_request(moderated, post):
    comment = make_comment(post)
    for status in ["", "deleted", "APPROVED", "approved\x00"]:
        response = moderated.post(moderate_url(comment.pk), {"status": status}, **JSON)
        assert response.status_code == 400
        assert response.json()["error"] == "Diese Aktion gibt es nicht."
    comment.refresh_from_db()
    assert comment.status == "pending"


def test_hostile_and_unknown_ids_answer_404(moderated, post):
    moderated.raise_request_exception = False
    for pk in [*HOSTILE_IDS, "987654"]:
        for url in (moderate_url(pk), undo_url(pk), reply_url(pk)):
            response = moderated.post(url, {"status": "spam", "text": "Hallo", "token": "x"})
            assert response.status_code == 404, url


def test_buttons_only_answer_post(moderated, post):
    comment = make_comment(post)
    for url in (moderate_url(comment.pk), undo_url(comment.pk), reply_url(comment.pk)):
        assert moderated.get(url).status_code == 405


# == Without JavaScript ==


def test_without_javascript_the_list_comes_back_where_it_was_with_an_undo_form(
    moderated, post, other_post
):
    comment = make_comment(other_post)
    listing = f"{LIST_URL}?{urlencode({'status': 'pending', 'page': other_post.pk, 'p': 2})}"
    response = moderated.post(moderate_url(comment.pk), {"status": "trash", "next": listing})
    assert response.status_code == 302
    assert response["Location"] == listing

    html = moderated.get(LIST_URL, {"status": "trash"}).content.decode()
    assert "Kommentar von Berta Besucherin in den Papierkorb gelegt." in html
    assert f'action="{undo_url(comment.pk)}"' in html
    assert 'name="next" value="' in html

    response = moderated.post(undo_url(comment.pk), {"token": undo_token_in(html), "next": listing})
    assert response["Location"] == listing
    comment.refresh_from_db()
    assert comment.status == "pending"


def test_a_foreign_next_address_is_not_followed(moderated, post):
    comment = make_comment(post)
    response = moderated.post(
        moderate_url(comment.pk), {"status": "approved", "next": "https://evil.example/"}
    )
    assert response["Location"] == LIST_URL


def test_without_javascript_a_refusal_comes_back_as_a_message(moderated, post):
    comment = make_comment(post)
    response = moderated.post(
        moderate_url(comment.pk), {"status": "weg", "next": LIST_URL}, follow=True
    )
    assert "Diese Aktion gibt es nicht." in response.content.decode()


# == Permissions and CSRF ==


@pytest.mark.parametrize("codenames", [(), ("change_comment", "delete_comment")])
def test_only_moderators_may_use_the_buttons(client, post, codenames):
    client.force_login(admin_user("ohne-moderation-" + "-".join(codenames), *codenames))
    comment = make_comment(post, "approved")
    token = signing.dumps(
        {"pk": comment.pk, "status": "spam", "reason": ""}, salt=UNDO_SALT, compress=True
    )
    for headers in (JSON, {}):
        assert (
            client.post(moderate_url(comment.pk), {"status": "spam"}, **headers).status_code == 403
        )
        assert client.post(undo_url(comment.pk), {"token": token}, **headers).status_code == 403
        assert client.post(reply_url(comment.pk), {"text": "Hallo"}, **headers).status_code == 403
    comment.refresh_from_db()
    assert comment.status == "approved"
    assert not Comment.objects.filter(parent=comment).exists()


def test_visitors_are_sent_to_the_login(client, post):
    comment = make_comment(post)
    response = client.post(moderate_url(comment.pk), {"status": "approved"})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    comment.refresh_from_db()
    assert comment.status == "pending"


def test_the_buttons_need_the_csrf_token(moderator, post):
    comment = make_comment(post)
    client = Client(enforce_csrf_checks=True)
    client.force_login(moderator)
    assert client.post(moderate_url(comment.pk), {"status": "spam"}).status_code == 403
    assert client.post(reply_url(comment.pk), {"text": "Hallo"}).status_code == 403
    comment.refresh_from_db()
    assert comment.status == "pending"


# == Inline reply ==


def test_inline_reply_to_an_approved_comment(moderated, moderator, post):
    parent = make_comment(post, "approved")
    response = moderated.post(reply_url(parent.pk), {"text": "Danke Dir!"}, **JSON)
    assert response.status_code == 200
    data = response.json()
    assert "Deine Antwort an Berta Besucherin ist veröffentlicht." in data["notice"]
    assert "Auf der Website ansehen" in data["notice"]
    reply = Comment.objects.get(parent=parent)
    assert (reply.status, reply.is_team, reply.user, reply.text) == (
        "approved",
        True,
        moderator,
        "Danke Dir!",
    )
    assert f"#{reply.anchor()}" in data["notice"]


def test_inline_reply_approves_a_waiting_comment(moderated, moderator, post):
    parent = make_comment(post, "pending")
    response = moderated.post(reply_url(parent.pk), {"text": "Gute Frage!"}, **JSON)
    assert response.status_code == 200
    parent.refresh_from_db()
    assert parent.status == "approved"
    assert parent.moderation_reason == f"manual:approved:{moderator.get_username()}"
    assert Comment.objects.filter(parent=parent, is_team=True, status="approved").count() == 1
    assert response.json()["counts"]["pending"] == Comment.objects.pending().count()


@pytest.mark.parametrize("status", ["spam", "trash"])
def test_no_inline_reply_to_spam_or_binned_comments(moderated, post, status):
    parent = make_comment(post, status)
    response = moderated.post(reply_url(parent.pk), {"text": "Hallo"}, **JSON)
    assert response.status_code == 400
    assert "nur auf freigeschaltete Kommentare" in response.json()["error"]
    assert not Comment.objects.filter(parent=parent).exists()


def test_inline_reply_without_text_is_refused_next_to_the_field(moderated, post):
    parent = make_comment(post, "approved")
    response = moderated.post(reply_url(parent.pk), {"text": "  "}, **JSON)
    assert response.status_code == 400
    assert response.json()["error"] == "Bitte schreib eine Antwort."
    # Without JavaScript: the reply page, with the error next to the field.
    response = moderated.post(reply_url(parent.pk), {"text": "  ", "next": LIST_URL})
    assert response.status_code == 200
    assert "Bitte schreib eine Antwort." in response.content.decode()
    too_long = "ä" * 5001
    response = moderated.post(reply_url(parent.pk), {"text": too_long, "next": LIST_URL})
    assert response.status_code == 200
    assert too_long in response.content.decode()  # the text is kept
    assert not Comment.objects.filter(parent=parent).exists()


def test_inline_reply_respects_the_thread_depth(moderated, post):
    settings = DiscussionSettings.for_site(post.get_site())
    settings.thread_depth = 1
    settings.save()
    parent = make_comment(post, "approved")
    response = moderated.post(reply_url(parent.pk), {"text": "Zu tief."}, **JSON)
    assert response.status_code == 400
    assert "nicht weiter geantwortet" in response.json()["error"]


def test_inline_reply_without_javascript_goes_back_to_the_list(moderated, post):
    parent = make_comment(post, "approved")
    listing = f"{LIST_URL}?status=approved"
    response = moderated.post(reply_url(parent.pk), {"text": "Hallo!", "next": listing})
    assert response.status_code == 302 and response["Location"] == listing
    html = moderated.get(listing).content.decode()
    assert "Deine Antwort an Berta Besucherin ist veröffentlicht." in html


# == The list: tabs, counts, whole comments, buttons ==


def test_tabs_show_counts_and_all_leaves_out_spam_and_bin(moderated, post):
    Comment.objects.all().delete()
    made = {
        "pending": [make_comment(post, "pending", text=f"Wartet {i}") for i in range(2)],
        "approved": [make_comment(post, "approved", text=f"Frei {i}") for i in range(3)],
        "spam": [make_comment(post, "spam", text="Kauf was")],
        "trash": [make_comment(post, "trash", text="Weg damit")],
    }
    response = moderated.get(LIST_URL)
    html = response.content.decode()
    tabs = [(tab["label"], tab["count"], tab["current"]) for tab in response.context["status_tabs"]]
    assert tabs == [
        ("Alle", 5, True),
        ("Ausstehend", 2, False),
        ("Freigegeben", 3, False),
        ("Spam", 1, False),
        ("Papierkorb", 1, False),
    ]
    assert f'href="{LIST_URL}?status=pending"' in html  # the dashboard's link
    shown = {comment.pk for comment in response.context["object_list"]}
    assert shown == {c.pk for c in made["pending"] + made["approved"]}

    for status, comments in made.items():
        response = moderated.get(LIST_URL, {"status": status})
        assert {c.pk for c in response.context["object_list"]} == {c.pk for c in comments}
        current = [tab["key"] for tab in response.context["status_tabs"] if tab["current"]]
        assert current == [status]


def test_tabs_keep_search_and_filters_but_not_the_page_number(moderated, post):
    make_comment(post)
    response = moderated.get(LIST_URL, {"q": "Berta", "page": post.pk, "p": "2"})
    urls = {tab["key"]: tab["url"] for tab in response.context["status_tabs"]}
    assert urls["spam"] == f"{LIST_URL}?q=Berta&page={post.pk}&status=spam"
    assert urls["all"] == f"{LIST_URL}?q=Berta&page={post.pk}"


def test_rows_show_the_whole_text_author_email_post_and_buttons(moderated, post):
    long_text = "Anfang. " + "Mitte " * 200 + "Ende des Kommentars."
    parent = make_comment(post, "approved", name="Carla")
    comment = make_comment(post, "pending", text=long_text, parent=parent, depth=2)
    html = moderated.get(LIST_URL).content.decode()
    assert "Ende des Kommentars." in html  # the whole text, not an excerpt
    assert "berta@example.org" in html
    assert "Antwort auf" in html and f"/edit/{parent.pk}/" in html
    assert post.title in html and post.url in html
    row = html[html.index(f'id="comment-row-{comment.pk}"') :]
    row = row[: row.index("</tr>")]
    buttons = re.findall(r'<button type="submit" name="status" value="(\w+)"', row)
    assert buttons == ["approved", "spam", "trash"]
    assert "Freigeben und antworten" in row
    assert f'action="{moderate_url(comment.pk)}"' in row


def test_the_list_is_escaped_and_sanitised(moderated, post):
    make_comment(
        post,
        "pending",
        name="<script>alert(1)</script>",
        text='<img src=x onerror=alert(1)><a href="javascript:alert(1)">x</a> <b>fett</b>',
    )
    html = moderated.get(LIST_URL).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img" not in html
    assert 'href="javascript' not in html
    assert "<b>fett</b>" in html  # what the website would show


def test_list_query_count_is_pinned(moderated, post, other_post):
    def queries_for(total):
        Comment.objects.all().delete()
        for i in range(total):
            page = post if i % 2 else other_post
            comment = make_comment(page, ["pending", "approved", "spam"][i % 3], text=f"K{i}")
            if i % 4 == 0:
                CommentReport.objects.create(comment=comment, reason="other", explanation="?")
            if i % 5 == 1:
                make_comment(page, "approved", parent=comment, depth=2, text=f"A{i}")
        moderated.get(LIST_URL)  # warm the caches (site root paths, content types)
        with CaptureQueriesContext(connection) as queries:
            response = moderated.get(LIST_URL)
        assert response.status_code == 200
        return len(queries)

    few, many = queries_for(4), queries_for(24)
    assert few == many
    assert few == many == 17  # session, user, menu count, tab counts, rows, filters, ...
