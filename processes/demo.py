"""Demo content of the process pages: the process map, six processes, catalogue and toolbox.

The map goes into the main menu. Requirements and tools are snippets with English copies
(``copy_for_translation``); the pages get English translations through wagtail-localize,
which needs the snippets they choose to exist in English first. Stage dates are relative to
the day the demo is loaded (see ``demo_data``). A second run creates and changes nothing.
"""

from datetime import timedelta

from django.utils import timezone
from wagtail.search.backends import get_search_backend

from home.demo import add_to_main_menu
from portal.demo import ILLUSTRATION_CREDIT, pick, translation_pairs
from processes import demo_data as data
from processes.models import (
    ProcessOverviewPage,
    ProcessPage,
    Requirement,
    RequirementCataloguePage,
    StageChange,
    Tool,
    ToolboxPage,
)


def load(demo):
    """Create the process pages' demo content if it is missing."""
    overview = _section(
        demo,
        demo.home_de,
        ProcessOverviewPage,
        data.OVERVIEW_SLUG,
        data.OVERVIEW
        | {
            "header_image": demo.image("Prozesslandkarte", seed=301, scene="workshop"),
            "header_image_credit": ILLUSTRATION_CREDIT,
        },
    )
    # "Prozesse": the map's title would wrap the desktop menu into a second line.
    add_to_main_menu(demo, overview, label="Prozesse", label_en="Processes")
    _section(demo, overview, RequirementCataloguePage, data.CATALOGUE_SLUG, data.CATALOGUE)
    _section(demo, overview, ToolboxPage, data.TOOLBOX_SLUG, data.TOOLBOX)
    requirements = _requirements(demo)
    tools = _tools(demo, requirements)
    for spec in data.PROCESSES:
        _process(demo, overview, spec, requirements, tools)


def _report_missing(demo, page, missing):
    if missing:
        demo.log(f"  ! {page.title}: {len(missing)} Texte ohne Übersetzung: {missing[:3]}")


def _section(demo, parent, model, slug, content):
    page, _created = demo.child(parent, model, slug.de, content)
    if page.get_translation_or_none(demo.en) is None:
        _english, missing = demo.translate(page, content | {"slug": slug})
        _report_missing(demo, page, missing)
    return page


def _requirement_fields(row, language):
    identifier, _process, function, kind, priority, status, statement, acceptance = row
    return {
        "identifier": identifier,
        "kind": kind,
        "priority": priority,
        "status": status,
        "function": pick(data.F[function], language),
        "statement": pick(statement, language),
        "acceptance": pick(acceptance, language),
    }


def _requirements(demo):
    """{identifier: German requirement}, each with its English copy."""
    existing = {r.identifier: r for r in Requirement.objects.filter(locale=demo.de)}
    missing = [row for row in data.REQUIREMENTS if row[0] not in existing]
    if missing:
        made = Requirement.objects.bulk_create(
            [Requirement(locale=demo.de, **_requirement_fields(row, "de")) for row in missing]
        )
        # bulk_create sends no post_save: the search index gets them in one go.
        get_search_backend().add_bulk(Requirement, made)
        demo.log(f"  + {len(missing)} Anforderungen")
        existing = {r.identifier: r for r in Requirement.objects.filter(locale=demo.de)}
    translated = set(
        Requirement.objects.filter(locale=demo.en).values_list("translation_key", flat=True)
    )
    for row in data.REQUIREMENTS:
        german = existing[row[0]]
        if german.translation_key in translated:
            continue
        english = german.copy_for_translation(demo.en)
        for field, value in _requirement_fields(row, "en").items():
            setattr(english, field, value)
        english.process = None
        english.save()
    return existing


TOOL_TEXTS = ("name", "licence", "category", "hosting", "cost", "data_protection")


def _tool_fields(spec, language):
    fields = ("website", "open_source", "hosted_in_eu", "status", *TOOL_TEXTS)
    return {field: pick(spec[field], language) for field in fields}


def _tools(demo, requirements):
    """{key: German tool}, each with its English copy; both name the requirements they meet."""
    tools = {}
    for spec in data.TOOLS:
        name = pick(spec["name"], "de")
        tool = Tool.objects.filter(locale=demo.de, name=name).first()
        if tool is None:
            tool = Tool(locale=demo.de, **_tool_fields(spec, "de"))
            tool.requirements_met = [requirements[i] for i in spec["meets"]]
            tool.save()
            demo.log(f"  + Werkzeug {tool.name}")
        if tool.get_translation_or_none(demo.en) is None:
            english = tool.copy_for_translation(demo.en)
            for field, value in _tool_fields(spec, "en").items():
                setattr(english, field, value)
            english.requirements_met = list(
                Requirement.objects.filter(
                    locale=demo.en,
                    translation_key__in=[requirements[i].translation_key for i in spec["meets"]],
                )
            )
            english.save()
        tools[spec["key"]] = tool
    return tools


def _resolve(value, requirements, tools):
    """The body with each ``Req`` and ``ToolRef`` replaced by the German snippet it names."""
    if isinstance(value, data.Req):
        return requirements[value.identifier]
    if isinstance(value, data.ToolRef):
        return tools[value.key]
    if isinstance(value, dict):
        return {key: _resolve(item, requirements, tools) for key, item in value.items()}
    if isinstance(value, list):
        return [_resolve(item, requirements, tools) for item in value]
    if isinstance(value, tuple):
        return tuple(_resolve(item, requirements, tools) for item in value)
    return value


PAGE_FIELDS = (
    "title",
    "intro",
    "kind",
    "audience",
    "responsible_role",
    "view_technology",
    "view_function",
    "view_culture",
    "body",
)


def _process(demo, overview, spec, requirements, tools):
    slug = spec["slug"].de
    content = {field: spec[field] for field in PAGE_FIELDS}
    content["body"] = _resolve(spec["body"], requirements, tools)
    notes = translation_pairs([note for _stage, _days, note in spec["stages"]])
    # wagtail-localize keeps a text block's line breaks as <br/> in its segments.
    lines = {
        de.replace("\n", "<br/>"): en.replace("\n", "<br/>")
        for de, en in translation_pairs(content).items()
        if "\n" in de
    }
    page = overview.get_children().filter(slug=slug).specific().first()
    if page is None:
        today = timezone.localdate()
        changes = [
            StageChange(stage=stage, date=today + timedelta(days=days), note=note.de)
            for stage, days, note in spec["stages"]
        ]
        page, _created = demo.child(
            overview, ProcessPage, slug, content | {"stage_changes": changes}
        )
        identifiers = [row[0] for row in data.REQUIREMENTS if row[1] == spec["key"]]
        Requirement.objects.filter(locale=demo.de, identifier__in=identifiers).update(process=page)
    if page.get_translation_or_none(demo.en) is None:
        english, missing = demo.translate(
            page, content | {"slug": spec["slug"]}, extra_pairs=notes | lines
        )
        _report_missing(demo, page, missing)
        # Stage changes are not translatable snippets, so wagtail-localize copies them as
        # they are: the English page gets its notes here (a later sync brings German back).
        for german, english_note in notes.items():
            if german:
                StageChange.objects.filter(page=english, note=german).update(note=english_note)
        german_keys = Requirement.objects.filter(locale=demo.de, process=page).values(
            "translation_key"
        )
        Requirement.objects.filter(locale=demo.en, translation_key__in=german_keys).update(
            process=english
        )
    return page
