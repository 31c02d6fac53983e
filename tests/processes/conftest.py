"""Test content of the processes app, built in code beside the demo content.

`process_map_built`: a whole map with four processes, requirements, tools, catalogue and toolbox.
`process_map_de` and what builds on it start from an empty process map (demo processes removed),
so that lists are exactly what a test built."""

import json
from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from tests.processes.builders import process_map


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def _english():
    from wagtail.models import Locale

    return Locale.objects.get(language_code="en")


def _items(values):
    return [{"type": "item", "value": value, "id": f"item-{n}"} for n, value in enumerate(values)]


@pytest.fixture(scope="module")
def _demo_processes_removed(django_db_setup, django_db_blocker):
    """The demo's processes, requirements and tools, removed once for a test module.

    Removing the demo's page tree takes seconds; it runs in a transaction that is rolled back
    when the module's last test is done. Each test runs in a savepoint inside it (pytest-django's
    ``db``), so a test's own changes still roll back to this state.
    """
    from processes.models import ProcessOverviewPage, Requirement, Tool

    with django_db_blocker.unblock():
        removal = transaction.atomic()
        removal.__enter__()
        Requirement.objects.all().delete()
        Tool.objects.all().delete()
        for overview in ProcessOverviewPage.objects.all():
            overview.delete()
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        removal.__exit__(None, None, None)


@pytest.fixture
def process_map_de(db, _demo_processes_removed):
    """An empty German process map under the German home page (demo processes removed)."""
    from processes.models import ProcessOverviewPage
    from tests.factories import german_home

    return _publish(
        german_home(),
        ProcessOverviewPage(
            title="Unsere Prozesse", slug="prozesse-test", intro="Wie wir arbeiten."
        ),
    )


@pytest.fixture
def api_tools(process_map_de):
    """Three tools: a calendar (in use), a booking software (evaluated), a chat (dropped)."""
    from processes.models import Tool

    return {
        "kalender": Tool.objects.create(
            name="Gemeinsamer Kalender",
            category="Kalender",
            status=Tool.Status.IN_USE,
            open_source=True,
            hosted_in_eu=True,
            cost="0 €",
        ),
        "software": Tool.objects.create(
            name="Buchungssoftware", category="Buchung", status=Tool.Status.EVALUATED
        ),
        "chat": Tool.objects.create(name="Chat", category="Chat", status=Tool.Status.DROPPED),
    }


def _decision_body(tools):
    """A tie (calendar and paper at 35 of 40), a missing score and a knock-out."""
    return {
        "type": "tool_decision",
        "value": {
            "question": "Womit buchen wir Räume?",
            "knockout_criteria": "Daten in der EU\n\nOhne Schulung nutzbar",
            "criteria": _items([{"name": "Einfach", "weight": 5}, {"name": "Kosten", "weight": 3}]),
            "options": _items(
                [
                    {
                        "tool": tools["kalender"].pk,
                        "name": "",
                        "scores": _items([4, 5]),
                        "knockout": "",
                        "chosen": True,
                    },
                    {
                        "tool": None,
                        "name": "Papierkalender",
                        "scores": _items([4, 5]),
                        "knockout": "",
                        "chosen": False,
                    },
                    {
                        "tool": tools["software"].pk,
                        "name": "",
                        "scores": _items([5, None]),
                        "knockout": "",
                        "chosen": False,
                    },
                    {
                        "tool": None,
                        "name": "Tabelle",
                        "scores": _items([5, 5]),
                        "knockout": "Keine Rechte je Rolle",
                        "chosen": False,
                    },
                ]
            ),
            "rationale": "Schnell gelernt, kostet nichts.",
        },
    }


@pytest.fixture
def api_processes(process_map_de, api_tools):
    """Two live processes (room booking with a full body, a support process), a draft and a
    private one; stages in the past and one planned ahead."""
    from wagtail.models import PageViewRestriction

    from processes.models import ProcessPage, StageChange

    today = timezone.localdate()
    booking = ProcessPage(
        title="Raumbuchung",
        slug="raumbuchung",
        intro="Wie Gruppen unsere Räume buchen.",
        kind="core",
        audience="external",
        responsible_role="Büroleitung",
        last_review=today - timedelta(days=30),
        stage_changes=[
            StageChange(stage="analysed", date=today - timedelta(days=200)),
            StageChange(stage="functions", date=today - timedelta(days=150), note="Workshop"),
            StageChange(stage="platform", date=today - timedelta(days=20)),
            StageChange(stage="pilot", date=today + timedelta(days=30)),
        ],
        body=json.dumps(
            [
                {
                    "type": "function",
                    "value": {
                        "name": "Raumanfrage beantworten",
                        "purpose": "Gruppen wissen schnell, ob ein Raum frei ist.",
                        "roles": "Büro, Hausmeister , ",
                        "trigger": "Anfrage",
                        "result": "Zusage",
                        "frequency": "15× pro Woche",
                        "pain_points": "Drei Kalender\n\nRückfragen dauern",
                    },
                },
                _decision_body(api_tools),
                {
                    "type": "outcome",
                    "value": {
                        "measure": "Zeit für Raumanfragen",
                        "unit": "Stunden",
                        "before": "6",
                        "after": "2",
                        "note": "",
                    },
                },
            ]
        ),
    )
    booking = _publish(process_map_de, booking)
    payment = _publish(
        process_map_de,
        ProcessPage(
            title="Zahlungen",
            slug="zahlungen",
            intro="Wie Geld ins Haus kommt.",
            kind="support",
            audience="internal",
            stage_changes=[StageChange(stage="analysed", date=today - timedelta(days=10))],
        ),
    )
    draft = ProcessPage(
        title="Entwurf", slug="entwurf", intro="Noch nicht fertig.", kind="management"
    )
    process_map_de.add_child(instance=draft)
    draft.live = False
    draft.save()
    private = _publish(
        process_map_de,
        ProcessPage(
            title="Vorstandssachen", slug="vorstand", intro="Nur intern.", kind="management"
        ),
    )
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    return {"booking": booking, "payment": payment, "draft": draft, "private": private}


