"""Site-wide views: language choice, search, sitemap, robots.txt and the error pages."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.sitemaps import Sitemap as DjangoSitemap
from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language_from_request, gettext_lazy
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps.sitemap_generator import Sitemap as WagtailSitemap
from wagtail.models import Page, Site

from home.pagination import paginate
from home.search import clean_query
from portal.hooks import SEARCH_SOURCES, SITEMAP_ITEMS, collect

SEARCH_RESULTS_PER_PAGE = 10


@require_GET
def language_redirect(request):
    """Send `/` to the visitor's preferred language, German if we have nothing better."""
    language = get_language_from_request(request, check_path=False)
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    return HttpResponseRedirect(f"/{language}/")


# The search address's word, translated per language (/de/suche/, /en/search/).
SEARCH_WORD = gettext_lazy("suche/")


def search_words():
    """The search word of every language, so the other language's word can redirect."""
    words = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            words.append(str(SEARCH_WORD))
    return list(dict.fromkeys(words))


@require_GET
def search_redirect(request):
    """The search under the other language's word (`/de/search/`): the search of this language."""
    url = reverse("search")
    if request.GET:
        url = f"{url}?{request.GET.urlencode()}"
    return HttpResponseRedirect(url)


@require_GET
def search(request):
    query = clean_query(request.GET.get("q", ""))
    results = []
    if query:
        for source in sorted(collect(SEARCH_SOURCES), key=lambda s: (s.order, s.key)):
            results.extend(source.search(query, request))
        # Two sources may find the same page (the page search and an app's own source): the
        # first, by the sources' order, stays.
        seen = set()
        results = [r for r in results if not (r.url in seen or seen.add(r.url))]
    page_of_results = paginate(request, results, SEARCH_RESULTS_PER_PAGE, past_the_end_is_404=False)
    return render(
        request,
        "home/search.html",
        {
            "search_query": query,
            "search_results": page_of_results,
            "result_count": len(results),
            "pagination_query": urlencode({"q": query}),
        },
    )


class LocalisedPageSitemap(WagtailSitemap):
    """Wagtail's page sitemap, covering the site's root in every language, not only German."""

    def items(self):
        site = self.get_wagtail_site()
        roots = Page.objects.filter(translation_key=site.root_page.translation_key)
        pages = Page.objects.none()
        for root in roots:
            pages |= Page.objects.descendant_of(root, inclusive=True)
        return pages.live().public().order_by("path").defer_streamfields().specific()


class PluginSitemap(DjangoSitemap):
    """Addresses that feature apps add besides pages (e.g. feeds of actors)."""

    def __init__(self, request):
        self.request = request

    def items(self):
        return collect(SITEMAP_ITEMS, self.request, Site.find_for_request(self.request))

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


@require_GET
def sitemap(request):
    sitemaps = {"pages": LocalisedPageSitemap(request), "more": PluginSitemap(request)}
    return django_sitemap(request, sitemaps)


@require_GET
@cache_control(max_age=86400)
def robots_txt(request):
    lines = ["User-agent: *", f"Disallow: {reverse('wagtailadmin_home')}"]
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            lines.append(f"Disallow: {reverse('search')}")
    lines += [
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def page_not_found(request, exception=None):
    return HttpResponse(loader.render_to_string("404.html", {}, request), status=404)


def server_error(request):
    # No request context: the page must render even when settings or the database fail.
    return HttpResponse(loader.render_to_string("500.html"), status=500)
