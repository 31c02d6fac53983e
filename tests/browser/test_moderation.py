"""A volunteer moderates comments on a desktop and on a phone: one click per action from the list."""

import pytest
from playwright.sync_api import expect

from comments.models import Comment
from home.demo import DEMO_MODERATOR
from tests.browser.conftest import Clicks, watch_console

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
TOUCH_TARGET = 44  # px, WCAG 2.5.5 / Apple and Android guidance


def log_in_and_open_pending(page):
    page.goto("/admin/login/")
    page.locator("#id_username").fill(DEMO_MODERATOR["username"])
    page.locator("#id_password").fill(DEMO_MODERATOR["password"])
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url("**/admin/")
    # The dashboard's quick action names what waits and links to the "Ausstehend" tab.
    page.get_by_role("link", name="Kommentare warten: 2").click()
    page.wait_for_url("**/admin/snippets/comments/comment/?status=pending")
    tabs = page.get_by_role("navigation", name="Kommentare nach Status")
    expect(tabs.get_by_role("link", name="Ausstehend (2)")).to_have_attribute(
        "aria-current", "page"
    )
    return tabs


def row_of(page, name):
    comment = Comment.objects.filter(name=name).order_by("-created_at").first()
    return comment, page.locator(f"#comment-row-{comment.pk}")


def pending_count(tabs):
    return tabs.get_by_role("link", name="Ausstehend").locator("[data-comment-count]")


def test_a_moderator_approves_spams_undoes_bins_and_replies_on_a_desktop(page, site):
    errors = watch_console(page)
    click = Clicks()
    tabs = log_in_and_open_pending(page)

    # Approve: one click, the row says so, the tab counts down.
    nina, row = row_of(page, "Nina Albers")
    expect(row).to_contain_text("Wird es online auch ermäßigte Karten geben")  # the whole text
    start = click.count
    click(row.get_by_role("button", name="Freigeben", exact=True))
    expect(row).to_contain_text("Kommentar von Nina Albers freigegeben.")
    assert click.since(start) == 1
    expect(pending_count(tabs)).to_have_text("1")
    nina.refresh_from_db()
    assert nina.status == Comment.Status.APPROVED

    # Spam, then undo: one click each; the row comes back with its buttons.
    julia, row = row_of(page, "Julia Neumann")
    start = click.count
    click(row.get_by_role("button", name="Spam", exact=True))
    expect(row).to_contain_text("Kommentar von Julia Neumann als Spam markiert.")
    assert click.since(start) == 1
    julia.refresh_from_db()
    assert julia.status == Comment.Status.SPAM
    expect(pending_count(tabs)).to_have_text("0")
    undo = row.get_by_role("button", name="Rückgängig")
    expect(undo).to_be_focused()  # the keyboard is where the next step is
    start = click.count
    click(undo)
    expect(row.get_by_role("button", name="Freigeben", exact=True)).to_be_visible()
    assert click.since(start) == 1
    expect(pending_count(tabs)).to_have_text("1")
    julia.refresh_from_db()
    assert julia.status == Comment.Status.PENDING

    # Reply inline ("Freigeben und antworten"): open, write, send.
    start = click.count
    click(row.get_by_text("Freigeben und antworten"))
    row.get_by_label("Antwort des Teams").fill("Ja, den großen Saal könnt Ihr mieten. Schreib uns!")
    click(row.get_by_role("button", name="Antwort veröffentlichen"))
    expect(row).to_contain_text("Deine Antwort an Julia Neumann ist veröffentlicht.")
    assert click.since(start) == 2  # opening the form and sending it
    reply = Comment.objects.get(parent=julia, is_team=True)
    julia.refresh_from_db()
    assert julia.status == Comment.Status.APPROVED
    public_url = row.get_by_role("link", name="Auf der Website ansehen").get_attribute("href")

    # Bin one from the "Freigegeben" tab: one click.
    tabs.get_by_role("link", name="Freigegeben").click()
    page.wait_for_url("**/admin/snippets/comments/comment/?status=approved")
    felix, row = row_of(page, "Felix Hartmann")
    start = click.count
    click(row.get_by_role("button", name="Papierkorb", exact=True))
    expect(row).to_contain_text("Kommentar von Felix Hartmann in den Papierkorb gelegt.")
    assert click.since(start) == 1
    felix.refresh_from_db()
    assert felix.status == Comment.Status.TRASH

    # The reply is on the public post, with the team badge; the binned comment is not.
    page.goto(public_url)
    answer = page.locator(f"#{reply.anchor()}")
    expect(answer).to_contain_text("Ja, den großen Saal könnt Ihr mieten.")
    expect(answer).to_contain_text("Team")
    expect(page.get_by_text("Im Beitrag steht doch, dass Barzahlung")).to_have_count(0)

    assert click.count == 6  # approve, spam, undo, bin: 1 click each; reply: 2 (open, send)
    assert errors == []


