"""Open data of the Kulturnetz: actors, venues and upcoming dates as CSV and JSON.

Public fields only: what the directory and calendar pages show to every visitor (an e-mail
address only where its owner chose to publish it; no pictures, whose rights lie with their
makers). Licence: Creative Commons Attribution 4.0 (CC BY 4.0), stated on the data page, in
every file's ``Link`` header and in the JSON's metadata.

Formats, chosen for the people who open them:

- CSV for spreadsheets, as German Excel reads it on a double click: UTF-8 with a byte order
  mark (without it Excel assumes Windows-1252 and breaks the umlauts), semicolons between
  fields (Excel in German uses the comma as decimal mark and splits on semicolons), CRLF
  line ends, quotes where a value needs them. Cells that a spreadsheet would run as a formula
  (starting with = + - @, a tab or a carriage return) get a leading apostrophe. Dates and
  times are ISO 8601 in Europe/Berlin, decimals have a point.
- JSON for programs: ``{"meta": {...licence...}, "items": [...]}``, values unchanged.

Both are streamed: the matching ids first (one query), then the rows in chunks of CHUNK with
a fixed number of queries per chunk, so ten thousand actors never sit in memory at once.
"""

import csv
import json
from dataclasses import dataclass
from datetime import UTC

from django.conf import settings
from django.db.models import Prefetch
from django.http import Http404, StreamingHttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy
from wagtail.models import Page

from home.models import OrganisationSettings
from home.public_cache import public
from home.spreadsheets import formula_safe
from kulturnetz.directory import (
    ACTOR_VOCABULARIES,
    VENUE_VOCABULARIES,
    live_actors,
    live_venues,
    localise_cards,
)
from kulturnetz.models import ActorPage, Occurrence, SocialLink
from kulturnetz.models.indexes import OPEN_DATA_FORMATS, OPEN_DATA_WORDS
from kulturnetz.recurrence import BERLIN
from kulturnetz.reference import localised_terms
from kulturnetz.views import patch_page_cache

CHUNK = 500
CACHE_SECONDS = 300
CSV_DELIMITER = ";"
LICENCE = {
    "id": "CC-BY-4.0",
    "url": "https://creativecommons.org/licenses/by/4.0/",
}
LICENCE_NAME = gettext_lazy("Creative Commons Namensnennung 4.0 International (CC BY 4.0)")
CONTENT_TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json"}


@dataclass(frozen=True)
class Column:
    name: str
    description: str


@dataclass(frozen=True)
class Dataset:
    key: str
    title: str
    columns: tuple
    rows: object  # (start page, request) → iterator of dicts

    def word(self, language):
        words = OPEN_DATA_WORDS[self.key]
        return words.get(language, words[settings.LANGUAGE_CODE])


# --- Values ----------------------------------------------------------------


def _number(value):
    return float(value) if value is not None else None


def _local(moment):
    return timezone.localtime(moment, BERLIN).isoformat() if moment else None


def _chunks(queryset, order):
    """The rows of ``queryset`` in ``order``, fetched CHUNK at a time (prefetches per chunk)."""
    ids = list(queryset.order_by(*order).values_list("pk", flat=True))
    for start in range(0, len(ids), CHUNK):
        part = ids[start : start + CHUNK]
        found = {row.pk: row for row in queryset.filter(pk__in=part)}
        yield [found[pk] for pk in part if pk in found]


def _language(page, locale):
    """The language of a row's text: the file's, or German for an entry not translated yet."""
    return settings.LANGUAGE_CODE if page.locale_id != locale.pk else locale.language_code


# Columns both directories share: who the entry is, and where.
ENTRY_COLUMNS = (
    Column("id", gettext_lazy("Nummer des Eintrags im Portal")),
    Column("slug", gettext_lazy("Kurzname in der Adresse")),
    Column("title", gettext_lazy("Name")),
    Column("language", gettext_lazy("Sprache des Textes (de, en)")),
)
ADDRESS_COLUMNS = (
    Column("street", gettext_lazy("Straße und Hausnummer")),
    Column("postcode", gettext_lazy("Postleitzahl")),
    Column("town", gettext_lazy("Ort")),
    Column("latitude", gettext_lazy("Geografische Breite (WGS 84)")),
    Column("longitude", gettext_lazy("Geografische Länge (WGS 84)")),
)


# --- Actors ----------------------------------------------------------------


