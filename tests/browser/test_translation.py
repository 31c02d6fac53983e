"""An editor translates a post in the admin: English readers see it only once it is published."""

import datetime

import pytest
from playwright.sync_api import expect

from blog.models import BlogIndexPage, BlogPostPage
from home.demo import DEMO_EDITOR
from tests.browser.test_editor import log_in

pytestmark = pytest.mark.browser


def test_translated_post_appears_in_english_blog_only_after_publishing(page):
    index = BlogIndexPage.objects.get(locale__language_code="de")
    post = BlogPostPage(
        title="Unser neuer Flügel",
        slug="unser-neuer-fluegel",
        date=datetime.date(2026, 11, 28),
        teaser="Der Flügel ist gestimmt.",
        body=[("paragraph", "<p>Kommt vorbei und hört ihn Euch an.</p>")],
    )
    index.add_child(instance=post)
    post.save_revision().publish()
    log_in(page, DEMO_EDITOR["username"], DEMO_EDITOR["password"])

    page.goto(f"/admin/localize/submit/page/{post.pk}/")
    page.get_by_label("English").check()
    page.get_by_role("button", name="Absenden").click()
    page.wait_for_url("**/edit/")
    editor_url = page.url

    page.goto("/en/blog/")
    assert "unser-neuer-fluegel" not in page.content()

    page.goto(editor_url)
    page.get_by_role("button", name="Übersetzen").first.click()
    page.locator("textarea").first.fill("Our new grand piano")
    page.get_by_role("button", name="Speichern").first.click()
    expect(page.get_by_text("Manuell übersetzt")).to_be_visible()
    page.get_by_role("button", name="Veröffentlichen in English").click()
    expect(page.get_by_text("Our new grand piano' in English")).to_be_visible()

    page.goto("/en/blog/")
    expect(page.get_by_role("link", name="Our new grand piano")).to_be_visible()
