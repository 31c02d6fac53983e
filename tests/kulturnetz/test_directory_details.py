"""Actor and venue pages: public e-mail only when published, JSON-LD, next dates, queries."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kulturnetz.models import ActorPage, VenuePage

pytestmark = [pytest.mark.django_db, pytest.mark.feature_app("kulturnetz")]

# The map adds two: the privacy policy for its consent text (the setting and the page).
DETAIL_QUERIES = {"actor": 15, "venue": 15}


def jsonld(html):
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(payload) for payload in found]


def page_of(slug, model=ActorPage):
    return model.objects.get(slug=slug, locale__language_code="de")


@pytest.mark.parametrize(
    ("slug", "expected"),
    [
        ("mara-lindner", "Person"),
        ("chor-westwind", "PerformingGroup"),
        ("leben-und-kultur", "Organization"),
    ],
)
def test_actor_jsonld_type_follows_the_kind(client, slug, expected):
    actor = page_of(slug)
    data = [
        d for d in jsonld(client.get(actor.url).content.decode()) if d["url"].endswith(slug + "/")
    ]
    assert len(data) == 1
    assert data[0]["@type"] == expected
    assert data[0]["name"] == actor.title
    assert data[0]["address"]["addressCountry"] == "DE"
    assert "https://kulturnetz.social/@" + slug in data[0]["sameAs"]


def test_email_is_public_only_when_the_actor_chose_so(client):
    actor = page_of("chor-westwind")
    actor.email, actor.publish_email = "geheim@example.org", False
    actor.save()
    html = client.get(actor.url).content.decode()
    assert "geheim@example.org" not in html
    assert all("email" not in d for d in jsonld(html) if d["@type"] != "Organization")
    actor.publish_email = True
    actor.save()
    html = client.get(actor.url).content.decode()
    assert 'href="mailto:geheim@example.org"' in html
    assert any(d.get("email") == "geheim@example.org" for d in jsonld(html))


def test_venue_page_lists_accessibility_hours_rooms_and_jsonld(client):
    venue = page_of("haus-am-westbahnhof", VenuePage)
    html = client.get(venue.url).content.decode()
    assert "Stufenloser Zugang" in html and "<svg" in html
    assert "Flügel" in html
    (data,) = [d for d in jsonld(html) if d["@type"] == "EventVenue"]
    assert data["maximumAttendeeCapacity"] == 180
    assert data["geo"]["latitude"] == pytest.approx(49.1984)
    assert data["address"]["@type"] == "PostalAddress"
    features = {f["name"] for f in data["amenityFeature"]}
    assert "Stufenloser Zugang" in features
    assert all(f["@type"] == "LocationFeatureSpecification" for f in data["amenityFeature"])


def test_jsonld_cannot_be_ended_by_a_title(client):
    actor = page_of("nele-ohm")
    actor.title = "</script><script>alert(1)</script>"
    actor.save()
    html = client.get(actor.url).content.decode()
    assert "</script><script>alert(1)" not in html
    assert any(d["name"] == actor.title for d in jsonld(html))


def test_venue_lists_its_next_dates_and_links_to_the_calendar(client, make_event, venue):
    from datetime import timedelta

    from django.utils import timezone

    for number in range(12):
        make_event(f"Termin {number}", day=timezone.localdate() + timedelta(days=number + 1))
    html = client.get(venue.url).content.decode()
    assert html.count('<li class="occurrence') == 10
    assert "?spielstaette=haus-am-westbahnhof" in html


def _queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_detail_queries_are_fixed(client, make_event, venue):
    from datetime import timedelta

    from django.utils import timezone

    actor = page_of("leben-und-kultur")
    few = (_queries(client, actor.url), _queries(client, venue.url))
    for number in range(15):
        make_event(
            f"Noch ein Termin {number}",
            day=timezone.localdate() + timedelta(days=number + 1),
            organiser=actor,
        )
    many = (_queries(client, actor.url), _queries(client, venue.url))
    assert few == many == (DETAIL_QUERIES["actor"], DETAIL_QUERIES["venue"])
