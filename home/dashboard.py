"""The dashboard's quick actions: what each app offers the signed-in person, in one panel."""

from wagtail.admin.ui.components import Component

from portal.hooks import DASHBOARD_ACTIONS, collect


def dashboard_actions(request):
    return sorted(collect(DASHBOARD_ACTIONS, request), key=lambda action: action.order)


class QuickActionsPanel(Component):
    """ "Neuer Beitrag", "Entwürfe: 2", "Kommentare warten: 3": one click to each everyday task."""

    name = "quick_actions"
    template_name = "home/admin/quick_actions.html"
    order = 40  # first: before Wagtail's own panels (from 100)

    def __init__(self, actions):
        self.actions = actions

    def get_context_data(self, parent_context):
        return {"actions": self.actions}
