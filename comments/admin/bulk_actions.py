"""Bulk actions of the moderation lists: status changes from one table, reports, deleting."""

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.functional import classproperty
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext_lazy
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from comments.admin.decisions import close_reports
from comments.admin.filters import (
    COMMENT_SEARCH_FIELDS,
    REPORT_SEARCH_FIELDS,
    CommentFilterSet,
    ReportFilterSet,
    filtered_listing,
)
from comments.admin.permissions import can_moderate
from comments.admin.utils import TEMPLATES
from comments.models import Comment, CommentReport, ModerationReason
from comments.signals import comments_changed


@dataclass(frozen=True)
class StatusAction:
    """One way to change the status of comments: a bulk action and an item of a row's menu."""

    status: str
    action_type: str
    label: Any
    aria_label: Any
    icon: str
    priority: int  # of the bulk action; a row's menu keeps the order of the table
    serious: bool
    confirm_question: Any  # ngettext_lazy with %(count)d
    confirm_button: Any
    success_message: Any  # ngettext_lazy with %(count)d


COMMENT_STATUS_ACTIONS = [
    StatusAction(
        status=Comment.Status.APPROVED,
        action_type="approve",
        label=gettext_lazy("Freischalten"),
        aria_label=gettext_lazy("Ausgewählte Kommentare freischalten"),
        icon="check",
        priority=10,
        serious=False,
        confirm_question=ngettext_lazy(
            "Diesen Kommentar freischalten? Er erscheint dann öffentlich auf der Website.",
            "Diese %(count)d Kommentare freischalten? Sie erscheinen dann öffentlich auf der Website.",
            "count",
        ),
        confirm_button=gettext_lazy("Ja, freischalten"),
        success_message=ngettext_lazy(
            "%(count)d Kommentar freigeschaltet.", "%(count)d Kommentare freigeschaltet.", "count"
        ),
    ),
    StatusAction(
        status=Comment.Status.SPAM,
        action_type="spam",
        label=gettext_lazy("Als Spam markieren"),
        aria_label=gettext_lazy("Ausgewählte Kommentare als Spam markieren"),
        icon="warning",
        priority=20,
        serious=True,
        confirm_question=ngettext_lazy(
            "Diesen Kommentar als Spam markieren? Er verschwindet von der Website.",
            "Diese %(count)d Kommentare als Spam markieren? Sie verschwinden von der Website.",
            "count",
        ),
        confirm_button=gettext_lazy("Ja, als Spam markieren"),
        success_message=ngettext_lazy(
            "%(count)d Kommentar als Spam markiert.",
            "%(count)d Kommentare als Spam markiert.",
            "count",
        ),
    ),
    StatusAction(
        status=Comment.Status.TRASH,
        action_type="trash",
        label=gettext_lazy("In den Papierkorb"),
        aria_label=gettext_lazy("Ausgewählte Kommentare in den Papierkorb legen"),
        icon="bin",
        priority=25,
        serious=True,
        confirm_question=ngettext_lazy(
            "Diesen Kommentar in den Papierkorb legen? Er verschwindet von der Website, "
            "bleibt aber im Papierkorb, bis er gelöscht wird.",
            "Diese %(count)d Kommentare in den Papierkorb legen? Sie verschwinden von der "
            "Website, bleiben aber im Papierkorb, bis sie gelöscht werden.",
            "count",
        ),
        confirm_button=gettext_lazy("Ja, in den Papierkorb"),
        success_message=ngettext_lazy(
            "%(count)d Kommentar in den Papierkorb gelegt.",
            "%(count)d Kommentare in den Papierkorb gelegt.",
            "count",
        ),
    ),
]


