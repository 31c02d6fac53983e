"""How the Kulturnetz's pages say when things happen, mark their status and help on no results."""

import re
from datetime import date, time, timedelta

import pytest
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import override

from kulturnetz.models import EventDate
from kulturnetz.templatetags.kulturnetz_dates import date_summary, join_words
from portal.showcase import showcase_pages

pytestmark = pytest.mark.feature_app("kulturnetz")


def soon(days):
    return timezone.localdate() + timedelta(days=days)


def next_weekday(weekday, after=1):
    day = soon(after)
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def section(html, heading_id):
    """The markup of the section labelled by ``heading_id``."""
    start = html.index(f'id="{heading_id}"')
    return html[start : html.index("</section>", start)]


def test_every_kulturnetz_showcase_page_answers(client, db):
    pages = {page.name: page.path for page in showcase_pages() if page.name.startswith("kultur")}
    assert {"kulturnetz-calendar", "kulturnetz-event-run", "kulturnetz-event-cancelled"} <= set(
        pages
    )
    for name, path in pages.items():
        assert client.get(path).status_code == 200, name


def test_a_run_is_summed_up_with_its_hours_instead_of_listed_day_by_day(client, make_event):
    first = soon(3)
    event = make_event(
        "Bilder am Fluss",
        dates=[
            EventDate(
                kind=EventDate.Kind.RUN,
                start_date=first,
                end_date=first + timedelta(days=20),
                start_time=time(14),
                end_time=time(18),
                closed_weekdays="MO,TU",
            )
        ],
    )
    html = client.get(event.url).content.decode()
    when = section(html, "kn-when-heading")
    assert f"{date_format(first, 'j. F Y')}</time> bis" in when
    assert "14:00–18:00" in when and "geschlossen am Montag und Dienstag" in when
    # One summary, not a line per open day.
    assert "Die nächsten Termine" not in when
    assert when.count("<li") == 1
    assert "Zum Kalender hinzufügen (iCal)" in when


def test_a_repeating_date_reads_as_its_rhythm_with_the_days_it_is_skipped(client, make_event):
    first = next_weekday(3)  # a Thursday
    skipped = first + timedelta(weeks=1)
    event = make_event(
        "Töpfern am Abend",
        dates=[
            EventDate(
                kind=EventDate.Kind.REPEATING,
                frequency=EventDate.Frequency.WEEKLY,
                weekdays="TH",
                start_date=first,
                start_time=time(19),
                end_time=time(21),
                count=4,
                exceptions=skipped.isoformat(),
            )
        ],
    )
    html = client.get(event.url).content.decode()
    when = section(html, "kn-when-heading")
    assert "Jede Woche am Donnerstag, " in when and "19:00–21:00" in when
    assert f"4 Termine ab {date_format(first, 'j. F Y')}" in when
    skipped_line = re.search(r'class="kn-when__skipped">(.*?)</p>', when).group(1)
    assert date_format(skipped, "j. F") in skipped_line
    next_dates = when[when.index("Die nächsten Termine") :]
    assert skipped.isoformat() not in next_dates
    assert next_dates.count("<li") == 3


def test_a_cancelled_event_says_so_and_offers_no_calendar_entry(client, make_event):
    event = make_event("Fällt ins Wasser", day=soon(5), status="cancelled")
    html = client.get(event.url).content.decode()
    assert "<s>Fällt ins Wasser</s>" in html
    assert "Diese Veranstaltung ist abgesagt." in html
    assert "Zum Kalender hinzufügen" not in html


def test_a_single_date_shows_its_day_and_both_times(client, make_event):
    day = soon(6)
    event = make_event(
        "Ein Abend", dates=[EventDate(start_date=day, start_time=time(20), end_time=time(22))]
    )
    when = section(client.get(event.url).content.decode(), "kn-when-heading")
    assert date_format(day, "l, j. F Y") in when and "20:00–22:00" in when


def test_the_venue_lists_a_run_once_and_names_its_weekdays(client, make_event, venue):
    make_event(
        "Lange Ausstellung",
        dates=[
            EventDate(
                kind=EventDate.Kind.RUN,
                start_date=soon(1),
                end_date=soon(30),
                start_time=time(10),
                end_time=time(16),
            )
        ],
    )
    html = client.get(venue.url).content.decode()
    assert section(html, "kn-dates-heading").count("Lange Ausstellung") == 1
    hours = html[html.index('class="kn-hours"') :]
    assert '<th scope="col">Wochentag</th>' in hours and "Schlagwort" not in hours
    # The demo's opening hours have no notes: no empty column for them.
    assert "Hinweis" not in hours[: hours.index("</table>")]


def test_no_results_offer_a_way_on(client, calendar):
    html = client.get(calendar.url, {"q": "Zauberflöte"}).content.decode()
    assert "Für diese Filter haben wir keine Termine gefunden." in html
    assert f'href="{calendar.url}">Alle Termine zeigen' in html
    assert "?q=Zauberfl%C3%B6te" in html  # the whole site's search, with the words kept
    assert "abonnieren (iCal)" not in html


def test_the_filters_fold_away_on_phones_and_open_on_errors(client, calendar):
    html = client.get(calendar.url).content.decode()
    assert '<details class="kn-filter-panel">' in html
    html = client.get(calendar.url, {"von": "31.02.2026"}).content.decode()
    assert '<details class="kn-filter-panel" open>' in html
    html = client.get(calendar.url, {"frei": "on"}).content.decode()
    summary = re.search(r'<summary class="kn-filter-panel__toggle">(.*?)</summary>', html).group(1)
    assert "aktiv" in summary


@pytest.mark.parametrize(
    ("start", "monthly_by", "expected"),
    [
        (date(2026, 12, 2), EventDate.MonthlyBy.WEEKDAY, "Jeden Monat am ersten Mittwoch"),
        (date(2026, 12, 30), EventDate.MonthlyBy.WEEKDAY, "Jeden Monat am letzten Mittwoch"),
        (date(2026, 12, 15), EventDate.MonthlyBy.DAY, "Jeden Monat am 15."),
    ],
)
def test_monthly_rhythms_read_as_german_sentences(start, monthly_by, expected):
    event_date = EventDate(
        kind=EventDate.Kind.REPEATING,
        frequency=EventDate.Frequency.MONTHLY,
        monthly_by=monthly_by,
        start_date=start,
    )
    with override("de"):
        assert date_summary(event_date, today=date(2026, 11, 1))["rhythm"] == expected


def test_weekday_lists_are_joined_with_und():
    with override("de"):
        assert join_words(["Montag"]) == "Montag"
        assert join_words(["Montag", "Dienstag", "Freitag"]) == "Montag, Dienstag und Freitag"


def test_an_empty_directory_does_not_ask_to_remove_filters(client, db):
    from kulturnetz.models import VenuePage

    VenuePage.objects.all().unpublish()
    html = client.get("/de/kulturnetz/spielstaetten/").content.decode()
    assert "Hier gibt es noch keine Einträge." in html and "weniger Filtern" not in html
    html = client.get("/de/kulturnetz/kulturaktive/?q=Zauberflöte").content.decode()
    assert "weniger Filtern" in html and "Alle Einträge zeigen" in html
