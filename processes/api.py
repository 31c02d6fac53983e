"""The processes' part of the v3 API, mounted at ``/api/v3/processes/``: the published outcomes.

- ``processes/``: the live, public process pages; ``processes/{id}/`` one of them with its stage
  history, functions, requirements, tool decisions (with their weighted totals as the page
  computes them, ``processes.scoring``) and outcomes.
- ``requirements/``: the catalogue, with the catalogue page's FilterSet under English names.
- ``tools/``: the toolbox, each tool with the requirements it meets and the processes that
  chose it.

Lists are in one language, German where no translation exists yet (``locale`` of an item says
which). Values that name nothing answer 422 with a problem naming the parameter.
"""

from datetime import date
from typing import Annotated, Literal

from django.conf import settings
from django.db.models import Prefetch
from django.http import Http404, QueryDict
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from pydantic import Field
from wagtail.models import Locale

from home.topics import page_about_ref, pages_about
from portal.api_types import MAX_OBJECT_ID, ObjectId, field_problem, problems
from processes.blocks import outcome_change, result_of
from processes.filters import RequirementFilter
from processes.models import Requirement, Tool
from processes.queries import (
    live_processes,
    public_requirements,
    public_tools,
    with_process_pages,
)
from processes.stages import Audience, ProcessKind, Stage

router = Router(tags=["processes"])

LanguageCode = Literal[tuple(code for code, _name in settings.LANGUAGES)]
KindValue = Literal[tuple(ProcessKind.values)]
AudienceValue = Literal[tuple(Audience.values)]
StageValue = Literal[tuple(Stage.values)]
RequirementKind = Literal[tuple(Requirement.Kind.values)]
Priority = Literal[tuple(Requirement.Priority.values)]
RequirementStatus = Literal[tuple(Requirement.Status.values)]
ToolStatus = Literal[tuple(Tool.Status.values)]
Slug = Annotated[str, Field(max_length=80)]
SearchText = Annotated[str, Field(max_length=200)]
Limit = Annotated[int, Field(ge=1, le=100)]
Offset = Annotated[int, Field(ge=0, le=MAX_OBJECT_ID)]


# --- Schemas -------------------------------------------------------------------------------


class ProcessRefOut(Schema):
    id: int
    title: str
    slug: str
    url: str


class ProcessStageOut(Schema):
    """A stage a process reached on ``date``, or plans to reach (``planned``)."""

    stage: StageValue
    label: str
    date: date
    planned: bool
    note: str


class ProcessNextStepOut(Schema):
    """What comes next: a planned stage, the next stage (no date yet), or the yearly review
    (``stage`` empty) of a process in use."""

    stage: StageValue | Literal[""]
    label: str
    due: date | None
    planned: bool


class ProcessOut(Schema):
    """A process as the process map shows it."""

    id: int
    title: str
    slug: str
    url: str
    locale: str
    kind: KindValue
    kind_label: str
    audience: AudienceValue
    audience_label: str
    responsible_role: str
    current_stage: StageValue | None
    current_stage_label: str
    last_review: date | None
    intro: str


class ProcessFunctionOut(Schema):
    name: str
    purpose: str
    roles: list[str]
    trigger: str
    result: str
    frequency: str
    pain_points: list[str]


class RequirementRefOut(Schema):
    id: int
    identifier: str
    statement: str
    kind: RequirementKind
    priority: Priority
    status: RequirementStatus


class ToolRefOut(Schema):
    id: int
    name: str


class DecisionCriterionOut(Schema):
    name: str
    weight: int


class DecisionOptionOut(Schema):
    """An option of a tool decision with its weighted total (Σ weight × score).

    A missing score counts as 0 and its criterion is listed in ``missing``; an option with
    ``knocked_out`` failed a knock-out criterion and is out of the ranking. ``best`` marks the
    highest total among the rest (several on a tie).
    """

    name: str
    tool: ToolRefOut | None
    scores: list[int | None]
    missing: list[str]
    total: int
    max_total: int
    percent: int
    knocked_out: str
    best: bool
    chosen: bool