def actor_rows(start_page, request):
    locale = start_page.locale
    actors = live_actors(locale=locale.pk).prefetch_related(
        Prefetch("social_links", queryset=SocialLink.objects.order_by("sort_order"))
    )
    for chunk in _chunks(actors, ("title", "pk")):
        for actor in localise_cards(chunk, locale, ACTOR_VOCABULARIES):
            yield {
                "id": actor.pk,
                "slug": actor.slug,
                "title": actor.title,
                "language": _language(actor, locale),
                "kind": actor.card_kind.name if actor.card_kind else "",
                "disciplines": [discipline.name for discipline in actor.card_disciplines],
                "district": actor.card_district.name if actor.card_district else "",
                "intro": actor.intro,
                "street": actor.street,
                "postcode": actor.postcode,
                "town": actor.town,
                "latitude": _number(actor.latitude),
                "longitude": _number(actor.longitude),
                "phone": actor.phone,
                "website": actor.website,
                "email": actor.public_email,
                "social_links": [link.url for link in actor.social_links.all()],
                "url": actor.get_full_url(request),
                "updated": _local(actor.last_published_at),
            }


ACTOR_COLUMNS = (
    *ENTRY_COLUMNS,
    Column("kind", gettext_lazy("Art: Künstler*in, Gruppe/Ensemble, Verein, Institution")),
    Column("disciplines", gettext_lazy("Sparten, durch Kommas getrennt")),
    Column("district", gettext_lazy("Ortsteil")),
    Column("intro", gettext_lazy("Kurzbeschreibung")),
    *ADDRESS_COLUMNS,
    Column("phone", gettext_lazy("Telefon")),
    Column("website", gettext_lazy("Website")),
    Column("email", gettext_lazy("E-Mail-Adresse, nur wenn die Kulturaktiven sie zeigen")),
    Column("social_links", gettext_lazy("Profile im Netz, durch Kommas getrennt")),
    Column("url", gettext_lazy("Adresse des Eintrags im Portal")),
    Column("updated", gettext_lazy("Zuletzt veröffentlicht")),
)


# --- Venues ----------------------------------------------------------------


def venue_rows(start_page, request):
    locale = start_page.locale
    operators = public(ActorPage.objects.live()).only("pk", "title").order_by("title")
    venues = live_venues(locale=locale.pk).prefetch_related(
        "accessibility", Prefetch("operated_by", queryset=operators)
    )
    for chunk in _chunks(venues, ("title", "pk")):
        chunk = localise_cards(chunk, locale, VENUE_VOCABULARIES)
        features = {f.pk: f for venue in chunk for f in venue.accessibility.all()}
        localised = dict(zip(features, localised_terms(features.values(), locale), strict=True))
        for venue in chunk:
            yield {
                "id": venue.pk,
                "slug": venue.slug,
                "title": venue.title,
                "language": _language(venue, locale),
                "district": venue.card_district.name if venue.card_district else "",
                "intro": venue.intro,
                "street": venue.street,
                "postcode": venue.postcode,
                "town": venue.town,
                "latitude": _number(venue.latitude),
                "longitude": _number(venue.longitude),
                "capacity": venue.capacity,
                "accessibility": [localised[f.pk].name for f in venue.accessibility.all()],
                "accessibility_note": venue.accessibility_note,
                "phone": venue.phone,
                "website": venue.website,
                "email": venue.public_email,
                "operated_by": [actor.title for actor in venue.operated_by.all()],
                "url": venue.get_full_url(request),
                "updated": _local(venue.last_published_at),
            }


VENUE_COLUMNS = (
    *ENTRY_COLUMNS,
    Column("district", gettext_lazy("Ortsteil")),
    Column("intro", gettext_lazy("Kurzbeschreibung")),
    *ADDRESS_COLUMNS,
    Column("capacity", gettext_lazy("Plätze im größten Raum")),
    Column("accessibility", gettext_lazy("Merkmale der Barrierefreiheit, durch Kommas getrennt")),
    Column("accessibility_note", gettext_lazy("Hinweise zur Barrierefreiheit")),
    Column("phone", gettext_lazy("Telefon")),
    Column("website", gettext_lazy("Website")),
    Column("email", gettext_lazy("E-Mail-Adresse, nur wenn die Spielstätte sie zeigt")),
    Column("operated_by", gettext_lazy("Betrieben von (Kulturaktive), durch Kommas getrennt")),
    Column("url", gettext_lazy("Adresse des Eintrags im Portal")),
    Column("updated", gettext_lazy("Zuletzt veröffentlicht")),
)


# --- Events (one row per upcoming date) --------------------------------------


