"""Benchmark data of the process pages: SCALE/4 processes with ten requirements each.

``build(scale)``: scale 200 (the default of ``make bench``) adds 50 process pages to the demo's
process map and 500 requirements to its catalogue. Every page carries each block of the
method (functions, steps, current and target, its ten requirements, a tool decision, an
outcome, voices) and a stage history, so the map, the roadmap and a process page are
measured with full pages. Pages are added without revisions; requirements in one bulk insert.
"""

import importlib.util
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from wagtail.search.backends import get_search_backend

from processes.models import (
    ProcessOverviewPage,
    ProcessPage,
    Requirement,
    RequirementCataloguePage,
    StageChange,
    Tool,
    ToolboxPage,
)
from processes.stages import Audience, ProcessKind, Stage

PREFIX = "bench-"
REQUIREMENTS_PER_PROCESS = 10
API = "/api/v3/processes/"


def _overview():
    return ProcessOverviewPage.objects.filter(locale__language_code="de").first()


def _requirements(number, locale):
    kinds, priorities = Requirement.Kind.values, Requirement.Priority.values
    statuses = Requirement.Status.values
    return [
        Requirement(
            locale=locale,
            identifier=f"B{number:03d}-{n:02d}",
            statement=f"Die Lösung unterstützt Schritt {n} des Ablaufs {number} ohne Umwege.",
            kind=kinds[(number + n) % len(kinds)],
            priority=priorities[(number + n) % len(priorities)],
            status=statuses[(number * 3 + n) % len(statuses)],
            function=f"Aufgabe {n % 3 + 1} erledigen",
            acceptance="Das Team erledigt den Schritt ohne Rückfrage.",
        )
        for n in range(1, REQUIREMENTS_PER_PROCESS + 1)
    ]


def _body(requirements, tools):
    functions = [
        (
            "function",
            {
                "name": f"Aufgabe {n} erledigen",
                "purpose": "Damit der Abend gelingt und niemand doppelt arbeitet.",
                "roles": "Büro, Vorstand, Ehrenamtliche",
                "trigger": "Eine Anfrage",
                "result": "Eine Zusage",
                "frequency": "wöchentlich",
                "pain_points": "Informationen an drei Stellen\nRückfragen dauern",
            },
        )
        for n in (1, 2, 3)
    ]
    options = [
        {"tool": tool, "name": "", "scores": [n % 6, (n + 2) % 6, None], "knockout": ""}
        for n, tool in enumerate(tools[:3])
    ]
    if options:
        options[0]["chosen"] = True
    decision = {
        "question": "Womit arbeiten wir künftig?",
        "knockout_criteria": "Daten in der EU",
        "criteria": [
            {"name": "Einfach für Ehrenamtliche", "weight": 5},
            {"name": "Kosten", "weight": 3},
            {"name": "Offene Schnittstellen", "weight": 2},
        ],
        "options": options or [{"name": "Tabelle", "scores": [3, 5, 1]}],
        "rationale": "Am einfachsten im Alltag.",
    }
    return [
        ("heading", {"text": "Die Funktionen", "level": "h2"}),
        *functions,
        (
            "steps",
            {
                "heading": "So läuft es heute",
                "steps": [{"who": "Büro", "what": f"erledigt Schritt {n}"} for n in range(1, 6)],
            },
        ),
        ("current_target", {"topic": "Ablauf", "current": "Von Hand.", "target": "An einem Ort."}),
        ("requirements", {"heading": "", "requirements": requirements}),
        ("tool_decision", decision),
        (
            "outcome",
            {"measure": "Zeit pro Woche", "unit": "Stunden", "before": "5", "after": "3"},
        ),
        ("voices", {"voices": [{"text": "Es geht schneller.", "attribution": "Büro"}] * 2}),
    ]


def _stages(number, today):
    """Stages up to a point that varies by page, the next one planned at a varying date."""
    reached = number % len(Stage.values)
    changes = [
        StageChange(stage=stage, date=today - timedelta(days=30 * (reached - position + 1)))
        for position, stage in enumerate(Stage.values[: reached + 1])
    ]
    if reached + 1 < len(Stage.values):
        changes.append(
            StageChange(
                stage=Stage.values[reached + 1], date=today + timedelta(days=20 + 9 * number)
            )
        )
    return changes


def build(scale):
    overview = _overview()
    if overview is None:
        return
    wanted = max(1, scale // 4)
    existing = overview.get_children().filter(slug__startswith=PREFIX).count()
    missing = range(existing + 1, wanted + 1)
    if not missing:
        return
    locale = overview.locale
    tools = list(Tool.objects.filter(locale=locale).order_by("pk")[:3])
    today = timezone.localdate()
    kinds, audiences = ProcessKind.values, Audience.values
    with transaction.atomic():
        made = Requirement.objects.bulk_create(
            [r for number in missing for r in _requirements(number, locale)]
        )
        get_search_backend().add_bulk(Requirement, made)
        for index, number in enumerate(missing):
            own = made[index * REQUIREMENTS_PER_PROCESS : (index + 1) * REQUIREMENTS_PER_PROCESS]
            now = timezone.now()
            page = ProcessPage(
                title=f"Ablauf {number}",
                slug=f"{PREFIX}{number}",
                intro=f"Wie wir Ablauf {number} im Haus am Westbahnhof organisieren.",
                kind=kinds[number % len(kinds)],
                audience=audiences[number % len(audiences)],
                responsible_role="Büroleitung",
                view_technology="<p>Eine Tabelle und viele E-Mails.</p>",
                view_function="<p>Drei Funktionen tragen den Ablauf.</p>",
                view_culture="<p>Viele Ehrenamtliche, wenig Zeit.</p>",
                body=_body(own, tools),
                stage_changes=_stages(number, today),
                live=True,
                first_published_at=now,
                last_published_at=now,
            )
            overview.add_child(instance=page)
            Requirement.objects.filter(pk__in=[r.pk for r in own]).update(process=page)


def urls():
    overview = _overview()
    if overview is None:
        return []
    base = overview.get_url()
    catalogue = RequirementCataloguePage.objects.child_of(overview).first()
    toolbox = ToolboxPage.objects.child_of(overview).first()
    process = ProcessPage.objects.child_of(overview).filter(slug=f"{PREFIX}1").first()
    rows = [
        ("process_map", base),
        ("process_page", f"{base}{process.slug}/" if process else f"{base}raumbuchung/"),
        ("process_in_use", f"{base}raumbuchung/"),
    ]
    if catalogue is not None:
        path = f"{base}{catalogue.slug}/"
        rows += [
            ("catalogue", path),
            ("catalogue_filtered", f"{path}?prozess=raumbuchung&prioritaet=must"),
            ("catalogue_words", f"{path}?q=Ablauf&stand=open"),
            ("catalogue_csv", f"{path}csv/"),
        ]
    if toolbox is not None:
        rows.append(("toolbox", f"{base}{toolbox.slug}/"))
    # The processes' API is built on its own branch; measured once it is installed.
    if importlib.util.find_spec("processes.api") is not None:
        process_id = process.pk if process else overview.pk
        rows += [
            ("api_processes", f"{API}processes/"),
            ("api_process", f"{API}processes/{process_id}/"),
            ("api_requirements", f"{API}requirements/?limit=50"),
            ("api_tools", f"{API}tools/"),
        ]
    return rows
