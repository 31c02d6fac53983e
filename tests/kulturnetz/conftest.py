"""Helpers for the Kulturnetz tests: events made in code, published like an editor does, and
steps run as if their transaction committed."""

from datetime import time

import pytest


@pytest.fixture
def calendar(db):
    from kulturnetz.models import EventIndexPage

    return EventIndexPage.objects.get(locale__language_code="de")


@pytest.fixture
def venue(db):
    from kulturnetz.models import VenuePage

    return VenuePage.objects.get(slug="haus-am-westbahnhof")


@pytest.fixture
def make_event(calendar, venue):
    from kulturnetz.models import EventCategory, EventDate, EventPage

    def make(title="Testkonzert", dates=None, publish=True, **fields):
        fields.setdefault(
            "category", EventCategory.objects.get(slug="konzert", locale=calendar.locale)
        )
        fields.setdefault("venue", venue)
        page = EventPage(
            title=title,
            live=False,
            intro="Ein Abend zum Testen.",
            dates=dates or [EventDate(start_date=fields.pop("day", None), start_time=time(20))],
            **fields,
        )
        calendar.add_child(instance=page)
        revision = page.save_revision()
        if publish:
            revision.publish()
        page.refresh_from_db()
        return page

    return make


@pytest.fixture
def actor_index(db):
    from kulturnetz.models import ActorIndexPage

    return ActorIndexPage.objects.get(locale__language_code="de")


@pytest.fixture
def venue_index(db):
    from kulturnetz.models import VenueIndexPage

    return VenueIndexPage.objects.get(locale__language_code="de")


@pytest.fixture
def actor(db):
    from kulturnetz.models import ActorPage

    return ActorPage.objects.get(slug="chor-westwind", locale__language_code="de")


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs a step as if its transaction committed: e-mails are queued on commit."""

    def run(step, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return step(*args, **kwargs)

    return run
