"""The Kulturnetz's start page and its three sections: actors, venues and the calendar."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Page
from wagtail.search import index

from home.models import HeaderImageMixin, SeoFieldsMixin
from home.routes import (
    ChildBySlugRouteMixin,
    LocalisedRoutesMixin,
    localised_path,
    localised_re_path,
)

from .contact import MapPageMixin

# How many dates the start page lists for today and for the weekend, and how many new actors.
START_PAGE_DATES = 8
START_PAGE_ACTORS = 6
# The open data files' names per language (kulturnetz/open_data.py): dataset → {language: word}.
OPEN_DATA_WORDS = {
    "actors": {"de": "kulturaktive", "en": "actors"},
    "venues": {"de": "spielstaetten", "en": "venues"},
    "events": {"de": "veranstaltungen", "en": "events"},
}
OPEN_DATA_FORMATS = ("csv", "json")


def _open_data_file(folder, language):
    words = "|".join(words[language] for words in OPEN_DATA_WORDS.values())
    formats = "|".join(OPEN_DATA_FORMATS)
    # Wagtail serves only addresses of word characters ending in "/": daten/kulturaktive/csv/.
    return rf"^{folder}/(?P<word>{words})/(?P<fmt>{formats})/$"


class SectionPage(ChildBySlugRouteMixin, SeoFieldsMixin, Page):
    """What every page of the Kulturnetz's structure has: a title and an introduction."""

    intro = models.TextField(
        _("Einleitung"),
        max_length=800,
        blank=True,
        help_text=_("Zwei, drei Sätze oben auf der Seite. Erscheinen auch in Suchergebnissen."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    promote_panels = SeoFieldsMixin.seo_panels
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro")]

    # One of each per language: the Kulturnetz has one calendar, one directory of actors, …
    max_count_per_parent = 1

    class Meta:
        abstract = True


class KulturnetzIndexPage(
    MapPageMixin, LocalisedRoutesMixin, RoutablePageMixin, HeaderImageMixin, SectionPage
):
    """The Kulturnetz's start page; actors, venues and calendar are its children. Its routes
    are the open data (a page that explains them, and the files) and its places as GeoJSON
    for the map."""

    content_panels = [*SectionPage.content_panels, HeaderImageMixin.header_image_panel]

    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "kulturnetz.ActorIndexPage",
        "kulturnetz.VenueIndexPage",
        "kulturnetz.EventIndexPage",
    ]

    class Meta:
        verbose_name = _("Kulturnetz-Startseite")
        verbose_name_plural = _("Kulturnetz-Startseiten")

    def get_context(self, request, *args, **kwargs):
        from kulturnetz import periods
        from kulturnetz.directory import ACTOR_VOCABULARIES, live_actors, localise_cards
        from kulturnetz.map import START_PAGE_PLACES, map_context, map_places
        from kulturnetz.models import EventCategory, Occurrence
        from kulturnetz.reference import vocabulary

        context = super().get_context(request, *args, **kwargs)
        dates = Occurrence.objects.for_locale(self.locale_id).upcoming()
        sections = self.sections()
        for section in sections:
            # A page's children speak its language: their route addresses need no locale query.
            section.locale = self.locale
        newest = live_actors(locale=self.locale_id).order_by("-first_published_at", "-pk")
        # The list below the map: its first places by name; the map fetches them all.
        places = map_places(request, self.locale_id, limit=START_PAGE_PLACES + 1)
        context.update(
            sections=sections,
            calendar=next((p for p in sections if isinstance(p, EventIndexPage)), None),
            actor_directory=next((p for p in sections if isinstance(p, ActorIndexPage)), None),
            venue_directory=next((p for p in sections if isinstance(p, VenueIndexPage)), None),
            map=map_context(
                request, places[:START_PAGE_PLACES], source_url=self.route_url("map_geojson")
            ),
            more_places=len(places) > START_PAGE_PLACES,
            today=self._dates_in(dates, *periods.today()),
            weekend=self._dates_in(dates, *periods.weekend()),
            categories=vocabulary(EventCategory, self.locale_id),
            newest_actors=localise_cards(
                newest[:START_PAGE_ACTORS], self.locale, ACTOR_VOCABULARIES
            ),
        )
        return context

    def sections(self):
        """The live, public sections (calendar, directories) as their types, from the cache."""
        from home.public_cache import public
        from kulturnetz.reference import cached

        return cached(
            f"sections:{self.pk}", lambda: list(public(self.get_children().live()).specific())
        )

    def child_by_slug(self, slug):
        # The few sections come from the cache; anything else (a draft, a restricted section)
        # is left to Wagtail's routing.
        return next((section for section in self.sections() if section.slug == slug), None)

    @staticmethod
    def _dates_in(dates, start, end):
        return dates.between(start, end).once_per_run(since=start).for_cards()[:START_PAGE_DATES]

    # Routes (home/routes.py): the open data page and its files.
    @localised_path("open_data", de="daten/", en="data/")
    def open_data_view(self, request):
        from kulturnetz.open_data import open_data_page

        return open_data_page(self, request)

    @localised_re_path(
        "open_data_file",
        de=_open_data_file("daten", "de"),
        en=_open_data_file("data", "en"),
    )
    def open_data_file_view(self, request, word, fmt):
        from kulturnetz.open_data import open_data_file

        return open_data_file(self, request, word, fmt)

    # Its places as GeoJSON for the map.
    @path("geojson/", name="map_geojson")
    def map_geojson_view(self, request):
        from kulturnetz.map import geojson_response

        return geojson_response(self, request)


class ActorIndexPage(LocalisedRoutesMixin, RoutablePageMixin, SectionPage):
    """The directory of the Kulturaktive, and the form to suggest a new entry."""

    parent_page_types = ["kulturnetz.KulturnetzIndexPage"]
    subpage_types = ["kulturnetz.ActorPage"]

    class Meta:
        verbose_name = _("Verzeichnis der Kulturaktiven")
        verbose_name_plural = _("Verzeichnisse der Kulturaktiven")

    # Routes (home/routes.py): the directory, the form for a new entry and its thanks.
    @path("")
    def directory_view(self, request):
        from kulturnetz.directory import actor_directory_context

        return self.render(request, context_overrides=actor_directory_context(request, self))

    @localised_path("suggest", de="vorschlagen/", en="suggest/")
    def suggest_view(self, request):
        from kulturnetz.submissions.views import suggest_actor

        return suggest_actor(self, request)

    @localised_path("suggest_thanks", de="vorschlagen/danke/", en="suggest/thanks/")
    def suggest_thanks_view(self, request):
        from kulturnetz.submissions.views import thanks

        return thanks(self, request, "actor")


class VenueIndexPage(LocalisedRoutesMixin, RoutablePageMixin, SectionPage):
    """The directory of the Spielstätten, and the form to suggest a new one."""

    parent_page_types = ["kulturnetz.KulturnetzIndexPage"]
    subpage_types = ["kulturnetz.VenuePage"]

    class Meta:
        verbose_name = _("Verzeichnis der Spielstätten")
        verbose_name_plural = _("Verzeichnisse der Spielstätten")

    # Routes (home/routes.py): the directory, the form for a new entry and its thanks.
    @path("")
    def directory_view(self, request):
        from kulturnetz.directory import venue_directory_context

        return self.render(request, context_overrides=venue_directory_context(request, self))

    @localised_path("suggest", de="vorschlagen/", en="suggest/")
    def suggest_view(self, request):
        from kulturnetz.submissions.views import suggest_venue

        return suggest_venue(self, request)

    @localised_path("suggest_thanks", de="vorschlagen/danke/", en="suggest/thanks/")
    def suggest_thanks_view(self, request):
        from kulturnetz.submissions.views import thanks

        return thanks(self, request, "venue")


class EventIndexPage(LocalisedRoutesMixin, RoutablePageMixin, SectionPage):
    """The calendar: every upcoming date of the Kulturnetz in this language, its filters and feeds."""

    parent_page_types = ["kulturnetz.KulturnetzIndexPage"]
    subpage_types = ["kulturnetz.EventPage"]

    class Meta:
        verbose_name = _("Veranstaltungskalender")
        verbose_name_plural = _("Veranstaltungskalender")

    @classmethod
    def for_locale(cls, locale):
        """The live calendar in one language (a Locale or its id), or None."""
        return cls.objects.live().filter(locale=locale).order_by("path").first()

    def occurrences(self):
        """The one query behind the calendar, its feeds and the API (filters narrow it)."""
        from kulturnetz.models import Occurrence

        return Occurrence.objects.for_locale(self.locale_id).upcoming().for_cards()

    # Routes (home/routes.py): the calendar, its iCalendar feeds, the feeds of new events and
    # the form to report an event.
    @path("")
    def calendar_view(self, request):
        from kulturnetz.views import calendar

        return calendar(self, request)

    @path("ical/", name="ical")
    def ical_view(self, request):
        from kulturnetz.feeds import calendar_ical

        return calendar_ical(self, request)

    @localised_path(
        "category_ical", de="ical/kategorie/<slug:slug>/", en="ical/category/<slug:slug>/"
    )
    def category_ical_view(self, request, slug):
        from kulturnetz.feeds import calendar_ical

        return calendar_ical(self, request, kategorie=slug)

    @localised_path("venue_ical", de="ical/spielstaette/<slug:slug>/", en="ical/venue/<slug:slug>/")
    def venue_ical_view(self, request, slug):
        from kulturnetz.feeds import calendar_ical

        return calendar_ical(self, request, spielstaette=slug)

    @localised_path("actor_ical", de="ical/kulturaktive/<slug:slug>/", en="ical/actor/<slug:slug>/")
    def actor_ical_view(self, request, slug):
        from kulturnetz.feeds import calendar_ical

        return calendar_ical(self, request, veranstalter=slug)

    @localised_path(
        "event_ical", de="ical/veranstaltung/<slug:slug>/", en="ical/event/<slug:slug>/"
    )
    def event_ical_view(self, request, slug):
        from kulturnetz.feeds import event_ical

        return event_ical(self, request, slug)

    @re_path(r"^feed/(?P<kind>rss|atom)/$", name="feed")
    def feed_view(self, request, kind):
        from kulturnetz.feeds import new_events_feed

        return new_events_feed(self, request, kind)

    @localised_path("display", de="anzeige/", en="display/")
    def display_view(self, request):
        from kulturnetz.display import display

        return display(self, request)

    @localised_path("report", de="melden/", en="submit/")
    def report_view(self, request):
        from kulturnetz.submissions.views import report_event

        return report_event(self, request)

    @localised_path("report_thanks", de="melden/danke/", en="submit/thanks/")
    def report_thanks_view(self, request):
        from kulturnetz.submissions.views import thanks

        return thanks(self, request, "event")
