"""The numbers moderators see: menu items "Kommentare (N)" and the dashboard's quick actions."""

from django.utils.translation import gettext
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem

from comments.admin.utils import comment_url, report_url
from comments.models import Comment, CommentReport
from portal.hooks import ORDER_FOUNDATION_LAST, DashboardAction


def pending_comment_count():
    return Comment.objects.pending().count()


def open_report_count():
    return CommentReport.objects.open().count()


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


def moderation_actions():
    """ "Kommentare warten: N" and "Offene Meldungen: M" for the dashboard's quick actions."""
    return [
        DashboardAction(
            gettext("Kommentare warten: %(count)s") % {"count": pending_comment_count()},
            f"{comment_url('list')}?status={Comment.Status.PENDING}",
            icon="comment",
            order=ORDER_FOUNDATION_LAST,
        ),
        DashboardAction(
            gettext("Offene Meldungen: %(count)s") % {"count": open_report_count()},
            f"{report_url('list')}?status={CommentReport.Status.OPEN}",
            icon="warning",
            order=ORDER_FOUNDATION_LAST + 10,
        ),
    ]
