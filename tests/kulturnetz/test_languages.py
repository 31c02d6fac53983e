"""English lists show the German entries that nobody has translated yet, marked as German.

An entry is listed once per language: its translation where one is live, else the German
original. Publishing, unpublishing or deleting a translation switches the English lists.
"""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Locale

from kulturnetz.models import ActorPage, EventPage, Occurrence

pytestmark = [pytest.mark.django_db, pytest.mark.feature_app("kulturnetz")]

CALENDAR_EN = "/en/kulturnetz/calendar/"
ACTORS_EN = "/en/kulturnetz/people-and-groups/"


def english():
    return Locale.objects.get(language_code="en")


def translate(page, title):
    """An English translation of ``page``, published as a translator would."""
    translation = page.copy_for_translation(english())
    translation.title = title
    translation.slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    translation.save_revision().publish()
    return type(page).objects.get(pk=translation.pk)


def link_to(page, html):
    """The attributes of the first link to ``page`` in ``html``, or None."""
    found = re.search(rf'<a href="{re.escape(page.url)}"([^>]*)>', html)
    return found.group(1) if found else None


@pytest.fixture
def german_event(make_event):
    return make_event("Jazz im Hof", day=timezone.localdate() + timedelta(days=3))


def test_an_untranslated_german_event_is_in_the_english_calendar_marked_german(
    client, german_event
):
    html = client.get(CALENDAR_EN).content.decode()
    attributes = link_to(german_event, html)
    assert attributes is not None
    assert 'lang="de"' in attributes and 'hreflang="de"' in attributes
    # Its category is named in English in the English calendar.
    (card,) = [c for c in re.findall(r"<li.*?</li>", html, re.S) if "Jazz im Hof" in c]
    assert "Concert" in card and "Konzert" not in card
    # The German calendar lists it without a language mark.
    assert 'lang="de"' not in link_to(german_event, client.get("/de/kulturnetz/kalender/").text)


def test_once_translated_the_english_calendar_lists_the_translation_instead(client, german_event):
    translation = translate(german_event, "Jazz in the Courtyard")
    html = client.get(CALENDAR_EN).content.decode()
    assert link_to(translation, html) is not None and 'lang="de"' not in link_to(translation, html)
    assert link_to(german_event, html) is None
    listed = Occurrence.objects.for_locale(english()).filter(
        event__translation_key=german_event.translation_key
    )
    assert {o.event_id for o in listed} == {translation.pk}


def test_unpublishing_or_deleting_the_translation_brings_the_german_event_back(
    client, german_event, django_capture_on_commit_callbacks
):
    translation = translate(german_event, "Jazz in the Courtyard")
    translation.unpublish()
    assert link_to(german_event, client.get(CALENDAR_EN).text) is not None
    translation.save_revision().publish()
    assert link_to(german_event, client.get(CALENDAR_EN).text) is None
    # The rebuild runs once the deletion is committed.
    with django_capture_on_commit_callbacks(execute=True):
        EventPage.objects.get(pk=translation.pk).delete()
    assert link_to(german_event, client.get(CALENDAR_EN).text) is not None


def test_the_german_calendar_never_lists_english_events(client, german_event):
    translation = translate(german_event, "Jazz in the Courtyard")
    assert link_to(translation, client.get("/de/kulturnetz/kalender/").text) is None
    german = Occurrence.objects.for_locale(german_event.locale_id)
    assert not german.filter(event__locale__language_code="en").exists()


def test_the_english_event_api_lists_the_german_event_with_its_language(client, german_event):
    data = client.get("/api/v3/kulturnetz/events/", {"locale": "en", "search": "Jazz im Hof"})
    items = [(item["title"], item["language"]) for item in data.json()["items"]]
    assert items == [("Jazz im Hof", "de")]
    translate(german_event, "Jazz in the Courtyard")
    data = client.get("/api/v3/kulturnetz/events/", {"locale": "en", "search": "Jazz"})
    items = [(item["title"], item["language"]) for item in data.json()["items"]]
    assert ("Jazz in the Courtyard", "en") in items and ("Jazz im Hof", "de") not in items


def test_the_english_directory_lists_untranslated_actors_in_german(client):
    actor = ActorPage.objects.filter(locale__language_code="de").order_by("title").first()
    html = client.get(ACTORS_EN, {"q": actor.title}).content.decode()
    attributes = re.search(r'<h2 lang="de"><a href="' + re.escape(actor.url), html)
    assert attributes is not None
    translation = translate(actor, "Translated " + actor.title)
    html = client.get(ACTORS_EN, {"q": actor.title.split()[0]}).content.decode()
    assert translation.url in html and f'href="{actor.url}"' not in html


def test_the_english_directory_api_includes_untranslated_actors(client):
    german = ActorPage.objects.live().filter(locale__language_code="de").count()
    data = client.get("/api/v3/kulturnetz/actors/", {"locale": "en", "limit": 1}).json()
    assert data["count"] == german


def test_the_english_ical_feed_links_untranslated_events_to_their_german_page(
    client, german_event, django_assert_max_num_queries
):
    from icalendar import Calendar

    client.get(CALENDAR_EN + "ical/")  # fills the cached vocabularies
    with django_assert_max_num_queries(20):
        body = client.get(CALENDAR_EN + "ical/").content
    events = [e for e in Calendar.from_ical(body).walk("VEVENT") if e["SUMMARY"] == "Jazz im Hof"]
    assert events and str(events[0]["URL"]).endswith(german_event.url)


def test_a_german_run_is_listed_once_in_each_language(make_event):
    from kulturnetz.models import EventDate

    today = timezone.localdate()
    run = make_event(
        "Bilder aus Landau",
        dates=[EventDate(kind="run", start_date=today, end_date=today + timedelta(days=9))],
    )
    for locale_id in (run.locale_id, english().pk):
        listed = Occurrence.objects.for_locale(locale_id).upcoming().once_per_run()
        assert listed.filter(event=run).count() == 1, locale_id