@pytest.fixture
def catalogue_requirements(api_processes, api_tools):
    """Requirements of every kind, priority and status; one of a draft process, one of a
    private one (neither shown), one without a process, one that a spreadsheet would run."""
    from processes.models import Requirement

    booking, payment = api_processes["booking"], api_processes["payment"]
    rows = [
        ("RB-01", "Gruppen sehen freie Zeiten", "functional", "must", "met", booking),
        ("RB-02", "Daten liegen in der EU", "data_protection", "must", "agreed", booking),
        ("RB-03", "Mit Screenreader bedienbar", "accessibility", "should", "open", booking),
        ("RB-04", '=HYPERLINK("http://böse.example")', "cost", "could", "not_met", booking),
        ("ZA-01", "Spenden quittieren", "functional", "should", "open", payment),
        ("ZA-02", "+49 Telefonbanking ablösen", "operation", "wont", "dropped", payment),
        ("AL-01", "Ehrenamtliche finden sich zurecht", "volunteers", "must", "open", None),
        ("EN-01", "Entwurfsanforderung", "functional", "must", "open", api_processes["draft"]),
        ("VO-01", "Vorstandsanforderung", "functional", "must", "open", api_processes["private"]),
    ]
    found = {}
    for identifier, statement, kind, priority, status, process in rows:
        found[identifier] = Requirement.objects.create(
            identifier=identifier,
            statement=statement,
            kind=kind,
            priority=priority,
            status=status,
            process=process,
            function="Raumanfrage beantworten" if identifier == "RB-01" else "",
            acceptance="@Büro prüft" if identifier == "RB-02" else "",
        )
    api_tools["kalender"].requirements_met.set([found["RB-01"], found["RB-02"], found["VO-01"]])
    api_tools["kalender"].save()
    # The process page names two requirements in a requirements block.
    booking = api_processes["booking"]
    body = list(booking.body.raw_data)
    body.insert(
        1,
        {
            "type": "requirements",
            "value": {
                "heading": "",
                "requirements": _items([found["RB-01"].pk, found["RB-02"].pk]),
            },
        },
    )
    booking.body = json.dumps(body)
    booking.save_revision().publish()
    return found


@pytest.fixture
def catalogue_page(process_map_de, catalogue_requirements):
    from processes.models import RequirementCataloguePage

    return _publish(
        process_map_de,
        RequirementCataloguePage(
            title="Anforderungskatalog", slug="anforderungen", intro="Alle Anforderungen."
        ),
    )


@pytest.fixture
def catalogue_page_en(catalogue_page, process_map_de, catalogue_requirements):
    """The English catalogue; RB-01 translated, every other requirement still German."""
    english = _english()
    overview = process_map_de.copy_for_translation(english)
    overview.title, overview.slug = "Our processes", "processes-test"
    overview.save_revision().publish()
    catalogue = catalogue_page.copy_for_translation(english)
    catalogue.title, catalogue.slug = "Requirements", "requirements"
    catalogue.save_revision().publish()
    translated = catalogue_requirements["RB-01"].copy_for_translation(english)
    translated.statement = "Groups see free slots"
    translated.save()
    return type(catalogue_page).objects.get(pk=catalogue.pk)


@pytest.fixture
def process_map_built(db):
    """The map with four processes, requirements, tools, a catalogue and a toolbox."""
    return process_map()


@pytest.fixture
def process_overview(process_map_built):
    return process_map_built.overview


@pytest.fixture
def process_page_full(process_map_built):
    """The process with a block of every kind ("Raumbuchung", platform chosen, pilot planned)."""
    return process_map_built.processes["prozesse-test-raumbuchung"]


@pytest.fixture
def process_page_tie(process_map_built):
    """The process in use whose tool decision is a tie ("Interne Kommunikation")."""
    return process_map_built.processes["prozesse-test-interne-kommunikation"]
