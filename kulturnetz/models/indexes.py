"""The Kulturnetz's start page and its three sections: actors, venues and the calendar."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Page
from wagtail.search import index

from home.models import HeaderImageMixin, SeoFieldsMixin
from home.routes import LocalisedRoutesMixin, localised_path

# How many dates the start page lists for today and for the weekend, and how many new actors.
START_PAGE_DATES = 8
START_PAGE_ACTORS = 6


class SectionPage(SeoFieldsMixin, Page):
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


class KulturnetzIndexPage(HeaderImageMixin, SectionPage):
    """The Kulturnetz's start page; actors, venues and calendar are its children."""

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
        from kulturnetz.models import EventCategory, Occurrence

        context = super().get_context(request, *args, **kwargs)
        dates = Occurrence.objects.for_locale(self.locale_id).upcoming()
        sections = list(self.get_children().live().public().specific())
        for section in sections:
            # A page's children speak its language: their route addresses need no locale query.
            section.locale = self.locale
        newest = live_actors(locale=self.locale_id).order_by("-first_published_at", "-pk")
        context.update(
            sections=sections,
            calendar=next((p for p in sections if isinstance(p, EventIndexPage)), None),
            actor_directory=next((p for p in sections if isinstance(p, ActorIndexPage)), None),
            venue_directory=next((p for p in sections if isinstance(p, VenueIndexPage)), None),
            today=dates.between(*periods.today()).for_cards()[:START_PAGE_DATES],
            weekend=dates.between(*periods.weekend()).for_cards()[:START_PAGE_DATES],
            categories=EventCategory.objects.filter(locale=self.locale_id),
            newest_actors=localise_cards(
                newest[:START_PAGE_ACTORS], self.locale, ACTOR_VOCABULARIES
            ),
        )
        return context


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

    @localised_path("report", de="melden/", en="submit/")
    def report_view(self, request):
        from kulturnetz.submissions.views import report_event

        return report_event(self, request)

    @localised_path("report_thanks", de="melden/danke/", en="submit/thanks/")
    def report_thanks_view(self, request):
        from kulturnetz.submissions.views import thanks

        return thanks(self, request, "event")