# Plain values instead of model instances: a date row would otherwise build eight models
# (event, venue, organiser, …), which made the file five times slower.
EVENT_VALUES = (
    "start", "end", "all_day", "kind", "status", "title", "is_free", "event_id",
    "event__translation_key", "event__locale_id", "event__path", "event__slug",
    "event__place_name", "event__street", "event__postcode", "event__town",
    "event__latitude", "event__longitude", "event__price", "event__ticket_url", "event__intro",
    "venue_id", "venue__title", "venue__street", "venue__postcode", "venue__town",
    "venue__latitude", "venue__longitude", "category__name", "district__name",
    "organiser__title", "organiser__live", "event_date__note",
)  # fmt: skip


def _chunked_values(queryset, order, names):
    ids = list(queryset.order_by(*order).values_list("pk", flat=True))
    for start in range(0, len(ids), CHUNK):
        part = ids[start : start + CHUNK]
        found = {row["pk"]: row for row in queryset.filter(pk__in=part).values("pk", *names)}
        yield [found[pk] for pk in part if pk in found]


def event_rows(start_page, request):
    from kulturnetz.models import EventIndexPage

    locale = start_page.locale
    # Events are children of a calendar: their address is the calendar's and their slug.
    calendars = {
        calendar.path: calendar.get_full_url(request) for calendar in EventIndexPage.objects.live()
    }
    occurrences = Occurrence.objects.for_locale(locale.pk).upcoming()
    for chunk in _chunked_values(occurrences, ("start", "title", "pk"), EVENT_VALUES):
        for row in chunk:
            place = "venue" if row["venue_id"] is not None else "event"
            start_utc = row["start"].astimezone(UTC)
            calendar_url = calendars.get(row["event__path"][: -Page.steplen])
            is_german = row["event__locale_id"] != locale.pk
            yield {
                "uid": f"{row['event__translation_key']}-{start_utc:%Y%m%dT%H%M%SZ}",
                "event_id": row["event_id"],
                "title": row["title"],
                "language": settings.LANGUAGE_CODE if is_german else locale.language_code,
                "start": _local(row["start"]),
                "end": _local(row["end"]),
                "all_day": row["all_day"],
                "kind": row["kind"],
                "status": row["status"],
                "category": row["category__name"] or "",
                "venue": row["venue__title"] or "",
                "place": row["venue__title"] if place == "venue" else row["event__place_name"],
                "street": row[f"{place}__street"],
                "postcode": row[f"{place}__postcode"],
                "town": row[f"{place}__town"],
                "district": row["district__name"] or "",
                "latitude": _number(row[f"{place}__latitude"]),
                "longitude": _number(row[f"{place}__longitude"]),
                "organiser": row["organiser__title"] if row["organiser__live"] else "",
                "free": row["is_free"],
                "price": row["event__price"],
                "ticket_url": row["event__ticket_url"],
                "note": row["event_date__note"],
                "intro": row["event__intro"],
                "url": f"{calendar_url}{row['event__slug']}/" if calendar_url else "",
            }


EVENT_COLUMNS = (
    Column("uid", gettext_lazy("Kennung des Termins, bleibt gleich (wie im iCal-Feed)")),
    Column("event_id", gettext_lazy("Nummer der Veranstaltung im Portal")),
    Column("title", gettext_lazy("Titel")),
    Column("language", gettext_lazy("Sprache des Textes (de, en)")),
    Column("start", gettext_lazy("Beginn (ISO 8601, deutsche Zeit)")),
    Column("end", gettext_lazy("Ende, falls angegeben")),
    Column("all_day", gettext_lazy("Ganztägig (true/false)")),
    Column(
        "kind",
        gettext_lazy("single: Einzeltermin, run: Tag eines Zeitraums, repeating: Wiederholung"),
    ),
    Column(
        "status",
        gettext_lazy(
            "scheduled, cancelled (abgesagt), postponed (verschoben), sold_out (ausverkauft)"
        ),
    ),
    Column("category", gettext_lazy("Kategorie")),
    Column("venue", gettext_lazy("Spielstätte")),
    Column("place", gettext_lazy("Ort: die Spielstätte oder ein anderer Ort")),
    Column("street", gettext_lazy("Straße und Hausnummer")),
    Column("postcode", gettext_lazy("Postleitzahl")),
    Column("town", gettext_lazy("Ort")),
    Column("district", gettext_lazy("Ortsteil")),
    Column("latitude", gettext_lazy("Geografische Breite (WGS 84)")),
    Column("longitude", gettext_lazy("Geografische Länge (WGS 84)")),
    Column("organiser", gettext_lazy("Veranstaltet von")),
    Column("free", gettext_lazy("Eintritt frei (true/false)")),
    Column("price", gettext_lazy("Preis")),
    Column("ticket_url", gettext_lazy("Link zu den Karten")),
    Column("note", gettext_lazy("Hinweis zu diesem Termin")),
    Column("intro", gettext_lazy("Kurzbeschreibung")),
    Column("url", gettext_lazy("Adresse der Veranstaltung im Portal")),
)

