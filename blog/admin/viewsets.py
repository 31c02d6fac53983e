"""The blog's menu: "Alle Beiträge", "Neuer Beitrag" and the lists editors maintain."""

from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.viewsets.pages import PageListingViewSet

from blog.admin.views import PostIndexView, PostStatusFilterSet, can_write_posts, new_post
from blog.models import BlogPostPage


class PermittedMenuItem(MenuItem):
    def is_shown(self, request):
        return can_write_posts(request.user)


class PostListingViewSet(PageListingViewSet):
    model = BlogPostPage
    index_view_class = PostIndexView
    filterset_class = PostStatusFilterSet
    name = "blog_posts"
    url_prefix = "blog"
    icon = "doc-full-inverse"
    menu_label = _("Alle Beiträge")
    menu_name = "blog_posts"

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("neu/", new_post, name="new")]

    def get_menu_item(self, order=None):
        return PermittedMenuItem(
            self.menu_label,
            self.menu_url,
            name=self.menu_name,
            icon_name=self.menu_icon,
            order=self.get_menu_item_order(order),
        )


class NewPostMenuEntry(ViewSet):
    """ "Neuer Beitrag" in the Blog menu: the listing viewset's address, as its own menu entry."""

    name = "blog_new_post"
    icon = "plus"
    menu_label = _("Neuer Beitrag")
    menu_name = "blog_new_post"

    menu_url = reverse_lazy("blog_posts:new")

    def get_urlpatterns(self):
        return []

    def get_menu_item(self, order=None):
        return PermittedMenuItem(
            self.menu_label,
            self.menu_url,
            name=self.menu_name,
            icon_name=self.menu_icon,
            order=self.get_menu_item_order(order),
        )
