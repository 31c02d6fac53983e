"""Answering a comment where it stands: the form moves below it without loading a page."""

import time

import pytest
from playwright.sync_api import expect

from comments.models import Comment
from home.models import FormThrottle

pytestmark = pytest.mark.browser


def answerable_comment():
    """An approved top-level comment of a German post whose comments are open."""
    return (
        Comment.objects.approved()
        .filter(parent=None, is_team=False, page__locale__language_code="de")
        .select_related("page")
        .order_by("pk")
        .first()
    )


def test_reply_opens_under_the_comment_without_a_page_load_and_cancel_returns_it(page):
    FormThrottle.objects.all().delete()
    target = answerable_comment()
    post = target.page.specific
    page.goto(post.url)
    loads = []
    page.on("load", lambda: loads.append(page.url))
    page.on("framenavigated", lambda frame: loads.append(frame.url))
    page.evaluate("window.stillTheSamePage = true")
    url_before = page.url
    clicks = 0

    def click(locator):
        nonlocal clicks
        clicks += 1
        locator.click()

    item = page.locator(f"#kommentar-{target.pk}")
    click(item.locator(f'a[data-reply-to="{target.pk}"]'))

    form = page.locator(f"#kommentar-{target.pk} > #kommentar-formular")
    expect(form).to_be_visible()
    expect(form.get_by_role("heading", name=f"Antwort an {target.name}")).to_be_visible()
    assert page.locator('input[name="parent"]').input_value() == str(target.pk)
    assert page.evaluate("document.activeElement.id") == "id_text"
    cancel = form.get_by_role("link", name="Antwort abbrechen")
    expect(cancel).to_be_visible()
    assert page.url == url_before and loads == []
    assert page.evaluate("window.stillTheSamePage") is True

    click(cancel)
    expect(page.locator(f"#kommentar-{target.pk} #kommentar-formular")).to_have_count(0)
    expect(page.locator("section.comments > #kommentar-formular")).to_be_visible()
    expect(page.locator("#comment-form-heading")).to_have_text("Schreib einen Kommentar")
    expect(page.get_by_role("link", name="Antwort abbrechen")).to_be_hidden()
    assert page.locator('input[name="parent"]').input_value() == ""
    assert page.evaluate("document.activeElement.dataset.replyTo") == str(target.pk)
    assert page.url == url_before and loads == []
    assert clicks == 2

    # Answer for real: the reply is stored under that comment.
    click(item.locator(f'a[data-reply-to="{target.pk}"]'))
    page.locator("#id_text").fill("Genau so haben wir es auch erlebt.")
    page.locator("#id_name").fill("Otto Antwort")
    page.locator("#id_email").fill("otto@example.org")
    page.locator("#id_consent").check()
    time.sleep(3.2)  # the form refuses what is sent faster than a person types
    click(page.get_by_role("button", name="Kommentar abschicken"))
    expect(page.get_by_text("Danke! Dein Kommentar wartet auf Freischaltung.")).to_be_visible()
    reply = Comment.objects.get(text="Genau so haben wir es auch erlebt.")
    assert reply.parent_id == target.pk and reply.depth == 2
    assert clicks == 4
