"""The process pages as visitors see them: the map with its stages and roadmap, a process with
its stage track, history and blocks, the tool decision's totals, the catalogue and the toolbox;
each in a pinned number of queries, none failing on hostile query strings."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.formats import date_format

from portal.showcase import showcase_pages
from processes.models import ProcessPage, StageChange
from processes.stages import Stage
from tests.home.test_stylesheets import SHARED, stylesheets
from tests.processes.builders import room_booking_body
from tests.processes.test_catalogue import CATALOGUE_QUERIES
from tests.test_hostile_input import HOSTILE_VALUES, PAGE_PARAMETERS

pytestmark = [pytest.mark.django_db, pytest.mark.feature_app("processes")]

# Names the catalogue's filters may read (processes/views.py), besides the portal's own.
FILTER_PARAMETERS = ["prozess", "art", "prioritaet", "stand", "format"]


def html_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200, page.url
    return response.content.decode()


def between(html, start_marker, end_marker):
    start = html.index(start_marker)
    return html[start : html.index(end_marker, start)]


def text(html):
    """The markup's text with tags removed and white space collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def queries(client, url):
    client.get(url)  # caches of the first request (site root paths, settings)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def add_process(overview, title, stages, body=()):
    page = ProcessPage(
        title=title,
        slug=title.lower().replace(" ", "-"),
        intro="Noch ein Prozess.",
        stage_changes=[
            StageChange(stage=stage, date=timezone.localdate() + timedelta(days=offset))
            for stage, offset in stages
        ],
        body=list(body),
    )
    overview.add_child(instance=page)
    page.save_revision().publish()
    return page


# --- The process map -------------------------------------------------------------------


def test_the_map_groups_the_processes_by_kind_and_audience_with_their_stage(
    client, process_overview
):
    html = html_of(client, process_overview)
    bands = re.findall(r'<h3 id="pm-band-(\w+)">([^<]+)</h3>', html)
    assert bands == [
        ("management", "Führungsprozesse"),
        ("core", "Kernprozesse"),
        ("support", "Unterstützungsprozesse"),
    ]
    core = between(html, 'id="pm-band-core"', 'class="pm-band pm-band--support"')
    assert text(core).count("Intern (für das Team)") == 1
    assert text(core).count("Extern (für Publikum und Partner)") == 1
    room = between(html, ">Raumbuchung</a>", "</li>")
    assert "Stufe 4/7 · Plattform gewählt" in text(room)
    assert "Als Nächstes: Pilotbetrieb" in text(room)
    assert "Stufe 6/7 · In Nutzung" in html  # Interne Kommunikation
    assert "Stufe 1/7 · Analysiert" in html  # Zahlungen


def test_the_stage_chart_says_its_counts_in_words_not_only_in_colour(client, process_overview):
    chart = between(html_of(client, process_overview), 'class="pm-chart"', "</figure>")
    assert "Auf welcher Stufe die 4 Prozesse stehen" in chart
    rows = re.findall(r'<li class="pm-chart__row[^"]*">(.*?)</li>', chart, re.S)
    assert len(rows) == 7
    assert text(rows[0]) == "1 Stufe 1: Analysiert 1 Prozess (25 %)"
    assert text(rows[1]) == "2 Stufe 2: Funktionen beschrieben 0 Prozesse"
    # The bars are pictures of the numbers beside them, hidden from screen readers.
    assert chart.count('<svg class="pm-chart__bar"') == 7
    assert chart.count('aria-hidden="true" focusable="false"') == 7


def test_the_roadmap_sorts_the_next_steps_into_now_next_and_later(client, process_overview):
    html = html_of(client, process_overview)
    now, upcoming, later = (
        text(between(html, f'id="pm-roadmap-{key}"', "</section>"))
        for key in ("now", "next", "later")
    )
    pilot_date = date_format(timezone.localdate() + timedelta(days=30), "j. F Y")
    # The planned pilot in 30 days, and a pilot already running (no date).
    assert "Raumbuchung Pilotbetrieb geplant für " + pilot_date in now
    assert "Veranstaltungsplanung In Nutzung noch ohne Termin" in now
    assert "Jetzt (2)" in now
    assert "Zahlungen Funktionen beschrieben geplant für" in upcoming
    # A process in use comes up for review a year after it arrived.
    review = date_format(timezone.localdate() + timedelta(days=265), "j. F Y")
    assert "Interne Kommunikation Überprüfung fällig " + review in later


def test_an_overdue_review_is_flagged(client, process_overview):
    add_process(process_overview, "Alte Ablage", [(Stage.IN_USE, -400)])
    now = between(html_of(client, process_overview), 'id="pm-roadmap-now"', "</section>")
    assert "Alte Ablage" in now and "überfällig" in now


def test_the_map_links_its_catalogue_and_toolbox(client, process_map_built):
    html = html_of(client, process_map_built.overview)
    more = between(html, 'id="pm-more-heading"', "</section>")
    assert f'href="{process_map_built.catalogue.url}"' in more
    assert f'href="{process_map_built.toolbox.url}"' in more
    assert "Erst die Abläufe, dann die Werkzeuge." in html  # the method


