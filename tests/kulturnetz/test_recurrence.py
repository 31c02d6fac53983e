"""Event dates expand into occurrences: repeats with exceptions, runs, and summer time."""

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from kulturnetz.models import EventDate
from kulturnetz.recurrence import expand

pytestmark = pytest.mark.feature_app("kulturnetz")

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def local(span):
    return span.start.astimezone(BERLIN)


def test_weekly_with_exceptions_skips_those_days_and_stops_after_count():
    weekly = EventDate(
        kind=EventDate.Kind.REPEATING,
        frequency="WEEKLY",
        weekdays="TH",
        start_date=date(2026, 3, 5),
        start_time=time(19),
        end_time=time(21),
        count=5,
        exceptions="2026-03-12,2026-03-26",
    )
    days = [local(span).date() for span in expand(weekly, now=NOW)]
    # COUNT counts the rule's dates; the exceptions drop two of them.
    assert days == [date(2026, 3, 5), date(2026, 3, 19), date(2026, 4, 2)]
    assert weekly.build_rrule() == "FREQ=WEEKLY;INTERVAL=1;BYDAY=TH;COUNT=5"


def test_monthly_on_the_same_weekday_until_a_date():
    monthly = EventDate(
        kind=EventDate.Kind.REPEATING,
        frequency="MONTHLY",
        monthly_by="weekday",
        start_date=date(2026, 3, 13),  # the second Friday
        start_time=time(20),
        until=date(2026, 6, 12),
    )
    days = [local(span).date() for span in expand(monthly, now=NOW)]
    assert days == [date(2026, 3, 13), date(2026, 4, 10), date(2026, 5, 8), date(2026, 6, 12)]
    assert "BYDAY=+2FR" in monthly.build_rrule()
    assert "UNTIL=20260612T215959Z" in monthly.build_rrule()


def test_monthly_on_the_same_day_with_an_interval():
    monthly = EventDate(
        kind=EventDate.Kind.REPEATING,
        frequency="MONTHLY",
        monthly_by="day",
        interval=2,
        start_date=date(2026, 3, 15),
        start_time=time(11),
        count=3,
    )
    days = [local(span).date() for span in expand(monthly, now=NOW)]
    assert days == [date(2026, 3, 15), date(2026, 5, 15), date(2026, 7, 15)]


@pytest.mark.parametrize(
    ("first", "change"),
    [(date(2026, 3, 19), date(2026, 3, 29)), (date(2026, 10, 22), date(2026, 10, 25))],
)
def test_a_weekly_course_stays_at_seven_in_the_evening_across_the_time_change(first, change):
    course = EventDate(
        kind=EventDate.Kind.REPEATING,
        frequency="WEEKLY",
        start_date=first,
        start_time=time(19),
        end_time=time(21),
        count=4,
    )
    spans = expand(course, now=datetime(2026, 3, 1, tzinfo=UTC))
    assert [local(span).time() for span in spans] == [time(19)] * 4
    assert [timezone_end.end.astimezone(BERLIN).time() for timezone_end in spans] == [time(21)] * 4
    offsets = {span.start.utcoffset() for span in spans}
    assert offsets == {UTC.utcoffset(None)}  # stored in UTC
    utc_hours = [span.start.hour for span in spans]
    # Before and after the change the UTC hour differs by one: the wall clock stayed put.
    assert len(set(utc_hours)) == 2
    assert any(local(span).date() > change for span in spans)


def test_a_run_has_one_occurrence_per_open_day_with_its_hours():
    exhibition = EventDate(
        kind=EventDate.Kind.RUN,
        start_date=date(2026, 3, 2),  # a Monday
        end_date=date(2026, 3, 15),
        start_time=time(14),
        end_time=time(18),
        closed_weekdays="MO,TU",
        exceptions="2026-03-07",
    )
    spans = expand(exhibition, now=NOW)
    days = [local(span).date() for span in spans]
    assert len(days) == 14 - 4 - 1
    assert all(day.weekday() not in (0, 1) for day in days)
    assert date(2026, 3, 7) not in days
    assert {(local(s).time(), s.end.astimezone(BERLIN).time()) for s in spans} == {
        (time(14), time(18))
    }


def test_an_all_day_date_is_visible_until_the_end_of_its_day():
    (span,) = expand(EventDate(start_date=date(2026, 3, 10)), now=NOW)
    assert span.all_day
    assert span.visible_until.astimezone(BERLIN) == datetime(2026, 3, 11, tzinfo=BERLIN)


def test_an_evening_that_ends_after_midnight_ends_the_next_day():
    (span,) = expand(
        EventDate(start_date=date(2026, 3, 14), start_time=time(22), end_time=time(4)), now=NOW
    )
    assert span.end.astimezone(BERLIN) == datetime(2026, 3, 15, 4, tzinfo=BERLIN)


def test_an_endless_rule_stops_at_the_horizon():
    weekly = EventDate(
        kind=EventDate.Kind.REPEATING,
        frequency="WEEKLY",
        start_date=date(2026, 3, 2),
        start_time=time(10),
    )
    # Mondays from 2 March up to 29 March: the 2nd, 9th, 16th and 23rd.
    assert len(expand(weekly, now=NOW, horizon=28)) == 4
