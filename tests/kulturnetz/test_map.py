"""The map: its places as GeoJSON (page route and API), the bbox filter, the pages that show
it, their image policy, and the list of places that works without it."""

import json
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import timezone

from kulturnetz.map import BoundingBox, parse_bbox
from tests.headers import csp_directives
from tests.kulturnetz.directory_helpers import add_venue

pytestmark = [pytest.mark.django_db, pytest.mark.feature_app("kulturnetz")]

START = "/de/kulturnetz/"
GEOJSON = "/de/kulturnetz/geojson/"
API = "/api/v3/kulturnetz/places/"
TILE_ORIGIN = "https://tile.openstreetmap.org"
# Both: for venues and for events the view restrictions, the pages and their next dates, and
# the districts in the language (7, kulturnetz.map.map_places); the page route adds Wagtail's
# serving of the start page (7), the API the locale and the site for the pages' addresses (2).
GEOJSON_QUERIES = 7
API_QUERIES = 5
# Around the Haus am Westbahnhof (8.1089, 49.1984) and the Kulturkeller; not Godramstein.
CITY_CENTRE = "8.105,49.195,8.12,49.2"


def geojson(client, url=GEOJSON, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return response.json()


def by_name(collection):
    return {feature["properties"]["name"]: feature for feature in collection["features"]}


def soon(days=3):
    return timezone.localdate() + timedelta(days=days)


@pytest.fixture
def own_place(make_event):
    """An upcoming event at a place of its own, with coordinates."""

    def make(title="Lesung im Park", day=None, **fields):
        fields.setdefault("place_name", "Goethepark")
        fields.setdefault("street", "Parkstraße 1")
        fields.setdefault("town", "Landau in der Pfalz")
        fields.setdefault("latitude", Decimal("49.201000"))
        fields.setdefault("longitude", Decimal("8.112000"))
        return make_event(title, day=day or soon(), venue=None, **fields)

    return make


def test_geojson_is_a_feature_collection_of_venues_and_event_places(client, own_place):
    own_place()
    response = client.get(GEOJSON)
    assert response["Content-Type"] == "application/geo+json"
    collection = response.json()
    assert collection["type"] == "FeatureCollection"
    features = by_name(collection)
    house = features["Haus am Westbahnhof"]
    # RFC 7946: longitude first.
    assert house["geometry"] == {"type": "Point", "coordinates": [8.1089, 49.1984]}
    assert house["type"] == "Feature" and house["id"].startswith("venue-")
    properties = house["properties"]
    assert properties["kind"] == "venue" and properties["kind_label"] == "Spielstätte"
    assert properties["district"] == "Landau-Innenstadt"
    assert properties["address"] == "Am Westbahnhof, 76829 Landau in der Pfalz"
    assert properties["url"] == "http://testserver/de/kulturnetz/spielstaetten/haus-am-westbahnhof/"
    assert properties["next_date"] is not None and properties["language"] == ""
    park = features["Lesung im Park"]
    assert park["properties"]["kind"] == "event"
    assert park["properties"]["address"].startswith("Goethepark, Parkstraße 1")
    assert park["geometry"]["coordinates"] == [8.112, 49.201]
    # The demo's events with a place of their own and coordinates.
    assert "Batucada zieht durch die Stadt" in features
    # Sorted by name, as the list below the map.
    names = [feature["properties"]["name"] for feature in collection["features"]]
    assert names == sorted(names, key=str.casefold)


def test_only_public_places_with_coordinates_and_upcoming_dates(client, own_place, make_event):
    from wagtail.models import PageViewRestriction

    add_venue("Ohne Koordinaten", street="Irgendwo 1")
    hidden = add_venue("Nur für Mitglieder", latitude=Decimal("49.2"), longitude=Decimal("8.1"))
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")
    draft = add_venue("Entwurf", latitude=Decimal("49.2"), longitude=Decimal("8.1"))
    draft.unpublish()
    own_place("Schon vorbei", day=timezone.localdate() - timedelta(days=5))
    own_place("Noch nicht veröffentlicht", publish=False)
    own_place("Ohne Koordinaten am Ort", latitude=None, longitude=None)
    make_event("In einer Spielstätte", day=soon())
    names = set(by_name(geojson(client)))
    assert "Haus am Westbahnhof" in names
    for absent in (
        "Ohne Koordinaten",
        "Nur für Mitglieder",
        "Entwurf",
        "Schon vorbei",
        "Noch nicht veröffentlicht",
        "Ohne Koordinaten am Ort",
        "In einer Spielstätte",
    ):
        assert absent not in names


def test_bbox_keeps_what_lies_inside(client):
    inside = by_name(geojson(client, bbox=CITY_CENTRE))
    assert {"Haus am Westbahnhof", "Kulturkeller am Markt"} <= set(inside)
    assert "Alte Kelterhalle Godramstein" not in inside
    for feature in inside.values():
        longitude, latitude = feature["geometry"]["coordinates"]
        assert 8.105 <= longitude <= 8.12 and 49.195 <= latitude <= 49.2
    # The whole world, and an empty parameter: everything.
    everything = set(by_name(geojson(client)))
    assert set(by_name(geojson(client, bbox="-180,-90,180,90"))) == everything
    assert set(by_name(geojson(client, bbox=""))) == everything


BAD_BOXES = [
    "8.1,49.1,8.2",
    "8.1,49.1,8.2,49.3,1",
    "a,b,c,d",
    "8,49,,49.3",
    "nan,49.1,8.2,49.3",
    "8.1,49.1,inf,49.3",
    "1e999,49.1,8.2,49.3",
    "-181,49.1,8.2,49.3",
    "8.1,-91,8.2,49.3",
    "8.2,49.1,8.1,49.3",
    "8.1,49.3,8.2,49.1",
    "9" * 5000,
    "8.1,49.1,8.2,49.3\x00",
    " , , , ",
]


@pytest.mark.parametrize("bbox", BAD_BOXES)
def test_a_bad_bbox_is_a_problem_never_an_error(client, bbox):
    page = client.get(GEOJSON, {"bbox": bbox})
    assert page.status_code == 400
    assert page["Content-Type"] == "application/problem+json"
    problem = page.json()
    assert problem["detail"] == "Ungültiger Kartenausschnitt."
    assert problem["errors"][0]["loc"] == ["query", "bbox"]
    api = client.get(API, {"bbox": bbox})
    # 422 for a box that is not one; the API's guard answers 400 for numbers beyond 64 bits.
    assert api.status_code == (400 if bbox.isdigit() else 422)
    assert api["Content-Type"] == "application/problem+json"
    assert api.json()["errors"][0]["loc"] == ["query", "bbox"]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("1,2,3", "Bitte vier Zahlen angeben"),
        ("nan,1,2,3", "endlich"),
        ("-200,1,2,3", "zwischen -180 und 180"),
        ("1,-95,2,3", "zwischen -90 und 90"),
        ("2,1,1,3", "West darf nicht östlich von Ost liegen"),
    ],
)
def test_bbox_errors_say_in_german_what_to_change(value, message):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        parse_bbox(value)
    assert message in error.value.messages[0]


