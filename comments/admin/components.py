"""The numbers moderators see: menu items "Kommentare (N)" and the dashboard panel."""

from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.sidebar import LinkMenuItem

from comments.admin.utils import TEMPLATES, comment_url, report_url
from comments.models import Comment, CommentReport


def pending_comment_count():
    return Comment.objects.pending().count()


def open_report_count():
    return CommentReport.objects.filter(resolved=False).count()


class CountMenuItem(MenuItem):
    """A main-menu item like "Kommentare (3)": the number is counted for every request.

    Menu item instances live as long as the process, so the count happens while the
    sidebar is rendered (one COUNT query), never in ``__init__``.
    """

    def __init__(self, *args, count, is_shown, **kwargs):
        super().__init__(*args, **kwargs)
        self._count = count
        self._is_shown = is_shown

    def is_shown(self, request):
        return self._is_shown(request.user)

    def label_for_request(self, request):
        count = self._count()
        return f"{self.label} ({count})" if count else str(self.label)

    def render_component(self, request):
        return LinkMenuItem(
            self.name,
            self.label_for_request(request),
            self.url,
            icon_name=self.icon_name,
            classname=self.classname,
            attrs=self.attrs,
        )


class ModerationPanel(Component):
    """ "N Kommentare warten auf Freischaltung", "M offene Meldungen" on the dashboard."""

    name = "comment_moderation"
    template_name = TEMPLATES + "dashboard_panel.html"
    order = 50  # before Wagtail's own panels (from 100)

    def get_context_data(self, parent_context):
        return {
            "pending_count": pending_comment_count(),
            "open_report_count": open_report_count(),
            "pending_url": f"{comment_url('list')}?status={Comment.Status.PENDING}",
            "reports_url": f"{report_url('list')}?resolved=false",
        }
