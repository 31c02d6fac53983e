"""What a visitor narrows the calendar to; one FilterSet for the page, its feeds and the API.

Vocabularies and venues are named by their slug in the calendar's language and matched by
translation key, so an English calendar finds events that still point at German entries.

Date presets (Europe/Berlin, always from "now" on, so past dates never show):

- ``heute``: from now to the end of today.
- ``wochenende``: Saturday and Sunday of this weekend (on Saturday and Sunday the current
  one); asked on a Friday, it starts at 17:00 that Friday, so the Friday evening counts.
- ``woche``: from now to the end of Sunday of the current week (Monday to Sunday).

``von``/``bis`` (own dates, both days included) narrow a preset further when both are given.
"""

from datetime import date, datetime, time, timedelta

import django_filters
from django import forms
from django.db.models import Q
from django.forms.utils import flatatt
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from home.search import clean_query
from kulturnetz import periods, reference
from kulturnetz.models import (
    AccessibilityFeature,
    District,
    EventCategory,
    EventPage,
    VenuePage,
)
from kulturnetz.recurrence import BERLIN

PRESET_TODAY = "heute"
PRESET_WEEKEND = "wochenende"
PRESET_WEEK = "woche"
# Dates beyond this are not in the occurrences table anyway; it also keeps date arithmetic
# away from date.max.
FIRST_DAY, LAST_DAY = date(1970, 1, 1), date(9998, 12, 31)


def _local_midnight(day):
    return datetime.combine(day, time.min, tzinfo=BERLIN)


def preset_window(preset, now=None):
    """The [start, end) of a date preset as aware datetimes, or None for an unknown preset.

    The periods' rules (what "this weekend" means on a Friday) are in kulturnetz/periods.py,
    which the start page uses too.
    """
    period = {
        PRESET_TODAY: periods.today,
        PRESET_WEEKEND: periods.weekend,
        PRESET_WEEK: periods.this_week,
    }.get(preset)
    return period(now) if period else None


class EventFilterForm(forms.Form):
    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("von"), cleaned.get("bis")
        if start and end and end < start:
            self.add_error("bis", _("Das Enddatum liegt vor dem Anfangsdatum."))
        return cleaned


class GermanDateInput(forms.DateInput):
    input_type = "date"

    def __init__(self):
        super().__init__(format="%Y-%m-%d")


class LongSelect(forms.Select):
    """A select with hundreds of options (the venues), written without a template per option.

    Django renders each option through its own template: with a thousand venues, that one
    field took nearly half of the calendar's time. The same markup, without blank lines.
    """

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        options = format_html_join(
            "\n  ",
            '<option value="{}"{}>{}</option>',
            (
                (option["value"], flatatt(option["attrs"]), option["label"])
                for _group, group_options, _index in widget["optgroups"]
                for option in group_options
            ),
        )
        return format_html(
            '<select name="{}"{}>\n  {}\n</select>',
            widget["name"],
            flatatt(widget["attrs"]),
            options,
        )


