"""Comments through the v3 API: the same rules as the form, no personal data out."""

import pytest

from comments.models import Comment
from tests.factories import comment, started

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
        f"/api/v3/comments/pages/{post.pk}/comments/",
        payload(post, **overrides),
        content_type="application/json",
        REMOTE_ADDR=ip,
    )


def refused_fields(response):
    """The body fields a problem response names (``__all__`` for the comment as a whole)."""
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == response.status_code
    return {
        error["loc"][2] if len(error["loc"]) > 2 else "__all__"
        for error in response.json()["errors"]
    }


def test_approved_comments_without_email_or_ip(client, post):
    visible = comment(post, text="Öffentlich", url="https://example.org/lena")
    comment(post, status="pending", text="Wartet noch")
    comment(post, status="spam", text="Kauf jetzt")
    response = client.get(f"/api/v3/comments/pages/{post.pk}/comments/")
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
    assert field in refused_fields(response)
    assert not Comment.objects.exists()


def test_api_flood_control(client, post):
    assert post_json(client, post).status_code == 201
    response = post_json(client, post, email="zwei@example.org", text="Noch einer.")
    assert response.status_code == 400
    assert refused_fields(response) == {"__all__"}
    assert "gerade eben" in response.json()["errors"][0]["msg"]


def test_api_refuses_the_same_comment_twice_with_409(client, post):
    from home.models import FormThrottle

    assert post_json(client, post).status_code == 201
    FormThrottle.objects.all().delete()  # later than the flood window
    response = post_json(client, post, ip="192.0.2.99")
    assert response.status_code == 409
    assert refused_fields(response) == {"text"}
    assert response.json()["errors"][0]["msg"] == "Diesen Kommentar hast Du schon geschrieben."
    assert Comment.objects.count() == 1


def test_api_matches_word_lists_against_the_browser(client, post):
    from comments.models import DiscussionSettings

    settings = DiscussionSettings.objects.get()
    settings.moderation = DiscussionSettings.Moderation.NONE
    settings.disallowed_words = "evilbot"
    settings.save()
    response = client.post(
        f"/api/v3/comments/pages/{post.pk}/comments/",
        payload(post),
        content_type="application/json",
        REMOTE_ADDR="192.0.2.10",
        HTTP_USER_AGENT="EvilBot/2.0",
    )
    assert response.status_code == 201
    assert Comment.objects.get().status == Comment.Status.SPAM


def test_api_form_token_and_openapi(client, post):
    token = client.get(f"/api/v3/comments/pages/{post.pk}/comment-form/").json()["started"]
    assert token.startswith(f"comment.{post.pk}.")
    document = client.get("/api/v3/openapi.json").json()
    assert "/api/v3/comments/pages/{page_id}/comments/" in document["paths"]
    assert {"get", "post"} <= set(document["paths"]["/api/v3/comments/pages/{page_id}/comments/"])


def test_api_for_unknown_or_draft_post_is_404(client, post):
    from tests.factories import blog_post

    draft = blog_post("Entwurf", slug="entwurf-api", publish=False)
    assert client.get(f"/api/v3/comments/pages/{draft.pk}/comments/").status_code == 404
    assert client.get("/api/v3/comments/pages/999999/comments/").status_code == 404
    assert (
        client.post(
            "/api/v3/comments/pages/999999/comments/",
            payload(post),
            content_type="application/json",
        ).status_code
        == 404
    )


