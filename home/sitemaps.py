"""The sitemap in sections: the pages of each language, and the addresses of each feature app.

``/sitemap.xml`` is an index that names the sections; each section lists at most
``SECTION_SIZE`` addresses per page (``?p=2``), so no response grows with the site. Every
response is kept in the shared cache under the content generation (home/cache_generation.py),
so a crawler costs no queries until an editor publishes something.
"""

from django.conf import settings
from django.contrib.sitemaps import Sitemap as DjangoSitemap
from django.core.cache import cache
from django.db.models import Max
from django.http import HttpResponse
from wagtail import hooks
from wagtail.contrib.sitemaps.sitemap_generator import Sitemap as WagtailSitemap
from wagtail.models import Page, Site

from home.cache_generation import generation
from home.public_cache import public
from portal.hooks import HOOK_TYPES, SITEMAP_ITEMS

# Search engines take up to 50,000 addresses per sitemap; smaller sections stay quick to build.
SECTION_SIZE = 5000
CACHE_SECONDS = 24 * 60 * 60


class LanguagePageSitemap(WagtailSitemap):
    """Wagtail's page sitemap for the site's root in one language."""

    limit = SECTION_SIZE

    def __init__(self, request, language_code):
        super().__init__(request)
        self.language_code = language_code

    def items(self):
        site = self.get_wagtail_site()
        roots = Page.objects.filter(
            translation_key=site.root_page.translation_key,
            locale__language_code=self.language_code,
        )
        pages = Page.objects.none()
        for root in roots:
            pages |= Page.objects.descendant_of(root, inclusive=True)
        return public(pages.live()).order_by("path").defer_streamfields().specific()

    def get_latest_lastmod(self):
        # One aggregate, not a walk over every page (Django's default calls lastmod on each).
        return self.items().aggregate(latest=Max("last_published_at"))["latest"]


class AppSitemap(DjangoSitemap):
    """Addresses that one feature app adds besides pages (e.g. its category pages)."""

    limit = SECTION_SIZE

    def __init__(self, request, hook):
        self.request = request
        self.hook = hook

    def items(self):
        expected = HOOK_TYPES[SITEMAP_ITEMS]
        items = list(self.hook(self.request, Site.find_for_request(self.request)) or ())
        for item in items:
            if not isinstance(item, expected):
                raise TypeError(
                    f"{self.hook.__module__}.{self.hook.__qualname__} returned {item!r} for "
                    f"{SITEMAP_ITEMS}, expected {expected.__name__}."
                )
        return items

    def location(self, item):
        return item.location

    def lastmod(self, item):
        return item.lastmod

    def get_urls(self, page=1, site=None, protocol=None):
        # Plugin locations are absolute already.
        return [
            {"item": item, "location": self.location(item), "lastmod": self.lastmod(item)}
            for item in self.paginator.page(page).object_list
        ]


def sections(request):
    """{section name: sitemap}: ``seiten-de``, ``seiten-en``, then one per app (``blog``)."""
    found = {
        f"seiten-{code}": LanguagePageSitemap(request, code) for code, _name in settings.LANGUAGES
    }
    for hook in hooks.get_hooks(SITEMAP_ITEMS):
        name = hook.__module__.split(".")[0]
        while name in found:
            name += "-mehr"
        found[name] = AppSitemap(request, hook)
    return found


def cached(request, name, build):
    """The response ``build()`` makes, from the shared cache while the content is unchanged.

    The key holds the address asked for (host and scheme: the sitemap's addresses are
    absolute) and the content generation, which a publish changes.
    """
    key = f"sitemap:{generation()}:{request.scheme}:{request.get_host()}:{name}"
    kept = cache.get(key)
    if kept is None:
        response = build()
        if hasattr(response, "render"):
            response.render()
        if response.status_code != 200:
            return response
        kept = {
            "content": response.content,
            "headers": {
                header: response[header]
                for header in ("Content-Type", "Last-Modified", "X-Robots-Tag")
                if response.has_header(header)
            },
        }
        cache.set(key, kept, CACHE_SECONDS)
    return HttpResponse(kept["content"], headers=kept["headers"])