def test_a_map_without_processes_says_so(client, process_overview):
    ProcessPage.objects.child_of(process_overview).unpublish()
    html = html_of(client, process_overview)
    assert "Noch haben wir keinen Prozess veröffentlicht." in html
    assert "pm-roadmap" not in html


# --- A process page --------------------------------------------------------------------


def test_a_process_shows_its_place_its_stage_track_and_its_facts(client, process_page_full):
    html = html_of(client, process_page_full)
    assert "Kernprozess · Extern (für Publikum und Partner)" in html
    assert "Stufe 4 von 7: <strong>Plattform gewählt</strong>" in html
    track = between(html, '<ol class="pm-track"', "</ol>")
    assert track.count("<li") == 7
    assert track.count('aria-current="step"') == 1
    current = between(track, 'aria-current="step"', "</li>")
    assert "Plattform gewählt" in current and "aktuell" in current
    assert track.count("pm-track__step--reached") == 3
    assert track.count("pm-track__step--ahead") == 3
    assert text(track).count("noch nicht erreicht") == 3
    facts = text(between(html, '<dl class="pm-facts">', "</dl>"))
    assert "Verantwortlich Büroleitung" in facts
    last_review = date_format(timezone.localdate() - timedelta(days=30), "j. F Y")
    assert f"Zuletzt überprüft {last_review}" in facts
    # Breadcrumbs from the home page through the map.
    crumbs = between(html, 'class="breadcrumbs"', "</nav>")
    assert process_page_full.get_parent().title in crumbs and "Haus am Westbahnhof" in crumbs


def test_the_history_tells_reached_from_planned_stages(client, process_page_full):
    html = html_of(client, process_page_full)
    items = re.findall(
        r'<li class="pm-timeline__item pm-timeline__item--(\w+)">(.*?)</li>',
        between(html, '<ol class="pm-timeline"', "</ol>"),
        re.S,
    )
    assert [(state, text(item).split(" ")[-2]) for state, item in items][-2:] == [
        ("planned", "Pilotbetrieb"),
        ("planned", "Nutzung"),
    ]
    assert [state for state, _item in items] == ["reached"] * 4 + ["planned"] * 2
    assert all(text(item).endswith("erreicht") for state, item in items if state == "reached")
    assert all(text(item).endswith("geplant") for state, item in items if state == "planned")
    first = date_format(timezone.localdate() - timedelta(days=300), "j. F Y")
    assert text(items[0][1]) == f"{first} Analysiert erreicht"


def test_a_process_shows_its_three_views_its_blocks_and_its_feedback(client, process_page_full):
    html = html_of(client, process_page_full)
    views = between(html, 'id="pm-views-heading"', "</section>")
    assert re.findall(r"<h3>(\w+)</h3>", views) == ["Technik", "Funktion", "Kultur"]
    for marker in (
        "Raumanfrage beantworten",  # function
        "<li>Büro</li>",  # its roles as chips
        "<li>Rückfragen dauern Tage</li>",  # its pain points
        'class="pm-steps__list"',
        "Ein Kalender, den alle sehen.",  # current → target
        "Gruppen sehen freie Zeiten",  # a requirement from the catalogue
        "Wir sehen sofort, wann der Saal frei ist.",  # a voice
        'id="comments-heading"',
    ):
        assert marker in html, marker
    outcome = text(between(html, 'class="pm-block pm-outcome"', "</section>"))
    assert "Vorher 6 Stunden Nachher 2 Stunden Veränderung −4 Stunden (−67 %)" in outcome


def test_the_tool_decision_shows_totals_knock_outs_the_best_and_the_choice(
    client, process_page_full
):
    html = html_of(client, process_page_full)
    decision = between(html, 'class="pm-block pm-decision"', "</section>")
    ranking = re.findall(r'<li class="pm-ranking__option[^"]*">(.*?)</li>', decision, re.S)
    calendar, portal, sheets = (text(item) for item in ranking)
    assert calendar.startswith("Vereinskalender gewählt höchste Summe")
    assert "39 von 50 Punkten (78 %)" in calendar
    assert "21 von 50 Punkten (42 %)" in portal
    assert "Noch nicht bewertet: Offene Schnittstellen" in portal
    assert "scheidet aus" in sheets and "Scheidet aus: Daten liegen in den USA" in sheets
    assert "höchste Summe" not in sheets  # 27 beats 21, but it is out of the ranking
    table = between(decision, "<table>", "</table>")
    assert "nicht bewertet" in table
    assert '4 <span class="pm-decision__weighted">= 20</span>' in table
    assert text(between(table, "<tfoot>", "</tr>")).startswith("Summe 39 / 50 höchste Summe")
    assert "nicht erfüllt: Daten liegen in den USA" in table
    assert "Unsere Wahl: <strong>Vereinskalender</strong>" in decision
    assert "Der Kalender ist schnell gelernt" in decision
    assert 'role="region" tabindex="0"' in decision  # the table scrolls on phones
    assert "Gleichstand" not in decision


