"""A reader comments, a moderator approves, the comment is public and a reply nests under it."""

import re
import time

import pytest
from playwright.sync_api import expect

from blog.models import BlogPostPage
from comments.models import Comment
from home.models import FormThrottle
from tests.browser.test_visitor import assert_no_axe_violations

pytestmark = pytest.mark.browser


def demo_post():
    return BlogPostPage.objects.live().filter(locale__language_code="de").order_by("-date").first()


def fill_comment(page, text, name="Rita Leserin", email="rita@example.org"):
    page.locator("#id_text").fill(text)
    page.locator("#id_name").fill(name)
    page.locator("#id_email").fill(email)
    page.locator("#id_consent").check()
    # The form refuses submissions faster than a person can type.
    time.sleep(3.2)
    page.get_by_role("button", name="Kommentar abschicken").click()


def test_reader_comments_moderator_approves_reply_nests(page, browser, site):
    post = demo_post()
    page.goto(post.url)
    fill_comment(page, "Wir haben eine Frage zur Barrierefreiheit des Saals.")
    expect(page.get_by_text("Danke! Dein Kommentar wartet auf Freischaltung.")).to_be_visible()
    expect(
        page.get_by_text("Dein Kommentar wartet auf Freischaltung. Nur Du siehst ihn.")
    ).to_be_visible()
    stored = Comment.objects.get(text="Wir haben eine Frage zur Barrierefreiheit des Saals.")
    assert stored.status == Comment.Status.PENDING

    # The moderator approves it in the admin.
    moderator_context = browser.new_context(base_url=site.url, locale="de-DE")
    admin = moderator_context.new_page()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user(
        "moni", password="moni-passwort-1", email="moni@example.org"
    )
    user.groups.add(Group.objects.get(name="Moderation"))
    admin.goto("/admin/login/")
    admin.locator("#id_username").fill("moni")
    admin.locator("#id_password").fill("moni-passwort-1")
    admin.get_by_role("button", name="Anmelden").click()
    admin.wait_for_url("**/admin/")
    admin.goto(f"/admin/snippets/comments/comment/edit/{stored.pk}/")
    admin.locator("#id_status").select_option("approved")
    admin.get_by_role("button", name="Speichern").first.click()
    expect(admin.locator(".messages")).to_be_visible()
    stored.refresh_from_db()
    assert stored.status == Comment.Status.APPROVED
    moderator_context.close()

    # A different visitor sees it, and replies. Locally every browser comes from 127.0.0.1,
    # which flood control would take for the first commenter: forget that address.
    FormThrottle.objects.all().delete()
    visitor = browser.new_context(base_url=site.url, locale="de-DE")
    other = visitor.new_page()
    other.goto(post.url)
    comment_item = other.locator(f"#kommentar-{stored.pk}")
    expect(comment_item).to_contain_text("Wir haben eine Frage zur Barrierefreiheit des Saals.")
    comment_item.get_by_role("link", name=re.compile("Antworten")).first.click()
    expect(other.get_by_role("heading", name="Antwort an Rita Leserin")).to_be_visible()
    fill_comment(other, "Der Saal ist stufenlos erreichbar.", name="Otto", email="otto@example.org")
    reply = Comment.objects.get(text="Der Saal ist stufenlos erreichbar.")
    assert reply.parent_id == stored.pk and reply.depth == 2
    reply.status = Comment.Status.APPROVED
    reply.save()
    other.goto(post.url)
    expect(
        other.locator(f"#kommentar-{stored.pk} ol.comment-list #kommentar-{reply.pk}")
    ).to_be_visible()
    visitor.close()


def test_form_errors_are_next_to_the_fields_and_keep_the_input(page, axe):
    post = demo_post()
    page.goto(post.url)
    page.locator("#id_name").fill("Nur ein Name")
    page.get_by_role("button", name="Kommentar abschicken").click()
    expect(page.locator("#id_text_error")).to_contain_text("Bitte schreib einen Kommentar.")
    expect(page.locator("#id_email_error")).to_contain_text("Bitte gib Deine E-Mail-Adresse an.")
    assert page.locator("#id_name").input_value() == "Nur ein Name"
    assert_no_axe_violations(axe, page)


@pytest.mark.parametrize("path", ["/de/blog/", "/en/blog/", "/de/blog/kategorie/digitalisierung/"])
def test_axe_on_blog_lists(page, axe, path):
    page.goto(path)
    assert_no_axe_violations(axe, page)


def test_axe_on_a_post_with_comments(page, axe):
    post = (
        BlogPostPage.objects.live()
        .filter(locale__language_code="de", portal_comments__status="approved")
        .distinct()
        .first()
    )
    page.goto(post.url)
    assert page.locator(".comment").count() > 0
    assert_no_axe_violations(axe, page)


def test_report_thanks_are_on_screen_on_a_phone(browser, site):
    post = (
        BlogPostPage.objects.live()
        .filter(locale__language_code="de", portal_comments__status="approved")
        .distinct()
        .first()
    )
    target = Comment.objects.public_for(post).filter(is_team=False).first()
    context = browser.new_context(
        base_url=site.url, locale="de-DE", viewport={"width": 390, "height": 844}
    )
    phone = context.new_page()
    phone.goto(post.url)
    phone.locator(f"#kommentar-{target.pk}").get_by_role("link", name=re.compile("Melden")).click()
    phone.get_by_label("Spam oder Werbung").check()
    phone.locator("#id_explanation").fill("Das ist Werbung für einen Shop.")
    phone.locator("#id_good_faith").check()
    time.sleep(3.2)
    phone.get_by_role("button", name="Meldung absenden").click()
    thanks = phone.locator(f"#kommentar-{target.pk}").get_by_text("Danke für Deine Meldung.")
    expect(thanks).to_be_in_viewport()
    context.close()
