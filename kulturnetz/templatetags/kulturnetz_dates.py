"""How an event's dates read on its page: one summary per date instead of every occurrence.

A run reads "2. bis 23. Dezember, geöffnet 16:00–20:00, geschlossen: Montag", a repeating
date "Jede Woche am Donnerstag, 19:00–21:00" with its upcoming exceptions; the list of every
single occurrence would repeat the same line for each open day.
"""

from django import template
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kulturnetz.models import EventDate
from kulturnetz.models.fields import WEEKDAY_CHOICES, WEEKDAY_CODES, dates_of, split_codes
from kulturnetz.recurrence import BERLIN

register = template.Library()

WEEKDAY_NAMES = dict(WEEKDAY_CHOICES)


def join_words(words):
    """ "Montag", "Montag und Dienstag", "Montag, Dienstag und Mittwoch" (in the language)."""
    words = [str(word) for word in words]
    if len(words) < 2:
        return "".join(words)
    return _("%(first)s und %(last)s") % {"first": ", ".join(words[:-1]), "last": words[-1]}


def _ordinal(position):
    return {
        1: _("ersten"),
        2: _("zweiten"),
        3: _("dritten"),
        4: _("vierten"),
        -1: _("letzten"),
    }[position]


def _rhythm(event_date):
    """ "Jede Woche am Donnerstag", "Alle 2 Wochen am …", "Jeden Monat am ersten Mittwoch"."""
    interval = max(event_date.interval or 1, 1)
    start = event_date.start_date
    if event_date.frequency == EventDate.Frequency.WEEKLY:
        every = ngettext("Jede Woche", "Alle %(count)s Wochen", interval) % {"count": interval}
        codes = split_codes(event_date.weekdays) or [WEEKDAY_CODES[start.weekday()]]
        days = join_words(WEEKDAY_NAMES[code] for code in WEEKDAY_CODES if code in codes)
        return _("%(every)s am %(days)s") % {"every": every, "days": days}
    every = ngettext("Jeden Monat", "Alle %(count)s Monate", interval) % {"count": interval}
    if event_date.monthly_by == EventDate.MonthlyBy.DAY:
        return _("%(every)s am %(day)s.") % {"every": every, "day": start.day}
    position = (start.day - 1) // 7 + 1
    weekday = WEEKDAY_NAMES[WEEKDAY_CODES[start.weekday()]]
    return _("%(every)s am %(nth)s %(day)s") % {
        "every": every,
        "nth": _ordinal(-1 if position == 5 else position),
        "day": weekday,
    }


@register.simple_tag
def date_summary(event_date, today=None):
    """What the event page says about one EventDate (see the module's docstring)."""
    today = today or timezone.localtime(timezone.now(), BERLIN).date()
    closed = split_codes(event_date.closed_weekdays)
    summary = {
        "date": event_date,
        "kind": event_date.kind,
        "started": event_date.start_date < today,
        "closed_days": join_words(WEEKDAY_NAMES[code] for code in WEEKDAY_CODES if code in closed),
        "rhythm": "",
        "skipped": [],
    }
    if event_date.kind == EventDate.Kind.REPEATING:
        summary["rhythm"] = _rhythm(event_date)
        summary["skipped"] = [day for day in dates_of(event_date.exceptions) if day >= today]
    return summary


@register.filter
def without_runs(occurrences):
    """The occurrences that are dates of their own (a run's open days are summed up instead)."""
    return [occurrence for occurrence in occurrences if occurrence.kind != EventDate.Kind.RUN]
