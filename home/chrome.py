"""The site chrome: organisation, main menu, footer and the home page of each language.

It is the same for every visitor of a language, so it is built once per site and language and
kept in the shared cache under the content generation (``home/cache_generation.py``): saving a
setting or a snippet, or publishing, moving or deleting a page, makes the next request build
it afresh in every process. It holds plain data (no model instances), so any cache backend can
keep it; what depends on the current page (the active menu entry, the links to this page's
translations) is added when the page renders, without queries.
"""

from django.core.cache import cache
from django.utils.translation import get_language
from wagtail.models import Page, Site

from home.cache_generation import generation_for_request
from home.localisation import localised_pages
from home.models import (
    FooterLegalLink,
    FooterSettings,
    FooterSocialLink,
    NavigationItem,
    OrganisationSettings,
)

KEY = "portal:chrome:{site}:{language}:{generation}"
# The generation in the key retires old entries; the timeout only frees the space they take.
TIMEOUT = 60 * 60 * 24


def site_chrome(request):
    """The chrome of the request's site in the active language: from the shared cache, and
    built at most once per request and language."""
    language = get_language()
    memo = request.__dict__.setdefault("_portal_chrome", {})
    if language not in memo:
        site = Site.find_for_request(request)
        key = KEY.format(
            site=site.pk if site else 0,
            language=language,
            generation=generation_for_request(request),
        )
        chrome = cache.get(key)
        if chrome is None:
            chrome = build_chrome(request, site)
            cache.set(key, chrome, TIMEOUT)
        memo[language] = chrome
    return memo[language]


def site_name(request):
    """The organisation's name, as the title of every page and feed shows it."""
    return site_chrome(request)["organisation"]["name"]


def build_chrome(request, site):
    """The chrome as plain data; the page URLs in it are relative to ``site``."""
    if site is None:
        return _chrome_data(OrganisationSettings(), FooterSettings(), [], [], [], {}, request)
    organisation = OrganisationSettings.for_site(site)
    footer = FooterSettings.for_site(site)
    navigation = list(NavigationItem.objects.filter(setting__site=site).select_related("page"))
    legal = list(FooterLegalLink.objects.filter(setting=footer).select_related("page"))
    social = list(FooterSocialLink.objects.filter(setting=footer))
    homes = {
        home.locale.language_code: home.get_url(request)
        for home in Page.objects.live()
        .filter(translation_key=site.root_page.translation_key)
        .select_related("locale")
    }
    return _chrome_data(organisation, footer, navigation, legal, social, homes, request)


def _chrome_data(organisation, footer, navigation, legal, social, homes, request):
    localised = localised_pages([item.page for item in navigation + legal], fallback=False)

    def links(items):
        found = []
        for item in items:
            page = localised.get(item.page.translation_key)
            if page is not None:
                found.append({"label": item.display_label(page), "url": page.get_url(request)})
        return found

    return {
        "organisation": {
            "name": organisation.name,
            "legal_name": organisation.legal_name,
            "address_lines": organisation.address_lines(),
            "phone": organisation.phone,
            "email": organisation.email,
        },
        "jsonld": _organisation_jsonld(organisation, social, homes.get(get_language())),
        "navigation": links(navigation),
        "footer": {
            "note": footer.localised("note"),
            "opening_hours_lines": footer.opening_hours_lines(),
        },
        "social_links": [{"name": link.name, "url": link.url} for link in social],
        "legal_links": links(legal),
        "homes": homes,
    }


def _organisation_jsonld(organisation, social, home_url):
    """The organisation as schema.org data; ``url`` and ``logo`` are made absolute per request."""
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": organisation.name,
        "url": home_url or "/",
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
        data["logo"] = organisation.logo.get_rendition("max-512x512|format-png").url
    if social:
        data["sameAs"] = [link.url for link in social]
    return data
