"""What the process pages hand to the portal, and their admin."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.hooks import API_ROUTERS, ApiRouter
from processes.api import router
from processes.models import Requirement, Tool


@hooks.register(API_ROUTERS)
def processes_api():
    return [ApiRouter(prefix="/processes/", router=router)]


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
