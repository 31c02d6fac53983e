"""Process pages made in code for the presentation tests and the browser tests.

``process_map()`` builds a whole map beside the demo content: an overview under the German
home page, four processes at different stages (one with every kind of block), requirements,
tools, a requirements catalogue and a toolbox. Slugs and identifiers are specific, so the map
can live beside the demo's own.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.utils import timezone
from wagtail.models import Locale

from home.models import HomePage

SLUG = "prozesse-test"


@dataclass
class ProcessMap:
    overview: object
    processes: dict = field(default_factory=dict)  # slug → ProcessPage
    requirements: dict = field(default_factory=dict)  # identifier → Requirement
    tools: dict = field(default_factory=dict)  # name → Tool
    catalogue: object = None
    toolbox: object = None


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def _days(offset):
    return timezone.localdate() + timedelta(days=offset)


def _stages(*pairs):
    from processes.models import StageChange

    return [StageChange(stage=stage, date=_days(offset)) for stage, offset in pairs]


def requirement(identifier, statement, locale, **fields):
    from processes.models import Requirement

    return Requirement.objects.create(
        identifier=identifier, statement=statement, locale=locale, **fields
    )


def tool(name, locale, requirements=(), **fields):
    from processes.models import Tool

    fields.setdefault("category", "Kalender")
    made = Tool(name=name, locale=locale, **fields)
    made.save()
    made.requirements_met.set(requirements)
    made.save()
    return made


def room_booking_body(requirements, tools):
    """A body with one block of every kind; its decision has a knock-out and a missing score."""
    return [
        ("heading", {"text": "Wie wir Räume vergeben", "level": "h2"}),
        ("paragraph", "<p>Gruppen fragen an, wir sagen zu.</p>"),
        (
            "function",
            {
                "name": "Raumanfrage beantworten",
                "purpose": "Gruppen erfahren schnell, ob ein Raum frei ist.",
                "roles": "Büro, Hausmeister",
                "trigger": "Eine Anfrage per Telefon oder E-Mail",
                "result": "Zusage mit Preis oder ein Gegenvorschlag",
                "frequency": "etwa 15× pro Woche",
                "pain_points": "Belegung steht in drei Kalendern\nRückfragen dauern Tage",
            },
        ),
        (
            "steps",
            {
                "heading": "So läuft eine Anfrage heute",
                "steps": [
                    {"who": "Gruppe", "what": "ruft an"},
                    {"who": "Büro", "what": "prüft drei Kalender"},
                    {"who": "Büro", "what": "sagt zu"},
                ],
                "diagram": None,
                "diagram_alt": "",
            },
        ),
        (
            "current_target",
            {
                "topic": "Belegung der Räume",
                "current": "Drei Kalender, einer davon aus Papier.",
                "target": "Ein Kalender, den alle sehen.",
            },
        ),
        (
            "requirements",
            {"heading": "Was die Plattform können muss", "requirements": requirements},
        ),
        (
            "tool_decision",
            {
                "question": "Womit buchen wir Räume?",
                "knockout_criteria": "Daten in der EU\nOhne Schulung nutzbar",
                "criteria": [
                    {"name": "Einfach für Ehrenamtliche", "weight": 5},
                    {"name": "Kosten", "weight": 3},
                    {"name": "Offene Schnittstellen", "weight": 2},
                ],
                "options": [
                    {
                        "tool": tools[0],
                        "name": "",
                        "scores": [4, 5, 2],
                        "knockout": "",
                        "chosen": True,
                    },
                    {
                        "tool": tools[1],
                        "name": "",
                        "scores": [3, 2, None],
                        "knockout": "",
                        "chosen": False,
                    },
                    {
                        "tool": None,
                        "name": "Tabellen im Netz",
                        "scores": [2, 5, 1],
                        "knockout": "Daten liegen in den USA",
                        "chosen": False,
                    },
                ],
                "rationale": "Der Kalender ist schnell gelernt und kostet nichts extra.",
            },
        ),
        (
            "outcome",
            {
                "measure": "Zeit für Raumanfragen pro Woche",
                "unit": "Stunden",
                "before": "6",
                "after": "2",
                "note": "Gemessen über vier Wochen.",
            },
        ),
        (
            "voices",
            {
                "heading": "Was das Team sagt",
                "voices": [
                    {
                        "text": "Ich muss nicht mehr drei Kalender abgleichen.",
                        "attribution": "Büro",
                    },
                    {"text": "Wir sehen sofort, wann der Saal frei ist.", "attribution": ""},
                ],
            },
        ),
    ]


def tie_body(tools):
    """A decision whose two best options have the same total."""
    return [
        (
            "tool_decision",
            {
                "question": "Worüber reden wir im Team?",
                "knockout_criteria": "",
                "criteria": [{"name": "Auf dem Handy nutzbar", "weight": 2}],
                "options": [
                    {"tool": tools[0], "name": "", "scores": [4], "knockout": "", "chosen": True},
                    {"tool": None, "name": "E-Mail-Verteiler", "scores": [4], "knockout": ""},
                ],
                "rationale": "",
            },
        )
    ]


def process_map(slug=SLUG, locale_code="de"):
    """A process map with its processes, catalogue and toolbox (see the module's docstring)."""
    from processes.models import (
        ProcessOverviewPage,
        ProcessPage,
        RequirementCataloguePage,
        ToolboxPage,
    )
    from processes.stages import Stage

    locale = Locale.objects.get(language_code=locale_code)
    home = HomePage.objects.get(locale=locale)
    built = ProcessMap(
        overview=_publish(
            home,
            ProcessOverviewPage(
                title="Prozesslandkarte",
                slug=slug,
                intro="Wo unsere Digitalisierung steht, Prozess für Prozess.",
                method=[("paragraph", "<p>Erst die Abläufe, dann die Werkzeuge.</p>")],
            ),
        )
    )
    prefix = slug[:3].upper()
    for number, (statement, priority, status) in enumerate(
        [
            ("Gruppen sehen freie Zeiten", "must", "met"),
            ("Buchungen landen in einem Kalender", "must", "agreed"),
            ("Rechnungen entstehen aus der Buchung", "could", "open"),
        ],
        start=1,
    ):
        identifier = f"{prefix}-{number:02d}"
        built.requirements[identifier] = requirement(
            identifier, statement, locale, priority=priority, status=status
        )
    reqs = list(built.requirements.values())
    built.tools["Vereinskalender"] = tool(
        "Vereinskalender", locale, reqs[:2], status="in_use", open_source=True, hosted_in_eu=True
    )
    built.tools["Buchungsportal"] = tool("Buchungsportal", locale, reqs[2:], status="evaluated")
    built.tools["Teamchat"] = tool("Teamchat", locale, category="Chat", status="in_use")
    calendar, portal, chat = built.tools.values()

    specs = [
        (
            "Raumbuchung",
            "core",
            "external",
            [
                (Stage.ANALYSED, -300),
                (Stage.FUNCTIONS, -200),
                (Stage.REQUIREMENTS, -120),
                (Stage.PLATFORM, -40),
                (Stage.PILOT, 30),
                (Stage.IN_USE, 150),
            ],
            room_booking_body(reqs, [calendar, portal]),
        ),
        (
            "Interne Kommunikation",
            "management",
            "internal",
            [(Stage.ANALYSED, -500), (Stage.PLATFORM, -300), (Stage.IN_USE, -100)],
            tie_body([chat]),
        ),
        ("Zahlungen", "support", "external", [(Stage.ANALYSED, -20), (Stage.FUNCTIONS, 100)], []),
        ("Veranstaltungsplanung", "core", "internal", [(Stage.PILOT, -10)], []),
    ]
    for title, kind, audience, stages, body in specs:
        page = ProcessPage(
            title=title,
            slug=f"{slug}-{title.lower().replace(' ', '-')}",
            kind=kind,
            audience=audience,
            responsible_role="Büroleitung",
            intro=f"Wie {title} bei uns läuft.",
            last_review=_days(-30) if title == "Raumbuchung" else None,
            view_technology="<p>Ein Papierkalender und zwei Tabellen.</p>",
            view_function="<p>Anfragen schnell beantworten.</p>",
            view_culture="<p>Alle sollen sehen können, was frei ist.</p>",
            stage_changes=_stages(*stages),
            body=body,
        )
        built.processes[page.slug] = _publish(built.overview, page)
    reqs[0].process = reqs[1].process = built.processes[f"{slug}-raumbuchung"]
    for item in reqs[:2]:
        item.save()
    built.catalogue = _publish(
        built.overview,
        RequirementCataloguePage(
            title="Anforderungen", slug=f"{slug}-anforderungen", intro="Alle."
        ),
    )
    built.toolbox = _publish(
        built.overview,
        ToolboxPage(title="Werkzeugkasten", slug=f"{slug}-werkzeuge", intro="Unsere Werkzeuge."),
    )
    return built
