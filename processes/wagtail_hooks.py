"""What the process pages hand to the portal, and their admin."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.hooks import SHOWCASE_PAGES, ShowcasePage
from processes.models import Requirement, Tool


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
