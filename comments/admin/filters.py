"""The filters of the moderation lists, shared by the lists and their bulk actions."""

import django_filters
from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.models import Page

from comments.models import Comment, CommentReport

COMMENT_SEARCH_FIELDS = ["name", "email", "text"]
# What "Alle" shows, as WordPress's "All": spam and the bin have tabs of their own.
HIDDEN_FROM_ALL = [Comment.Status.SPAM, Comment.Status.TRASH]
STATUS_PARAM = "status"  # ?status=pending is the "Ausstehend" tab; the dashboard links to it
ALL_TAB = "all"
STATUS_TABS = [
    (ALL_TAB, gettext_lazy("Alle")),
    (Comment.Status.PENDING, gettext_lazy("Ausstehend")),
    (Comment.Status.APPROVED, gettext_lazy("Freigegeben")),
    (Comment.Status.SPAM, gettext_lazy("Spam")),
    (Comment.Status.TRASH, gettext_lazy("Papierkorb")),
]
# Query parameters a tab drops: the page number and Wagtail's results-only marker.
TAB_DROPS = (STATUS_PARAM, "p", "_w_filter_fragment")


def status_counts():
    """The number of comments in each tab, counted in one query."""
    counts = Comment.objects.aggregate(
        **{status: Count("pk", filter=Q(status=status)) for status in Comment.Status.values}
    )
    counts[ALL_TAB] = sum(n for status, n in counts.items() if status not in HIDDEN_FROM_ALL)
    return counts


def status_tabs(request, index_url):
    """The tabs above the list: label, count, address (other filters kept), current or not."""
    counts = status_counts()
    current = request.GET.get(STATUS_PARAM) or ALL_TAB
    tabs = []
    for key, label in STATUS_TABS:
        query = request.GET.copy()
        for param in TAB_DROPS:
            query.pop(param, None)
        if key != ALL_TAB:
            query[STATUS_PARAM] = key
        encoded = query.urlencode()
        tabs.append(
            {
                "key": key,
                "label": label,
                "count": counts[key],
                "url": f"{index_url}?{encoded}" if encoded else index_url,
                "current": key == current,
            }
        )
    return tabs


REPORT_SEARCH_FIELDS = ["explanation", "contact", "comment__text"]


class PageChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, page):
        return f"{page.title} ({page.locale.get_display_name()})"


class PageFilter(django_filters.ModelChoiceFilter):
    field_class = PageChoiceField


class PageTypeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, content_type):
        return page_type_label(content_type.model_class())


class PageTypeFilter(django_filters.ModelChoiceFilter):
    field_class = PageTypeChoiceField


def page_type_label(page_class):
    """ "Blog-Beitrag": how editors know a page type."""
    return str(page_class._meta.verbose_name) if page_class else ""


def commented_pages(request):
    """Only pages that have comments: the choice list stays short (one query)."""
    return (
        Page.objects.filter(pk__in=Comment.objects.values("page_id"))
        .select_related("locale")
        .order_by("title", "pk")
    )


def commented_page_types(request):
    """Only the page types that have comments (one query)."""
    return ContentType.objects.filter(pk__in=Comment.objects.values("page__content_type_id"))


class CommentFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"),
        choices=Comment.Status.choices,
        widget=forms.RadioSelect,
        empty_label=gettext_lazy("Alle außer Spam und Papierkorb"),
    )
    page = PageFilter(label=gettext_lazy("Seite"), queryset=commented_pages)
    page_type = PageTypeFilter(
        label=gettext_lazy("Seitentyp"),
        field_name="page__content_type",
        queryset=commented_page_types,
    )
    created_at = django_filters.DateFromToRangeFilter(
        label=gettext_lazy("Geschrieben am"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Comment
        fields = ["status", "page", "page_type", "created_at"]

    def filter_queryset(self, queryset):
        if not self.form.cleaned_data.get("status"):
            queryset = queryset.exclude(status__in=HIDDEN_FROM_ALL)
        return super().filter_queryset(queryset)


class ReportFilterSet(WagtailFilterSet):
    class Meta:
        model = CommentReport
        fields = ["status", "reason"]


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
