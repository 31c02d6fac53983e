"""The calendar's named periods in Europe/Berlin: today, this weekend, this week.

The rule for "this weekend": Saturday and Sunday of the current week (Monday to Sunday);
on a Friday it starts that evening at 17:00. It never starts before now, so what has ended
already drops off. "This week" runs from now to the end of Sunday.
"""

from datetime import datetime, time, timedelta

from django.utils import timezone

FRIDAY, SATURDAY = 4, 5
FRIDAY_EVENING = time(17, 0)


def _midnight(day):
    return timezone.make_aware(datetime.combine(day, time.min))


def today(now=None):
    """[now, tomorrow 00:00)."""
    now = timezone.localtime(now)
    return now, _midnight(now.date() + timedelta(days=1))


def weekend(now=None):
    """[Saturday 00:00 (Friday 17:00 on a Friday), Monday 00:00), starting no earlier than now."""
    now = timezone.localtime(now)
    day = now.date()
    monday = day - timedelta(days=day.weekday())
    if day.weekday() == FRIDAY:
        start = timezone.make_aware(datetime.combine(day, FRIDAY_EVENING))
    else:
        start = _midnight(monday + timedelta(days=SATURDAY))
    return max(start, now), _midnight(monday + timedelta(days=7))


def this_week(now=None):
    """[now, next Monday 00:00)."""
    now = timezone.localtime(now)
    day = now.date()
    return now, _midnight(day - timedelta(days=day.weekday()) + timedelta(days=7))