class ToolDecisionOut(Schema):
    question: str
    knockout_criteria: list[str]
    criteria: list[DecisionCriterionOut]
    options: list[DecisionOptionOut]
    tie: bool
    chosen: str | None
    chosen_is_best: bool
    rationale: str


class OutcomeOut(Schema):
    measure: str
    unit: str
    before: float
    after: float
    change: float | None
    change_percent: int | None
    note: str


class PageAboutOut(Schema):
    """A page (e.g. a blog post) that names the process as its topic."""

    id: int
    title: str
    url: str
    date: date | None
    summary: str


class ProcessDetailOut(ProcessOut):
    """A process with everything its page publishes (its rich-text views excepted)."""

    stage_history: list[ProcessStageOut]
    next_step: ProcessNextStepOut | None
    functions: list[ProcessFunctionOut]
    requirements: list[RequirementRefOut]
    decisions: list[ToolDecisionOut]
    outcomes: list[OutcomeOut]
    pages_about: list[PageAboutOut]


class ProcessListOut(Schema):
    count: int
    items: list[ProcessOut]


class RequirementOut(Schema):
    """A requirement of the catalogue; ``locale`` is the language of its text."""

    id: int
    identifier: str
    statement: str
    kind: RequirementKind
    kind_label: str
    priority: Priority
    priority_label: str
    status: RequirementStatus
    status_label: str
    function: str
    acceptance: str
    locale: str
    process: ProcessRefOut | None


class RequirementListOut(Schema):
    count: int
    items: list[RequirementOut]


class ToolOut(Schema):
    """A tool of the toolbox, the requirements it meets and the processes that chose it."""

    id: int
    name: str
    category: str
    website: str
    open_source: bool
    licence: str
    hosted_in_eu: bool
    hosting: str
    cost: str
    data_protection: str
    status: ToolStatus
    status_label: str
    locale: str
    requirements_met: list[RequirementRefOut]
    processes: list[ProcessRefOut]


class ToolListOut(Schema):
    count: int
    items: list[ToolOut]


class ProcessFilterIn(Schema):
    locale: LanguageCode = settings.LANGUAGE_CODE
    kind: KindValue | None = None
    audience: AudienceValue | None = None
    limit: Limit = 20
    offset: Offset = 0


class RequirementFilterIn(Schema):
    locale: LanguageCode = Field(
        settings.LANGUAGE_CODE,
        description="The list's language; German requirements stand in for missing translations.",
    )
    process: Slug | None = Field(
        None, description="A process's slug in the list's language (see the processes list)."
    )
    kind: RequirementKind | None = None
    priority: Priority | None = Field(None, description="MoSCoW: must, should, could, won't.")
    status: RequirementStatus | None = None
    search: SearchText | None = Field(
        None,
        description="Words that must all occur in the identifier, statement, function or "
        "acceptance criterion.",
    )
    limit: Limit = 20
    offset: Offset = 0


class ToolFilterIn(Schema):
    locale: LanguageCode = settings.LANGUAGE_CODE
    status: ToolStatus | None = None
    limit: Limit = 20
    offset: Offset = 0


# API parameter → the catalogue page's FilterSet field.
REQUIREMENT_PARAMETERS = {
    "process": "prozess",
    "kind": "art",
    "priority": "prioritaet",
    "status": "stand",
    "search": "q",
}


# --- Values --------------------------------------------------------------------------------


def _locale(code):
    locale = Locale.objects.filter(language_code=code).first()
    if locale is None:
        raise Http404
    return locale


def _lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _process_ref(page, request):
    return {
        "id": page.pk,
        "title": page.title,
        "slug": page.slug,
        "url": page.get_full_url(request),
    }


def _process(page, request):
    stage = page.current_stage or None
    return {
        **_process_ref(page, request),
        "locale": page.locale.language_code,
        "kind": page.kind,
        "kind_label": page.get_kind_display(),
        "audience": page.audience,
        "audience_label": page.get_audience_display(),
        "responsible_role": page.responsible_role,
        "current_stage": stage,
        "current_stage_label": str(page.current_stage_label),
        "last_review": page.last_review,
        "intro": page.intro,
    }