def test_a_moderator_does_the_same_on_a_phone(browser, site):
    context = browser.new_context(viewport=PHONE, locale="de-DE", base_url=site.url, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    errors = watch_console(page)
    click = Clicks()
    try:
        tabs = log_in_and_open_pending(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

        nina, row = row_of(page, "Nina Albers")
        for name in ("Freigeben", "Spam", "Papierkorb"):
            box = row.get_by_role("button", name=name, exact=True).bounding_box()
            assert box["height"] >= TOUCH_TARGET and box["width"] >= TOUCH_TARGET, name
            assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], name
        start = click.count
        click(row.get_by_role("button", name="Freigeben", exact=True))
        expect(row).to_contain_text("Kommentar von Nina Albers freigegeben.")
        assert click.since(start) == 1

        julia, row = row_of(page, "Julia Neumann")
        start = click.count
        click(row.get_by_role("button", name="Spam", exact=True))
        expect(row).to_contain_text("als Spam markiert.")
        click(row.get_by_role("button", name="Rückgängig"))
        expect(row.get_by_role("button", name="Papierkorb", exact=True)).to_be_visible()
        assert click.since(start) == 2
        start = click.count
        click(row.get_by_role("button", name="Papierkorb", exact=True))
        expect(row).to_contain_text("Kommentar von Julia Neumann in den Papierkorb gelegt.")
        assert click.since(start) == 1
        expect(pending_count(tabs)).to_have_text("0")

        nina.refresh_from_db()
        julia.refresh_from_db()
        assert (nina.status, julia.status) == (Comment.Status.APPROVED, Comment.Status.TRASH)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        assert errors == []
    finally:
        context.close()


def test_without_javascript_the_buttons_still_work_and_offer_undo(browser, site):
    context = browser.new_context(locale="de-DE", base_url=site.url, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto("/admin/login/")
        page.locator("#id_username").fill(DEMO_MODERATOR["username"])
        page.locator("#id_password").fill(DEMO_MODERATOR["password"])
        page.get_by_role("button", name="Anmelden").click()
        page.goto("/admin/snippets/comments/comment/?status=pending")
        julia, row = row_of(page, "Julia Neumann")
        row.get_by_role("button", name="Spam", exact=True).click()
        page.wait_for_url("**/admin/snippets/comments/comment/?status=pending")
        expect(page.get_by_text("Kommentar von Julia Neumann als Spam markiert.")).to_be_visible()
        julia.refresh_from_db()
        assert julia.status == Comment.Status.SPAM
        # Wagtail's "needs JavaScript" notice covers the top of the page: use the keyboard.
        page.locator(".messages").get_by_role("button", name="Rückgängig").press("Enter")
        page.wait_for_url("**/admin/snippets/comments/comment/?status=pending")
        julia.refresh_from_db()
        assert julia.status == Comment.Status.PENDING
        expect(row_of(page, "Julia Neumann")[1]).to_be_visible()
    finally:
        context.close()
