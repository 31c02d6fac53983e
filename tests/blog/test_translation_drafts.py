"""A new translation stays a draft until an editor publishes it."""

import datetime

import pytest
from wagtail.models import Locale

from blog.models import BlogPostPage
from tests.factories import blog_index

pytestmark = pytest.mark.django_db


def test_translating_a_live_post_makes_an_unpublished_english_draft(
    client, superuser, django_capture_on_commit_callbacks
):
    post = BlogPostPage(
        title="Nur auf Deutsch geschrieben",
        slug="nur-auf-deutsch",
        date=datetime.date(2026, 11, 20),
        teaser="Noch nicht übersetzt.",
        body=[("paragraph", "<p>Ein Absatz.</p>")],
    )
    blog_index(slug="blog").add_child(instance=post)
    post.save_revision().publish()
    english = Locale.objects.get(language_code="en")
    client.force_login(superuser)

    # wagtail-localize publishes on commit: run those callbacks as a real request would.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/localize/submit/page/{post.pk}/", {"locales": [english.pk]})

    assert response.status_code == 302
    translated = post.get_translation(english)
    assert not translated.live
    client.logout()
    english_blog = client.get("/en/blog/")
    assert english_blog.status_code == 200
    assert "nur-auf-deutsch" not in english_blog.content.decode()
    assert client.get("/en/blog/feed/rss/").content.decode().count("nur-auf-deutsch") == 0

    # The editor translates and publishes: now the English blog lists it.
    translated.title = "Written in German only"
    translated.save_revision().publish()
    assert "Written in German only" in client.get("/en/blog/").content.decode()
