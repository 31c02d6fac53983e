"""Comments through the v3 API: the same rules as the form, no personal data out."""

import pytest

from blog.models import Comment
from tests.blog.conftest import started
from tests.factories import comment

pytestmark = pytest.mark.django_db


def payload(post, **overrides):
    data = {
        "name": "Api Nutzerin",
        "email": "api@example.org",
        "url": "",
        "text": "Per Schnittstelle geschrieben.",
        "consent": True,
        "started": started(post),
        "website_confirm": "",
    }
    data.update(overrides)
    return data


def post_json(client, post, ip="192.0.2.10", **overrides):
    if overrides.get("started") == "just-now":
        overrides["started"] = started(post, seconds_ago=1)
    return client.post(
        f"/api/v3/blog/posts/{post.pk}/comments/",
        payload(post, **overrides),
        content_type="application/json",
        REMOTE_ADDR=ip,
    )


def test_approved_comments_without_email_or_ip(client, post):
    visible = comment(post, text="Öffentlich", url="https://example.org/lena")
    comment(post, status="pending", text="Wartet noch")
    comment(post, status="spam", text="Kauf jetzt")
    response = client.get(f"/api/v3/blog/posts/{post.pk}/comments/")
    assert response.status_code == 200
    items = response.json()
    assert [item["id"] for item in items] == [visible.pk]
    assert set(items[0]) == {
        "id",
        "parent_id",
        "name",
        "url",
        "text",
        "text_html",
        "is_team",
        "created_at",
    }
    assert "lena@example.org" not in response.content.decode()


def test_post_comment_runs_the_form_rules(client, post):
    response = post_json(client, post)
    assert response.status_code == 201
    assert response.json()["status"] == "pending"
    assert Comment.objects.get().name == "Api Nutzerin"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"email": "kaputt"}, "email"),
        ({"url": "javascript:alert(1)"}, "url"),
        ({"consent": False}, "consent"),
        ({"text": ""}, "text"),
        ({"started": "just-now"}, "__all__"),
        ({"started": "forged"}, "__all__"),
        ({"website_confirm": "bot"}, "__all__"),
    ],
)
def test_api_refuses_like_the_form(client, post, overrides, field):
    response = post_json(client, post, **overrides)
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert not Comment.objects.exists()


def test_api_flood_control(client, post):
    assert post_json(client, post).status_code == 201
    response = post_json(client, post, email="zwei@example.org", text="Noch einer.")
    assert response.status_code == 400
    assert "gerade eben" in response.json()["errors"]["__all__"][0]


def test_api_refuses_the_same_comment_twice_with_409(client, post):
    from blog.models import CommentThrottle

    assert post_json(client, post).status_code == 201
    CommentThrottle.objects.all().delete()  # later than the flood window
    response = post_json(client, post, ip="192.0.2.99")
    assert response.status_code == 409
    assert response.json() == {"errors": {"text": ["Diesen Kommentar hast Du schon geschrieben."]}}
    assert Comment.objects.count() == 1


def test_api_matches_word_lists_against_the_browser(client, post):
    from blog.models import DiscussionSettings

    settings = DiscussionSettings.objects.get()
    settings.moderation = DiscussionSettings.Moderation.NONE
    settings.disallowed_words = "evilbot"
    settings.save()
    response = client.post(
        f"/api/v3/blog/posts/{post.pk}/comments/",
        payload(post),
        content_type="application/json",
        REMOTE_ADDR="192.0.2.10",
        HTTP_USER_AGENT="EvilBot/2.0",
    )
    assert response.status_code == 201
    assert Comment.objects.get().status == Comment.Status.SPAM


def test_api_form_token_and_openapi(client, post):
    token = client.get(f"/api/v3/blog/posts/{post.pk}/comment-form/").json()["started"]
    assert token.startswith(f"comment.{post.pk}.")
    document = client.get("/api/v3/openapi.json").json()
    assert "/api/v3/blog/posts/{page_id}/comments/" in document["paths"]
    assert {"get", "post"} <= set(document["paths"]["/api/v3/blog/posts/{page_id}/comments/"])


def test_api_for_unknown_or_draft_post_is_404(client, post):
    from tests.factories import blog_post

    draft = blog_post("Entwurf", slug="entwurf-api", publish=False)
    assert client.get(f"/api/v3/blog/posts/{draft.pk}/comments/").status_code == 404
    assert client.get("/api/v3/blog/posts/999999/comments/").status_code == 404
    assert (
        client.post(
            "/api/v3/blog/posts/999999/comments/", payload(post), content_type="application/json"
        ).status_code
        == 404
    )


@pytest.mark.parametrize("body", ["", "{", "[]", '{"name": 5}', "null"])
def test_api_survives_broken_json(client, post, body):
    response = client.post(
        f"/api/v3/blog/posts/{post.pk}/comments/", body, content_type="application/json"
    )
    assert response.status_code in (400, 422)
