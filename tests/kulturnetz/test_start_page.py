"""The Kulturnetz start page: search, today, this weekend, categories, newest actors."""

from datetime import datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kulturnetz import periods
from tests.kulturnetz.directory_helpers import add_actor

pytestmark = [pytest.mark.django_db, pytest.mark.feature_app("kulturnetz")]

START = "/de/kulturnetz/"
# The map adds its places (kulturnetz.map.map_places); the sections, the categories and the
# privacy policy of the map's consent come from the cache (kulturnetz/reference.py).
START_QUERIES = 16


def berlin(*args):
    return timezone.make_aware(datetime(*args))


@pytest.mark.parametrize(
    ("now", "start", "end"),
    [
        # Wednesday: the coming Saturday and Sunday.
        (berlin(2026, 3, 4, 10), berlin(2026, 3, 7), berlin(2026, 3, 9)),
        # Friday morning: from 17:00 that evening.
        (berlin(2026, 3, 6, 9), berlin(2026, 3, 6, 17), berlin(2026, 3, 9)),
        # Sunday afternoon: from now.
        (berlin(2026, 3, 8, 15), berlin(2026, 3, 8, 15), berlin(2026, 3, 9)),
    ],
)
def test_the_weekend_rule(now, start, end):
    assert periods.weekend(now) == (start, end)


def test_start_page_shows_search_today_weekend_categories_and_newest(client, make_event):
    add_actor("Ganz Neue Gruppe")
    from kulturnetz.models import EventDate

    # An all-day date stays on today's list until midnight, whenever the test runs.
    make_event("Heute Abend im Test", dates=[EventDate(start_date=timezone.localdate())])
    html = client.get(START).content.decode()
    assert 'action="/de/suche/"' in html
    assert "?zeitraum=heute" in html and "?zeitraum=wochenende" in html
    assert html.count("?kategorie=") == 15
    assert "Ganz Neue Gruppe" in html
    assert "Heute Abend im Test" in html.split("kn-weekend-heading")[0]


def _queries(client):
    client.get(START)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(START).status_code == 200
    return len(captured.captured_queries)


def test_start_page_queries_are_fixed(client, make_event):
    few = _queries(client)
    for number in range(10):
        make_event(f"Heute {number}", day=timezone.localdate() + timedelta(days=number % 3))
    assert (few, _queries(client)) == (START_QUERIES, START_QUERIES)
