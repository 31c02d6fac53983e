"""What home/ hands to the portal (search, home-page section, demo content, bench and showcase
pages), the dashboard's quick actions and the admin's translation editor fixes."""

from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from home import bench, demo
from home.dashboard import QuickActionsPanel, dashboard_actions
from home.search import search_pages
from portal.hooks import (
    BENCH_PAGES,
    CACHE_MODELS,
    DEMO_CONTENT,
    HOME_SECTIONS,
    ORDER_FOUNDATION_FIRST,
    ORDER_FOUNDATION_LAST,
    PERSONAL_DATA,
    SEARCH_SOURCES,
    SHOWCASE_PAGES,
    BenchPages,
    DemoContent,
    HomeSection,
    PersonalData,
    SearchSource,
    ShowcasePage,
)


@hooks.register(CACHE_MODELS)
def wagtail_models_seen_on_pages():
    """Wagtail's models that change public pages without a page being published: a view
    restriction hides a page, a site or locale changes addresses, a redirect answers an old
    address, a replaced picture or document changes the files pages link to."""
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Locale, PageViewRestriction, Site

    return [PageViewRestriction, Site, Locale, Redirect, get_image_model(), get_document_model()]


@hooks.register(PERSONAL_DATA)
def foundation_records():
    """Flood control keeps keyed hashes of senders' addresses for a day: they name nobody, so
    there is nothing to export. Failed logins (django-axes) keep the address and the name typed
    for the lock, purged after a day."""
    from home import login_protection as logins
    from home.form_protection import purge_throttles

    return [
        PersonalData(
            "form_throttles", export=lambda email: [], erase=lambda email: 0, purge=purge_throttles
        ),
        PersonalData(
            "login_attempts",
            export=logins.export_login_attempts,
            erase=logins.erase_login_attempts,
            purge=logins.purge_login_attempts,
            statement=logins.login_attempts_statement,
        ),
    ]


@hooks.register(SEARCH_SOURCES)
def page_search():
    return [
        SearchSource(
            key="pages", label=_("Seiten"), search=search_pages, order=ORDER_FOUNDATION_FIRST
        )
    ]


@hooks.register(HOME_SECTIONS)
def contact_section():
    return [
        HomeSection(
            key="contact",
            label=_("Kontakt und Öffnungszeiten"),
            template="home/sections/contact.html",
            order=ORDER_FOUNDATION_LAST,
            # The footer of every page carries address and opening hours; the demo's home page
            # does not repeat them. Editors can still place the section where it helps.
            demo=False,
        )
    ]


@hooks.register(DEMO_CONTENT)
def demo_content():
    return [
        DemoContent(
            name="Startseite und Inhaltsseiten", load=demo.load, order=ORDER_FOUNDATION_FIRST
        ),
        # After every app's demo, so the sections have something to show.
        DemoContent(
            name="Abschnitte der Startseite",
            load=demo.place_home_sections,
            order=ORDER_FOUNDATION_LAST,
        ),
    ]


@hooks.register(SHOWCASE_PAGES)
def showcase_pages():
    # The demo content's addresses (home/demo.py); the search page keeps its query.
    pages = [
        ("home-de", "/de/"),
        ("home-en", "/en/"),
        ("standard-page", "/de/ueber-uns/"),
        ("privacy", "/de/datenschutz/"),
        ("search", _search_path() + "?q=Saal"),
        ("not-found", "/de/gibt-es-nicht/"),
    ]
    return [
        ShowcasePage(name=name, path=path, order=ORDER_FOUNDATION_FIRST + index)
        for index, (name, path) in enumerate(pages)
    ]


def _search_path():
    with translation.override("de"):
        return reverse("search")


@hooks.register(BENCH_PAGES)
def bench_pages():
    return [
        BenchPages(name="home", build=bench.build, urls=bench.urls, order=ORDER_FOUNDATION_FIRST)
    ]


# The translation editor (wagtail-localize): German for its hard-coded strings, and room for
# the status panel. Both files act only inside that editor.
@hooks.register("insert_global_admin_css")
def translation_editor_css():
    return format_html(
        '<link rel="stylesheet" href="{}">', static("css/admin/translation-editor.css")
    )


@hooks.register("insert_editor_js")
def translation_editor_js():
    return format_html('<script src="{}"></script>', static("js/admin/translation-editor.js"))


@hooks.register("construct_homepage_panels")
def quick_actions_panel(request, panels):
    actions = dashboard_actions(request)
    if actions:
        panels.append(QuickActionsPanel(actions))


@hooks.register("insert_editor_js")
def quiet_autosave_while_typing():
    return format_html('<script src="{}"></script>', static("js/admin/autosave-quiet.js"))
