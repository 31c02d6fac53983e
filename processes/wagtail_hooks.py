"""What the process pages hand to the portal, and their admin."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.hooks import (
    EDITORS,
    GROUP_PERMISSIONS,
    TOPIC_PAGE_TYPES,
    GroupPermissions,
    TopicPageType,
)
from processes.models import Requirement, Tool


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
