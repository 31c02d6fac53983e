"""The two moderation lists, "Kommentare" and "Meldungen", as Wagtail snippet viewsets."""

from django.db.models import Count, Q
from django.urls import path
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import DateColumn, StatusTagColumn, TitleColumn
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from comments.admin.columns import PostColumn
from comments.admin.components import CountMenuItem, open_report_count, pending_comment_count
from comments.admin.filters import (
    COMMENT_SEARCH_FIELDS,
    REPORT_SEARCH_FIELDS,
    CommentFilterSet,
    ReportFilterSet,
)
from comments.admin.permissions import can_moderate, moderators_only
from comments.admin.row_actions import moderate_comment, undo_moderation
from comments.admin.utils import TEMPLATES, comment_url, excerpt
from comments.admin.views import (
    CommentEditView,
    CommentIndexView,
    QuickReplyView,
    ReportEditView,
    ReportIndexView,
    TeamReplyView,
)
from comments.models import Comment, CommentReport
from home.admin_access import notice_columns, notice_decision_panels


class ModerationChooserViewSet(SnippetChooserViewSet):
    """Wagtail opens every snippet chooser to all admin users; these lists are for moderators."""

    def get_urlpatterns(self):
        patterns = super().get_urlpatterns()
        for pattern in patterns:
            pattern.callback = moderators_only(pattern.callback)
        return patterns


class ModerationViewSetMixin:
    """A moderation list: in the main menu with its number, only for moderators."""

    add_to_admin_menu = True
    add_to_reference_index = False  # nothing points to comments; saves work on every comment
    copy_view_enabled = False
    chooser_viewset_class = ModerationChooserViewSet
    search_backend_name = None  # not indexed: plain database search
    ordering = "-created_at"
    list_per_page = 25
    menu_count = None

    def get_menu_item(self, order=None):
        return CountMenuItem(
            label=self.menu_label,
            url=self.menu_url,
            name=self.menu_name,
            icon_name=self.menu_icon,
            order=self.get_menu_item_order(order),
            count=self.menu_count,
            is_shown=can_moderate,
        )


class CommentViewSet(ModerationViewSetMixin, SnippetViewSet):
    model = Comment
    icon = "comment"
    menu_label = gettext_lazy("Kommentare")
    menu_name = "comments"
    menu_order = 150  # right after "Seiten" (100)
    menu_count = staticmethod(pending_comment_count)
    index_view_class = CommentIndexView
    edit_view_class = CommentEditView
    edit_template_name = TEMPLATES + "comment_edit.html"
    index_results_template_name = TEMPLATES + "comment_index_results.html"
    list_display = [
        # The comment itself: author, e-mail, the full text, the row's buttons.
        "text",
        PostColumn("page", label=gettext_lazy("Antwort auf"), sort_key="page__title"),
        StatusTagColumn(
            "status",
            label=gettext_lazy("Status"),
            accessor="get_status_display",
            sort_key="status",
            primary=lambda comment: comment.status == Comment.Status.PENDING,
        ),
        DateColumn("created_at", label=gettext_lazy("Eingereicht am"), sort_key="created_at"),
    ]
    filterset_class = CommentFilterSet
    search_fields = COMMENT_SEARCH_FIELDS

    def get_queryset(self, request):
        return Comment.objects.select_related("page", "parent").annotate(
            open_reports=Count("reports", filter=Q(reports__status=CommentReport.Status.OPEN))
        )

    @property
    def reply_view(self):
        return TeamReplyView.as_view()

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("reply/<int:pk>/", self.reply_view, name="reply"),
            # The row's buttons: ids are read as text, so any id answers 404, never 500.
            path("moderate/<str:pk>/", moderate_comment, name="moderate"),
            path("undo/<str:pk>/", undo_moderation, name="undo"),
            path("quick-reply/<str:pk>/", QuickReplyView.as_view(), name="quick_reply"),
        ]


class ReportViewSet(ModerationViewSetMixin, SnippetViewSet):
    model = CommentReport
    icon = "warning"
    menu_label = gettext_lazy("Meldungen")
    menu_name = "comment-reports"
    menu_order = 151
    menu_count = staticmethod(open_report_count)
    index_view_class = ReportIndexView
    edit_view_class = ReportEditView
    edit_template_name = TEMPLATES + "report_edit.html"
    list_display = notice_columns(
        TitleColumn(
            "comment",
            label=gettext_lazy("Gemeldeter Kommentar"),
            accessor=lambda report: excerpt(report.comment.text),
            get_url=lambda report: comment_url("edit", report.comment_id),
        ),
        StatusTagColumn(
            "status",
            label=gettext_lazy("Entscheidung"),
            accessor="get_status_display",
            sort_key="status",
            primary=lambda report: report.is_open,
        ),
        excerpt=excerpt,
    )
    filterset_class = ReportFilterSet
    search_fields = REPORT_SEARCH_FIELDS
    panels = notice_decision_panels()

    def get_queryset(self, request):
        return CommentReport.objects.select_related("comment")
