"""The processes' v3 API: processes with computed decisions, the catalogue, the toolbox."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

pytestmark = [pytest.mark.django_db, pytest.mark.feature_app("processes")]

PROCESSES = "/api/v3/processes/processes/"
REQUIREMENTS = "/api/v3/processes/requirements/"
TOOLS = "/api/v3/processes/tools/"


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.content[:800]
    return response.json()


def identifiers(client, query=""):
    return [item["identifier"] for item in get(client, REQUIREMENTS + query)["items"]]


# --- Processes -----------------------------------------------------------------------------


def test_process_list_has_live_public_processes_only(client, api_processes):
    data = get(client, PROCESSES)
    assert data["count"] == 2
    booking, payment = data["items"]
    assert (booking["title"], payment["title"]) == ("Raumbuchung", "Zahlungen")
    assert booking == {
        "id": api_processes["booking"].pk,
        "title": "Raumbuchung",
        "slug": "raumbuchung",
        "url": "http://testserver/de/prozesse-test/raumbuchung/",
        "locale": "de",
        "kind": "core",
        "kind_label": "Kernprozess",
        "audience": "external",
        "audience_label": "Extern (für Publikum und Partner)",
        "responsible_role": "Büroleitung",
        # The pilot is planned, not reached.
        "current_stage": "platform",
        "current_stage_label": "Plattform gewählt",
        "last_review": (timezone.localdate() - timedelta(days=30)).isoformat(),
        "intro": "Wie Gruppen unsere Räume buchen.",
    }


def test_process_list_filters_and_pages(client, api_processes):
    assert [p["title"] for p in get(client, PROCESSES + "?kind=support")["items"]] == ["Zahlungen"]
    assert [p["title"] for p in get(client, PROCESSES + "?audience=external")["items"]] == [
        "Raumbuchung"
    ]
    assert get(client, PROCESSES + "?kind=management")["items"] == []
    second = get(client, PROCESSES + "?limit=1&offset=1")
    assert second["count"] == 2
    assert [p["title"] for p in second["items"]] == ["Zahlungen"]


def test_english_process_list_falls_back_to_german(client, api_processes):
    items = get(client, PROCESSES + "?locale=en")["items"]
    assert [(p["title"], p["locale"]) for p in items] == [
        ("Raumbuchung", "de"),
        ("Zahlungen", "de"),
    ]


def test_process_detail_has_stages_functions_requirements_and_outcomes(
    client, api_processes, catalogue_requirements
):
    today = timezone.localdate()
    data = get(client, f"{PROCESSES}{api_processes['booking'].pk}/")
    assert [(s["stage"], s["planned"]) for s in data["stage_history"]] == [
        ("analysed", False),
        ("functions", False),
        ("platform", False),
        ("pilot", True),
    ]
    assert data["stage_history"][1]["note"] == "Workshop"
    assert data["stage_history"][3]["date"] == (today + timedelta(days=30)).isoformat()
    assert data["next_step"] == {
        "stage": "pilot",
        "label": "Pilotbetrieb",
        "due": (today + timedelta(days=30)).isoformat(),
        "planned": True,
    }
    assert data["functions"] == [
        {
            "name": "Raumanfrage beantworten",
            "purpose": "Gruppen wissen schnell, ob ein Raum frei ist.",
            "roles": ["Büro", "Hausmeister"],
            "trigger": "Anfrage",
            "result": "Zusage",
            "frequency": "15× pro Woche",
            "pain_points": ["Drei Kalender", "Rückfragen dauern"],
        }
    ]
    assert [r["identifier"] for r in data["requirements"]] == ["RB-01", "RB-02"]
    assert data["requirements"][0]["priority"] == "must"
    assert data["outcomes"] == [
        {
            "measure": "Zeit für Raumanfragen",
            "unit": "Stunden",
            "before": 6.0,
            "after": 2.0,
            "change": -4.0,
            "change_percent": -67,
            "note": "",
        }
    ]


def test_decision_totals_ties_missing_scores_and_knockouts(client, api_processes, api_tools):
    (decision,) = get(client, f"{PROCESSES}{api_processes['booking'].pk}/")["decisions"]
    assert decision["question"] == "Womit buchen wir Räume?"
    assert decision["knockout_criteria"] == ["Daten in der EU", "Ohne Schulung nutzbar"]
    assert decision["criteria"] == [
        {"name": "Einfach", "weight": 5},
        {"name": "Kosten", "weight": 3},
    ]
    options = {option["name"]: option for option in decision["options"]}
    calendar = options["Gemeinsamer Kalender"]
    assert calendar["tool"] == {"id": api_tools["kalender"].pk, "name": "Gemeinsamer Kalender"}
    assert (calendar["total"], calendar["max_total"], calendar["percent"]) == (35, 40, 88)
    assert calendar["best"] and calendar["chosen"]
    paper = options["Papierkalender"]
    assert paper["tool"] is None
    assert (paper["total"], paper["best"], paper["chosen"]) == (35, True, False)
    # A missing score counts as 0 and is named.
    software = options["Buchungssoftware"]
    assert software["scores"] == [5, None]
    assert (software["total"], software["missing"], software["best"]) == (25, ["Kosten"], False)
    # The highest total, but knocked out: out of the ranking.
    table = options["Tabelle"]
    assert (table["total"], table["knocked_out"], table["best"]) == (
        40,
        "Keine Rechte je Rolle",
        False,
    )
    assert decision["tie"] is True
    assert decision["chosen"] == "Gemeinsamer Kalender"
    assert decision["chosen_is_best"] is True
    assert decision["rationale"] == "Schnell gelernt, kostet nichts."


def test_a_decision_without_tie_and_without_choice(client, api_processes):
    page = api_processes["payment"]
    page.body = json.dumps(
        [
            {
                "type": "tool_decision",
                "value": {
                    "question": "Womit nehmen wir Geld an?",
                    "knockout_criteria": "",
                    "criteria": [{"name": "Gebühren", "weight": 2}],
                    "options": [
                        {"name": "Bar", "scores": [3], "knockout": "", "chosen": False},
                        {"name": "Karte", "scores": [], "knockout": "", "chosen": False},
                    ],
                    "rationale": "",
                },
            }
        ]
    )
    page.save_revision().publish()
    (decision,) = get(client, f"{PROCESSES}{page.pk}/")["decisions"]
    totals = [(o["name"], o["total"], o["best"], o["missing"]) for o in decision["options"]]
    assert totals == [("Bar", 6, True, []), ("Karte", 0, False, ["Gebühren"])]
    assert decision["tie"] is False
    assert decision["chosen"] is None
    assert decision["chosen_is_best"] is False


@pytest.mark.parametrize("which", ["draft", "private"])
def test_unpublished_and_private_processes_are_not_shown(client, api_processes, which):
    get(client, f"{PROCESSES}{api_processes[which].pk}/", status=404)


def test_other_pages_are_not_processes(client, process_map_de):
    get(client, f"{PROCESSES}{process_map_de.pk}/", status=404)


# --- Requirements --------------------------------------------------------------------------


def test_requirement_list_is_the_catalogue(client, catalogue_requirements, api_processes):
    data = get(client, REQUIREMENTS + "?limit=100")
    assert data["count"] == 7
    assert [item["identifier"] for item in data["items"]] == [
        "AL-01",
        "RB-01",
        "RB-02",
        "RB-03",
        "RB-04",
        "ZA-01",
        "ZA-02",
    ]
    first = data["items"][1]
    assert first == {
        "id": catalogue_requirements["RB-01"].pk,
        "identifier": "RB-01",
        "statement": "Gruppen sehen freie Zeiten",
        "kind": "functional",
        "kind_label": "Funktion",
        "priority": "must",
        "priority_label": "Muss",
        "status": "met",
        "status_label": "Erfüllt",
        "function": "Raumanfrage beantworten",
        "acceptance": "",
        "locale": "de",
        "process": {
            "id": api_processes["booking"].pk,
            "title": "Raumbuchung",
            "slug": "raumbuchung",
            "url": "http://testserver/de/prozesse-test/raumbuchung/",
        },
    }
    assert data["items"][0]["process"] is None


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?process=zahlungen", ["ZA-01", "ZA-02"]),
        ("?kind=accessibility", ["RB-03"]),
        ("?priority=must", ["AL-01", "RB-01", "RB-02"]),
        ("?status=open", ["AL-01", "RB-03", "ZA-01"]),
        ("?search=spenden", ["ZA-01"]),
        ("?process=raumbuchung&priority=must&status=agreed", ["RB-02"]),
        ("?kind=functional&status=open", ["ZA-01"]),
        ("?process=zahlungen&priority=must", []),
    ],
)
def test_requirement_filters_alone_and_combined(client, catalogue_requirements, query, expected):
    assert identifiers(client, query) == expected


def test_requirement_pages(client, catalogue_requirements):
    page = get(client, REQUIREMENTS + "?limit=2&offset=2")
    assert page["count"] == 7
    assert [item["identifier"] for item in page["items"]] == ["RB-02", "RB-03"]


def test_english_requirements_with_german_fallback(client, catalogue_page_en):
    items = get(client, REQUIREMENTS + "?locale=en&priority=must")["items"]
    assert [(i["identifier"], i["locale"]) for i in items] == [
        ("AL-01", "de"),
        ("RB-01", "en"),
        ("RB-02", "de"),
    ]
    assert items[1]["statement"] == "Groups see free slots"


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("?process=vorstand", "process"),
        ("?process=gibtsnicht", "process"),
        ("?kind=nonsense", "kind"),
        ("?priority=MUST", "priority"),
        ("?status=%00", "status"),
        ("?locale=xx", "locale"),
        ("?limit=0", "limit"),
        ("?limit=101", "limit"),
        ("?offset=-1", "offset"),
        ("?search=" + "x" * 201, "search"),
    ],
)
def test_bad_requirement_parameters_answer_problems_naming_them(
    client, catalogue_requirements, query, parameter
):
    response = client.get(REQUIREMENTS + query)
    assert response.status_code in (400, 422), response.content
    assert response["Content-Type"] == "application/problem+json"
    assert ["query", parameter] in [error["loc"] for error in response.json()["errors"]]


# --- Tools ---------------------------------------------------------------------------------


def test_tools_with_requirements_met_and_processes_served(
    client, api_tools, catalogue_requirements, api_processes
):
    data = get(client, TOOLS)
    assert data["count"] == 3
    tools = {tool["name"]: tool for tool in data["items"]}
    calendar = tools["Gemeinsamer Kalender"]
    assert calendar["status"] == "in_use"
    assert calendar["status_label"] == "Im Einsatz"
    assert (calendar["open_source"], calendar["hosted_in_eu"], calendar["cost"]) == (
        True,
        True,
        "0 €",
    )
    # Not the requirement of the private process.
    assert [r["identifier"] for r in calendar["requirements_met"]] == ["RB-01", "RB-02"]
    assert calendar["processes"] == [
        {
            "id": api_processes["booking"].pk,
            "title": "Raumbuchung",
            "slug": "raumbuchung",
            "url": "http://testserver/de/prozesse-test/raumbuchung/",
        }
    ]
    # Considered, not chosen.
    assert tools["Buchungssoftware"]["processes"] == []
    assert [t["name"] for t in get(client, TOOLS + "?status=dropped")["items"]] == ["Chat"]


# --- The OpenAPI document ------------------------------------------------------------------


def test_openapi_describes_the_processes_api(client):
    document = get(client, "/api/v3/openapi.json")
    paths = document["paths"]
    for path in (PROCESSES, PROCESSES + "{process_id}/", REQUIREMENTS, TOOLS):
        assert "get" in paths[path]
        assert paths[path]["get"]["tags"] == ["processes"]
    schemas = document["components"]["schemas"]
    for name in (
        "ProcessDetailOut",
        "ToolDecisionOut",
        "DecisionOptionOut",
        "RequirementOut",
        "ToolOut",
        "ProcessStageOut",
    ):
        assert name in schemas
    option = schemas["DecisionOptionOut"]["properties"]
    assert option["total"]["type"] == "integer"
    assert option["scores"]["items"]["anyOf"] == [{"type": "integer"}, {"type": "null"}]
    kinds = schemas["RequirementOut"]["properties"]["kind"]["enum"]
    assert set(kinds) == {
        "functional",
        "data_protection",
        "accessibility",
        "cost",
        "operation",
        "volunteers",
    }
    parameters = {p["name"] for p in paths[REQUIREMENTS]["get"]["parameters"]}
    assert parameters == {
        "locale",
        "process",
        "kind",
        "priority",
        "status",
        "search",
        "limit",
        "offset",
    }


def test_openapi_document_stays_valid(client):
    from openapi_spec_validator import validate
    from openapi_spec_validator.validation import OpenAPIV31SpecValidator

    validate(get(client, "/api/v3/openapi.json"), cls=OpenAPIV31SpecValidator)


# --- Hostile input -------------------------------------------------------------------------

HOSTILE = [
    "?search=%00",
    "?search=%22",
    "?offset=99999999999999999999",
    "?limit=1e99",
    "?limit=-1",
    "?locale=%00",
    "?kind=%00",
    "?status='%20OR%201=1--",
    "?process=%00",
    "?process=" + "x" * 5000,
    "?process=raumbuchung&process=zahlungen",
    "?priority[]=must",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_query_strings_answer_4xx(client, catalogue_requirements, query):
    for url in (PROCESSES, REQUIREMENTS, TOOLS):
        status = client.get(url + query).status_code
        assert status == 200 or 400 <= status < 500, (url, query, status)


@pytest.mark.parametrize(
    "process_id", ["0", "-1", "abc", "99999999999999999999", "9223372036854775807", "1.5"]
)
def test_hostile_process_ids_answer_4xx(client, api_processes, process_id):
    assert 400 <= client.get(f"{PROCESSES}{process_id}/").status_code < 500


@pytest.mark.parametrize("process_id", ["0", "abc", "99999999999999999999"])
def test_a_process_id_that_is_no_id_answers_the_documented_422(client, process_id):
    response = client.get(f"{PROCESSES}{process_id}/")
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    detail = get(client, "/api/v3/openapi.json")["paths"][PROCESSES + "{process_id}/"]
    assert "422" in detail["get"]["responses"]


# --- Queries -------------------------------------------------------------------------------


def _more_content(api_processes, api_tools, count=8):
    """More requirements, tools and processes with decisions (the counts must not move)."""
    from processes.models import ProcessPage, Requirement, StageChange, Tool

    booking = api_processes["booking"]
    overview = booking.get_parent()
    for number in range(count):
        Requirement.objects.create(
            identifier=f"MQ-{number:02}", statement=f"Mehr {number}", process=booking
        )
        tool = Tool.objects.create(name=f"Werkzeug {number}", category="Test")
        tool.requirements_met.set(Requirement.objects.filter(identifier__startswith="RB"))
        tool.save()
        page = ProcessPage(
            title=f"Prozess {number}",
            slug=f"prozess-{number}",
            intro="Mehr.",
            stage_changes=[StageChange(stage="analysed", date=timezone.localdate())],
            body=booking.body.raw_data,
        )
        overview.add_child(instance=page)
        page.save_revision().publish()
    # The booking page gets more decisions and requirement blocks.
    body = list(booking.body.raw_data) * 3
    booking.body = json.dumps(body)
    booking.save_revision().publish()


def _count_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_each_endpoint_uses_a_fixed_number_of_queries(
    client, api_processes, api_tools, catalogue_requirements
):
    detail = f"{PROCESSES}{api_processes['booking'].pk}/"
    urls = {
        PROCESSES + "?limit=100": LIST_PROCESSES_QUERIES,
        detail: PROCESS_DETAIL_QUERIES,
        REQUIREMENTS + "?limit=100&priority=must": LIST_REQUIREMENTS_QUERIES,
        REQUIREMENTS + "?limit=100&locale=en&process=raumbuchung": LIST_REQUIREMENTS_EN_QUERIES,
        TOOLS + "?limit=100": LIST_TOOLS_QUERIES,
    }
    before = {url: _count_queries(client, url) for url in urls}
    assert before == urls
    _more_content(api_processes, api_tools)
    after = {url: _count_queries(client, url) for url in urls}
    assert after == urls
    assert len(get(client, TOOLS + "?limit=100")["items"]) == 11


# Each: the locale (lists), the count, the items, one query per prefetch, the site's root
# paths for the URLs; the view restrictions of public queries come from the cache.
# The process: the page, its stages, the site, one query per block type naming snippets, and
# the pages about it (private sections, pages; one more per page type among them).
LIST_PROCESSES_QUERIES = 4
PROCESS_DETAIL_QUERIES = 5
LIST_REQUIREMENTS_QUERIES = 4
# Plus the English process pages and the check that the German fallbacks are public.
LIST_REQUIREMENTS_EN_QUERIES = 4
LIST_TOOLS_QUERIES = 6
