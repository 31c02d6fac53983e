"""Template tags for the parts every page shares: menu, languages, footer, structured data."""

import datetime
import json
from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import timezone
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.models import Page, Site

from home.localisation import localised_pages
from home.models import FooterSettings, NavigationSettings, OrganisationSettings

register = template.Library()


def _request_cache(request, key, compute):
    """Compute a piece of the page chrome once per request (menu, footer and JSON-LD share it)."""
    cache = request.__dict__.setdefault("_portal_chrome", {})
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def _social_links(request):
    footer = FooterSettings.for_request(request)
    return _request_cache(request, "social_links", lambda: list(footer.social_links.all()))


def _localised_links(items, request):
    localised = localised_pages([item.page for item in items], fallback=False)
    links = []
    for item in items:
        page = localised.get(item.page.translation_key)
        if page is None:
            continue
        links.append(
            {"label": item.display_label(page), "url": page.get_url(request), "page": page}
        )
    return links


@register.inclusion_tag("includes/main_navigation.html", takes_context=True)
def main_navigation(context):
    request = context["request"]
    items = list(NavigationSettings.for_request(request).items.select_related("page"))
    links = _localised_links(items, request)
    for link in links:
        link["active"] = request.path.startswith(link["url"] or "//")
    return {"links": links, "request": request}


@register.inclusion_tag("includes/footer.html", takes_context=True)
def site_footer(context, languages=None):
    request = context["request"]
    footer = FooterSettings.for_request(request)
    organisation = OrganisationSettings.for_request(request)
    legal_items = list(footer.legal_links.select_related("page"))
    return {
        "request": request,
        "footer": footer,
        "note": footer.localised("note"),
        "organisation": organisation,
        "social_links": _social_links(request),
        "legal_links": _localised_links(legal_items, request),
        "languages": languages or [],
    }


def _home_for(request, language_code):
    def find_home():
        site = Site.find_for_request(request)
        if site is None:
            return None
        return (
            Page.objects.live()
            .filter(
                translation_key=site.root_page.translation_key,
                locale__language_code=language_code,
            )
            .first()
        )

    return _request_cache(request, f"home_{language_code}", find_home)


@register.simple_tag(takes_context=True)
def language_links(context, page=None):
    """One entry per language: where this page is in that language, or that language's home.

    A view that shows one route of a page (a blog category, a month) puts the equivalent
    addresses in the context as ``language_urls`` (language code to address); the site search
    keeps its query.
    """
    request = context["request"]
    current = get_language()
    language_urls = context.get("language_urls") or {}
    translations = None
    if isinstance(page, Page) and page.pk:
        translations = {
            p.locale.language_code: p
            for p in page.get_translations(inclusive=True).live().select_related("locale")
        }
    links = []
    for code, name in settings.LANGUAGES:
        if code in language_urls:
            url = language_urls[code]
        elif translations is not None:
            target = translations.get(code)
            url = target.get_url(request) if target else None
        else:
            url = translate_url(request.path, code)
            if code != current and url == request.path:
                url = None
            elif request.GET.get("q"):
                url = f"{url}?{urlencode({'q': request.GET['q']})}"
        translated = url is not None
        if url is None:
            home = _home_for(request, code)
            url = home.get_url(request) if home else f"/{code}/"
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "absolute_url": request.build_absolute_uri(url),
                "is_current": code == current,
                "translated": translated,
            }
        )
    return links


@register.filter(is_safe=True)
def with_site_name(title, site_name):
    """A page title followed by the site's name, which appears once if the title is that name."""
    title = " ".join(str(title).split())
    site_name = conditional_escape(site_name)
    if not title or title == site_name:
        return site_name
    if not site_name:
        return title
    return f"{title} · {site_name}"


@register.simple_tag(takes_context=True)
def organisation_jsonld(context):
    request = context["request"]
    organisation = OrganisationSettings.for_request(request)
    home = _home_for(request, get_language())
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": organisation.name,
        "url": request.build_absolute_uri(home.get_url(request) if home else "/"),
    }
    if organisation.legal_name:
        data["legalName"] = organisation.legal_name
    if organisation.street_address or organisation.locality:
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": organisation.street_address,
            "postalCode": organisation.postal_code,
            "addressLocality": organisation.locality,
            "addressRegion": organisation.region,
            "addressCountry": organisation.country,
        }
    if organisation.phone:
        data["telephone"] = organisation.phone
    if organisation.email:
        data["email"] = organisation.email
    if organisation.logo_id:
        data["logo"] = request.build_absolute_uri(
            organisation.logo.get_rendition("max-512x512|format-png").url
        )
    same_as = [link.url for link in _social_links(request)]
    if same_as:
        data["sameAs"] = same_as
    return json_script(data)


def json_script(data):
    """A JSON-LD script element; `<`, `>` and `&` are escaped so no text can end the element."""
    payload = (
        json.dumps(data, ensure_ascii=False, default=str)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))


@register.filter
def html_datetime(value):
    """A date or time as HTML's ``datetime`` attribute wants it: whole seconds, with offset.

    ``|date:'c'`` writes microseconds, and HTML allows at most three digits of a second.
    """
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(microsecond=0).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return ""


@register.simple_tag
def route_url(page, name, *args):
    """``{% route_url blog_index "category" slug %}``: a route of a routable page, in the words
    of the page's language (home/routes.py); the one way templates build route addresses."""
    return page.route_url(name, *args)