def _requirement_ref(requirement):
    return {
        "id": requirement.pk,
        "identifier": requirement.identifier,
        "statement": requirement.statement,
        "kind": requirement.kind,
        "priority": requirement.priority,
        "status": requirement.status,
    }


def _tool_ref(tool):
    return None if tool is None else {"id": tool.pk, "name": tool.name}


def _function(value):
    return {
        "name": value.get("name") or "",
        "purpose": value.get("purpose") or "",
        "roles": [role.strip() for role in (value.get("roles") or "").split(",") if role.strip()],
        "trigger": value.get("trigger") or "",
        "result": value.get("result") or "",
        "frequency": value.get("frequency") or "",
        "pain_points": _lines(value.get("pain_points")),
    }


def _decision(value):
    result = result_of(value)
    chosen = result.chosen
    return {
        "question": value.get("question") or "",
        "knockout_criteria": _lines(value.get("knockout_criteria")),
        "criteria": [{"name": name, "weight": weight} for name, weight in result.criteria],
        "options": [
            {
                "name": option.name,
                "tool": _tool_ref(option.tool),
                "scores": option.scores,
                "missing": option.missing,
                "total": option.total,
                "max_total": option.max_total,
                "percent": option.percent,
                "knocked_out": option.knocked_out,
                "best": option.best,
                "chosen": option.chosen,
            }
            for option in result.options
        ],
        "tie": result.tie,
        "chosen": chosen.name if chosen is not None else None,
        "chosen_is_best": result.chosen_is_best,
        "rationale": value.get("rationale") or "",
    }


def _outcome(value):
    change, percent = outcome_change(value)
    return {
        "measure": value.get("measure") or "",
        "unit": value.get("unit") or "",
        "before": float(value.get("before") or 0),
        "after": float(value.get("after") or 0),
        "change": float(change) if change is not None else None,
        "change_percent": percent,
        "note": value.get("note") or "",
    }


def _stage(change, today):
    return {
        "stage": change.stage,
        "label": change.get_stage_display(),
        "date": change.date,
        "planned": change.planned(today),
        "note": change.note,
    }


def _next_step(step):
    if step is None:
        return None
    return {"stage": step.stage, "label": str(step.label), "due": step.due, "planned": step.planned}


def _window(items, filters):
    return items[filters.offset : filters.offset + filters.limit]


# --- Processes -----------------------------------------------------------------------------


def _processes(locale):
    return (
        live_processes(locale)
        .select_related("locale")
        .defer_streamfields()
        .prefetch_related("stage_changes")
        .order_by("title", "pk")
    )


@router.get(
    "/processes/",
    response={200: ProcessListOut, **problems(404, 422)},
    summary="Processes of the centre (live, public pages)",
    description=(
        "The process pages in one language (German where no translation exists yet), by "
        "title, with their current stage. The details: `/api/v3/processes/processes/{id}/`."
    ),
)
def list_processes(request, filters: Query[ProcessFilterIn]):
    processes = _processes(_locale(filters.locale))
    if filters.kind:
        processes = processes.filter(kind=filters.kind)
    if filters.audience:
        processes = processes.filter(audience=filters.audience)
    with translation.override(filters.locale):
        return {
            "count": processes.count(),
            "items": [_process(page, request) for page in _window(processes, filters)],
        }


@router.get(
    "/processes/{process_id}/",
    response={200: ProcessDetailOut, **problems(404, 422)},
    summary="One process with its stages, functions, requirements, tool decisions and outcomes",
)
def get_process(request, process_id: ObjectId):
    page = (
        live_processes()
        .select_related("locale")
        .prefetch_related("stage_changes")
        .filter(pk=process_id)
        .first()
    )
    if page is None:
        raise Http404
    today = timezone.localdate()
    with translation.override(page.locale.language_code):
        return {
            **_process(page, request),
            "stage_history": [_stage(change, today) for change in page.stage_history],
            "next_step": _next_step(page.next_step),
            "functions": [_function(value) for value in page.functions()],
            "requirements": [
                _requirement_ref(requirement)
                for value in page.blocks_of("requirements")
                for requirement in value.get("requirements") or ()
                if requirement is not None
            ],
            "decisions": [_decision(value) for value in page.blocks_of("tool_decision")],
            "outcomes": [_outcome(value) for value in page.blocks_of("outcome")],
            "pages_about": [page_about_ref(entry, request) for entry in pages_about(page)],
        }


