"""An editor translates a post in the admin: English readers see it only once it is published,
and the path from the post's edit view to the live English post takes seven clicks, in German."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from blog.models import BlogIndexPage, BlogPostPage
from home.demo import DEMO_EDITOR
from tests.browser.conftest import Clicks
from tests.browser.test_editor import log_in

pytestmark = pytest.mark.browser

# English, or the jargon of wagtail-localize's own German catalogue.
ENGLISH_OR_JARGON = re.compile(
    r"(?<![A-Za-z])Locales?\b|PO Datei|More actions|to English translation|\bEnglish\b"
)


def _german_post(title, slug):
    index = BlogIndexPage.objects.get(locale__language_code="de")
    post = BlogPostPage(
        title=title,
        slug=slug,
        date=datetime.date(2026, 11, 28),
        teaser="Der Flügel ist gestimmt.",
        body=[("paragraph", "<p>Kommt vorbei und hört ihn Euch an.</p>")],
    )
    index.add_child(instance=post)
    post.save_revision().publish()
    return post


def _assert_german(page):
    # Text a sighted editor reads and the labels a screen reader reads out.
    shown = page.locator("body").inner_text()
    labels = " ".join(
        page.locator("[aria-label]").evaluate_all(
            "els => els.map(e => e.getAttribute('aria-label'))"
        )
    )
    hidden = " ".join(page.locator(".w-sr-only").all_text_contents())
    assert ENGLISH_OR_JARGON.findall(f"{shown} {labels} {hidden}") == []


def _assert_status_panel_leaves_the_translate_buttons_free(page):
    """A look at the status panel on the way; not part of the volunteer's path."""
    toggle = page.get_by_role("button", name="Status umschalten")
    toggle.click()
    expect(page.locator("[data-side-panel='status']").first).to_be_visible()
    # A trial click fails when another element (the panel) would receive the click.
    for button in page.get_by_role("button", name="Übersetzen").all():
        button.click(trial=True, timeout=3_000)
    toggle.click()


def test_a_volunteer_translates_and_publishes_a_post_in_seven_clicks(page):
    post = _german_post("Unser neuer Flügel", "unser-neuer-fluegel")
    log_in(page, DEMO_EDITOR["username"], DEMO_EDITOR["password"])
    page.goto(f"/admin/pages/{post.pk}/edit/")
    click = Clicks()

    click(page.locator("#w-slim-header-buttons").get_by_role("button", name="Aktionen"))
    click(page.get_by_role("link", name="Diese Seite übersetzen"))
    _assert_german(page)
    click(page.get_by_label("Englisch"))
    click(page.get_by_role("button", name="Absenden"))
    expect(page.get_by_text("Übersetzung Deutsch → Englisch").first).to_be_visible()
    _assert_german(page)
    _assert_status_panel_leaves_the_translate_buttons_free(page)

    click(page.get_by_role("button", name="Übersetzen").first)
    page.locator("textarea").first.fill("Our new grand piano")
    click(page.get_by_role("button", name="Speichern").first)
    expect(page.get_by_text("Manuell übersetzt")).to_be_visible()
    click(page.get_by_role("button", name="Veröffentlichen auf Englisch"))
    # Teaser and text are left in German for now: published "mit fehlenden Übersetzungen".
    expect(
        page.get_by_text(re.compile("'Our new grand piano' in Englisch .*veröffentlicht"))
    ).to_be_visible()
    _assert_german(page)

    assert click.count == 7
    # The English address comes from the translated title.
    response = page.goto("/en/blog/our-new-grand-piano/")
    assert response.status == 200
    expect(page.get_by_role("heading", name="Our new grand piano")).to_be_visible()
    page.goto("/en/blog/")
    expect(page.get_by_role("link", name="Our new grand piano")).to_be_visible()
