"""Site-wide views: language choice, search, sitemap, robots.txt and the error pages."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language_from_request, gettext_lazy
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from home import sitemaps
from home.pagination import paginate
from home.search import clean_query, search_everything

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
    hits = search_everything(query, request) if query else []
    page_of_results = paginate(request, hits, SEARCH_RESULTS_PER_PAGE, past_the_end_is_404=False)
    return render(
        request,
        "home/search.html",
        {
            "search_query": query,
            "search_results": page_of_results,
            "result_count": page_of_results.paginator.count,
            "pagination_query": urlencode({"q": query}),
        },
    )


@require_GET
def sitemap_index(request):
    """The sitemap's index: one entry per section and page of a section."""
    return sitemaps.cached(
        request,
        "index",
        lambda: sitemap_views.index(
            request, sitemaps.sections(request), sitemap_url_name="sitemap_section"
        ),
    )


@require_GET
def sitemap_section(request, section):
    def build():
        return sitemap_views.sitemap(request, sitemaps.sections(request), section=section)

    page = request.GET.get("p", "1")
    if not (page.isdigit() and len(page) < 6):
        return build()  # Django's answer to a page that cannot exist (404), not kept
    return sitemaps.cached(request, f"{section}:{page}", build)


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