def test_a_tie_marks_every_leader_and_says_gleichstand(client, process_page_tie):
    decision = between(
        html_of(client, process_page_tie), 'class="pm-block pm-decision"', "</section>"
    )
    ranking = [
        text(item)
        for item in re.findall(r'<li class="pm-ranking__option[^"]*">(.*?)</li>', decision, re.S)
    ]
    assert all("Gleichstand" in item for item in ranking)
    assert "höchste Summe" not in decision
    assert "Bei Gleichstand der Punkte hat die Begründung entschieden." in decision


# --- Catalogue and toolbox -------------------------------------------------------------


def test_the_catalogue_lists_every_requirement_as_table_and_as_list(client, process_map_built):
    html = html_of(client, process_map_built.catalogue)
    table = between(html, "<tbody>", "</tbody>")
    listing = between(html, 'class="pm-catalogue__list"', "</ul>")
    room = process_map_built.processes["prozesse-test-raumbuchung"]
    for identifier in process_map_built.requirements:
        assert identifier in table and identifier in listing
    assert text(between(table, "PRO-01", "</tr>")) == (
        "PRO-01 Gruppen sehen freie Zeiten Funktion Muss Erfüllt Raumbuchung"
    )
    assert f'<a href="{room.url}">Raumbuchung</a>' in listing


def test_the_toolbox_shows_which_tool_serves_which_process_and_meets_what(
    client, process_map_built
):
    html = html_of(client, process_map_built.toolbox)
    matrix = between(html, "<tbody>", "</tbody>")
    rows = {
        re.search(r">([^<]+)</a>", row).group(1): re.findall(r"visually-hidden\">([^<]+)<", row)
        for row in re.findall(r"<tr>(.*?)</tr>", matrix, re.S)
    }
    # Columns: Interne Kommunikation, Raumbuchung, Veranstaltungsplanung, Zahlungen
    assert rows["Teamchat"] == ["gewählt", "nicht gewählt", "nicht gewählt", "nicht gewählt"]
    assert rows["Vereinskalender"] == ["nicht gewählt", "gewählt", "nicht gewählt", "nicht gewählt"]
    assert rows["Buchungsportal"] == ["nicht gewählt"] * 4
    tools = between(html, 'class="pm-tools"', "</section>")
    calendar = text(between(tools, ">Vereinskalender</h3>", "</li>"))
    assert "Für Raumbuchung" in calendar and "Erfüllt 2 Anforderungen" in calendar
    assert "noch für keinen Prozess gewählt" in text(
        between(tools, ">Buchungsportal</h3>", "</dl>")
    )


def test_chosen_tool_ids_read_from_the_stored_body_agree_with_the_chosen_tools(
    process_map_built,
):
    for page in ProcessPage.objects.child_of(process_map_built.overview):
        assert page.chosen_tool_ids() == [tool.pk for tool in page.chosen_tools()]


# --- Queries, hostile input, stylesheets, showcase -------------------------------------

# Address → queries (site settings, navigation and footer included).
# The catalogue's count is pinned (and explained) with its filters.
PINNED = {"overview": 7, "process": 11, "catalogue": CATALOGUE_QUERIES, "toolbox": 9}


def _urls(built):
    return {
        "overview": built.overview.url,
        "process": built.processes["prozesse-test-raumbuchung"].url,
        "catalogue": built.catalogue.url,
        "toolbox": built.toolbox.url,
    }


def test_each_page_answers_in_a_pinned_number_of_queries_whatever_its_size(
    client, process_map_built
):
    urls = _urls(process_map_built)
    before = {name: queries(client, url) for name, url in urls.items()}
    reqs = list(process_map_built.requirements.values())
    tools = list(process_map_built.tools.values())
    for number in range(3):
        add_process(
            process_map_built.overview,
            f"Mehr {number}",
            [(Stage.ANALYSED, -10), (Stage.PILOT, 20)],
            room_booking_body(reqs, tools[:2]),
        )
    after = {name: queries(client, url) for name, url in urls.items()}
    assert before == after == PINNED


def test_hostile_query_strings_never_fail(client, process_map_built):
    for url in _urls(process_map_built).values():
        for value in HOSTILE_VALUES:
            query = {name: value for name in PAGE_PARAMETERS + FILTER_PARAMETERS}
            assert client.get(url, query).status_code < 500, (url, value)
        assert client.get(url + "?q[]=a&prozess=1&prozess=2&art").status_code < 500


def test_the_pages_load_the_shared_stylesheets_and_processes_css(client, process_map_built):
    for url in _urls(process_map_built).values():
        assert stylesheets(client.get(url).content.decode()) == [*SHARED, "processes.css"]


def test_the_showcase_names_every_public_process_page_type():
    names = {page.name: page.path for page in showcase_pages()}
    assert {"process-map", "process", "process-catalogue", "process-toolbox"} <= set(names)
    assert all(names[name].startswith("/de/") for name in names if name.startswith("process"))
