"""The occurrences table: every date of every live event, expanded, with its filter columns.

Listings, feeds and the API query this table directly instead of expanding rules per
request. kulturnetz/recurrence.py fills it; kulturnetz/signals.py keeps it in step with
publishing, and ``manage.py rebuild_occurrences`` rolls the horizon forward each day.
"""

from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Prefetch, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .events import EventDate, EventStatus


class OccurrenceQuerySet(models.QuerySet):
    def for_locale(self, locale):
        """What the calendar in one language (a Locale or its id) lists: its events, and the
        German events without a translation in it (kulturnetz.recurrence.CalendarLanguages)."""
        return self.filter(locale=locale)

    def upcoming(self, now=None):
        """What has not ended yet: dates still to come, and runs until their last day ends."""
        return self.filter(visible_until__gte=now or timezone.now())

    def between(self, start, end):
        """Occurrences that overlap [start, end): a run open that day counts too."""
        return self.filter(start__lt=end, visible_until__gte=start)

    def once_per_run(self, since=None):
        """Each run (an exhibition's open days) once, by its first open day from ``since``
        (now) on: a list of next dates names an exhibition once, not for every open day."""
        first_open_day = (
            Occurrence.objects.filter(
                event_date=OuterRef("event_date"),
                # A German run has rows in each calendar that lists it.
                locale=OuterRef("locale"),
                visible_until__gte=since or timezone.now(),
            )
            .order_by("start", "pk")
            .values("pk")[:1]
        )
        return self.filter(~Q(kind=EventDate.Kind.RUN) | Q(pk=Subquery(first_open_day)))

    def in_category(self, category):
        """The category as first or further category (matched by translation, any language)."""
        return self.filter(
            Q(category__translation_key=category.translation_key)
            | Q(event__more_categories__translation_key=category.translation_key)
        ).distinct()

    def for_cards(self):
        """Everything a list entry shows, in a fixed number of queries (2 with images)."""
        from wagtail.images import get_image_model

        renditions = get_image_model().get_rendition_model().objects.all()
        return (
            self.select_related(
                "event",
                "event__header_image",
                "event_date",
                "venue",
                "category",
                "district",
            )
            .prefetch_related(Prefetch("event__header_image__renditions", queryset=renditions))
            .defer("event__body", "venue__body")
        )


class Occurrence(models.Model):
    """One concrete date of an event (a single evening, one open day of a run, one repeat)."""

    event = models.ForeignKey(
        "kulturnetz.EventPage",
        verbose_name=_("Veranstaltung"),
        on_delete=models.CASCADE,
        related_name="occurrences",
    )
    event_date = models.ForeignKey(
        "kulturnetz.EventDate",
        verbose_name=_("Termin"),
        on_delete=models.CASCADE,
        related_name="occurrences",
    )
    locale = models.ForeignKey(
        "wagtailcore.Locale", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    start = models.DateTimeField(_("Beginn"))
    end = models.DateTimeField(_("Ende"), null=True, blank=True)
    # When the occurrence drops off the lists: its end, or its start when no end was given,
    # or the end of the day for all-day dates.
    visible_until = models.DateTimeField(_("Sichtbar bis"))
    all_day = models.BooleanField(_("Ganztägig"), default=False)
    kind = models.CharField(_("Art"), max_length=10, choices=EventDate.Kind)
    status = models.CharField(_("Status"), max_length=10, choices=EventStatus)
    # Copies of the event's filter columns, so listings filter without joining pages.
    title = models.CharField(_("Titel"), max_length=255)
    category = models.ForeignKey(
        "kulturnetz.EventCategory",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        db_index=False,
    )
    venue = models.ForeignKey(
        "kulturnetz.VenuePage",
        on_delete=models.SET_NULL,
        null=True,
        related_name="occurrences",
        db_index=False,
    )
    organiser = models.ForeignKey(
        "kulturnetz.ActorPage",
        on_delete=models.SET_NULL,
        null=True,
        related_name="occurrences",
        db_index=False,
    )
    district = models.ForeignKey(
        "kulturnetz.District",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        db_index=False,
    )
    is_free = models.BooleanField(_("Eintritt frei"), default=False)

    objects = OccurrenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("Vorkommen")
        verbose_name_plural = _("Vorkommen")
        ordering = ["start", "title", "pk"]
        indexes = [
            # The listings' order, so a page of dates is read in order and the reading stops
            # after it; visible_until is in it so "upcoming" and its count need no table reads.
            # (With an index on locale and visible_until, SQLite took that one and sorted all
            # upcoming dates for every page of the calendar.)
            models.Index(
                fields=["locale", "start", "title", "id", "visible_until"],
                name="kn_occ_locale_order",
            ),
            models.Index(fields=["category", "start"], name="kn_occ_category_start"),
            models.Index(fields=["venue", "start"], name="kn_occ_venue_start"),
            models.Index(fields=["organiser", "start"], name="kn_occ_organiser_start"),
            models.Index(fields=["district", "start"], name="kn_occ_district_start"),
            models.Index(fields=["locale", "is_free", "start"], name="kn_occ_free_start"),
        ]

    def __str__(self):
        return f"{self.title} ({timezone.localtime(self.start):%d.%m.%Y %H:%M})"

    @property
    def content_language(self):
        """The event's own language where it differs from the calendar's (a German event
        without an English translation in the English calendar), else ""."""
        return settings.LANGUAGE_CODE if self.event.locale_id != self.locale_id else ""

    @property
    def is_cancelled(self):
        return self.status == EventStatus.CANCELLED

    @property
    def is_postponed(self):
        return self.status == EventStatus.POSTPONED
