"""Veranstaltungen and their dates: single dates, multi-day runs and repeating dates."""

from datetime import datetime, time

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

from .contact import ACCESSIBILITY_PANEL, AddressMixin, MapPageMixin
from .fields import WEEKDAY_CODES, DateListField, WeekdaysField, split_codes
from .reports import ReportContentMixin
from .submissions import SuggestChangesMixin


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("findet statt")
    CANCELLED = "cancelled", _("abgesagt")
    POSTPONED = "postponed", _("verschoben")
    SOLD_OUT = "sold_out", _("ausverkauft")


class EventDate(Orderable):
    """One date of an event, a run of days (with opening hours) or a repeating date.

    Editors fill in simple fields; ``rrule`` holds the RFC 5545 rule made from them, which
    kulturnetz/recurrence.py expands into the occurrences table.
    """

    class Kind(models.TextChoices):
        SINGLE = "single", _("Einzeltermin")
        RUN = "run", _("Zeitraum (z. B. Ausstellung)")
        REPEATING = "repeating", _("Wiederkehrender Termin")

    class Frequency(models.TextChoices):
        WEEKLY = "WEEKLY", _("wöchentlich")
        MONTHLY = "MONTHLY", _("monatlich")

    class MonthlyBy(models.TextChoices):
        WEEKDAY = "weekday", _("am selben Wochentag (z. B. jeden 2. Freitag)")
        DAY = "day", _("am selben Tag des Monats (z. B. jeden 15.)")

    page = ParentalKey("kulturnetz.EventPage", related_name="dates", on_delete=models.CASCADE)
    kind = models.CharField(_("Art des Termins"), max_length=10, choices=Kind, default=Kind.SINGLE)
    start_date = models.DateField(
        _("Datum"),
        help_text=_("Bei Zeiträumen der erste Tag, bei Wiederholungen der erste Termin."),
    )
    start_time = models.TimeField(
        _("Beginn"),
        null=True,
        blank=True,
        help_text=_("Leer lassen für ganztägig. Bei Zeiträumen: Öffnungszeit ab."),
    )
    end_date = models.DateField(
        _("Enddatum"),
        null=True,
        blank=True,
        help_text=_(
            "Bei Zeiträumen der letzte Tag; bei Einzelterminen nur, wenn es über Nacht geht."
        ),
    )
    end_time = models.TimeField(
        _("Ende"),
        null=True,
        blank=True,
        help_text=_("Optional. Bei Zeiträumen: Öffnungszeit bis."),
    )
    closed_weekdays = WeekdaysField(
        _("Geschlossen an"),
        help_text=_("Nur bei Zeiträumen: Wochentage, an denen geschlossen ist."),
    )
    frequency = models.CharField(_("Wiederholung"), max_length=10, choices=Frequency, blank=True)
    interval = models.PositiveSmallIntegerField(
        _("Abstand"),
        default=1,
        help_text=_("1 = jede Woche bzw. jeden Monat, 2 = jede zweite, …"),
    )
    weekdays = WeekdaysField(
        _("Wochentage"),
        help_text=_("Bei wöchentlicher Wiederholung. Leer: der Wochentag des ersten Termins."),
    )
    monthly_by = models.CharField(
        _("Monatlich"), max_length=10, choices=MonthlyBy, default=MonthlyBy.WEEKDAY
    )
    until = models.DateField(
        _("Wiederholen bis"),
        null=True,
        blank=True,
        help_text=_("Letzter möglicher Termin. Leer lassen, wenn es kein Ende gibt."),
    )
    count = models.PositiveSmallIntegerField(
        _("Anzahl der Termine"),
        null=True,
        blank=True,
        help_text=_("Statt eines Enddatums: nach so vielen Terminen aufhören."),
    )
    exceptions = DateListField(
        _("Ausnahmen"),
        help_text=_(
            "Tage, an denen der Termin ausfällt, durch Kommas getrennt, z. B. 24.12.2026, "
            "31.12.2026. Soll ein ausgefallener Termin sichtbar bleiben, trag ihn hier ein und "
            "leg ihn zusätzlich als Einzeltermin mit Status „abgesagt“ an."
        ),
    )
    status = models.CharField(
        _("Status dieses Termins"),
        max_length=10,
        choices=EventStatus,
        blank=True,
        help_text=_("Leer lassen: Es gilt der Status der Veranstaltung."),
    )
    note = models.CharField(
        _("Hinweis"),
        max_length=120,
        blank=True,
        help_text=_("Zum Beispiel: Einlass 19 Uhr, mit Gebärdensprache."),
    )
    rrule = models.CharField(_("Regel (RFC 5545)"), max_length=300, blank=True, editable=False)

    panels = [
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_time")]),
        FieldRowPanel([FieldPanel("end_date"), FieldPanel("end_time")]),
        FieldPanel("closed_weekdays"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("frequency"), FieldPanel("interval")]),
                FieldPanel("weekdays"),
                FieldPanel("monthly_by"),
                FieldRowPanel([FieldPanel("until"), FieldPanel("count")]),
            ],
            heading=_("Wiederholung"),
        ),
        FieldPanel("exceptions"),
        FieldRowPanel([FieldPanel("status"), FieldPanel("note")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Termin")
        verbose_name_plural = _("Termine")

    def __str__(self):
        return f"{self.get_kind_display()} {self.start_date:%d.%m.%Y}"

    # Validation: German messages next to the field an editor has to change.
    def clean(self):
        super().clean()
        errors = {}
        if self.start_date is None:
            return
        if self.kind == self.Kind.RUN:
            if self.end_date is None:
                errors["end_date"] = _("Ein Zeitraum braucht einen letzten Tag.")
            elif self.end_date <= self.start_date:
                errors["end_date"] = _("Der letzte Tag muss nach dem ersten liegen.")
            if self.start_time and self.end_time and self.end_time <= self.start_time:
                errors["end_time"] = _("Die Öffnungszeit muss nach ihrem Beginn enden.")
            if len(split_codes(self.closed_weekdays)) == len(WEEKDAY_CODES):
                errors["closed_weekdays"] = _("An mindestens einem Wochentag muss geöffnet sein.")
        elif self.kind == self.Kind.REPEATING:
            if not self.frequency:
                errors["frequency"] = _("Bitte wählen, wie oft sich der Termin wiederholt.")
            if self.interval is not None and self.interval < 1:
                errors["interval"] = _("Der Abstand ist mindestens 1.")
            if self.until and self.count:
                errors["count"] = _("Bitte entweder ein Enddatum oder eine Anzahl angeben.")
            if self.until and self.until < self.start_date:
                errors["until"] = _("Das Ende der Wiederholung liegt vor dem ersten Termin.")
            if self.end_date and self.end_date != self.start_date:
                errors["end_date"] = _(
                    "Wiederkehrende Termine enden am selben Tag; für das Ende der "
                    "Wiederholung gibt es „Wiederholen bis“."
                )
        else:
            end = self.end_datetime_local()
            if end is not None and end <= self.start_datetime_local():
                field = "end_time" if self.end_time else "end_date"
                errors[field] = _("Das Ende muss nach dem Beginn liegen.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.rrule = self.build_rrule()
        super().save(*args, **kwargs)

    # The rule and the local times the expansion needs.
    def build_rrule(self):
        """The RFC 5545 RRULE (without the "RRULE:" prefix) of a repeating date, else ""."""
        if self.kind != self.Kind.REPEATING or not self.frequency or self.start_date is None:
            return ""
        parts = [f"FREQ={self.frequency}", f"INTERVAL={max(self.interval or 1, 1)}"]
        if self.frequency == self.Frequency.WEEKLY:
            days = split_codes(self.weekdays) or [WEEKDAY_CODES[self.start_date.weekday()]]
            parts.append(f"BYDAY={','.join(days)}")
        elif self.monthly_by == self.MonthlyBy.DAY:
            parts.append(f"BYMONTHDAY={self.start_date.day}")
        else:
            nth = (self.start_date.day - 1) // 7 + 1
            # A fifth weekday does not exist every month: take the month's last one instead.
            position = -1 if nth == 5 else nth
            parts.append(f"BYDAY={position:+d}{WEEKDAY_CODES[self.start_date.weekday()]}")
        if self.count:
            parts.append(f"COUNT={self.count}")
        elif self.until:
            # RFC 5545: with a time-zoned start, UNTIL is given in UTC.
            from kulturnetz.recurrence import local_to_utc

            last = local_to_utc(datetime.combine(self.until, time(23, 59, 59)))
            parts.append(f"UNTIL={last:%Y%m%dT%H%M%SZ}")
        return ";".join(parts)

    def start_datetime_local(self):
        return datetime.combine(self.start_date, self.start_time or time.min)

    def end_datetime_local(self):
        """The end of a single date in local time, or None when nobody gave one."""
        if self.end_time is None and self.end_date is None:
            return None
        day = self.end_date or self.start_date
        if self.end_time is None:
            return datetime.combine(day, time.max)
        return datetime.combine(day, self.end_time)

    @property
    def all_day(self):
        return self.start_time is None

    @property
    def effective_status(self):
        return self.status or self.page.status


class EventPage(
    MapPageMixin,
    SuggestChangesMixin,
    ReportContentMixin,
    AddressMixin,
    HeaderImageMixin,
    SeoFieldsMixin,
    Page,
):
    """An event of the Kulturnetz with its dates, place, prices and accessibility."""

    category = models.ForeignKey(
        "kulturnetz.EventCategory",
        verbose_name=_("Kategorie"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    more_categories = ParentalManyToManyField(
        "kulturnetz.EventCategory",
        verbose_name=_("Weitere Kategorien"),
        blank=True,
        related_name="+",
        help_text=_("Nur, wenn die Veranstaltung auch dort gefunden werden soll."),
    )
    organiser = models.ForeignKey(
        "kulturnetz.ActorPage",
        verbose_name=_("Veranstaltet von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organised_events",
    )
    venue = models.ForeignKey(
        "kulturnetz.VenuePage",
        verbose_name=_("Spielstätte"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text=_("Oder unten einen Ort mit Adresse angeben, wenn es keine Spielstätte ist."),
    )
    place_name = models.CharField(
        _("Ort"),
        max_length=120,
        blank=True,
        help_text=_("Nur ohne Spielstätte: z. B. „Marktplatz“ oder „Treffpunkt am Bahnhof“."),
    )
    district = models.ForeignKey(
        "kulturnetz.District",
        verbose_name=_("Ortsteil"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Nur ohne Spielstätte; sonst gilt der Ortsteil der Spielstätte."),
    )
    intro = models.TextField(
        _("Kurzbeschreibung"),
        max_length=400,
        help_text=_("Ein, zwei Sätze für den Kalender, die Feeds und beim Teilen."),
    )
    body = StreamField(ContentStreamBlock(), verbose_name=_("Beschreibung"), blank=True)
    status = models.CharField(
        _("Status"),
        max_length=10,
        choices=EventStatus,
        default=EventStatus.SCHEDULED,
        help_text=_("Abgesagte und verschobene Veranstaltungen bleiben sichtbar und markiert."),
    )
    is_free = models.BooleanField(_("Eintritt frei"), default=False)
    price = models.CharField(
        _("Preis"),
        max_length=120,
        blank=True,
        help_text=_("Zum Beispiel: 12 €, ermäßigt 8 €; Abendkasse 15 €."),
    )
    ticket_url = models.URLField(_("Link zu den Karten"), blank=True)
    age_hint = models.CharField(
        _("Alter"), max_length=60, blank=True, help_text=_("Zum Beispiel: ab 6 Jahren.")
    )
    language_hint = models.CharField(
        _("Sprache"),
        max_length=60,
        blank=True,
        help_text=_("Zum Beispiel: auf Deutsch und Englisch, ohne Worte."),
    )
    accessibility = ParentalManyToManyField(
        "kulturnetz.AccessibilityFeature",
        verbose_name=_("Barrierefreiheit"),
        blank=True,
        related_name="events",
        help_text=_("Was diese Veranstaltung zusätzlich zur Spielstätte bietet."),
    )
    accessibility_note = models.TextField(
        _("Hinweise zur Barrierefreiheit"), max_length=800, blank=True
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("category"), FieldPanel("more_categories"), FieldPanel("status")],
            heading=_("Einordnung"),
        ),
        FieldPanel("intro"),
        InlinePanel("dates", label=_("Termin"), heading=_("Termine"), min_num=1),
        FieldPanel("organiser"),
        HeaderImageMixin.header_image_panel,
        FieldPanel("body"),
    ]
    place_panels = [
        FieldPanel("venue"),
        MultiFieldPanel(
            [FieldPanel("place_name"), *AddressMixin.address_panels, FieldPanel("district")],
            heading=_("Oder ein Ort ohne Spielstätte"),
        ),
    ]
    ticket_panels = [
        FieldPanel("is_free"),
        FieldPanel("price"),
        FieldPanel("ticket_url"),
        FieldRowPanel([FieldPanel("age_hint"), FieldPanel("language_hint")]),
        ACCESSIBILITY_PANEL,
    ]
    promote_panels = SeoFieldsMixin.seo_panels
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Inhalt")),
            ObjectList(place_panels, heading=_("Ort")),
            ObjectList(ticket_panels, heading=_("Eintritt und Zugang")),
            ObjectList(promote_panels, heading=_("Auffindbarkeit")),
            ObjectList(Page.settings_panels, heading=_("Einstellungen")),
        ]
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("place_name"),
        index.RelatedFields("category", [index.SearchField("name")]),
        index.RelatedFields("more_categories", [index.SearchField("name")]),
        index.RelatedFields("venue", [index.SearchField("title")]),
        index.RelatedFields("organiser", [index.SearchField("title")]),
        index.FilterField("category"),
        index.FilterField("status"),
        index.FilterField("is_free"),
    ]
    api_fields = [
        APIField("category"),
        APIField("more_categories"),
        APIField("status"),
        APIField("intro"),
        APIField("body"),
        APIField("dates"),
        APIField("organiser"),
        APIField("venue"),
        APIField("place_name"),
        APIField("street"),
        APIField("postcode"),
        APIField("town"),
        APIField("latitude"),
        APIField("longitude"),
        APIField("district"),
        APIField("header_image", serializer=HeaderImageField("fill-1200x630")),
        APIField("header_image_alt"),
        APIField("is_free"),
        APIField("price"),
        APIField("ticket_url"),
        APIField("age_hint"),
        APIField("language_hint"),
        APIField("accessibility"),
        APIField("accessibility_note"),
    ]

    # Listed in other languages' lists until translated (home.localisation.LISTED_UNTRANSLATED).
    listed_untranslated = True
    parent_page_types = ["kulturnetz.EventIndexPage"]
    subpage_types = []

    base_form_class = LocaleScopedPageForm

    class Meta:
        verbose_name = _("Veranstaltung")
        verbose_name_plural = _("Veranstaltungen")

    def clean(self):
        super().clean()
        errors = {}
        if self.venue_id is None and not (self.place_name and self.town):
            errors["venue"] = _(
                "Bitte eine Spielstätte wählen oder im Reiter „Ort“ einen Ort mit Adresse "
                "eintragen."
            )
            if not self.place_name:
                errors["place_name"] = _("Ohne Spielstätte: Wie heißt der Ort?")
            if not self.town:
                errors["town"] = _("Ohne Spielstätte: In welchem Ort ist es?")
        if errors:
            raise ValidationError(errors)
        if (self.latitude is None) != (self.longitude is None):
            missing = "longitude" if self.longitude is None else "latitude"
            raise ValidationError({missing: _("Bitte Breite und Länge zusammen angeben.")})

    @staticmethod
    def _linked(model, pk, *related):
        """The live, public venue or organiser ``pk`` in the visitor's language (itself where
        it has no such translation), or None."""
        from home.public_cache import shown_pages

        keys = model.objects.filter(pk=pk).values("translation_key")
        return next(iter(shown_pages(model, [pk], keys, *related).values()), None)

    def get_context(self, request, *args, **kwargs):
        from home.templatetags.portal_tags import json_script
        from kulturnetz.map import EVENT, VENUE, map_context, place_of
        from kulturnetz.reference import localised_terms, term
        from kulturnetz.structured_data import event_jsonld

        context = super().get_context(request, *args, **kwargs)
        venue = self._linked(self._meta.get_field("venue").related_model, self.venue_id)
        organiser = self._linked(self._meta.get_field("organiser").related_model, self.organiser_id)
        occurrences = list(self.upcoming_occurrences())
        calendar = self.get_parent().specific
        # A page's children speak its language: the feed's address needs no locale query.
        calendar.locale = self.locale
        place = place_of(VENUE, venue, request) if venue else place_of(EVENT, self, request)
        context.update(
            map=map_context(request, [place]) if place else None,
            venue=venue,
            organiser=organiser,
            accessibility=localised_terms(self.accessibility.all(), self.locale_id),
            # A translation may still point at the German category.
            category=term(
                self._meta.get_field("category").related_model, self.category_id, self.locale_id
            ),
            occurrences=occurrences,
            ical_url=calendar.route_url("event_ical", self.slug),
            # A script element with every < > & escaped, so no text of the event can end it.
            structured_data=json_script(event_jsonld(self, occurrences, request, venue, organiser)),
        )
        return context

    def get_meta_description(self):
        return self.search_description or self.intro

    @property
    def effective_district_id(self):
        if self.venue_id is not None:
            return self.venue.district_id if self.venue else None
        return self.district_id

    def upcoming_occurrences(self, limit=20):
        return self.occurrences.for_locale(self.locale_id).upcoming().for_cards()[:limit]

    @property
    def is_cancelled(self):
        return self.status == EventStatus.CANCELLED
