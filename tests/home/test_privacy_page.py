"""The demo privacy policy says what the code really stores, for how long, and which cookies it sets."""

import re
from html import unescape

import pytest
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage

from comments.models import IP_RETENTION_DAYS, Comment
from comments.moderation import REPORT_FORM
from comments.views import OWN_COMMENTS_MAX_AGE, REMEMBER_MAX_AGE
from comments.words import OWN_COMMENTS_COOKIE, REMEMBER_COOKIE
from home.demo import DEMO_EDITOR
from home.form_protection import FLOOD_RECORD_DAYS, MAX_FORM_SECONDS
from home.models import FormThrottle
from tests.factories import comment, form_data, started

pytestmark = pytest.mark.django_db

PRIVACY = {"de": "/de/datenschutz/", "en": "/en/privacy/"}


def page_text(client, language):
    html = client.get(PRIVACY[language]).content.decode()
    main = re.search(r"<main.*?</main>", html, re.S).group(0)
    return unescape(re.sub(r"<[^>]+>", " ", main))


def cookies_set_by(response, names):
    names.update(response.cookies.keys())
    return response


def test_every_cookie_a_visitor_or_editor_can_get_is_named_on_both_privacy_pages(client, post):
    FormThrottle.objects.all().delete()
    names = set()
    cookies_set_by(client.get("/de/"), names)
    cookies_set_by(client.get("/en/"), names)
    cookies_set_by(client.get(post.url), names)
    sent = cookies_set_by(
        client.post(post.url, form_data(post, url="https://example.org", remember="on")), names
    )
    cookies_set_by(client.get(sent["Location"]), names)  # shows and deletes the thanks
    reported = comment(post, name="Erna", email="erna@example.org")
    report_url = f"{post.url}melden/{reported.pk}/"
    cookies_set_by(client.get(report_url), names)
    report = {
        "reason": "spam",
        "explanation": "Werbung.",
        "contact": "",
        "good_faith": "on",
        "started": started(reported, purpose=REPORT_FORM),
        "website_confirm": "",
    }
    cookies_set_by(client.post(report_url, report), names)
    cookies_set_by(
        client.post("/admin/login/", DEMO_EDITOR),
        names,
    )
    assert Comment.objects.filter(url="https://example.org").exists()
    expected = {
        settings.CSRF_COOKIE_NAME,
        settings.SESSION_COOKIE_NAME,
        CookieStorage.cookie_name,
        OWN_COMMENTS_COOKIE,
        REMEMBER_COOKIE,
    }
    assert names == expected, "a new cookie? name it in home/demo_privacy.py"
    assert settings.LANGUAGE_COOKIE_NAME not in names
    for language in PRIVACY:
        text = page_text(client, language)
        for name in [*names, settings.LANGUAGE_COOKIE_NAME]:
            assert f"{name}:" in text or f"({name})" in text, (language, name)


def days(count, language):
    if language == "de":
        # "für 365 Tage", "nach 30 Tagen"
        return f"{count} Tag" if count == 1 else f"{count} Tagen?"
    return f"{count} day" if count == 1 else f"{count} days"


def hours(count, language):
    if language == "de":
        return f"{count} Stunde" if count == 1 else f"{count} Stunden"
    return f"{count} hour" if count == 1 else f"{count} hours"


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_periods_on_the_privacy_page_are_those_of_the_code(client, language):
    text = " ".join(page_text(client, language).split())
    day, hour = 24 * 60 * 60, 60 * 60
    assert REMEMBER_MAX_AGE % day == 0 and settings.CSRF_COOKIE_AGE % day == 0
    periods = [
        days(IP_RETENTION_DAYS, language),
        days(FLOOD_RECORD_DAYS, language),
        days(REMEMBER_MAX_AGE // day, language),
        days(settings.CSRF_COOKIE_AGE // day, language),
        days(settings.SESSION_COOKIE_AGE // day, language),
        hours(OWN_COMMENTS_MAX_AGE // hour, language),
        hours(MAX_FORM_SECONDS // hour, language),
    ]
    for period in periods:
        assert re.search(rf"\b{period}\b", text), (language, period)


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_privacy_page_states_what_every_app_keeps_and_for_how_long(client, language):
    from portal.hooks import PERSONAL_DATA, collect

    text = " ".join(page_text(client, language).split())
    statements = [pair for source in collect(PERSONAL_DATA) for pair in source.statement()]
    assert statements, "no app states what it keeps"
    for de, en in statements:
        assert " ".join((de if language == "de" else en).split()) in text
