"""The everyday tasks of issue 8 as a volunteer walks them: write and schedule a post, edit the
main menu and the footer, change the discussion rules. Each counts its clicks."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.models import Revision

from blog.models import BlogPostPage
from home.demo import DEMO_EDITOR, DEMO_MODERATOR
from home.models import HomePage, StandardPage
from tests.browser.conftest import Clicks, foreign_requests, watch_console
from tests.browser.test_editor import log_in

pytestmark = pytest.mark.browser


def open_settings(page, click, name):
    click(page.get_by_role("button", name="Einstellungen"))
    click(page.get_by_role("link", name=name, exact=True))
    expect(page.get_by_role("heading", level=1)).to_contain_text(name)


def test_a_volunteer_writes_and_schedules_a_post_in_ten_clicks(page, site):
    errors = watch_console(page, allow_autosave_validation=True)
    click = Clicks()
    go_live_day = timezone.localdate() + datetime.timedelta(days=2)
    log_in(page, DEMO_EDITOR["username"], DEMO_EDITOR["password"])

    click(page.get_by_role("link", name="Neuer Beitrag"))
    page.locator("#id_title").fill("Flohmarkt im Hof")
    page.get_by_role("textbox", name="Anrisstext").fill("Am Samstag räumen wir den Keller aus.")
    click(page.get_by_role("button", name="Einen Block einfügen"))
    click(page.get_by_role("option", name="Text"))
    click(page.locator("#panel-child-inhalt-body-section [contenteditable='true']").first)
    page.keyboard.type("Bringt mit, was Ihr nicht mehr braucht.")
    # The post starts signed by its writer (the demo editor is Miriam Keller), as in WordPress.
    expect(page.get_by_role("region", name="Autorin oder Autor 1")).to_contain_text("Miriam Keller")

    click(page.get_by_role("button", name="Status umschalten"))
    click(page.get_by_role("button", name="Zeitplan festlegen"))
    page.get_by_label("Veröffentlicht ab").fill(f"{go_live_day:%Y-%m-%d} 10:00")
    # The date picker opens under the field 100 ms after it takes the focus and reads the field
    # once then: a time picked in it after a slow fill lands on today. The volunteer types the
    # time too and clicks beside the picker to close it (it covers the dialog's button).
    picker = page.locator(".xdsoft_datetimepicker:visible")
    expect(picker).to_have_count(1)
    click(page.get_by_role("dialog").get_by_role("heading", name="Zeitplan festlegen"))
    expect(picker).to_have_count(0)
    click(page.get_by_role("button", name="Zeitplan speichern"))
    status = page.locator("[data-side-panel='status']").first
    expect(status).to_contain_text(f"Veröffentlicht ab: {go_live_day.day}.")
    click(page.get_by_role("button", name="Weitere Aktionen"))
    # With a go-live time set, Wagtail names the publish action for what it does.
    click(page.get_by_role("button", name="Zur Veröffentlichung einplanen"))
    page.wait_for_url("**/admin/pages/**")
    expect(page.get_by_text("Flohmarkt im Hof").first).to_be_visible()

    # Neuer Beitrag; block menu, "Text", into the text; Status, Zeitplan festlegen, beside the
    # picker, Zeitplan speichern; Weitere Aktionen, Zur Veröffentlichung einplanen.
    assert click.count == 10

    post = BlogPostPage.objects.get(title="Flohmarkt im Hof")
    assert not post.live
    assert post.date == go_live_day  # left at today: the day it goes live
    revision = Revision.objects.get(object_id=str(post.pk), approved_go_live_at__isnull=False)
    go_live = timezone.localtime(revision.approved_go_live_at)
    assert (go_live.date(), go_live.hour, go_live.minute) == (go_live_day, 10, 0)
    public_url = "/de/blog/flohmarkt-im-hof/"
    assert page.request.get(public_url).status == 404  # not public yet

    page.goto("/admin/blog/?status=geplant")
    row = page.get_by_role("row").filter(has_text="Flohmarkt im Hof")
    expect(row).to_contain_text("Geplant")
    expect(row).to_contain_text("Miriam Keller")

    # Time passes: the go-live time is reached and the timer runs publish_scheduled once.
    reached = timezone.now() - datetime.timedelta(minutes=1)
    revision.content["go_live_at"] = reached.isoformat()
    revision.approved_go_live_at = reached
    revision.save(update_fields=["content", "approved_go_live_at"])
    BlogPostPage.objects.filter(pk=post.pk).update(go_live_at=reached)
    call_command("publish_scheduled_loop", runs=1, interval=0, stdout=StringIO())
    assert page.goto(public_url).status == 200
    expect(page.get_by_role("heading", name="Flohmarkt im Hof")).to_be_visible()
    expect(page.locator("article time").first).to_have_attribute(
        "datetime", go_live_day.isoformat()
    )
    expect(page.get_by_text("Bringt mit, was Ihr nicht mehr braucht.")).to_be_visible()

    assert errors == []
    assert foreign_requests(page, site) == []


def test_a_volunteer_edits_the_main_menu_and_the_footer_in_nine_clicks(page, site):
    errors = watch_console(page)
    click = Clicks()
    home = HomePage.objects.get(locale__language_code="de")
    volunteering = StandardPage(title="Ehrenamt im Haus", slug="ehrenamt", intro="Macht mit!")
    home.add_child(instance=volunteering)
    volunteering.save_revision().publish()
    log_in(page, DEMO_EDITOR["username"], DEMO_EDITOR["password"])

    open_settings(page, click, "Hauptmenü")
    click(page.get_by_role("button", name="Menüpunkt hinzufügen"))
    click(page.get_by_role("button", name="Seite auswählen").last)
    modal = page.locator(".modal")
    modal.get_by_label("Suchbegriff").fill("Ehrenamt")
    click(modal.get_by_role("link", name="Ehrenamt im Haus"))
    page.get_by_label("Beschriftung", exact=True).last.fill("Mitmachen")
    click(page.get_by_role("button", name="Speichern"))
    expect(page.get_by_text("Hauptmenü aktualisiert").first).to_be_visible()

    open_settings(page, click, "Fußzeile")
    page.get_by_label("Kurzer Hinweis", exact=True).fill("Wir suchen Helferinnen und Helfer.")
    click(page.get_by_role("button", name="Speichern"))
    expect(page.get_by_text("Fußzeile aktualisiert").first).to_be_visible()

    # Einstellungen, Hauptmenü, Menüpunkt hinzufügen, Seite auswählen, the page, Speichern;
    # Einstellungen, Fußzeile, Speichern.
    assert click.count == 9

    page.goto("/de/")
    menu = page.get_by_role("navigation", name="Hauptmenü")
    expect(menu.get_by_role("link", name="Mitmachen")).to_have_attribute("href", "/de/ehrenamt/")
    expect(page.locator("footer")).to_contain_text("Wir suchen Helferinnen und Helfer.")
    assert errors == []
    assert foreign_requests(page, site) == []


def test_a_moderator_closes_comments_on_old_posts_in_three_clicks(page, browser, site):
    errors = watch_console(page)
    click = Clicks()
    old, recent = BlogPostPage.objects.filter(locale__language_code="de", live=True)[:2]
    for post, days in ((old, 60), (recent, 5)):
        BlogPostPage.objects.filter(pk=post.pk).update(
            first_published_at=timezone.now() - datetime.timedelta(days=days),
            comments_enabled=True,
        )
    log_in(page, DEMO_MODERATOR["username"], DEMO_MODERATOR["password"])

    open_settings(page, click, "Diskussion")
    page.get_by_label("Kommentare schließen nach Tagen").fill("30")
    click(page.get_by_role("button", name="Speichern"))
    expect(page.get_by_text("Diskussion aktualisiert").first).to_be_visible()
    assert click.count == 3  # Einstellungen, Diskussion, Speichern

    assert errors == []
    assert foreign_requests(page, site) == []

    # A visitor (a signed-in moderator's userbar would run Wagtail's accessibility checker).
    visitor = browser.new_context(locale="de-DE", base_url=site.url)
    try:
        public = visitor.new_page()
        public_errors = watch_console(public)
        public.goto(old.url)
        closed = public.get_by_text("Die Kommentare zu dieser Seite sind geschlossen.")
        expect(closed).to_be_visible()
        expect(public.get_by_role("button", name="Kommentar abschicken")).to_have_count(0)
        public.goto(recent.url)
        expect(public.get_by_role("button", name="Kommentar abschicken")).to_be_visible()
        assert public_errors == []
    finally:
        visitor.close()
