"""The blog's own admin views: the list of posts and the one address for "Neuer Beitrag"."""

from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_filters import ChoiceFilter
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views.pages.listing import IndexView, PageFilterSet
from wagtail.admin.widgets import Button
from wagtail.models import Locale
from wagtail.permission_policies.pages import PagePermissionPolicy

from blog.models import BlogIndexPage, BlogPostPage
from blog.queries import (
    AUTHORS_IN_ORDER,
    DRAFT,
    LIVE,
    SCHEDULED,
    filter_by_status,
    post_status,
    posts_with_status,
)

STATUS_LABELS = {
    DRAFT: _("Entwurf"),
    SCHEDULED: _("Geplant"),
    LIVE: _("Veröffentlicht"),
}


def can_write_posts(user):
    return PagePermissionPolicy().user_has_any_permission(user, {"add", "change", "publish"})


def german_blog():
    """The default language's blog, where new posts start (translations follow from there)."""
    return BlogIndexPage.objects.filter(locale=Locale.get_default()).order_by("path").first()


def new_post_url():
    return reverse("blog_posts:new")


def new_post(request):
    """Opens the editor of a new post in the German blog, as WordPress's "Erstellen" does."""
    blog = german_blog()
    if blog is None:
        return redirect("blog_posts:choose_parent")
    return redirect("wagtailadmin_pages:add", "blog", "blogpostpage", blog.pk)


class PostStatusFilterSet(PageFilterSet):
    status = ChoiceFilter(
        label=_("Status"),
        choices=list(STATUS_LABELS.items()),
        method="filter_status",
        empty_label=_("Alle"),
    )

    def filter_status(self, queryset, name, value):
        return filter_by_status(queryset, value)

    class Meta(PageFilterSet.Meta):
        model = BlogPostPage


class PostAuthorsColumn(Column):
    def get_value(self, instance):
        return ", ".join(person.name for person in instance.authors())


class PostIndexView(IndexView):
    """The German blog's posts, newest first, with the WordPress states and their authors."""

    page_title = _("Blog-Beiträge")
    default_ordering = "-date"
    base_filterset_class = PostStatusFilterSet
    show_locale_labels = False
    base_columns = [
        # A plain title: Wagtail's page title cell adds a menu whose translation entries
        # (wagtail-localize) cost three queries per post; the page explorer keeps them.
        TitleColumn(
            "title",
            label=_("Titel"),
            sort_key="title",
            url_name="wagtailadmin_pages:edit",
            classname="title",
        ),
        StatusTagColumn(
            "status",
            label=_("Status"),
            accessor=lambda post: STATUS_LABELS[post_status(post)],
            primary=lambda post: post.live,
            width="14%",
        ),
        DateColumn("date", label=_("Datum"), sort_key="date", width="14%"),
        PostAuthorsColumn("authors", label=_("Geschrieben von"), width="24%"),
    ]

    def get_valid_orderings(self):
        return [*super().get_valid_orderings(), "date", "-date"]

    def annotate_queryset(self, pages):
        pages = super().annotate_queryset(pages).prefetch_related(AUTHORS_IN_ORDER)
        return posts_with_status(Locale.get_default(), pages)

    def get_add_url(self):
        if self.user_has_permission("add"):
            return new_post_url()
        return None

    @cached_property
    def add_button(self):
        # Prominent, as WordPress's "Erstellen": the team's most frequent task.
        return Button(_("Neuer Beitrag"), url=self.add_url, classname="button w-ml-3")
