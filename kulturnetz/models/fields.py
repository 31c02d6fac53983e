"""Model fields for the dates editor: weekdays as checkboxes, exception dates as a short list.

Both store plain text (RFC 5545 weekday codes, ISO dates) so revisions, translations and the
recurrence rules read them without conversions; editors see checkboxes and German dates.
"""

from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

# RFC 5545 weekday codes in the order of date.weekday().
WEEKDAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
WEEKDAY_CHOICES = [
    ("MO", _("Montag")),
    ("TU", _("Dienstag")),
    ("WE", _("Mittwoch")),
    ("TH", _("Donnerstag")),
    ("FR", _("Freitag")),
    ("SA", _("Samstag")),
    ("SU", _("Sonntag")),
]


def split_codes(value):
    return [code for code in (value or "").split(",") if code]


class WeekdaysFormField(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        kwargs.pop("max_length", None)
        kwargs.pop("empty_value", None)
        super().__init__(choices=WEEKDAY_CHOICES, **kwargs)

    def prepare_value(self, value):
        return split_codes(value) if isinstance(value, str) else value

    def clean(self, value):
        chosen = set(super().clean(value))
        return ",".join(code for code in WEEKDAY_CODES if code in chosen)

    def has_changed(self, initial, data):
        initial_codes = set(self.prepare_value(initial) or [])
        return initial_codes != set(data or [])


class WeekdaysField(models.CharField):
    """Some weekdays, stored as RFC 5545 codes ("MO,WE"), edited as checkboxes."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": WeekdaysFormField, **kwargs})


GERMAN_DATE_FORMATS = ["%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d"]


def parse_dates(value):
    """ISO dates from a comma- or line-separated text of German (24.12.2026) or ISO dates."""
    from datetime import datetime

    found = []
    for part in str(value or "").replace("\n", ",").replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        for fmt in GERMAN_DATE_FORMATS:
            try:
                found.append(datetime.strptime(part, fmt).date())
                break
            except ValueError:
                continue
        else:
            raise ValidationError(
                _("„%(part)s“ ist kein Datum. Bitte so schreiben: 24.12.2026."),
                code="invalid_date",
                params={"part": part},
            )
    return sorted(set(found))


class DateListFormField(forms.CharField):
    def prepare_value(self, value):
        if isinstance(value, str) and value and "-" in value:
            try:
                return ", ".join(day.strftime("%d.%m.%Y") for day in parse_dates(value))
            except ValidationError:
                return value
        return value

    def clean(self, value):
        value = super().clean(value)
        return ",".join(day.isoformat() for day in parse_dates(value))

    def has_changed(self, initial, data):
        try:
            return parse_dates(initial) != parse_dates(data)
        except ValidationError:
            return True


class DateListField(models.TextField):
    """A few dates, stored as ISO dates ("2026-12-24,2026-12-31"), edited as German dates."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        kwargs.setdefault("widget", forms.TextInput)
        return super().formfield(**{"form_class": DateListFormField, **kwargs})


def dates_of(value):
    """The dates a DateListField holds, as date objects."""
    return [date.fromisoformat(part) for part in (value or "").split(",") if part]
