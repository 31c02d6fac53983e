"""The events part of the v3 API: the calendar's filters, the detail, problems, query counts."""

from datetime import time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kulturnetz.models import EventDate
from tests.test_hostile_input import HOSTILE_VALUES

pytestmark = [pytest.mark.django_db, pytest.mark.feature_app("kulturnetz")]

LIST = "/api/v3/kulturnetz/events/"


def soon(days):
    return timezone.localdate() + timedelta(days=days)


def test_list_uses_the_calendars_filters(client, make_event):
    make_event("API frei", day=soon(4), is_free=True)
    make_event("API kostet", day=soon(4), price="10 €")
    body = client.get(LIST, {"category": "konzert", "free": "true", "search": "API"}).json()
    assert [item["title"] for item in body["items"]] == ["API frei"]
    item = body["items"][0]
    assert item["free"] is True and item["category"] == {"slug": "konzert", "name": "Konzert"}
    assert item["venue"]["title"] == "Haus am Westbahnhof" and item["url"].startswith("http")
    day = soon(4).isoformat()
    dated = client.get(LIST, {"date_from": day, "date_to": day, "search": "API"}).json()
    assert dated["count"] == 2
    assert client.get(LIST, {"search": "API", "limit": 1, "offset": 1}).json()["items"][0]["title"]


def test_detail_with_dates(client, make_event):
    page = make_event(
        "API Detail",
        dates=[
            EventDate(start_date=soon(3), start_time=time(19)),
            EventDate(start_date=soon(10), start_time=time(19), status="cancelled"),
        ],
    )
    body = client.get(f"{LIST}{page.pk}/").json()
    assert body["title"] == "API Detail"
    assert [d["status"] for d in body["dates"]] == ["scheduled", "cancelled"]
    assert body["ical_url"].endswith("/ical/veranstaltung/api-detail/")
    assert client.get(f"{LIST}999999/").status_code == 404


def test_bad_parameters_are_problems(client):
    for query, status in [
        ({"category": "gibt-es-nicht"}, 422),
        ({"date_from": "2026-02-31"}, 422),
        ({"date_range": "morgen"}, 422),
        ({"limit": "0"}, 422),
        ({"offset": "99999999999999999999999"}, 400),
        ({"search": '"'}, 400),
        ({"locale": "xx"}, 422),
    ]:
        response = client.get(LIST, query)
        assert response.status_code == status, query
        assert response["Content-Type"] == "application/problem+json"


def test_hostile_parameters_never_fail(client):
    names = ["category", "date_range", "date_from", "date_to", "district", "venue", "organiser"]
    names += ["free", "accessibility", "search", "limit", "offset", "locale"]
    for value in HOSTILE_VALUES:
        assert client.get(LIST, dict.fromkeys(names, value)).status_code < 500, value
        assert client.get(f"{LIST}{value}/").status_code < 500


def _queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_list_query_count_does_not_grow(client, make_event):
    url = f"{LIST}?limit=100"
    few = _queries(client, url)
    for n in range(8):
        make_event(f"API viele {n}", day=soon(n % 3))
    assert _queries(client, url) == few == API_LIST_QUERIES


API_LIST_QUERIES = 4


def test_events_are_in_the_openapi_document(client):
    paths = client.get("/api/v3/openapi.json").json()["paths"]
    assert "/api/v3/kulturnetz/events/" in paths
    assert "/api/v3/kulturnetz/events/{event_id}/" in paths