class ModerationBulkActionMixin:
    """Only for moderators; "select all" means the filtered listing, not the whole table."""

    filterset_class = None
    search_fields = ()

    def dispatch(self, request, *args, **kwargs):
        if not can_moderate(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_all_objects_in_listing_query(self, parent_id):
        return filtered_listing(
            self.request, self.model, self.filterset_class, self.search_fields
        ).values_list("pk", flat=True)


class StatusBulkAction(ModerationBulkActionMixin, SnippetBulkAction):
    """Set one field of the selected objects with a single UPDATE, after a confirmation."""

    template_name = TEMPLATES + "bulk_confirm.html"
    action_button_class = ""
    confirm_question = None  # ngettext_lazy with %(count)d
    confirm_button = None
    success_message = None  # ngettext_lazy with %(count)d

    def check_perm(self, obj):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", obj
        )

    def get_execution_context(self):
        return {**super().get_execution_context(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        count = len(context["items"])
        context.update(
            confirm_question=self.confirm_question % {"count": count},
            confirm_button=self.confirm_button,
            action_title=self.display_name,
            action_button_class=self.action_button_class,
            cancel_button=_("Nein, abbrechen"),
            no_access_msg=_("Diese darfst Du nicht ändern:"),
        )
        return context

    def get_success_message(self, num_parent_objects, num_child_objects):
        return self.success_message % {"count": num_parent_objects}


class CommentStatusBulkAction(StatusBulkAction):
    status = None
    filterset_class = CommentFilterSet
    search_fields = COMMENT_SEARCH_FIELDS

    @classproperty
    def models(cls):
        return [Comment]

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        detail = cls.status if user is None else f"{cls.status}:{user.get_username()}"
        reason = ModerationReason.stored(ModerationReason.MANUAL, detail)
        count = Comment.objects.filter(pk__in=[comment.pk for comment in objects]).update(
            status=cls.status, moderation_reason=reason, updated_at=timezone.now()
        )
        comments_changed(objects, cls.status)
        return count, 0


def comment_status_bulk_action(action):
    """The bulk action class of one row of ``COMMENT_STATUS_ACTIONS``."""
    return type(
        f"{action.action_type.capitalize()}CommentsBulkAction",
        (CommentStatusBulkAction,),
        {
            "__module__": __name__,
            "status": action.status,
            "display_name": action.label,
            "action_type": action.action_type,
            "aria_label": action.aria_label,
            "action_priority": action.priority,
            "action_button_class": "serious" if action.serious else "",
            "confirm_question": action.confirm_question,
            "confirm_button": action.confirm_button,
            "success_message": action.success_message,
        },
    )


COMMENT_STATUS_BULK_ACTIONS = [
    comment_status_bulk_action(action) for action in COMMENT_STATUS_ACTIONS
]


class DeleteCommentsBulkAction(ModerationBulkActionMixin, DeleteBulkAction):
    """Wagtail's snippet delete, but "select all" deletes only the filtered listing."""

    filterset_class = CommentFilterSet
    search_fields = COMMENT_SEARCH_FIELDS

    @classproperty
    def models(cls):
        return [Comment]


class ResolveReportsBulkAction(StatusBulkAction):
    display_name = gettext_lazy("Als erledigt markieren")
    action_type = "resolve"
    aria_label = gettext_lazy("Ausgewählte Meldungen als erledigt markieren")
    action_priority = 10
    filterset_class = ReportFilterSet
    search_fields = REPORT_SEARCH_FIELDS
    confirm_question = ngettext_lazy(
        "Diese Meldung als erledigt markieren?",
        "Diese %(count)d Meldungen als erledigt markieren?",
        "count",
    )
    confirm_button = gettext_lazy("Ja, erledigt")
    success_message = ngettext_lazy(
        "%(count)d Meldung als erledigt markiert.",
        "%(count)d Meldungen als erledigt markiert.",
        "count",
    )

    @classproperty
    def models(cls):
        return [CommentReport]

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        return close_reports(objects, user), 0


class DeleteReportsBulkAction(ModerationBulkActionMixin, DeleteBulkAction):
    filterset_class = ReportFilterSet
    search_fields = REPORT_SEARCH_FIELDS

    @classproperty
    def models(cls):
        return [CommentReport]
