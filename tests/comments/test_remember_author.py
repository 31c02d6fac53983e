"""'Remember me': name, e-mail and website come back in the next comment form, only on request."""

import json
import re

import pytest

from comments.views import COOKIE_SALT, REMEMBER_COOKIE
from tests.factories import form_data

pytestmark = pytest.mark.django_db

WEBSITE = "https://lena.example.org/blog"


def post_comment(client, post, **overrides):
    return client.post(
        post.url, form_data(post, url=WEBSITE, **overrides), REMOTE_ADDR="203.0.113.7"
    )


def test_the_checkbox_names_the_website_too(client, post):
    html = client.get(post.url).content.decode()
    assert (
        "Meinen Namen, meine E-Mail-Adresse und meine Website in diesem Browser für den "
        "nächsten Kommentar speichern." in html
    )


def test_with_consent_the_cookie_holds_the_website_and_the_form_is_prefilled(client, post, rf):
    assert post_comment(client, post, remember="on").status_code == 302
    cookie = client.cookies[REMEMBER_COOKIE]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    request = rf.get("/", HTTP_COOKIE=f"{REMEMBER_COOKIE}={cookie.value}")
    stored = json.loads(request.get_signed_cookie(REMEMBER_COOKIE, salt=COOKIE_SALT))
    assert stored == {"name": "Lena Leserin", "email": "lena@example.org", "url": WEBSITE}

    html = client.get(post.url).content.decode()
    assert f'name="url" value="{WEBSITE}"' in html
    assert 'name="name" value="Lena Leserin"' in html
    assert 'name="email" value="lena@example.org"' in html
    assert re.search(r'<input type="checkbox" name="remember"[^>]*\bchecked\b', html)


def test_without_consent_no_cookie_and_no_website_in_the_next_form(client, post):
    assert post_comment(client, post).status_code == 302
    assert REMEMBER_COOKIE not in client.cookies or client.cookies[REMEMBER_COOKIE].value == ""
    assert f'value="{WEBSITE}"' not in client.get(post.url).content.decode()


def test_unticking_the_box_forgets_a_remembered_website(client, post):
    post_comment(client, post, remember="on")
    client.post(
        post.url,
        form_data(post, url=WEBSITE, email="lena@example.net", text="Noch ein Gedanke dazu."),
        REMOTE_ADDR="203.0.113.8",
    )
    assert client.cookies[REMEMBER_COOKIE].value == ""
    assert f'value="{WEBSITE}"' not in client.get(post.url).content.decode()


def test_a_forged_cookie_fills_nothing(client, post):
    client.cookies[REMEMBER_COOKIE] = json.dumps({"url": "https://evil.example"})
    assert "evil.example" not in client.get(post.url).content.decode()


def test_the_english_form_names_the_website_too(client):
    from blog.models import BlogPostPage

    english = BlogPostPage.objects.live().filter(locale__language_code="en").first()
    html = client.get(english.url).content.decode()
    assert (
        "Save my name, email address and website in this browser for the next time I comment."
        in html
    )
