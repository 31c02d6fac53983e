"""Demo content: complete, translated, idempotent."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import Page, Revision
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from home.localisation import LISTED_UNTRANSLATED

pytestmark = pytest.mark.django_db


def login_request():
    """Django's test client logs in without a request; django-axes needs one (its address)."""
    return RequestFactory().post("/admin/login/")


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "translations": StringTranslation.objects.count(),
    }


def test_second_run_changes_nothing():
    before = counts()
    call_command("load_demo_content", stdout=StringIO())
    assert counts() == before


def test_every_german_page_has_a_complete_english_translation():
    german = Page.objects.filter(locale__language_code="de", depth__gt=1).specific()
    assert german.count() >= 6
    for page in german:
        if getattr(page, LISTED_UNTRANSLATED, False) and page.get_translations().count() == 0:
            continue  # English lists show it in German until someone translates it
        english = page.get_translation_or_none(
            page.locale.__class__.objects.get(language_code="en")
        )
        assert english is not None and english.live, page.title
        source = TranslationSource.objects.get(object_id=page.translation_key)
        untranslated = StringSegment.objects.filter(source=source).exclude(
            string__translations__locale__language_code="en"
        )
        assert list(untranslated.values_list("string__data", flat=True)) == [], page.title


def test_demo_content_has_the_required_pages(client):
    for url in [
        "/de/ueber-uns/",
        "/de/raumvermietung/",
        "/de/impressum/",
        "/de/datenschutz/",
        "/de/barrierefreiheit/",
    ]:
        assert client.get(url).status_code == 200, url


def test_demo_refuses_production_settings(settings):
    from django.core.management.base import CommandError

    settings.PORTAL_DEMO_CONTENT_ALLOWED = False
    with pytest.raises(CommandError):
        call_command("load_demo_content", stdout=StringIO())


def home_page_sections(language_code):
    from home.models import HomePage

    home = HomePage.objects.get(locale__language_code=language_code)
    return [block.value["section"] for block in home.body if block.block_type == "section"]


def test_the_blogs_section_is_on_both_home_pages_only_when_the_blog_is_installed(settings):
    installed = "blog" in settings.FEATURE_APPS
    for language_code in ("de", "en"):
        sections = home_page_sections(language_code)
        assert ("latest_posts" in sections) is installed, (language_code, sections)
        # Address and opening hours are in every page's footer; the home page does not repeat them.
        assert "contact" not in sections, (language_code, sections)


def test_the_home_demo_places_every_section_that_asks_for_the_demo_once():
    from wagtail import hooks

    from portal import hooks as portal_hooks

    section = portal_hooks.HomeSection(
        key="test-demo-section",
        label="Aus dem Plugin",
        template="home/sections/contact.html",
        order=500,
        demo=True,
    )
    with hooks.register_temporarily(portal_hooks.HOME_SECTIONS, lambda: [section]):
        call_command("load_demo_content", stdout=StringIO())
        before = counts()
        call_command("load_demo_content", stdout=StringIO())
        assert counts() == before
        for language_code in ("de", "en"):
            sections = home_page_sections(language_code)
            assert sections.count("test-demo-section") == 1, (language_code, sections)
            # After the feature apps' sections (order 100-899).
            assert sections[-1] == "test-demo-section", (language_code, sections)


@pytest.mark.django_db
def test_the_demo_has_a_login_for_every_role_and_prints_them(client):
    from io import StringIO

    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from home.demo import DEMO_ADMIN, DEMO_EDITOR, DEMO_MODERATOR

    out = StringIO()
    call_command("load_demo_content", stdout=out)
    for login in (DEMO_EDITOR, DEMO_MODERATOR, DEMO_ADMIN):
        assert f"{login['username']} / {login['password']}" in out.getvalue()
    users = get_user_model().objects
    assert list(users.get(username="redaktion").groups.values_list("name", flat=True)) == [
        "Redaktion"
    ]
    moderator = users.get(username="moderation")
    assert list(moderator.groups.values_list("name", flat=True)) == ["Moderation"]
    assert users.get(username="admin").is_superuser
    # The moderator sees the comment moderation the README advertises; the editor does not.
    assert client.login(request=login_request(), **DEMO_MODERATOR)
    assert client.get(reverse("wagtailsnippets_comments_comment:list")).status_code == 200
    assert client.login(request=login_request(), **DEMO_EDITOR)
    assert client.get(reverse("wagtailsnippets_comments_comment:list")).status_code in (302, 403)
