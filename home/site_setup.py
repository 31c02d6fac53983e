"""What a fresh database needs to be the house's site, with or without demo content.

The German home page at the root with its published English translation, the default Site
pointing at it, the user groups with their permissions and the site settings. Wagtail's
"Welcome to your new Wagtail site!" page, which the migrations create, is removed.
Running it again changes nothing.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, Site

from home.groups import ensure_groups
from home.models import FooterSettings, HomePage, NavigationSettings, OrganisationSettings
from portal.demo import T, ensure_locales, pick, publish_translation

HOME_SLUG = "haus-am-westbahnhof"
# The English home page is the German one's sibling, and siblings need different slugs.
HOME_SLUG_EN = f"{HOME_SLUG}-en"

HOME_PAGE = {
    "title": T(settings.WAGTAIL_SITE_NAME, settings.WAGTAIL_SITE_NAME),
    "hero_heading": T("Willkommen im Haus am Westbahnhof", "Welcome to Haus am Westbahnhof"),
    "hero_text": T(
        "Wir sind ein soziokulturelles Zentrum in Landau: Konzerte, Theater, Lesungen und "
        "Werkstätten unter einem Dach, offen für alle, die Kultur erleben oder selbst "
        "machen wollen.",
        "We are a socio-cultural centre in Landau: concerts, theatre, readings and workshops "
        "under one roof, open to everyone who wants to enjoy culture or make it themselves.",
    ),
}


@dataclass
class SetUpSite:
    """The Site and its home page in both languages."""

    site: Site
    home_de: HomePage
    home_en: HomePage


def set_up_site(site_url="", log=None):
    """Make the database a working site; ``site_url`` (e.g. https://example.org) sets its address."""
    log = log or (lambda message: None)
    de, en = ensure_locales()
    home = HomePage.objects.filter(locale=de, depth=2).first()
    if home is None:
        home = HomePage(slug=HOME_SLUG, locale=de, **pick(HOME_PAGE, "de"))
        Page.get_first_root_node().add_child(instance=home)
        home.save_revision().publish()
        log(f"  + HomePage {home.title}")

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True
        )
        log(f"  + Site {site.root_url}")
    _serve_at(site, site_url, log)
    if site.root_page_id != home.pk:
        site.root_page = home
        site.save()
        log(f"  ~ Site {site.root_url} zeigt auf {home.title}")
    _remove_wagtail_welcome_page(log)

    home_en = home.get_translation_or_none(en)
    if home_en is None:
        home_en, _missing = publish_translation(
            home, HOME_PAGE, en, extra_pairs={HOME_SLUG: HOME_SLUG_EN}
        )
        log(f"  + HomePage {home_en.title} (en)")

    ensure_groups()
    for setting in (OrganisationSettings, NavigationSettings, FooterSettings):
        setting.for_site(site)
    return SetUpSite(site=site, home_de=home, home_en=home_en.specific)


def _serve_at(site, site_url, log):
    """Give the Site the address the portal is served at, so its absolute links work."""
    if not site_url:
        return
    address = urlsplit(site_url)
    if address.scheme not in ("http", "https") or not address.hostname:
        raise ValueError(f"Keine gültige Adresse: {site_url}")
    port = address.port or (443 if address.scheme == "https" else 80)
    if (site.hostname, site.port) != (address.hostname, port):
        site.hostname, site.port = address.hostname, port
        site.save()
        log(f"  ~ Site {site.root_url}")


def _remove_wagtail_welcome_page(log):
    # Wagtail's initial data is a plain Page under the root; no editor can make one.
    plain_page = ContentType.objects.get_for_model(Page)
    for page in Page.objects.filter(depth=2, content_type=plain_page, sites_rooted_here=None):
        log(f"  - {page.title}")
        page.delete()