@pytest.mark.parametrize("body", ["", "{", "[]", '{"name": 5}', "null"])
def test_api_survives_broken_json(client, post, body):
    response = client.post(
        f"/api/v3/comments/pages/{post.pk}/comments/", body, content_type="application/json"
    )
    # An empty body carries no content type at all (415).
    assert response.status_code in (400, 415, 422)
    assert response["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize("path_id", ["99999999999999999999", "9223372036854775808", "0", "-1"])
def test_post_ids_beyond_the_database_range_are_validation_problems(client, post, path_id):
    url = f"/api/v3/comments/pages/{path_id}/comments/"
    for response in (
        client.get(url),
        client.post(url, payload(post), content_type="application/json"),
    ):
        assert response.status_code == 422
        assert response["Content-Type"] == "application/problem+json"
        assert response.json()["errors"][0]["loc"][-1] == "page_id"


def test_parent_id_beyond_the_database_range_is_a_validation_problem(client, post):
    response = post_json(client, post, parent_id=99999999999999999999)
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"][-1] == "parent_id"
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"]
)
def test_comment_post_accepts_only_json(client, post, content_type):
    import json

    response = client.generic(
        "POST",
        f"/api/v3/comments/pages/{post.pk}/comments/",
        json.dumps(payload(post)),
        content_type=content_type,
    )
    assert response.status_code == 415
    assert response["Content-Type"] == "application/problem+json"
    assert not Comment.objects.exists()


def test_comment_post_from_a_foreign_site_creates_nothing(client, post):
    import json

    url = f"/api/v3/comments/pages/{post.pk}/comments/"
    simple_request = client.generic(
        "POST",
        url,
        json.dumps(payload(post)),
        content_type="text/plain",
        HTTP_ORIGIN="https://evil.example",
    )
    assert simple_request.status_code == 403
    with_json = client.post(
        url, payload(post), content_type="application/json", HTTP_ORIGIN="https://evil.example"
    )
    assert with_json.status_code == 403
    assert with_json["Content-Type"] == "application/problem+json"
    assert not Comment.objects.exists()


def test_comment_post_from_the_site_itself_or_a_trusted_origin(client, post, settings):
    settings.CSRF_TRUSTED_ORIGINS = ["https://www.westbahnhof.example"]
    url = f"/api/v3/comments/pages/{post.pk}/comments/"
    own = client.post(
        url, payload(post), content_type="application/json", HTTP_ORIGIN="http://testserver"
    )
    assert own.status_code == 201
    trusted = client.post(
        url,
        payload(post, email="zwei@example.org"),
        content_type="application/json",
        HTTP_ORIGIN="https://www.westbahnhof.example",
        REMOTE_ADDR="192.0.2.99",
    )
    assert trusted.status_code == 201


def test_every_status_of_the_comment_api_is_documented_as_a_problem(client):
    document = client.get("/api/v3/openapi.json").json()
    operations = document["paths"]["/api/v3/comments/pages/{page_id}/comments/"]
    documented = {method: set(operation["responses"]) for method, operation in operations.items()}
    # 400: numbers beyond 64 bits in any query parameter (portal.api, for every operation).
    assert documented == {
        "get": {"200", "400", "404", "422"},
        "post": {"201", "400", "403", "404", "409", "415", "422"},
    }
    for operation in operations.values():
        for status, response in operation["responses"].items():
            if status.startswith("4"):
                schema = response["content"]["application/problem+json"]["schema"]
                assert schema == {"$ref": "#/components/schemas/ProblemDetail"}


def test_api_messages_follow_the_language(client, post):
    url = f"/api/v3/comments/pages/{post.pk}/comments/"

    def send(language, ip, **overrides):
        return client.post(
            url,
            payload(post, **overrides),
            content_type="application/json",
            REMOTE_ADDR=ip,
            HTTP_ACCEPT_LANGUAGE=language,
        )

    accepted = send("en", "192.0.2.10")
    assert accepted.json()["message"] == "Your comment is awaiting approval."
    german = send("de", "192.0.2.11", email="zwei@example.org", text="Zwei.")
    assert german.json()["message"] == "Dein Kommentar wartet auf Freischaltung."

    refused = send("en", "192.0.2.12", parent_id=999999)
    assert refused.status_code == 400
    assert refused.json()["detail"] == "The comment was not accepted."
    assert refused.json()["errors"][0]["msg"] == "This comment can’t be replied to."


def test_the_email_field_is_documented_as_an_address(client):
    # The form checks it (400 naming the field); clients and the fuzzing learn it from here.
    schemas = client.get("/api/v3/openapi.json").json()["components"]["schemas"]
    assert schemas["CommentIn"]["properties"]["email"]["format"] == "email"
    assert "email" in schemas["CommentIn"]["required"]
