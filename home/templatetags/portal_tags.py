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
from wagtail.models import Page

from home.chrome import site_chrome

register = template.Library()


@register.inclusion_tag("includes/main_navigation.html", takes_context=True)
def main_navigation(context):
    request = context["request"]
    links = [
        {**link, "active": request.path.startswith(link["url"] or "//")}
        for link in site_chrome(request)["navigation"]
    ]
    return {"links": links, "request": request}


@register.inclusion_tag("includes/footer.html", takes_context=True)
def site_footer(context, languages=None):
    request = context["request"]
    chrome = site_chrome(request)
    return {
        "request": request,
        "footer": chrome["footer"],
        "note": chrome["footer"]["note"],
        "organisation": chrome["organisation"],
        "social_links": chrome["social_links"],
        "legal_links": chrome["legal_links"],
        "languages": languages or [],
    }


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
        if language_urls and all(code in language_urls for code, _ in _other(current)):
            # A route of this page named every other language: the page is in this one.
            translations = {current: page}
        else:
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
            url = site_chrome(request)["homes"].get(code) or f"/{code}/"
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


def _other(current):
    return [(code, name) for code, name in settings.LANGUAGES if code != current]


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
    data = dict(site_chrome(request)["jsonld"])
    data["url"] = request.build_absolute_uri(data["url"])
    if "logo" in data:
        data["logo"] = request.build_absolute_uri(data["logo"])
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


@register.simple_tag
def consent_label(privacy_url):
    """The consent box's wording of the current version (home/consent.py)."""
    from home.consent import consent_label as label

    return label(privacy_url)
