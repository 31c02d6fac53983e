"""Spielstätten: halls, clubs, galleries, churches and open-air places of the Kulturnetz."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.admin_forms import LocaleScopedPageForm
from home.api_fields import HeaderImageField
from home.blocks import ContentStreamBlock
from home.models import HeaderImageMixin, SeoFieldsMixin

from .actors import UPCOMING_LIMIT, VENUE_PARAM
from .contact import ACCESSIBILITY_PANEL, AddressMixin, ContactMixin, MapPageMixin
from .fields import WEEKDAY_CHOICES
from .reports import ReportContentMixin
from .submissions import SuggestChangesMixin


class VenueRoom(Orderable):
    """A room of a venue with its size and equipment, e.g. "Saal: 180 Plätze, Bühne, Flügel"."""

    page = ParentalKey("kulturnetz.VenuePage", related_name="rooms", on_delete=models.CASCADE)
    name = models.CharField(_("Raum"), max_length=80, help_text=_("Zum Beispiel: Großer Saal."))
    capacity = models.PositiveIntegerField(_("Plätze"), null=True, blank=True)
    equipment = models.TextField(
        _("Ausstattung"),
        max_length=500,
        blank=True,
        help_text=_("Zum Beispiel: Bühne, Licht, Ton, Flügel, Beamer."),
    )

    panels = [FieldPanel("name"), FieldPanel("capacity"), FieldPanel("equipment")]

    class Meta(Orderable.Meta):
        verbose_name = _("Raum")
        verbose_name_plural = _("Räume und Ausstattung")

    def __str__(self):
        return self.name


class OpeningHours(Orderable):
    """When a venue is open on one weekday (several rows for split hours)."""

    page = ParentalKey(
        "kulturnetz.VenuePage", related_name="opening_hours", on_delete=models.CASCADE
    )
    weekday = models.CharField(_("Wochentag"), max_length=2, choices=WEEKDAY_CHOICES)
    opens = models.TimeField(_("von"), null=True, blank=True)
    closes = models.TimeField(_("bis"), null=True, blank=True)
    note = models.CharField(
        _("Hinweis"),
        max_length=120,
        blank=True,
        help_text=_("Zum Beispiel: nur bei Veranstaltungen."),
    )

    panels = [
        FieldPanel("weekday"),
        FieldRowPanel([FieldPanel("opens"), FieldPanel("closes")]),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Öffnungszeit")
        verbose_name_plural = _("Öffnungszeiten")

    def clean(self):
        super().clean()
        if self.opens and self.closes and self.closes <= self.opens:
            raise ValidationError({"closes": _("Das Ende muss nach dem Beginn liegen.")})


class VenuePage(
    MapPageMixin,
    SuggestChangesMixin,
    ReportContentMixin,
    AddressMixin,
    ContactMixin,
    HeaderImageMixin,
    SeoFieldsMixin,
    Page,
):
    """A place where culture happens: its address, rooms, opening hours and accessibility."""

    district = models.ForeignKey(
        "kulturnetz.District",
        verbose_name=_("Ortsteil"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    intro = models.TextField(
        _("Kurzbeschreibung"),
        max_length=400,
        help_text=_("Ein, zwei Sätze für das Verzeichnis und für Suchergebnisse."),
    )
    body = StreamField(ContentStreamBlock(), verbose_name=_("Beschreibung"), blank=True)
    capacity = models.PositiveIntegerField(
        _("Plätze insgesamt"),
        null=True,
        blank=True,
        help_text=_("Wie viele Gäste passen in den größten Raum?"),
    )
    accessibility = ParentalManyToManyField(
        "kulturnetz.AccessibilityFeature",
        verbose_name=_("Barrierefreiheit"),
        blank=True,
        related_name="venues",
    )
    accessibility_note = models.TextField(
        _("Hinweise zur Barrierefreiheit"),
        max_length=800,
        blank=True,
        help_text=_("Zum Beispiel: Eingang über den Hof, Rampe mit 6 % Steigung."),
    )
    operated_by = ParentalManyToManyField(
        "kulturnetz.ActorPage",
        verbose_name=_("Betrieben von"),
        blank=True,
        related_name="venues",
        help_text=_("Kulturaktive, die diese Spielstätte betreiben."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        HeaderImageMixin.header_image_panel,
        FieldPanel("body"),
        FieldPanel("operated_by"),
    ]
    place_panels = [
        MultiFieldPanel(
            [*AddressMixin.address_panels, FieldPanel("district")], heading=_("Adresse")
        ),
        MultiFieldPanel(ContactMixin.contact_panels, heading=_("Kontakt")),
        FieldPanel("capacity"),
        InlinePanel("rooms", label=_("Raum"), heading=_("Räume und Ausstattung")),
        InlinePanel("opening_hours", label=_("Öffnungszeit"), heading=_("Öffnungszeiten")),
        ACCESSIBILITY_PANEL,
    ]
    promote_panels = SeoFieldsMixin.seo_panels
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Inhalt")),
            ObjectList(place_panels, heading=_("Ort und Ausstattung")),
            ObjectList(promote_panels, heading=_("Auffindbarkeit")),
            ObjectList(Page.settings_panels, heading=_("Einstellungen")),
        ]
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("street"),
        index.SearchField("town"),
        index.FilterField("district"),
    ]
    api_fields = [
        APIField("intro"),
        APIField("body"),
        APIField("header_image", serializer=HeaderImageField("fill-1200x630")),
        APIField("header_image_alt"),
        APIField("street"),
        APIField("postcode"),
        APIField("town"),
        APIField("latitude"),
        APIField("longitude"),
        APIField("district"),
        APIField("capacity"),
        APIField("rooms"),
        APIField("opening_hours"),
        APIField("accessibility"),
        APIField("accessibility_note"),
        APIField("phone"),
        APIField("website"),
        APIField("public_email"),
    ]

    # Listed in other languages' lists until translated (home.localisation.LISTED_UNTRANSLATED).
    listed_untranslated = True
    parent_page_types = ["kulturnetz.VenueIndexPage"]
    subpage_types = []

    base_form_class = LocaleScopedPageForm

    class Meta:
        verbose_name = _("Spielstätte")
        verbose_name_plural = _("Spielstätten")

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            missing = "longitude" if self.longitude is None else "latitude"
            raise ValidationError({missing: _("Bitte Breite und Länge zusammen angeben.")})

    def get_context(self, request, *args, **kwargs):
        from home.public_cache import shown_pages
        from kulturnetz.map import VENUE, map_context, place_of
        from kulturnetz.models import ActorPage
        from kulturnetz.reference import calendar_url, localised_terms, term
        from kulturnetz.structured_data import venue_jsonld

        context = super().get_context(request, *args, **kwargs)
        operated_by = list(self.operated_by.all())
        operators = shown_pages(
            ActorPage, [a.pk for a in operated_by], [a.translation_key for a in operated_by]
        )
        accessibility = localised_terms(self.accessibility.all(), self.locale_id)
        occurrences = list(self.upcoming_occurrences(limit=UPCOMING_LIMIT + 1))
        calendar = calendar_url(self.locale_id)
        opening_hours = list(self.opening_hours.all())
        district = term(
            self._meta.get_field("district").related_model, self.district_id, self.locale_id
        )
        place = place_of(VENUE, self, request, district=district)
        context.update(
            district=district,
            map=map_context(request, [place]) if place else None,
            accessibility=accessibility,
            operators=sorted(operators.values(), key=lambda page: page.title),
            rooms=list(self.rooms.all()),
            opening_hours=opening_hours,
            # The table's column of notes only when one of the days has a note.
            has_hour_notes=any(hours.note for hours in opening_hours),
            occurrences=occurrences[:UPCOMING_LIMIT],
            more_occurrences=len(occurrences) > UPCOMING_LIMIT,
            calendar_url=f"{calendar}?{VENUE_PARAM}={self.slug}" if calendar else "",
            structured_data=venue_jsonld(request, self, accessibility),
        )
        return context

    def get_meta_description(self):
        return self.search_description or self.intro

    def upcoming_occurrences(self, limit=UPCOMING_LIMIT):
        from kulturnetz.models import Occurrence

        # Through the ids of this venue's translations, so the venue index is used (see
        # ActorPage.upcoming_occurrences()).
        translations = VenuePage.objects.filter(translation_key=self.translation_key)
        return (
            Occurrence.objects.filter(venue__in=translations.values("pk"))
            .for_locale(self.locale_id)
            .upcoming()
            .once_per_run()
            .for_cards()[:limit]
        )