# --- Requirements --------------------------------------------------------------------------


def _requirement(requirement, request):
    process = requirement.process_page
    return {
        **_requirement_ref(requirement),
        "kind_label": requirement.get_kind_display(),
        "priority_label": requirement.get_priority_display(),
        "status_label": requirement.get_status_display(),
        "function": requirement.function,
        "acceptance": requirement.acceptance,
        "locale": requirement.locale.language_code,
        "process": _process_ref(process, request) if process is not None else None,
    }


@router.get(
    "/requirements/",
    response={200: RequirementListOut, **problems(404, 422)},
    summary="The requirements catalogue (the catalogue page's filters)",
    description=(
        "Requirements in one language (German where no translation exists yet), by identifier. "
        "`process` is a process's slug in that language (see `/api/v3/processes/processes/`)."
    ),
)
def list_requirements(request, filters: Query[RequirementFilterIn]):
    locale = _locale(filters.locale)
    query = QueryDict(mutable=True)
    for api_name, field_name in REQUIREMENT_PARAMETERS.items():
        value = getattr(filters, api_name)
        if value not in (None, ""):
            query[field_name] = str(value)
    filterset = RequirementFilter(query, queryset=public_requirements(locale), locale=locale)
    if not filterset.is_valid():
        names = {field: api for api, field in REQUIREMENT_PARAMETERS.items()}
        errors = {names.get(field, field): messages for field, messages in filterset.errors.items()}
        return field_problem(422, _("Ungültige Filter."), errors, loc_prefix=("query",))
    requirements = filterset.qs
    with translation.override(filters.locale):
        window = with_process_pages(_window(requirements, filters), filters.locale)
        return {
            "count": requirements.count(),
            "items": [_requirement(requirement, request) for requirement in window],
        }


# --- Tools ---------------------------------------------------------------------------------


def _processes_by_tool(locale, request):
    """{tool translation key: [process refs]}: the processes whose decisions chose the tool."""
    processes = list(live_processes(locale).select_related("locale").order_by("title", "pk"))
    chosen = {page.pk: page.chosen_tool_ids() for page in processes}
    keys = dict(
        Tool.objects.filter(pk__in={pk for ids in chosen.values() for pk in ids}).values_list(
            "pk", "translation_key"
        )
    )
    served = {}
    for page in processes:
        for key in dict.fromkeys(keys[pk] for pk in chosen[page.pk] if pk in keys):
            served.setdefault(key, []).append(_process_ref(page, request))
    return served


@router.get(
    "/tools/",
    response={200: ToolListOut, **problems(404, 422)},
    summary="The toolbox: tools, the requirements they meet, the processes that chose them",
)
def list_tools(request, filters: Query[ToolFilterIn]):
    locale = _locale(filters.locale)
    tools = public_tools(locale).prefetch_related(
        Prefetch("requirements_met", queryset=public_requirements())
    )
    if filters.status:
        tools = tools.filter(status=filters.status)
    served = _processes_by_tool(locale, request)
    with translation.override(filters.locale):
        return {
            "count": tools.count(),
            "items": [
                {
                    "id": tool.pk,
                    "name": tool.name,
                    "category": tool.category,
                    "website": tool.website,
                    "open_source": tool.open_source,
                    "licence": tool.licence,
                    "hosted_in_eu": tool.hosted_in_eu,
                    "hosting": tool.hosting,
                    "cost": tool.cost,
                    "data_protection": tool.data_protection,
                    "status": tool.status,
                    "status_label": tool.get_status_display(),
                    "locale": tool.locale.language_code,
                    "requirements_met": [
                        _requirement_ref(requirement) for requirement in tool.requirements_met.all()
                    ],
                    "processes": served.get(tool.translation_key, []),
                }
                for tool in _window(tools, filters)
            ],
        }
