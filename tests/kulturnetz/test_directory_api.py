"""The v3 API of actors and venues: the directories' filters, problems, details, queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kulturnetz.models import ActorPage
from tests.kulturnetz.directory_helpers import add_actor

pytestmark = [pytest.mark.django_db, pytest.mark.feature_app("kulturnetz")]

ACTORS = "/api/v3/kulturnetz/actors/"
VENUES = "/api/v3/kulturnetz/venues/"


def titles(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["items"]]


def test_actor_filters_match_the_page(client):
    assert titles(
        client, ACTORS + "?discipline=musik&district=queichheim&kind=gruppe-ensemble"
    ) == ["Batucada Queich"]
    assert titles(client, ACTORS + "?search=zwickm") == ["Kabarett Zwickmühle"]
    add_actor("Ölmühle Kultur")
    assert "Ölmühle Kultur" in titles(client, ACTORS + "?letter=O&limit=100")
    newest = titles(client, ACTORS + "?ordering=newest&limit=1")
    assert newest == ["Ölmühle Kultur"]
    # Ö sorts with O, so Z–A does not start with it.
    assert titles(client, ACTORS + "?ordering=-name&limit=1") == ["Werkstattschule Landau"]


def test_limit_offset_and_count(client):
    first = client.get(ACTORS + "?limit=5").json()
    second = client.get(ACTORS + "?limit=5&offset=5").json()
    assert first["count"] == second["count"] == 30
    assert len(first["items"]) == 5
    assert not {i["id"] for i in first["items"]} & {i["id"] for i in second["items"]}


def test_venue_filters(client):
    both = titles(client, VENUES + "?accessibility=stufenloser-zugang&accessibility=hoeranlage")
    assert "Haus am Westbahnhof" in both
    big = client.get(VENUES + "?min_capacity=170&limit=100").json()["items"]
    assert "Haus am Westbahnhof" in [venue["title"] for venue in big]
    assert all(venue["capacity"] >= 170 for venue in big)


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("?discipline=gibtsnicht", "discipline"),
        ("?letter=%C3%84", "letter"),
        ("?limit=0", "limit"),
        ("?ordering=title", "ordering"),
        ("?locale=xx", "locale"),
    ],
)
def test_bad_parameters_answer_problems_naming_them(client, query, parameter):
    response = client.get(ACTORS + query)
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    assert ["query", parameter] in [error["loc"] for error in response.json()["errors"]]


@pytest.mark.parametrize(
    "query",
    [
        "?search=%00",
        "?search=%22",
        "?offset=99999999999999999999",
        "?district=%00",
    ],
)
def test_hostile_parameters_never_fail(client, query):
    for url in (ACTORS, VENUES):
        assert client.get(url + query).status_code in (400, 422)
    assert client.get(VENUES + "?min_capacity=1e99").status_code == 422
    assert client.get(VENUES + "?accessibility=%00").status_code == 422


def test_details_show_public_data_only(client):
    actor = ActorPage.objects.get(slug="chor-westwind")
    actor.email, actor.publish_email = "geheim@example.org", False
    actor.save()
    data = client.get(f"{ACTORS}{actor.pk}/").json()
    assert data["email"] == ""
    assert data["social_links"][0]["label"] == "Mastodon"
    actor.live = False
    actor.save()
    assert client.get(f"{ACTORS}{actor.pk}/").status_code == 404
    venue = client.get(VENUES + "?search=westbahnhof").json()["items"][0]
    detail = client.get(f"{VENUES}{venue['id']}/").json()
    assert detail["capacity"] == 180
    assert {"Stufenloser Zugang"} <= {f["name"] for f in detail["accessibility"]}


def _queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_list_queries_are_fixed(client):
    logo = ActorPage.objects.exclude(logo=None).first().logo
    few = _queries(client, ACTORS + "?kind=verein&limit=100")
    for number in range(20):
        add_actor(f"API Kultur {number}", logo=logo)
    assert _queries(client, ACTORS + "?kind=verein&limit=100") == few
    assert _queries(client, VENUES + "?limit=100") == _queries(client, VENUES + "?limit=2")


@pytest.mark.parametrize("url", [ACTORS + "{actor_id}/", VENUES + "{venue_id}/"])
@pytest.mark.parametrize("key", ["0", "abc", "99999999999999999999"])
def test_a_detail_id_that_is_no_id_answers_the_documented_422(client, url, key):
    response = client.get(url.format(actor_id=key, venue_id=key))
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    documented = client.get("/api/v3/openapi.json").json()["paths"][url]["get"]["responses"]
    assert "422" in documented
