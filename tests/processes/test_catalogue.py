"""The requirements catalogue: filters alone and combined, languages, the CSV file, queries."""

import csv
import io
import re

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.feature_app("processes")]

ALL_PUBLIC = ["AL-01", "RB-01", "RB-02", "RB-03", "RB-04", "ZA-01", "ZA-02"]


def listed(client, page, query=""):
    response = client.get(page.url + query)
    assert response.status_code == 200, response.content[:500]
    return [r.identifier for r in response.context["requirements"]]


def csv_rows(client, page, query=""):
    response = client.get(page.url + "csv/" + query)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="anforderungen.csv"'
    content = response.content
    assert content.startswith("\ufeff".encode())
    text = content.decode("utf-8-sig")
    assert "\r\n" in text
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def test_lists_public_requirements_by_identifier(client, catalogue_page):
    # Not the draft's (EN-01) or the private process's (VO-01).
    assert listed(client, catalogue_page) == ALL_PUBLIC


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?prozess=raumbuchung", ["RB-01", "RB-02", "RB-03", "RB-04"]),
        ("?prozess=zahlungen", ["ZA-01", "ZA-02"]),
        ("?art=functional", ["RB-01", "ZA-01"]),
        ("?art=volunteers", ["AL-01"]),
        ("?prioritaet=must", ["AL-01", "RB-01", "RB-02"]),
        ("?prioritaet=wont", ["ZA-02"]),
        ("?stand=open", ["AL-01", "RB-03", "ZA-01"]),
        ("?stand=met", ["RB-01"]),
        ("?q=screenreader", ["RB-03"]),
        ("?q=rb-0", ["RB-01", "RB-02", "RB-03", "RB-04"]),
    ],
)
def test_each_filter_alone(client, catalogue_page, query, expected):
    assert listed(client, catalogue_page, query) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?prozess=raumbuchung&prioritaet=must", ["RB-01", "RB-02"]),
        ("?prozess=raumbuchung&prioritaet=must&stand=agreed", ["RB-02"]),
        ("?prozess=zahlungen&art=functional&stand=open", ["ZA-01"]),
        ("?prioritaet=must&stand=open", ["AL-01"]),
        ("?prozess=zahlungen&prioritaet=must", []),
        ("?art=functional&q=spenden", ["ZA-01"]),
        ("?prozess=&art=&prioritaet=&stand=&q=", ALL_PUBLIC),
    ],
)
def test_filters_combine(client, catalogue_page, query, expected):
    assert listed(client, catalogue_page, query) == expected


def test_the_form_keeps_its_state_and_the_csv_link_its_filters(client, catalogue_page):
    response = client.get(catalogue_page.url + "?prozess=raumbuchung&prioritaet=must&stand=")
    form = response.context["filter_form"]
    assert form["prozess"].value() == "raumbuchung"
    assert form["prioritaet"].value() == "must"
    assert response.context["csv_url"] == (
        catalogue_page.url + "csv/?prozess=raumbuchung&prioritaet=must"
    )
    html = response.content.decode()
    assert re.search(r'<option value="raumbuchung" selected>Raumbuchung</option>', html)
    # Only live, public processes are choices.
    assert [choice for choice, _label in form.fields["prozess"].choices] == [
        "",
        "raumbuchung",
        "zahlungen",
    ]
    assert client.get(catalogue_page.url).context["csv_url"] == catalogue_page.url + "csv/"


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("?prozess=vorstand", "prozess"),
        ("?prozess=entwurf", "prozess"),
        ("?art=nonsense", "art"),
        ("?prioritaet=%00", "prioritaet"),
        ("?stand=" + "x" * 5000, "stand"),
    ],
)
def test_invalid_values_are_ignored_and_named_in_german(client, catalogue_page, query, field):
    response = client.get(catalogue_page.url + query)
    assert response.status_code == 200
    assert [r.identifier for r in response.context["requirements"]] == ALL_PUBLIC
    errors = response.context["filter_form"].errors
    assert errors[field] == ["Diese Auswahl gibt es nicht, der Filter wird nicht angewendet."]
    assert "Diese Auswahl gibt es nicht" in response.content.decode()


def test_a_too_long_search_is_ignored_with_a_message_in_our_register(client, catalogue_page):
    response = client.get(catalogue_page.url + "?art=cost&q=" + "x" * 201)
    assert [r.identifier for r in response.context["requirements"]] == ["RB-04"]
    assert response.context["filter_form"].errors["q"] == [
        "Bitte höchstens 200 Zeichen, die Suche ist nicht angewendet."
    ]


@pytest.mark.parametrize(
    "query",
    [
        "?q=%00",
        "?q=%22%27%3Cscript%3E",
        "?q=" + "wort%20" * 500,
        "?prozess=raumbuchung&prozess=zahlungen",
        "?art[]=x&stand[]=y",
        "?seite=99999999999999999999999",
        "?%ff=%ff",
        "?q=%ff%fe",
    ],
)
def test_hostile_query_strings_never_fail(client, catalogue_page, query):
    assert client.get(catalogue_page.url + query).status_code == 200
    assert client.get(catalogue_page.url + "csv/" + query).status_code == 200


def test_english_catalogue_shows_translations_and_german_otherwise(client, catalogue_page_en):
    response = client.get(catalogue_page_en.url)
    requirements = response.context["requirements"]
    assert [r.identifier for r in requirements] == ALL_PUBLIC
    by_id = {r.identifier: r for r in requirements}
    assert by_id["RB-01"].statement == "Groups see free slots"
    assert by_id["RB-01"].locale.language_code == "en"
    assert by_id["RB-02"].locale.language_code == "de"
    assert 'lang="de"' in response.content.decode()
    # The process filter matches the English translation by its German process.
    assert listed(client, catalogue_page_en, "?prozess=raumbuchung&prioritaet=must") == [
        "RB-01",
        "RB-02",
    ]