def test_bbox_reads_west_south_east_north():
    assert parse_bbox(" 8.0, 49.1 ,8.2,49.3") == BoundingBox(8.0, 49.1, 8.2, 49.3)


def test_the_api_gives_the_same_places_as_the_page(client, own_place):
    own_place()
    page, api = geojson(client), geojson(client, API)
    assert api == page
    assert geojson(client, API, bbox=CITY_CENTRE) == geojson(client, bbox=CITY_CENTRE)


def test_english_lists_untranslated_german_places_marked_german(client):
    features = by_name(geojson(client, "/en/kulturnetz/geojson/"))
    house = features["Haus am Westbahnhof"]["properties"]
    assert house["language"] == "de" and house["kind_label"] == "Venue"
    assert by_name(geojson(client, API, locale="en")).keys() == features.keys()


def test_the_api_refuses_an_unknown_language(client):
    assert client.get(API, {"locale": "fr"}).status_code == 422


def test_places_are_in_the_openapi_document(client):
    document = client.get("/api/v3/openapi.json").json()
    operation = document["paths"]["/api/v3/kulturnetz/places/"]["get"]
    assert {parameter["name"] for parameter in operation["parameters"]} == {"locale", "bbox"}
    assert "422" in operation["responses"]


def _queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_geojson_queries_are_fixed(client, own_place):
    few = (_queries(client, GEOJSON), _queries(client, API))
    for number in range(6):
        add_venue(
            f"Neuer Ort {number}",
            district=["nussdorf", "queichheim", "arzheim"][number % 3],
            latitude=Decimal("49.19") + number * Decimal("0.001"),
            longitude=Decimal("8.11"),
        )
        own_place(f"Draußen {number}", district=None)
    many = (_queries(client, GEOJSON), _queries(client, API))
    assert few == many == (GEOJSON_QUERIES, API_QUERIES)
    assert len(geojson(client)["features"]) >= 6 + 6 + 10


