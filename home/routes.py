"""Routes of routable pages whose words differ per language.

A German blog answers at ``kategorie/<slug>/``, its English translation at ``category/<slug>/``.
Declare such a route once with its words per language; ask the page for its address with
``page.route_url(name, *args)`` (or ``{% route_url page name args %}`` in templates), which uses
the words of the page's own language, falling back to the default language's words.
"""

from django.conf import settings
from django.urls import NoReverseMatch
from wagtail.contrib.routable_page.models import path, re_path


def route_name(name, language_code):
    """The name a route has in one language: the plain name in the default language."""
    if language_code == settings.LANGUAGE_CODE:
        return name
    return f"{name}_{language_code}"


def _localised(route, name, patterns):
    def decorator(view):
        for language_code, pattern in patterns.items():
            view = route(pattern, name=route_name(name, language_code))(view)
        return view

    return decorator


def localised_path(name, **patterns):
    """``@localised_path("category", de="kategorie/<slug:slug>/", en="category/<slug:slug>/")``."""
    return _localised(path, name, patterns)


def localised_re_path(name, **patterns):
    """As :func:`localised_path`, with regular expressions."""
    return _localised(re_path, name, patterns)


class LocalisedRoutesMixin:
    """For routable pages: addresses of their routes in the words of the page's language."""

    def route_path(self, name, *args):
        """The part after the page's own address, e.g. ``kategorie/fest/``."""
        localised = route_name(name, self.locale.language_code)
        if localised != name:
            try:
                return self.reverse_subpage(localised, args=args)
            except NoReverseMatch:
                pass  # A route without words of its own (a month, a feed) is the same everywhere.
        return self.reverse_subpage(name, args=args)

    def route_url(self, name, *args):
        return self.url + self.route_path(name, *args)


class ChildBySlugRouteMixin:
    """For pages whose children are all of one type (a blog's posts, a directory's entries).

    Wagtail's routing finds a child in two queries: the page, then the page as its type. The
    child is found here as its type in one, with its parent remembered (``get_parent()`` costs
    nothing). Put it after ``RoutablePageMixin`` in the bases: a page's own routes come first.
    """

    def route(self, request, path_components):
        child = self.child_by_slug(path_components[0]) if path_components else None
        if child is None:
            return super().route(request, path_components)
        child._cached_parent_obj = self
        return child.route(request, path_components[1:])

    def child_by_slug(self, slug):
        """The child page ``slug`` as its own type, or None to leave it to Wagtail."""
        models = self.allowed_subpage_models()
        if len(models) != 1:
            return None
        return models[0].objects.child_of(self).filter(slug=slug).first()