def test_csv_has_a_german_header_and_the_public_fields(client, catalogue_page):
    rows = csv_rows(client, catalogue_page)
    assert rows[0] == [
        "Kennung",
        "Anforderung",
        "Art",
        "Priorität",
        "Stand",
        "Prozess",
        "Aus der Funktion",
        "Abnahmekriterium",
        "Sprache",
        "Adresse des Prozesses",
    ]
    assert [row[0] for row in rows[1:]] == ALL_PUBLIC
    first = dict(zip(rows[0], rows[2], strict=True))
    assert first["Kennung"] == "RB-01"
    assert first["Anforderung"] == "Gruppen sehen freie Zeiten"
    assert first["Art"] == "Funktion"
    assert first["Priorität"] == "Muss"
    assert first["Stand"] == "Erfüllt"
    assert first["Prozess"] == "Raumbuchung"
    assert first["Aus der Funktion"] == "Raumanfrage beantworten"
    assert first["Sprache"] == "de"
    assert first["Adresse des Prozesses"].endswith("/prozesse-test/raumbuchung/")
    assert first["Adresse des Prozesses"].startswith("http")
    no_process = dict(zip(rows[0], rows[1], strict=True))
    assert no_process["Prozess"] == no_process["Adresse des Prozesses"] == ""


def test_csv_escapes_formulas(client, catalogue_page):
    rows = {row[0]: row for row in csv_rows(client, catalogue_page)[1:]}
    assert rows["RB-04"][1] == '\'=HYPERLINK("http://böse.example")'
    assert rows["ZA-02"][1] == "'+49 Telefonbanking ablösen"
    assert rows["RB-02"][7] == "'@Büro prüft"
    assert rows["RB-01"][1] == "Gruppen sehen freie Zeiten"


def test_csv_applies_the_filters(client, catalogue_page):
    rows = csv_rows(client, catalogue_page, "?prozess=raumbuchung&prioritaet=must&stand=nonsense")
    assert [row[0] for row in rows[1:]] == ["RB-01", "RB-02"]
    assert [row[0] for row in csv_rows(client, catalogue_page, "?stand=dropped")[1:]] == ["ZA-02"]
    assert len(csv_rows(client, catalogue_page, "?prozess=zahlungen&prioritaet=must")) == 1


def _add_requirements(process, count, prefix):
    from processes.models import Requirement

    for number in range(count):
        Requirement.objects.create(
            identifier=f"{prefix}-{number:02}", statement=f"Mehr {number}", process=process
        )


def test_catalogue_and_csv_use_a_fixed_number_of_queries(
    client, catalogue_page, api_processes, django_assert_num_queries
):
    url = catalogue_page.url + "?prioritaet=should"
    client.get(url)  # warm the site and settings caches of the first request
    with django_assert_num_queries(CATALOGUE_QUERIES):
        assert client.get(url).status_code == 200
    with django_assert_num_queries(CSV_QUERIES):
        assert client.get(catalogue_page.url + "csv/").status_code == 200
    _add_requirements(api_processes["booking"], 10, "XA")
    _add_requirements(api_processes["payment"], 5, "XB")
    _add_requirements(None, 5, "XC")
    client.get(url)  # requirements are snippets: saving them renewed the cached choices
    with django_assert_num_queries(CATALOGUE_QUERIES):
        response = client.get(url)
    assert len(response.context["requirements"]) == 22
    with django_assert_num_queries(CSV_QUERIES):
        assert client.get(catalogue_page.url + "csv/").status_code == 200


# The page: Wagtail's routing, the base template's settings, navigation and breadcrumbs, then the
# catalogue's own: the count and the requirements of one page, the processes in the page's language
# (the process choices and the view restrictions come from the cache). The CSV: routing and its own.
CATALOGUE_QUERIES = 10
CSV_QUERIES = 7


def test_the_portal_hostile_values_in_every_filter_never_fail(client, catalogue_page):
    from tests.test_hostile_input import HOSTILE_VALUES

    client.raise_request_exception = False
    failures = []
    for value in HOSTILE_VALUES:
        query = dict.fromkeys(["prozess", "art", "prioritaet", "stand", "q", "seite"], value)
        for url in (catalogue_page.url, catalogue_page.url + "csv/"):
            status = client.get(url, query).status_code
            if status != 200:
                failures.append((url, value[:20], status))
    assert not failures


def test_a_long_catalogue_comes_in_pages_that_keep_the_filters(client, catalogue_page):
    from processes.models import Requirement
    from processes.views import CATALOGUE_PER_PAGE

    for number in range(CATALOGUE_PER_PAGE + 5):
        Requirement.objects.create(
            identifier=f"XX-{number:03}",
            statement=f"Eine lange Liste {number}",
            priority="must",
            locale=catalogue_page.locale,
        )
    first = client.get(catalogue_page.url, {"prioritaet": "must"})
    html = first.content.decode()
    musts = first.context["result_count"]
    assert musts > CATALOGUE_PER_PAGE + 5  # the fixture's public "must" requirements too
    assert len(first.context["requirements"]) == CATALOGUE_PER_PAGE
    assert 'href="?prioritaet=must&amp;seite=2"' in html
    second = client.get(catalogue_page.url, {"prioritaet": "must", "seite": "2"})
    assert len(second.context["requirements"]) == musts - CATALOGUE_PER_PAGE
    assert "XX-054" in second.content.decode()
    # The CSV has them all, whatever the page.
    rows = client.get(first.context["csv_url"]).content.decode("utf-8-sig").splitlines()
    assert len(rows) == musts + 1
