"""Comment moderation in the Wagtail admin, like WordPress's comment screen.

Everything here needs the permission ``comments.moderate_comment``, which only the group
"Moderation" holds (an editor who also moderates is put in both groups):

* ``/admin/snippets/comments/comment/``: menu item "Kommentare (N)", N = comments waiting;
  filters on status, page and date, search in name, e-mail and text, bulk actions
  "Freischalten", "Als Spam markieren", "In den Papierkorb" and "Löschen".
* ``/admin/snippets/comments/comment/edit/<pk>/``: change text, name, website and status.
* ``/admin/snippets/comments/comment/reply/<pk>/``: "Als Team antworten".
* ``/admin/snippets/comments/commentreport/``: menu item "Meldungen (M)", M = open reports;
  bulk action "Als erledigt markieren".
* ``/admin/bulk/comments/comment/<approve|spam|trash|delete>/?id=<pk>&id=…``: bulk actions.
* A dashboard panel with both numbers.

Nobody creates comments or reports from scratch in the admin: they come from visitors,
or as team replies. Everything a commenter sent is rendered by Django's autoescaping.
"""

from email.utils import parseaddr
from functools import wraps
from urllib.parse import urlencode

import django_filters
from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property, classproperty
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.menus import MenuItem as ListingMenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem
from wagtail.admin.ui.tables import (
    Column,
    DateColumn,
    NumberColumn,
    StatusTagColumn,
    TitleColumn,
)
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton
from wagtail.models import Page, Site
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import EditView, IndexView, SnippetViewSet

from comments.models import Comment, CommentReport, DiscussionSettings
from comments.moderation import team_name
from comments.rendering import comment_plain_text

MODERATE_PERMISSION = "comments.moderate_comment"
COMMENT_URL_NAMESPACE = "wagtailsnippets_comments_comment"
REPORT_URL_NAMESPACE = "wagtailsnippets_comments_commentreport"
TEMPLATES = "comments/admin/"


def can_moderate(user):
    return bool(user and user.is_active and user.has_perm(MODERATE_PERMISSION))


def excerpt(text, length=80):
    """The start of a text on one line, without markup; escaped wherever it is rendered."""
    return Truncator(" ".join(comment_plain_text(text).split())).chars(length)


def no_reply_address():
    return parseaddr(getattr(settings, "DEFAULT_FROM_EMAIL", ""))[1] or "webmaster@localhost"


def comment_url(view_name, *args):
    return reverse(f"{COMMENT_URL_NAMESPACE}:{view_name}", args=args)


def report_url(view_name, *args):
    return reverse(f"{REPORT_URL_NAMESPACE}:{view_name}", args=args)


def bulk_action_url(model_name, action, ids, next_url=None):
    params = [("id", pk) for pk in ids]
    if next_url:
        params.append(("next", next_url))
    url = reverse("wagtail_bulk_action", args=("comments", model_name, action))
    return f"{url}?{urlencode(params)}"


# == Permissions ==


class ModerationPermissionPolicy(ModelPermissionPolicy):
    """The model permissions, each only together with ``comments.moderate_comment``.

    Nobody may "add" comments or reports in the admin, superusers included: they come from
    visitors (or as team replies, which have their own view).
    """

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return can_moderate(user) and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        actions = [action for action in actions if action != "add"]
        user_model = get_user_model()
        if not actions:
            return user_model.objects.none()
        moderate = Permission.objects.filter(
            content_type__app_label="comments", codename="moderate_comment"
        )
        moderators = user_model.objects.filter(
            Q(is_superuser=True)
            | Q(user_permissions__in=moderate)
            | Q(groups__permissions__in=moderate),
            is_active=True,
        )
        return super().users_with_any_permission(actions).filter(pk__in=moderators.values("pk"))


# Registered before the viewsets below, which would otherwise create the default policy.
register_permission_policy(Comment, ModerationPermissionPolicy(Comment), exact_class=True)
register_permission_policy(
    CommentReport, ModerationPermissionPolicy(CommentReport), exact_class=True
)


# == Menu items with a number ==


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


def pending_comment_count():
    return Comment.objects.pending().count()