DATASETS = {
    "actors": Dataset("actors", gettext_lazy("Kulturaktive"), ACTOR_COLUMNS, actor_rows),
    "venues": Dataset("venues", gettext_lazy("Spielstätten"), VENUE_COLUMNS, venue_rows),
    "events": Dataset("events", gettext_lazy("Kommende Termine"), EVENT_COLUMNS, event_rows),
}


def dataset_for_word(word):
    for key, words in OPEN_DATA_WORDS.items():
        if word in words.values():
            return DATASETS[key]
    raise Http404


# --- Writers -----------------------------------------------------------------


def spreadsheet_safe(value):
    """A cell as text a spreadsheet shows and never runs: formulas get a leading apostrophe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        value = ", ".join(value)
    if isinstance(value, str):
        return formula_safe(value)
    return value


class _Line:
    """What csv.writer writes to: returns the line instead of keeping it."""

    def write(self, value):
        return value


def csv_lines(dataset, rows):
    writer = csv.writer(_Line(), delimiter=CSV_DELIMITER, lineterminator="\r\n")
    names = [column.name for column in dataset.columns]
    yield "\ufeff" + writer.writerow(names)
    for row in rows:
        yield writer.writerow([spreadsheet_safe(row[name]) for name in names])


def json_chunks(meta, rows):
    head = json.dumps({"meta": meta}, ensure_ascii=False, indent=1)
    yield head[: head.rstrip().rindex("}")].rstrip() + ',\n "items": ['
    separator = "\n  "
    for row in rows:
        yield separator + json.dumps(row, ensure_ascii=False)
        separator = ",\n  "
    yield "\n ]\n}\n"


def attribution(start_page, request):
    name = OrganisationSettings.for_request(request).name
    return f"{start_page.title}, {name}"


def licence(start_page, request):
    return {
        **LICENCE,
        "name": str(LICENCE_NAME),
        "attribution": attribution(start_page, request),
    }


# --- Views -------------------------------------------------------------------


def open_data_file(start_page, request, word, fmt):
    dataset = dataset_for_word(word)
    if fmt not in OPEN_DATA_FORMATS:
        raise Http404
    language = start_page.locale.language_code
    documentation = request.build_absolute_uri(start_page.url + start_page.route_path("open_data"))
    rows = dataset.rows(start_page, request)
    if fmt == "csv":
        content = csv_lines(dataset, rows)
    else:
        meta = {
            "title": f"{dataset.title} · {start_page.title}",
            "language": language,
            "license": licence(start_page, request),
            "source": request.build_absolute_uri(),
            "documentation": documentation,
            "generated": timezone.localtime(timezone.now(), BERLIN).isoformat(timespec="seconds"),
            "fields": {column.name: str(column.description) for column in dataset.columns},
        }
        content = json_chunks(meta, rows)
    response = StreamingHttpResponse(content, content_type=CONTENT_TYPES[fmt])
    filename = f"kulturnetz-{dataset.word(language)}.{fmt}"
    disposition = "attachment" if fmt == "csv" else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["Link"] = f'<{LICENCE["url"]}>; rel="license", <{documentation}>; rel="describedby"'
    return patch_page_cache(response, start_page, CACHE_SECONDS)


def open_data_page(start_page, request):
    from kulturnetz.models import EventIndexPage, KulturnetzIndexPage

    language = start_page.locale.language_code
    files = [
        {
            "dataset": dataset,
            "links": [
                (fmt.upper(), start_page.route_url("open_data_file", dataset.word(language), fmt))
                for fmt in OPEN_DATA_FORMATS
            ],
        }
        for dataset in DATASETS.values()
    ]
    # The calendar among the start page's sections (cached), speaking the start page's language.
    calendar = next((p for p in start_page.sections() if isinstance(p, EventIndexPage)), None)
    if calendar is not None:
        calendar.locale = start_page.locale
    # The page's frame only: the start page's own dates, map and actors are not shown here.
    context = super(KulturnetzIndexPage, start_page).get_context(request)
    context.update(
        files=files,
        licence=licence(start_page, request),
        calendar=calendar,
        api_docs_url="/api/v3/docs/",
    )
    return TemplateResponse(request, "kulturnetz/kulturnetz_index_page_data.html", context)
