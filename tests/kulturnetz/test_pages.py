"""Demo content, vocabularies, validation in German and the detail pages."""

from datetime import date, time
from decimal import Decimal
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import translation
from wagtail.models import Locale

from kulturnetz.models import (
    ActorPage,
    Discipline,
    EventCategory,
    EventDate,
    EventPage,
    KulturnetzIndexPage,
    Occurrence,
    VenuePage,
)
from kulturnetz.vocabularies import EVENT_CATEGORIES

pytestmark = [pytest.mark.django_db, pytest.mark.feature_app("kulturnetz")]

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_the_fifteen_categories_and_the_disciplines_are_seeded():
    german = EventCategory.objects.filter(locale__language_code="de")
    assert german.count() == 15
    assert set(german.values_list("slug", flat=True)) == {slug for slug, *_ in EVENT_CATEGORIES}
    assert "Kabarett & Comedy" in german.values_list("name", flat=True)
    assert Discipline.objects.filter(locale__language_code="de").count() == 8
    # The demo adds the English names as translations of the same entries.
    concert = german.get(slug="konzert")
    assert concert.get_translation(Locale.objects.get(language_code="en")).name == "Concert"


def test_the_demo_loads_twice_with_the_promised_counts():
    call_command("load_demo_content", stdout=StringIO())
    de = {"locale__language_code": "de"}
    assert ActorPage.objects.filter(**de).count() == 30
    assert VenuePage.objects.filter(**de).count() == 10
    assert EventPage.objects.filter(**de).count() == 51
    categories = set(EventPage.objects.filter(**de).values_list("category__slug", flat=True))
    assert len(categories) == 15
    house = VenuePage.objects.get(slug="haus-am-westbahnhof")
    assert house.capacity == 180
    assert "Flügel" in house.rooms.get(name="Saal").equipment
    kinds = set(
        EventDate.objects.filter(page__locale__language_code="de").values_list("kind", flat=True)
    )
    assert kinds == {"single", "run", "repeating"}
    statuses = set(EventPage.objects.values_list("status", flat=True))
    assert {"cancelled", "postponed"} <= statuses
    assert Occurrence.objects.upcoming().exists()
    assert KulturnetzIndexPage.objects.filter(locale__language_code="en").count() == 1


def test_the_main_menu_links_to_the_kulturnetz(client):
    html = client.get("/de/").content.decode()
    assert 'href="/de/kulturnetz/"' in html


def event(**fields):
    fields.setdefault("title", "Test")
    fields.setdefault("slug", "test")
    fields.setdefault("intro", "Kurz")
    fields.setdefault("category", EventCategory.objects.filter(slug="konzert").first())
    return EventPage(**fields)


def errors_of(instance):
    with translation.override("de"), pytest.raises(ValidationError) as caught:
        instance.full_clean()
    return {
        field: [str(m) for m in messages] for field, messages in caught.value.message_dict.items()
    }


def test_an_event_without_venue_or_address_is_refused_in_german():
    page = event()
    page.path, page.depth = "00010001", 2  # full_clean needs tree fields
    errors = errors_of(page)
    assert "Spielstätte" in errors["venue"][0]
    assert "Ort" in errors["place_name"][0]


def test_bad_coordinates_are_refused_in_german():
    page = event(place_name="Markt", town="Landau", latitude=Decimal("123"), longitude=Decimal("8"))
    page.path, page.depth = "00010001", 2
    assert "zwischen -90 und 90" in errors_of(page)["latitude"][0]


@pytest.mark.parametrize(
    ("fields", "field", "words"),
    [
        (
            {"start_time": time(20), "end_time": time(19), "end_date": date(2026, 5, 1)},
            "end_time",
            "nach dem Beginn",
        ),
        ({"kind": "run", "end_date": date(2026, 4, 1)}, "end_date", "nach dem ersten"),
        ({"kind": "run"}, "end_date", "letzten Tag"),
        ({"kind": "repeating"}, "frequency", "wie oft"),
        (
            {"kind": "repeating", "frequency": "WEEKLY", "until": date(2026, 1, 1)},
            "until",
            "vor dem ersten",
        ),
    ],
)
def test_date_errors_stand_next_to_their_field_in_german(fields, field, words):
    date_row = EventDate(page=EventPage(), start_date=date(2026, 5, 1), **fields)
    with translation.override("de"), pytest.raises(ValidationError) as caught:
        date_row.clean()
    assert words in " ".join(caught.value.message_dict[field])


def test_the_email_address_is_shown_only_when_published(client):
    actor = ActorPage.objects.filter(publish_email=False).exclude(email="").first()
    assert actor.email not in client.get(actor.url).content.decode()
    actor.publish_email = True
    actor.save_revision().publish()
    assert f'href="mailto:{actor.email}"' in client.get(actor.url).content.decode()


@pytest.mark.parametrize("model", [KulturnetzIndexPage, ActorPage, VenuePage, EventPage])
def test_every_page_type_renders_and_escapes_what_was_typed(client, model):
    page = model.objects.filter(locale__language_code="de").first()
    page.title = f"Titel {HOSTILE}"
    if hasattr(page, "intro"):
        page.intro = f"Intro {HOSTILE}"
    page.save_revision().publish()
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert HOSTILE not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize(
    "slug", ["kulturnetz/kalender", "kulturnetz/kulturaktive", "kulturnetz/spielstaetten"]
)
def test_the_sections_render_in_both_languages(client, slug):
    assert client.get(f"/de/{slug}/").status_code == 200
    english = {
        "kulturnetz/kalender": "calendar",
        "kulturnetz/kulturaktive": "people-and-groups",
        "kulturnetz/spielstaetten": "venues",
    }[slug]
    assert client.get(f"/en/kulturnetz/{english}/").status_code == 200