def open_report_count():
    return CommentReport.objects.filter(resolved=False).count()


# == Filters ==


class PageChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, page):
        return f"{page.title} ({page.locale.get_display_name()})"


class PageFilter(django_filters.ModelChoiceFilter):
    field_class = PageChoiceField


def commented_pages(request):
    """Only pages that have comments: the choice list stays short (one query)."""
    return (
        Page.objects.filter(pk__in=Comment.objects.values("page_id"))
        .select_related("locale")
        .order_by("title", "pk")
    )


class CommentFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"),
        choices=Comment.Status.choices,
        widget=forms.RadioSelect,
        empty_label=gettext_lazy("Alle"),
    )
    page = PageFilter(label=gettext_lazy("Seite"), queryset=commented_pages)
    created_at = django_filters.DateFromToRangeFilter(
        label=gettext_lazy("Geschrieben am"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Comment
        fields = ["status", "page", "created_at"]


class ReportFilterSet(WagtailFilterSet):
    class Meta:
        model = CommentReport
        fields = ["resolved", "reason"]


COMMENT_SEARCH_FIELDS = ["name", "email", "text"]
REPORT_SEARCH_FIELDS = ["explanation", "contact", "comment__text"]


def filtered_listing(request, model, filterset_class, search_fields):
    """The objects the listing shows for the query string (filters and search).

    Wagtail's snippet bulk actions ignore the filters when "select all in listing" is used
    and act on every object of the model; ours act on the filtered listing only.
    """
    queryset = model._default_manager.all()
    filterset = filterset_class(data=request.GET, queryset=queryset, request=request)
    if not filterset.is_valid():
        return queryset.none()
    queryset = filterset.qs
    query = request.GET.get("q", "").strip()  # as the listing's search form cleans it
    if query:
        condition = Q()
        for field in search_fields:
            condition |= Q(**{f"{field}__icontains": query})
        queryset = queryset.filter(condition)
    return queryset


# == Comments: listing, editing, team replies ==


class ExcerptTitleColumn(TitleColumn):
    """The comment's text, shortened, linked to the edit view."""

    def __init__(self, name, **kwargs):
        kwargs.update(label=gettext_lazy("Kommentar"), sort_key=None)
        super().__init__(name, **kwargs)

    def get_value(self, instance):
        return excerpt(instance.text)


STATUS_ACTIONS = [
    # (target status, bulk action, label, icon, priority in the row's menu)
    (Comment.Status.APPROVED, "approve", gettext_lazy("Freischalten"), "check", 1),
    (Comment.Status.SPAM, "spam", gettext_lazy("Als Spam markieren"), "warning", 2),
    (Comment.Status.TRASH, "trash", gettext_lazy("In den Papierkorb"), "bin", 3),
]


def thread_depth_for_site(site):
    if site is None:  # a page outside every site: the default of the setting
        return DiscussionSettings._meta.get_field("thread_depth").default
    return DiscussionSettings.for_site(site).thread_depth


def thread_depth_for(page):
    return thread_depth_for_site(page.get_site())


def reply_refusal(parent, thread_depth):
    """Why the team may not reply to ``parent`` (a German sentence), or None."""
    if parent.status != Comment.Status.APPROVED:
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
    def _get_title_column(self, field_name, column_class=TitleColumn, **kwargs):
        return super()._get_title_column(field_name, ExcerptTitleColumn, **kwargs)

    @cached_property
    def thread_depth(self):
        # One lookup per request; the reply view checks the page's own site again.
        return thread_depth_for_site(Site.find_for_request(self.request))

    @cached_property
    def listing_url(self):
        query = self.request.GET.copy()
        query.pop("_w_filter_fragment", None)
        return f"{self.index_url}?{query.urlencode()}" if query else self.index_url

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.status == Comment.Status.APPROVED and instance.depth < self.thread_depth:
            buttons.append(
                ListingMenuItem(
                    _("Als Team antworten"),
                    url=comment_url("reply", instance.pk),
                    icon_name="comment-add",
                    priority=11,
                )
            )
        for status, action, label, icon, priority in STATUS_ACTIONS:
            if instance.status != status:
                buttons.append(
                    ListingMenuItem(
                        label,
                        url=bulk_action_url("comment", action, [instance.pk], self.listing_url),
                        icon_name=icon,
                        priority=20 + priority,
                    )
                )
        return buttons


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
                for report in comment.reports.filter(resolved=False).order_by("-created_at")
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
    page_title = gettext_lazy("Als Team antworten")
    header_icon = "comment-add"

    def dispatch(self, request, *args, **kwargs):
        if not can_moderate(request.user):
            raise PermissionDenied
        self.parent = get_object_or_404(Comment.objects.select_related("page"), pk=kwargs["pk"])
        refusal = reply_refusal(self.parent, thread_depth_for(self.parent.page))
        if refusal:
            messages.error(request, refusal)
            return redirect(comment_url("edit", self.parent.pk))
        return super().dispatch(request, *args, **kwargs)

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
        user = self.request.user
        with transaction.atomic():
            # Lock-free re-check: the parent may have been moderated in the meantime.
            parent = Comment.objects.select_related("page").get(pk=self.parent.pk)
            refusal = reply_refusal(parent, thread_depth_for(parent.page))
            if refusal:
                form.add_error(None, refusal)
                return self.form_invalid(form)
            reply = Comment.objects.create(
                page=parent.page,
                parent=parent,
                depth=parent.depth + 1,
                name=team_name(),
                email=user.email or no_reply_address(),
                text=form.cleaned_data["text"],
                status=Comment.Status.APPROVED,
                is_team=True,
                user=user,
                moderation_reason="Antwort des Teams",
            )
        messages.success(
            self.request,
            _("Die Antwort des Teams ist veröffentlicht."),
            buttons=[messages.button(comment_url("edit", reply.pk), _("Bearbeiten"))],
        )
        return redirect(self.get_success_url())


def moderators_only(view):
    @wraps(view)
    def checked_view(request, *args, **kwargs):
        if not can_moderate(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return checked_view


class ModerationChooserViewSet(SnippetChooserViewSet):
    """Wagtail opens every snippet chooser to all admin users; these lists are for moderators."""

    @property
    def choose_view(self):
        return moderators_only(super().choose_view)

    @property
    def choose_results_view(self):
        return moderators_only(super().choose_results_view)

    @property
    def chosen_view(self):
        return moderators_only(super().chosen_view)

    @property
    def chosen_multiple_view(self):
        return moderators_only(super().chosen_multiple_view)

    @property
    def create_view(self):
        return moderators_only(super().create_view)


class CommentViewSet(SnippetViewSet):
    model = Comment
    icon = "comment"
    menu_label = gettext_lazy("Kommentare")
    menu_name = "comments"
    menu_order = 150  # right after "Seiten" (100)
    add_to_admin_menu = True
    add_to_reference_index = False  # nothing points to comments; saves work on every comment
    copy_view_enabled = False
    chooser_viewset_class = ModerationChooserViewSet
    index_view_class = CommentIndexView
    edit_view_class = CommentEditView
    edit_template_name = TEMPLATES + "comment_edit.html"
    list_display = [
        "text",
        "name",
        Column("page", label=gettext_lazy("Seite"), accessor="page.title", sort_key="page__title"),
        StatusTagColumn(
            "status",
            label=gettext_lazy("Status"),
            accessor="get_status_display",
            sort_key="status",
            primary=lambda comment: comment.status == Comment.Status.PENDING,
        ),
        DateColumn("created_at", label=gettext_lazy("Geschrieben am"), sort_key="created_at"),
        NumberColumn(
            "open_reports", label=gettext_lazy("Offene Meldungen"), sort_key="open_reports"
        ),
    ]
    filterset_class = CommentFilterSet
    search_fields = COMMENT_SEARCH_FIELDS
    search_backend_name = None  # Comment is not indexed: plain database search
    ordering = "-created_at"
    list_per_page = 25

    def get_queryset(self, request):
        return Comment.objects.select_related("page").annotate(
            open_reports=Count("reports", filter=Q(reports__resolved=False))
        )

    def get_menu_item(self, order=None):
        return CountMenuItem(
            label=self.menu_label,
            url=self.menu_url,
            name=self.menu_name,
            icon_name=self.menu_icon,
            order=self.get_menu_item_order(order),
            count=pending_comment_count,
            is_shown=can_moderate,
        )

    @property
    def reply_view(self):
        return TeamReplyView.as_view()

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("reply/<int:pk>/", self.reply_view, name="reply"),
        ]


# == Reports ==


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
        if not instance.resolved:
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
    def get_object(self, queryset=None):
        queryset = CommentReport.objects.select_related("comment", "comment__page")
        return super().get_object(queryset)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        comment = self.object.comment
        context.update(
            reported_comment=comment,
            reported_comment_edit_url=comment_url("edit", comment.pk),
        )
        return context


class ReportViewSet(SnippetViewSet):
    model = CommentReport
    icon = "warning"
    menu_label = gettext_lazy("Meldungen")
    menu_name = "comment-reports"
    menu_order = 151
    add_to_admin_menu = True
    add_to_reference_index = False
    copy_view_enabled = False
    chooser_viewset_class = ModerationChooserViewSet
    index_view_class = ReportIndexView
    edit_view_class = ReportEditView
    edit_template_name = TEMPLATES + "report_edit.html"
    list_display = [
        "reason",
        Column(
            "explanation",
            label=gettext_lazy("Begründung"),
            accessor=lambda report: excerpt(report.explanation),
        ),
        TitleColumn(
            "comment",
            label=gettext_lazy("Gemeldeter Kommentar"),
            accessor=lambda report: excerpt(report.comment.text),
            get_url=lambda report: comment_url("edit", report.comment_id),
        ),
        DateColumn("created_at", label=gettext_lazy("Gemeldet am"), sort_key="created_at"),
        StatusTagColumn(
            "resolved",
            label=gettext_lazy("Erledigt"),
            accessor=lambda report: _("Erledigt") if report.resolved else _("Offen"),
            sort_key="resolved",
            primary=lambda report: not report.resolved,
        ),
    ]
    filterset_class = ReportFilterSet
    search_fields = REPORT_SEARCH_FIELDS
    search_backend_name = None
    ordering = "-created_at"
    list_per_page = 25
    # Moderators only mark a report as done; what the visitor wrote stays as it was.
    panels = [
        FieldPanel("resolved"),
        FieldPanel("reason", read_only=True),
        FieldPanel("explanation", read_only=True),
        FieldPanel("contact", read_only=True),
    ]

    def get_queryset(self, request):
        return CommentReport.objects.select_related("comment")

    def get_menu_item(self, order=None):
        return CountMenuItem(
            label=self.menu_label,
            url=self.menu_url,
            name=self.menu_name,
            icon_name=self.menu_icon,
            order=self.get_menu_item_order(order),
            count=open_report_count,
            is_shown=can_moderate,
        )


register_snippet(CommentViewSet)
register_snippet(ReportViewSet)


# == Bulk actions ==


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
    """Set one field of the selected objects with a single UPDATE."""

    template_name = TEMPLATES + "bulk_confirm.html"
    action_button_class = ""

    def check_perm(self, obj):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", obj
        )

    def get_execution_context(self):
        return {**super().get_execution_context(), "user": self.request.user}

    def get_confirmation_texts(self, count):
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        count = len(context["items"])
        context.update(self.get_confirmation_texts(count))
        context.update(
            action_title=self.display_name,
            action_button_class=self.action_button_class,
            cancel_button=_("Nein, abbrechen"),
            no_access_msg=_("Diese darfst Du nicht ändern:"),
        )
        return context


class CommentStatusBulkAction(StatusBulkAction):
    status = None
    filterset_class = CommentFilterSet
    search_fields = COMMENT_SEARCH_FIELDS

    @classproperty
    def models(cls):
        return [Comment]

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        reason = f"Von Hand: {Comment.Status(cls.status).label}"
        if user is not None:
            reason = f"{reason} ({user.get_username()})"
        count = Comment.objects.filter(pk__in=[comment.pk for comment in objects]).update(
            status=cls.status, moderation_reason=reason[:200], updated_at=timezone.now()
        )
        return count, 0


class ApproveCommentsBulkAction(CommentStatusBulkAction):
    display_name = gettext_lazy("Freischalten")
    action_type = "approve"
    aria_label = gettext_lazy("Ausgewählte Kommentare freischalten")
    action_priority = 10
    status = Comment.Status.APPROVED

    def get_confirmation_texts(self, count):
        return {
            "confirm_question": ngettext(
                "Diesen Kommentar freischalten? Er erscheint dann öffentlich auf der Website.",
                "Diese %(count)d Kommentare freischalten? Sie erscheinen dann öffentlich auf der Website.",
                count,
            )
            % {"count": count},
            "confirm_button": _("Ja, freischalten"),
        }

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d Kommentar freigeschaltet.",
            "%(count)d Kommentare freigeschaltet.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


class SpamCommentsBulkAction(CommentStatusBulkAction):
    display_name = gettext_lazy("Als Spam markieren")
    action_type = "spam"
    aria_label = gettext_lazy("Ausgewählte Kommentare als Spam markieren")
    action_priority = 20
    status = Comment.Status.SPAM
    action_button_class = "serious"

    def get_confirmation_texts(self, count):
        return {
            "confirm_question": ngettext(
                "Diesen Kommentar als Spam markieren? Er verschwindet von der Website.",
                "Diese %(count)d Kommentare als Spam markieren? Sie verschwinden von der Website.",
                count,
            )
            % {"count": count},
            "confirm_button": _("Ja, als Spam markieren"),
        }

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d Kommentar als Spam markiert.",
            "%(count)d Kommentare als Spam markiert.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


class TrashCommentsBulkAction(CommentStatusBulkAction):
    display_name = gettext_lazy("In den Papierkorb")
    action_type = "trash"
    aria_label = gettext_lazy("Ausgewählte Kommentare in den Papierkorb legen")
    action_priority = 25
    status = Comment.Status.TRASH
    action_button_class = "serious"

    def get_confirmation_texts(self, count):
        return {
            "confirm_question": ngettext(
                "Diesen Kommentar in den Papierkorb legen? Er verschwindet von der Website, "
                "bleibt aber im Papierkorb, bis er gelöscht wird.",
                "Diese %(count)d Kommentare in den Papierkorb legen? Sie verschwinden von der "
                "Website, bleiben aber im Papierkorb, bis sie gelöscht werden.",
                count,
            )
            % {"count": count},
            "confirm_button": _("Ja, in den Papierkorb"),
        }

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d Kommentar in den Papierkorb gelegt.",
            "%(count)d Kommentare in den Papierkorb gelegt.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


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

    @classproperty
    def models(cls):
        return [CommentReport]

    @classmethod
    def execute_action(cls, objects, **kwargs):
        count = CommentReport.objects.filter(pk__in=[report.pk for report in objects]).update(
            resolved=True
        )
        return count, 0

    def get_confirmation_texts(self, count):
        return {
            "confirm_question": ngettext(
                "Diese Meldung als erledigt markieren?",
                "Diese %(count)d Meldungen als erledigt markieren?",
                count,
            )
            % {"count": count},
            "confirm_button": _("Ja, erledigt"),
        }

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d Meldung als erledigt markiert.",
            "%(count)d Meldungen als erledigt markiert.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


class DeleteReportsBulkAction(ModerationBulkActionMixin, DeleteBulkAction):
    filterset_class = ReportFilterSet
    search_fields = REPORT_SEARCH_FIELDS

    @classproperty
    def models(cls):
        return [CommentReport]


for _action in (
    ApproveCommentsBulkAction,
    SpamCommentsBulkAction,
    TrashCommentsBulkAction,
    ResolveReportsBulkAction,
):
    hooks.register("register_bulk_action", _action)
# After Wagtail's own snippet delete (order 0), so these replace it for comments and reports.
hooks.register("register_bulk_action", DeleteCommentsBulkAction, order=1)
hooks.register("register_bulk_action", DeleteReportsBulkAction, order=1)


# == Dashboard ==


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


@hooks.register("construct_homepage_panels")
def add_moderation_panel(request, panels):
    if can_moderate(request.user):
        panels.append(ModerationPanel())
