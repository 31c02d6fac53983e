"""What the process pages hand to the portal, and their admin."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.hooks import (
    API_ROUTERS,
    BENCH_PAGES,
    DEMO_CONTENT,
    EDITORS,
    GROUP_PERMISSIONS,
    SEARCH_SOURCES,
    SHOWCASE_PAGES,
    TOPIC_PAGE_TYPES,
    ApiRouter,
    BenchPages,
    DemoContent,
    GroupPermissions,
    SearchSource,
    ShowcasePage,
    TopicPageType,
)
from processes import bench, demo
from processes.api import router
from processes.models import Requirement, Tool


@hooks.register(API_ROUTERS)
def processes_api():
    return [ApiRouter(prefix="/processes/", router=router)]


@hooks.register(DEMO_CONTENT)
def processes_demo():
    return [DemoContent(name="Prozesse", load=demo.load, order=300)]


@hooks.register(BENCH_PAGES)
def processes_bench():
    return [BenchPages(name="processes", build=bench.build, urls=bench.urls, order=300)]


@hooks.register(SEARCH_SOURCES)
def requirement_search():
    # Process pages come from the page search (their summary is their intro).
    from processes.search import search_requirements

    return [
        SearchSource(
            key="process_requirements",
            label=_("Anforderungen"),
            search=search_requirements,
            order=300,
        )
    ]


@hooks.register(TOPIC_PAGE_TYPES)
def process_topics():
    # Posts (or any page of another app) can name the processes they are about.
    return [TopicPageType(model="processes.ProcessPage", label=_("Prozesse"))]


@hooks.register(GROUP_PERMISSIONS)
def process_permissions():
    # Process pages are covered by the editors' page permissions on the whole tree
    # (home/groups.py); the catalogue and the toolbox are snippets.
    return [
        GroupPermissions(
            EDITORS,
            [
                f"processes.{action}_{model}"
                for model in ("requirement", "tool")
                for action in ("add", "change", "delete")
            ],
        )
    ]


class RequirementViewSet(SnippetViewSet):
    model = Requirement
    icon = "tasks"
    menu_label = _("Anforderungen")
    list_display = ["identifier", "statement", "priority", "status", "process"]
    list_filter = ["kind", "priority", "status"]
    search_fields = ["identifier", "statement"]
    ordering = ["identifier"]


class ToolViewSet(SnippetViewSet):
    model = Tool
    icon = "cogs"
    menu_label = _("Werkzeuge")
    list_display = ["name", "category", "status", "open_source", "hosted_in_eu"]
    list_filter = ["status", "open_source", "hosted_in_eu"]
    search_fields = ["name", "category"]


class ProcessSnippetsGroup(SnippetViewSetGroup):
    items = (RequirementViewSet, ToolViewSet)
    menu_icon = "sitemap"
    menu_label = _("Prozesse")
    menu_name = "processes"
    menu_order = 220


register_snippet(ProcessSnippetsGroup)


# The demo content's addresses (processes/demo_data.py: OVERVIEW_SLUG, CATALOGUE_SLUG,
# TOOLBOX_SLUG and the room booking, the process with every kind of block).
SHOWCASE_MAP = "/de/prozesse/"


@hooks.register(SHOWCASE_PAGES)
def processes_showcase():
    pages = [
        ("process-map", SHOWCASE_MAP),
        ("process", f"{SHOWCASE_MAP}raumbuchung/"),
        ("process-catalogue", f"{SHOWCASE_MAP}anforderungen/"),
        ("process-toolbox", f"{SHOWCASE_MAP}werkzeugkasten/"),
    ]
    return [
        ShowcasePage(name=name, path=path, order=300 + index)
        for index, (name, path) in enumerate(pages)
    ]
