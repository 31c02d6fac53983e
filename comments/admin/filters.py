"""The filters of the moderation lists, shared by the lists and their bulk actions."""

import django_filters
from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.models import Page

from comments.models import Comment, CommentReport

COMMENT_SEARCH_FIELDS = ["name", "email", "text"]
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
        empty_label=gettext_lazy("Alle"),
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


class ReportFilterSet(WagtailFilterSet):
    class Meta:
        model = CommentReport
        fields = ["resolved", "reason"]


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
