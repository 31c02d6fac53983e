"""The moderation views: the comment list with its row actions, editing, team replies, reports."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.ui.menus import MenuItem as ListingMenuItem
from wagtail.admin.ui.tables import TitleColumn
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton
from wagtail.models import Site
from wagtail.snippets.views.snippets import EditView, IndexView

from comments.admin.columns import CommentColumn, CommentTable
from comments.admin.decisions import COMMENT_STATUS_OF_DECISION, record_decision
from comments.admin.filters import status_tabs
from comments.admin.permissions import can_moderate
from comments.admin.row_actions import (
    answer,
    forbidden,
    listing_url,
    manual_reason,
    refuse,
    set_status,
    wants_json,
)
from comments.admin.utils import (
    TEMPLATES,
    bulk_action_url,
    comment_url,
    no_reply_address,
    report_url,
)
from comments.models import Comment, CommentReport, DiscussionSettings, ModerationReason
from comments.moderation import team_name
from home.form_protection import parse_id


def thread_depth_for_site(site):
    if site is None:  # a page outside every site: the default of the setting
        return DiscussionSettings._meta.get_field("thread_depth").default
    return DiscussionSettings.for_site(site).thread_depth


def thread_depth_for(page):
    return thread_depth_for_site(page.get_site())


def reply_refusal(parent, thread_depth, *, approves_parent=False):
    """Why the team may not reply to ``parent`` (a German sentence), or None.

    ``approves_parent``: a waiting comment may be answered too, it is approved with the
    reply (WordPress's "Approve and Reply").
    """
    answerable = [Comment.Status.APPROVED]
    if approves_parent:
        answerable.append(Comment.Status.PENDING)
    if parent.status not in answerable:
        return _(
            "Als Team kannst Du nur auf freigeschaltete Kommentare antworten. "
            "Schalte den Kommentar zuerst frei."
        )
    if parent.depth >= thread_depth:
        return ngettext(
            "Auf diesen Kommentar kann nicht weiter geantwortet werden: Antworten dürfen "
            "höchstens %(depth)d Ebene tief verschachtelt sein (Einstellungen › Diskussion).",
            "Auf diesen Kommentar kann nicht weiter geantwortet werden: Antworten dürfen "
            "höchstens %(depth)d Ebenen tief verschachtelt sein (Einstellungen › Diskussion).",
            thread_depth,
        ) % {"depth": thread_depth}
    return None


class CommentIndexView(IndexView):
    """The comment list: status tabs with counts, whole comments, one-click buttons per row."""

    table_class = CommentTable
    table_classname = "listing comment-moderation-listing"

    def _get_title_column(self, field_name, column_class=TitleColumn, **kwargs):
        # The label is the text field's: "Kommentar".
        kwargs.update(
            thread_depth=lambda: self.thread_depth,
            listing_url=self.listing_url,
        )
        return super()._get_title_column(field_name, CommentColumn, **kwargs)

    @cached_property
    def thread_depth(self):
        # One lookup per request; the reply view checks the page's own site again.
        return thread_depth_for_site(Site.find_for_request(self.request))

    @cached_property
    def listing_url(self):
        query = self.request.GET.copy()
        query.pop("_w_filter_fragment", None)
        return f"{self.index_url}?{query.urlencode()}" if query else self.index_url

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["status_tabs"] = status_tabs(self.request, self.index_url)
        return context


class CommentEditView(EditView):
    def get_object(self, queryset=None):
        queryset = Comment.objects.select_related("page", "parent", "user")
        return super().get_object(queryset)

    @cached_property
    def thread_depth(self):
        return thread_depth_for(self.object.page)

    @cached_property
    def reply_refusal(self):
        return reply_refusal(self.object, self.thread_depth)

    @cached_property
    def header_buttons(self):
        if self.reply_refusal:
            return []
        return [
            HeaderButton(
                _("Als Team antworten"),
                url=comment_url("reply", self.object.pk),
                icon_name="comment-add",
            )
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        comment = self.object
        page_url = comment.page.get_url(request=self.request)
        if page_url and comment.is_public:
            page_url = comment.public_url(self.request)
        context.update(
            comment=comment,
            public_url=page_url if comment.page.live else None,
            parent_edit_url=comment_url("edit", comment.parent_id) if comment.parent_id else None,
            open_reports=[
                (report, report_url("edit", report.pk))
                for report in comment.reports.open().order_by("-created_at")
            ],
            reply_url=None if self.reply_refusal else comment_url("reply", comment.pk),
            reply_refusal=self.reply_refusal,
        )
        return context


class TeamReplyForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Antwort"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": gettext_lazy("Bitte schreib eine Antwort.")},
    )

    def clean_text(self):
        text = self.cleaned_data["text"].replace("\r\n", "\n").replace("\x00", "").strip()
        if not text:
            raise forms.ValidationError(_("Bitte schreib eine Antwort."))
        return text


class TeamReplyView(WagtailAdminTemplateMixin, FormView):
    """A reply of the team to an approved comment: published at once, with the team badge.

    It is signed "Team Haus am Westbahnhof" (not with the volunteer's own name, which stays
    private); ``user`` records internally who wrote it.
    """

    form_class = TeamReplyForm
    template_name = TEMPLATES + "comment_reply.html"
    approves_parent = False
    page_title = gettext_lazy("Als Team antworten")
    header_icon = "comment-add"

    def dispatch(self, request, *args, **kwargs):
        if not can_moderate(request.user):
            return self.forbidden()
        number = parse_id(kwargs["pk"])
        if number is None:
            raise Http404
        self.parent = get_object_or_404(Comment.objects.select_related("page"), pk=number)
        refusal = self.refusal(self.parent)
        if refusal:
            return self.refused(refusal)
        return super().dispatch(request, *args, **kwargs)

    def forbidden(self):
        raise PermissionDenied

    def refusal(self, parent):
        return reply_refusal(
            parent, thread_depth_for(parent.page), approves_parent=self.approves_parent
        )

    def refused(self, refusal):
        messages.error(self.request, refusal)
        return redirect(comment_url("edit", self.parent.pk))

    def get_page_subtitle(self):
        return str(self.parent)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": comment_url("list"), "label": Comment._meta.verbose_name_plural},
            {"url": comment_url("edit", self.parent.pk), "label": str(self.parent)},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_success_url(self):
        return get_valid_next_url_from_request(self.request) or comment_url("list")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            parent=self.parent,
            parent_edit_url=comment_url("edit", self.parent.pk),
            action_url=self.request.get_full_path(),
            cancel_url=self.get_success_url(),
            team_name=team_name(),
        )
        return context

    def form_valid(self, form):
        reply = self.publish(form)
        if reply is None:
            return self.form_invalid(form)
        return self.published(reply)

    def publish(self, form):
        """Store the reply (and approve a waiting parent); None with a form error if refused."""
        user = self.request.user
        with transaction.atomic():
            # Lock-free re-check: the parent may have been moderated in the meantime.
            parent = Comment.objects.select_related("page").get(pk=self.parent.pk)
            refusal = self.refusal(parent)
            if refusal:
                form.add_error(None, refusal)
                return None
            if parent.status == Comment.Status.PENDING:
                set_status(
                    parent,
                    Comment.Status.APPROVED,
                    manual_reason(Comment.Status.APPROVED, user),
                )
            self.parent = parent
            return Comment.objects.create(
                page=parent.page,
                parent=parent,
                depth=parent.depth + 1,
                name=team_name(),
                email=user.email or no_reply_address(),
                text=form.cleaned_data["text"],
                status=Comment.Status.APPROVED,
                is_team=True,
                user=user,
                moderation_reason=ModerationReason.TEAM_REPLY,
            )

    def published(self, reply):
        messages.success(
            self.request,
            _("Die Antwort des Teams ist veröffentlicht."),
            buttons=[messages.button(comment_url("edit", reply.pk), _("Bearbeiten"))],
        )
        return redirect(self.get_success_url())


class QuickReplyView(TeamReplyView):
    """The reply form under a row of the list: answers JSON to the script, or goes back to
    the list; a waiting comment is approved with the reply ("Freigeben und antworten").

    Without JavaScript a refused text shows the reply page with the error and the text kept.
    """

    http_method_names = ["post"]
    approves_parent = True

    def get_success_url(self):
        return listing_url(self.request)

    def forbidden(self):
        return forbidden(self.request)

    def refused(self, refusal):
        return refuse(self.request, refusal)

    def form_invalid(self, form):
        if wants_json(self.request):
            errors = [str(error) for errors in form.errors.values() for error in errors]
            return JsonResponse({"ok": False, "error": " ".join(errors)}, status=400)
        return super().form_invalid(form)

    def published(self, reply):
        message = _("Deine Antwort an %(name)s ist veröffentlicht.") % {"name": self.parent.name}
        link = None
        if reply.page.live:
            link = {
                "url": reply.public_url(self.request),
                "label": _("Auf der Website ansehen"),
            }
        return answer(self.request, message, link=link)


class ReportIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        buttons.append(
            ListingMenuItem(
                _("Zum Kommentar"),
                url=comment_url("edit", instance.comment_id),
                icon_name="comment",
                priority=11,
            )
        )
        if instance.is_open:
            buttons.append(
                ListingMenuItem(
                    _("Als erledigt markieren"),
                    url=bulk_action_url("commentreport", "resolve", [instance.pk], self.index_url),
                    icon_name="check",
                    priority=12,
                )
            )
        return buttons


class ReportEditView(EditView):
    """A report as the visitor sent it, the reported comment, and the form of the decision."""

    def get_object(self, queryset=None):
        queryset = CommentReport.objects.select_related("comment", "comment__page", "decided_by")
        return super().get_object(queryset)

    def save_instance(self):
        # The form has set the new status on the object already: the old one is in the database.
        previous = CommentReport.objects.values_list("status", flat=True).get(pk=self.object.pk)
        report = super().save_instance()
        return record_decision(report, previous, self.request.user)

    def get_success_message(self):
        report = self.object
        if report.status in COMMENT_STATUS_OF_DECISION:
            return _(
                "Entscheidung gespeichert: Der Kommentar von %(name)s ist nicht mehr online."
            ) % {"name": report.comment.name}
        return _("Entscheidung gespeichert: %(decision)s.") % {
            "decision": report.get_status_display()
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        comment = self.object.comment
        context.update(
            reported_comment=comment,
            reported_comment_edit_url=comment_url("edit", comment.pk),
        )
        return context