def test_start_page_lists_the_places_and_fetches_the_geojson_after_consent(client):
    response = client.get(START)
    html = response.content.decode()
    section = html.split('class="kn-map-section"')[1].split("</section>")[0]
    # The consent: what is loaded from where, the privacy policy, the button and the choice.
    assert "Kartenbilder von OpenStreetMap (tile.openstreetmap.org)" in section
    assert 'href="/de/datenschutz/"' in section
    assert '<button type="button" class="button kn-map__load">Karte laden</button>' in section
    assert '<label for="kn-map-remember">Auswahl merken</label>' in section
    assert 'role="region" aria-label="Karte: Orte im Kulturnetz"' in section
    # The list of places works without the map: name, link, address.
    assert "Orte als Liste" in section
    assert '<a href="/de/kulturnetz/spielstaetten/haus-am-westbahnhof/">' in section
    assert "Am Westbahnhof, 76829 Landau in der Pfalz" in section
    # No tile in the page itself: the script gets the address of the places and of the tiles.
    config = json.loads(
        section.split('id="kn-map-config" type="application/json">')[1].split("<")[0]
    )
    assert config["source"] == GEOJSON and config["features"] is None
    assert config["tiles"] == "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    assert "OpenStreetMap</a> contributors" in config["attribution"]
    assert config["leaflet"]["js"] == "/static/leaflet/leaflet.js"
    assert "tile.openstreetmap.org/" not in html.replace(config_text(html), "")
    assert csp_directives(response)["img-src"] == ["'self'", "data:", TILE_ORIGIN]


def config_text(html):
    return html.split('id="kn-map-config" type="application/json">')[1].split("</script>")[0]


def test_leaflets_files_come_from_the_installed_package(client):
    from django.contrib.staticfiles import finders

    for path in ("leaflet/leaflet.js", "leaflet/leaflet.css", "leaflet/images/marker-icon.png"):
        found = finders.find(path)
        assert found and "site-packages" in found


def test_start_page_lists_the_first_places_and_links_the_directory(client, monkeypatch):
    monkeypatch.setattr("kulturnetz.map.START_PAGE_PLACES", 3)
    html = client.get(START).content.decode()
    section = html.split('class="kn-map-section"')[1].split("</section>")[0]
    assert section.count("<li") == 3
    assert '<a href="/de/kulturnetz/spielstaetten/">Alle Spielstätten im Verzeichnis</a>' in section


def test_venue_page_maps_its_own_place(client, venue):
    response = client.get(venue.url)
    html = response.content.decode()
    config = json.loads(config_text(html))
    (feature,) = config["features"]["features"]
    assert feature["properties"]["name"] == "Haus am Westbahnhof"
    assert feature["geometry"]["coordinates"] == [8.1089, 49.1984]
    assert "Orte als Liste" in html and TILE_ORIGIN in response["Content-Security-Policy"]


def test_a_place_without_coordinates_has_no_map_and_a_strict_policy(client):
    plain = add_venue("Ohne Karte", street="Irgendwo 1")
    response = client.get(plain.url)
    assert "kn-map" not in response.content.decode()
    assert csp_directives(response)["img-src"] == ["'self'", "data:"]


def test_event_page_maps_its_venue_or_its_own_place(client, make_event, own_place):
    at_venue = make_event("Im Haus", day=soon())
    config = json.loads(config_text(client.get(at_venue.url).content.decode()))
    (feature,) = config["features"]["features"]
    assert feature["properties"]["name"] == "Haus am Westbahnhof"
    outside = own_place()
    config = json.loads(config_text(client.get(outside.url).content.decode()))
    (feature,) = config["features"]["features"]
    assert feature["properties"]["name"] == "Lesung im Park"
    assert feature["properties"]["kind"] == "event"


def test_actor_page_maps_its_address_and_the_venues_it_runs(client):
    from kulturnetz.models import ActorPage

    actor = ActorPage.objects.get(slug="leben-und-kultur", locale__language_code="de")
    actor.latitude, actor.longitude = Decimal("49.198000"), Decimal("8.109000")
    actor.street = "Am Westbahnhof 1"
    actor.save_revision().publish()
    config = json.loads(config_text(client.get(actor.url).content.decode()))
    kinds = {
        f["properties"]["name"]: f["properties"]["kind"] for f in config["features"]["features"]
    }
    assert kinds[actor.title] == "actor" and kinds["Haus am Westbahnhof"] == "venue"


def test_pages_without_a_map_keep_the_strict_policy(client):
    response = client.get("/de/kulturnetz/kalender/")
    assert TILE_ORIGIN not in response["Content-Security-Policy"]


@override_settings(
    KULTURNETZ_MAP_TILES={
        "url": "https://karten.example.org/tiles/{z}/{x}/{y}.png",
        "attribution": "© OpenStreetMap contributors, Kacheln: Beispiel e. V.",
        "max_zoom": 18,
    }
)
def test_one_setting_points_the_map_to_another_tile_server(client):
    response = client.get(START)
    html = response.content.decode()
    assert "Kartenbilder von OpenStreetMap (karten.example.org)" in html
    config = json.loads(config_text(html))
    assert config["tiles"].startswith("https://karten.example.org/") and config["maxZoom"] == 18
    policy = response["Content-Security-Policy"]
    assert "https://karten.example.org" in policy and TILE_ORIGIN not in policy
