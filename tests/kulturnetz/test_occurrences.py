"""The occurrences table follows publishing, and its queries serve the listings."""

from datetime import time, timedelta

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from kulturnetz.models import EventDate, EventStatus, Occurrence
from kulturnetz.recurrence import rebuild_all

pytestmark = [pytest.mark.django_db, pytest.mark.feature_app("kulturnetz")]


def soon(days=3):
    return timezone.localdate() + timedelta(days=days)


def test_publishing_creates_occurrences_and_a_draft_creates_none(make_event):
    draft = make_event("Entwurf", day=soon(), publish=False)
    assert not Occurrence.objects.filter(event=draft, locale=draft.locale_id).exists()
    draft.save_revision().publish()
    (occurrence,) = Occurrence.objects.filter(event=draft, locale=draft.locale_id)
    assert occurrence.locale_id == draft.locale_id
    assert occurrence.category_id == draft.category_id
    assert occurrence.venue_id == draft.venue_id
    assert occurrence.district_id == draft.venue.district_id
    assert timezone.localtime(occurrence.start).time() == time(20)


def test_unpublishing_and_deleting_remove_the_occurrences(make_event):
    event = make_event(day=soon())
    assert Occurrence.objects.filter(event=event, locale=event.locale_id).count() == 1
    event.unpublish()
    assert not Occurrence.objects.filter(event=event, locale=event.locale_id).exists()
    event.save_revision().publish()
    assert Occurrence.objects.filter(event=event, locale=event.locale_id).count() == 1
    event.delete()
    assert not Occurrence.objects.filter(event_id=event.pk).exists()


def test_a_private_event_produces_no_occurrences(make_event):
    event = make_event(day=soon())
    PageViewRestriction.objects.create(page=event, restriction_type="login")
    assert not Occurrence.objects.filter(event=event, locale=event.locale_id).exists()
    assert rebuild_all() == Occurrence.objects.count()
    assert not Occurrence.objects.filter(event=event, locale=event.locale_id).exists()


def test_a_new_revision_replaces_the_old_dates(make_event):
    event = make_event(day=soon())
    event.dates.first().start_date = soon(10)
    event.dates = [EventDate(start_date=soon(10), start_time=time(18))]
    event.save_revision().publish()
    (occurrence,) = Occurrence.objects.filter(event=event, locale=event.locale_id)
    assert timezone.localtime(occurrence.start).date() == soon(10)


def test_status_comes_from_the_date_or_else_from_the_event(make_event):
    event = make_event(
        dates=[
            EventDate(start_date=soon(1), start_time=time(20)),
            EventDate(start_date=soon(2), start_time=time(20), status=EventStatus.CANCELLED),
        ],
        status=EventStatus.SOLD_OUT,
    )
    statuses = list(
        Occurrence.objects.filter(event=event, locale=event.locale_id).values_list(
            "status", flat=True
        )
    )
    assert statuses == [EventStatus.SOLD_OUT, EventStatus.CANCELLED]
    event.status = EventStatus.CANCELLED
    event.save_revision().publish()
    assert set(
        Occurrence.objects.filter(event=event, locale=event.locale_id).values_list(
            "status", flat=True
        )
    ) == {EventStatus.CANCELLED}


def test_upcoming_drops_past_dates_but_keeps_a_running_exhibition(make_event):
    past = make_event("Vorbei", day=timezone.localdate() - timedelta(days=2))
    running = make_event(
        "Läuft gerade",
        dates=[
            EventDate(
                kind=EventDate.Kind.RUN,
                start_date=timezone.localdate() - timedelta(days=5),
                end_date=timezone.localdate() + timedelta(days=5),
            )
        ],
    )
    upcoming = Occurrence.objects.upcoming()
    assert Occurrence.objects.filter(event=past, locale=past.locale_id).exists()
    assert not upcoming.filter(event=past).exists()
    assert upcoming.filter(event=running).exists()
    # Today's open day of the run is among them (all-day: visible until midnight).
    today = upcoming.filter(event=running).first()
    assert timezone.localtime(today.start).date() == timezone.localdate()


def test_between_finds_what_overlaps_a_day(make_event):
    event = make_event(day=soon(4))
    start = timezone.make_aware(
        timezone.datetime.combine(soon(4), time.min), timezone.get_current_timezone()
    )
    assert Occurrence.objects.between(start, start + timedelta(days=1)).filter(event=event)
    assert not Occurrence.objects.between(
        start + timedelta(days=1), start + timedelta(days=2)
    ).filter(event=event)


def test_forty_calendar_entries_cost_two_queries(make_event, django_assert_num_queries, calendar):
    def cards():
        return list(Occurrence.objects.for_locale(calendar.locale_id).upcoming().for_cards()[:40])

    for number in range(40):
        make_event(f"Abend {number}", day=soon(number % 20 + 1))
    # One query for the dates with events, venues, categories and images; one for renditions.
    with django_assert_num_queries(2):
        items = cards()
        for item in items:
            _shown = (item.event.title, item.venue and item.venue.title, item.category.name)
            _shown = (item.district, item.event.header_image, item.event_date.kind)
    assert len(items) == 40


def test_the_daily_command_rebuilds_the_table(make_event):
    from io import StringIO

    from django.core.management import call_command

    event = make_event(day=soon())
    Occurrence.objects.all().delete()
    out = StringIO()
    call_command("rebuild_occurrences", stdout=out)
    assert Occurrence.objects.filter(event=event, locale=event.locale_id).count() == 1
    assert f"{Occurrence.objects.count()} Termine" in out.getvalue()