class EventFilterSet(django_filters.FilterSet):
    """Filters of the calendar on the occurrences table (``EventIndexPage.occurrences()``)."""

    q = django_filters.CharFilter(
        label=_("Suche"), method="filter_search", max_length=200, strip=True
    )
    kategorie = django_filters.ChoiceFilter(
        label=_("Kategorie"), method="filter_category", empty_label=_("Alle Kategorien")
    )
    zeitraum = django_filters.ChoiceFilter(
        label=_("Zeitraum"),
        choices=[
            (PRESET_TODAY, _("Heute")),
            (PRESET_WEEKEND, _("Dieses Wochenende")),
            (PRESET_WEEK, _("Diese Woche")),
        ],
        method="filter_nothing",
        empty_label=_("Alle kommenden Termine"),
        widget=forms.RadioSelect,
    )
    von = django_filters.DateFilter(
        label=_("Von"), method="filter_nothing", widget=GermanDateInput()
    )
    bis = django_filters.DateFilter(
        label=_("Bis"), method="filter_nothing", widget=GermanDateInput()
    )
    ortsteil = django_filters.ChoiceFilter(
        label=_("Ortsteil"), method="filter_district", empty_label=_("Alle Ortsteile")
    )
    spielstaette = django_filters.ChoiceFilter(
        label=_("Spielstätte"),
        method="filter_venue",
        empty_label=_("Alle Spielstätten"),
        widget=LongSelect,
    )
    veranstalter = django_filters.CharFilter(
        label=_("Veranstaltet von"), method="filter_organiser", max_length=255
    )
    frei = django_filters.BooleanFilter(
        label=_("Nur Eintritt frei"), method="filter_free", widget=forms.CheckboxInput
    )
    barrierefrei = django_filters.MultipleChoiceFilter(
        label=_("Barrierefreiheit"),
        method="filter_accessibility",
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        form = EventFilterForm
        fields = []

    def __init__(self, data=None, queryset=None, *, locale, now=None, **kwargs):
        self.locale = locale
        self.now = now or timezone.now()
        super().__init__(data, queryset=queryset, **kwargs)
        self.filters["kategorie"].extra["choices"] = self._choices(EventCategory)
        self.filters["ortsteil"].extra["choices"] = self._choices(District)
        self.filters["barrierefrei"].extra["choices"] = self._choices(AccessibilityFeature)
        self.filters["spielstaette"].extra["choices"] = self._venue_choices

    def _choices(self, model):
        return lambda: reference.choices(model, self.locale)

    def _venue_choices(self):
        # Where the venues are not translated, the calendar lists the German ones.
        return reference.venue_choices(self.locale)

    @property
    def is_filtered(self):
        if not self.is_bound:
            return False
        self.form.is_valid()
        return any(self.form.cleaned_data.get(name) for name in self.filters)

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        window = self.window()
        if window is not None:
            start, end = window
            if end <= start:
                return queryset.none()
            queryset = queryset.between(start, end)
        return queryset

    def window(self):
        """The date range the filters ask for, or None for every upcoming date."""
        data = self.form.cleaned_data
        start = end = None
        preset = preset_window(data.get("zeitraum"), self.now)
        if preset:
            start, end = preset
        if data.get("von"):
            own = _local_midnight(min(max(data["von"], FIRST_DAY), LAST_DAY))
            start = max(start, own) if start else own
        if data.get("bis"):
            own = _local_midnight(min(max(data["bis"], FIRST_DAY), LAST_DAY) + timedelta(days=1))
            end = min(end, own) if end else own
        if start is None and end is None:
            return None
        return start or self.now, end or _local_midnight(LAST_DAY)

    def filter_nothing(self, queryset, name, value):
        return queryset  # the date fields work together in window()

    def filter_search(self, queryset, name, value):
        # Every word in the date's title or its event's description, place, category or venue.
        # Events, categories and venues are searched on their own and matched by id: joined to
        # every upcoming date, their texts were read once per date (five times per event).
        for word in clean_query(value).split():
            events = EventPage.objects.filter(
                Q(intro__icontains=word) | Q(place_name__icontains=word)
            )
            queryset = queryset.filter(
                Q(title__icontains=word)
                | Q(event__in=events.values("pk"))
                | Q(category__in=EventCategory.objects.filter(name__icontains=word).values("pk"))
                | Q(venue__in=VenuePage.objects.filter(title__icontains=word).values("pk"))
            )
        return queryset

    def filter_category(self, queryset, name, value):
        keys = reference.translation_keys(EventCategory, [value], self.locale)
        return queryset.filter(
            Q(category__translation_key__in=keys)
            | Q(event__in=EventPage.objects.filter(more_categories__translation_key__in=keys))
        )

    def filter_district(self, queryset, name, value):
        return queryset.filter(
            district__translation_key__in=reference.translation_keys(District, [value], self.locale)
        )

    def filter_venue(self, queryset, name, value):
        keys = VenuePage.objects.filter(slug=value).values("translation_key")
        return queryset.filter(venue__translation_key__in=keys)

    def filter_organiser(self, queryset, name, value):
        from kulturnetz.models import ActorPage

        keys = ActorPage.objects.filter(slug=value).values("translation_key")
        return queryset.filter(organiser__translation_key__in=keys)

    def filter_free(self, queryset, name, value):
        return queryset.filter(is_free=True) if value else queryset

    def filter_accessibility(self, queryset, name, value):
        # Every chosen feature must be offered, by the event itself or by its venue.
        keys = reference.translation_keys(AccessibilityFeature, value, self.locale)
        for key in keys:
            queryset = queryset.filter(
                Q(event__in=EventPage.objects.filter(accessibility__translation_key=key))
                | Q(venue__in=VenuePage.objects.filter(accessibility__translation_key=key))
            )
        return queryset
