"""The process pages' demo: a map in the menu, six processes at different stages, translated."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Locale, Site

from home.models import NavigationSettings
from processes import roadmap
from processes.demo_data import PROCESSES, REQUIREMENTS
from processes.models import (
    ProcessOverviewPage,
    ProcessPage,
    Requirement,
    RequirementCataloguePage,
    Tool,
    ToolboxPage,
)
from processes.stages import Stage

pytestmark = [pytest.mark.django_db, pytest.mark.feature_app("processes")]


@pytest.fixture
def overview():
    return ProcessOverviewPage.objects.get(locale__language_code="de")


def demo_processes(overview):
    return list(overview.processes().filter(slug__in=[spec["slug"].de for spec in PROCESSES]))


def test_the_map_has_its_catalogue_toolbox_and_six_processes_in_both_languages(overview):
    assert overview.live and overview.url_path.endswith("/prozesse/")
    assert RequirementCataloguePage.objects.child_of(overview).live().count() == 1
    assert ToolboxPage.objects.child_of(overview).live().count() == 1
    assert len(demo_processes(overview)) == 6
    english = Locale.objects.get(language_code="en")
    for page in [overview, *demo_processes(overview)]:
        translation = page.get_translation_or_none(english)
        assert translation is not None and translation.live, page.title
    assert overview.get_translation(english).title == "Process map"


def test_the_main_menu_has_the_map(overview):
    navigation = NavigationSettings.for_site(Site.objects.get(is_default_site=True))
    assert navigation.items.filter(page=overview).count() == 1


def test_every_process_has_a_stage_kind_audience_and_role(overview):
    stages = set()
    for process in demo_processes(overview):
        assert process.current_stage, process.title
        assert process.kind and process.audience and process.responsible_role, process.title
        assert process.functions() or process.current_stage == Stage.ANALYSED, process.title
        stages.add(process.current_stage)
    assert len(stages) >= 4


def test_room_booking_is_in_use_with_an_outcome_measured_before_and_after(overview):
    in_use = [p for p in demo_processes(overview) if p.current_stage == Stage.IN_USE]
    assert [p.slug for p in in_use] == ["raumbuchung"]
    outcomes = in_use[0].blocks_of("outcome")
    assert outcomes and all(o["before"] > o["after"] for o in outcomes)
    assert in_use[0].chosen_tools()


def test_the_roadmap_has_steps_now_next_and_later(overview):
    buckets = roadmap.roadmap(demo_processes(overview), timezone.localdate())
    for name in ("now", "next", "later"):
        assert buckets[name], name


def test_the_tool_decisions_show_a_knock_out_a_tie_and_a_missing_score(overview):
    results = [result for p in demo_processes(overview) for _value, result in p.decisions()]
    assert any(o.knocked_out for r in results for o in r.options)
    assert any(r.tie for r in results)
    assert any(o.missing for r in results for o in r.options)
    assert any(r.chosen_is_best for r in results)


def test_requirements_cover_every_kind_priority_and_status_and_name_their_function(overview):
    german = Requirement.objects.filter(locale__language_code="de").select_related("process")
    german = german.filter(identifier__in=[row[0] for row in REQUIREMENTS])
    assert 25 <= german.count() <= 40
    assert {r.kind for r in german} == set(Requirement.Kind.values)
    assert {r.priority for r in german} == set(Requirement.Priority.values)
    assert {r.status for r in german} == set(Requirement.Status.values)
    for requirement in german:
        assert requirement.process is not None, requirement.identifier
        names = {function["name"] for function in requirement.process.functions()}
        assert requirement.function in names, requirement.identifier


def test_english_requirements_and_tools_belong_to_the_english_pages():
    english = Requirement.objects.filter(locale__language_code="en").select_related("process")
    assert english.count() == len(REQUIREMENTS)
    assert all(r.process.locale.language_code == "en" for r in english)
    assert english.get(identifier="ZA-01").statement.startswith("Paying cash")
    tools = Tool.objects.filter(locale__language_code="en")
    assert 8 <= tools.count() <= 12
    for tool in tools.prefetch_related("requirements_met__locale"):
        assert all(r.locale.language_code == "en" for r in tool.requirements_met.all())


def test_tools_mix_open_source_hosting_and_status():
    tools = Tool.objects.filter(locale__language_code="de")
    assert 8 <= tools.count() <= 12
    assert {t.open_source for t in tools} == {True, False}
    assert {t.hosted_in_eu for t in tools} == {True, False}
    assert {t.status for t in tools} == set(Tool.Status.values)
    assert all(t.cost for t in tools)


def test_a_second_run_adds_no_process_content():
    counts = (ProcessPage.objects.count(), Requirement.objects.count(), Tool.objects.count())
    call_command("load_demo_content", stdout=StringIO())
    assert (
        ProcessPage.objects.count(),
        Requirement.objects.count(),
        Tool.objects.count(),
    ) == counts
