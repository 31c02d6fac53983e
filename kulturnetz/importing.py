"""Import of actors and venues from a CSV file (``manage.py import_kulturnetz``).

Columns (the header names the export uses; German names work too, in any order):

=====================  ===========================  ==========================================
column                 German                       content
=====================  ===========================  ==========================================
type                   typ                          actor / venue (or kulturaktive /
                                                    spielstaette); else ``--type``
title                  name                         name (required)
slug                   kurzname                     address word, the stable key; made from the
                                                    name when empty (ä → ae, …)
intro                  beschreibung                 short description (required); longer than
                                                    400 characters: shortened, the whole text
                                                    goes to the long description
kind                   art                          actors: Künstler*in, Gruppe/Ensemble,
                                                    Verein, Institution (required)
disciplines            sparten                      actors: names, separated by , ; or |
district               ortsteil                     name of the district
street, postcode,      strasse, plz, ort            address
town
latitude, longitude    breite, laenge               decimal point or comma
phone, website,        telefon, website, email      website without https:// gets it
email
email_public           email_oeffentlich            ja/nein: publish the e-mail address
capacity               plaetze                      venues: seats
accessibility          barrierefreiheit             venues: feature names, separated by , ; |
accessibility_note     hinweise_barrierefreiheit    venues
=====================  ===========================  ==========================================

The export's other columns (id, language, url, updated, social_links, operated_by) are read
over. The file may be UTF-8 (with or without byte order mark) or Windows-1252/Latin-1 (with a
warning), separated by semicolons, commas or tabs (the header decides). A row is one entry,
found again by its type and slug: a second run creates nothing twice. Every row that cannot be
imported is reported with its line number and the reasons, in German.
"""

import csv
import html
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db import transaction
from django.utils.text import slugify

from kulturnetz.models import (
    AccessibilityFeature,
    ActorIndexPage,
    ActorKind,
    ActorPage,
    Discipline,
    District,
    VenueIndexPage,
    VenuePage,
)

ACTOR, VENUE = "actor", "venue"
TYPE_WORDS = {
    ACTOR: {"actor", "kulturaktive", "kulturaktiv", "kulturaktiver", "akteur", "akteurin"},
    VENUE: {"venue", "spielstaette", "spielstatte", "ort"},
}
# Column → the names it may have in a header (normalised: lower case, ä → ae, _ between words).
COLUMNS = {
    "type": ("type", "typ"),
    "title": ("title", "name"),
    "slug": ("slug", "kurzname", "schluessel"),
    "intro": ("intro", "description", "beschreibung", "kurzbeschreibung"),
    "kind": ("kind", "art"),
    "disciplines": ("disciplines", "sparten", "sparte"),
    "district": ("district", "ortsteil"),
    "street": ("street", "strasse", "strasse_und_hausnummer", "adresse"),
    "postcode": ("postcode", "plz", "postleitzahl"),
    "town": ("town", "ort", "stadt"),
    "latitude": ("latitude", "breite"),
    "longitude": ("longitude", "laenge"),
    "phone": ("phone", "telefon"),
    "website": ("website", "webseite", "homepage", "internet"),
    "email": ("email", "e_mail", "mail"),
    "email_public": ("email_public", "email_oeffentlich", "e_mail_oeffentlich"),
    "capacity": ("capacity", "plaetze"),
    "accessibility": ("accessibility", "barrierefreiheit"),
    "accessibility_note": ("accessibility_note", "hinweise_barrierefreiheit"),
}
# Columns of the export that an import does not read.
EXPORT_ONLY = {"id", "language", "url", "updated", "social_links", "operated_by"}
TEXT_FIELDS = ("street", "postcode", "town", "phone")
INTRO_LENGTH = 400
YES = {"ja", "j", "yes", "y", "true", "wahr", "1", "x"}
NO = {"nein", "n", "no", "false", "falsch", "0", ""}
LIST_SEPARATORS = re.compile(r"[,;|]")
TRANSLITERATION = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"}
)


def normalise_header(name):
    name = (name or "").strip().lstrip("\ufeff").translate(TRANSLITERATION).casefold()
    return re.sub(r"[^a-z0-9]+", "_", name).strip("_")


def match_key(text):
    """What a vocabulary name and its slug have in common: "Gruppe/Ensemble" = "gruppe-ensemble"."""
    return re.sub(r"[^a-z0-9]+", "", (text or "").translate(TRANSLITERATION).casefold())


def german_slug(text):
    return slugify((text or "").translate(TRANSLITERATION))[:255].strip("-")


class RowError(Exception):
    def __init__(self, messages):
        super().__init__("; ".join(messages))
        self.messages = messages


@dataclass
class Row:
    line: int
    values: dict
    title: str = ""
    kind: str = ""
    slug: str = ""
    fields: dict = field(default_factory=dict)
    relations: dict = field(default_factory=dict)
    body: list = field(default_factory=list)
    notes: list = field(default_factory=list)

    @property
    def label(self):
        return f"Zeile {self.line} („{self.title}“)" if self.title else f"Zeile {self.line}"


@dataclass
class Report:
    encoding: str = "utf-8"
    delimiter: str = ";"
    rows: int = 0
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    different: list = field(default_factory=list)  # (label, changed field names)
    failed: list = field(default_factory=list)  # (label, messages)
    notes: list = field(default_factory=list)  # (label, message)


# --- Reading ---------------------------------------------------------------


def decode(raw):
    """Text and encoding of the file's bytes: UTF-8 (byte order mark dropped), else Windows-1252,
    else Latin-1 (which never fails)."""
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes every byte")


def sniff_delimiter(text):
    """The separator the header line uses most: semicolon, comma or tab."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {delimiter: first.count(delimiter) for delimiter in (";", ",", "\t")}
    return max(counts, key=lambda delimiter: (counts[delimiter], delimiter == ";"))


def read_rows(text, delimiter, report):
    """Rows of the file as dicts keyed by column, with the line each starts on.

    Returns (rows, unknown columns). Empty lines are skipped; a row with more fields than the
    header has columns is reported and left out.
    """
    reader = csv.reader(io.StringIO(text.replace("\x00", ""), newline=""), delimiter=delimiter)
    header, columns, unknown, rows = None, [], [], []
    line = 0
    while True:
        start = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            report.failed.append((f"Zeile {start}", [f"Die Zeile ist kein gültiges CSV: {error}"]))
            continue
        line = start
        if not any(cell.strip() for cell in cells):
            continue
        if header is None:
            header = [normalise_header(cell) for cell in cells]
            for name in header:
                column = next((key for key, names in COLUMNS.items() if name in names), None)
                columns.append(column)
                if column is None and name and name not in EXPORT_ONLY:
                    unknown.append(name)
            continue
        if len(cells) > len(header) and any(cell.strip() for cell in cells[len(header) :]):
            report.failed.append(
                (
                    f"Zeile {line}",
                    [
                        f"Die Zeile hat {len(cells)} Felder, die Kopfzeile nur {len(header)} "
                        "Spalten. Steht ein Trennzeichen ohne Anführungszeichen im Text?"
                    ],
                )
            )
            continue
        values = {}
        for column, cell in zip(columns, cells, strict=False):
            if column is not None:
                values[column] = cell.strip()
        rows.append(Row(line=line, values=values))
    if header is None:
        raise RowError(["Die Datei ist leer."])
    if "title" not in columns:
        raise RowError(["Die Kopfzeile hat keine Spalte „name“ (oder „title“)."])
    return rows, unknown


# --- Checking one row ---------------------------------------------------------


class Vocabulary:
    """The German entries of one vocabulary, found by name or slug, however written."""

    def __init__(self, model, label):
        self.label = label
        self.entries = list(model.objects.filter(locale__language_code="de"))
        self.by_key = {}
        for entry in self.entries:
            self.by_key.setdefault(match_key(entry.slug), entry)
            self.by_key.setdefault(match_key(entry.name), entry)

    def find(self, text, errors):
        entry = self.by_key.get(match_key(text))
        if entry is None:
            errors.append(
                "{label} „{value}“ gibt es nicht. Möglich: {names}.".format(
                    label=self.label,
                    value=text,
                    names=", ".join(entry.name for entry in self.entries),
                )
            )
        return entry

    def find_all(self, text, errors):
        parts = [part.strip() for part in LIST_SEPARATORS.split(text or "")]
        found = [self.find(part, errors) for part in parts if part]
        return [entry for entry in found if entry is not None]


class Checker:
    """Turns the values of a row into model fields, or the reasons why not."""

    def __init__(self, default_type=None):
        self.default_type = default_type
        self.kinds = Vocabulary(ActorKind, "Art")
        self.disciplines = Vocabulary(Discipline, "Sparte")
        self.districts = Vocabulary(District, "Ortsteil")
        self.features = Vocabulary(AccessibilityFeature, "Merkmal der Barrierefreiheit")

    def check(self, row):
        values, errors = row.values, []
        row.title = values.get("title", "")
        row.kind = self._type(values.get("type", ""), errors)
        model = VenuePage if row.kind == VENUE else ActorPage
        if not row.title:
            errors.append("Der Name fehlt.")
        row.slug = values.get("slug", "").casefold() or german_slug(row.title)
        if row.title and not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", row.slug or ""):
            errors.append(
                f"Der Kurzname „{row.slug}“ darf nur Kleinbuchstaben, Ziffern und - enthalten."
            )
        fields = {"title": row.title, "slug": row.slug}
        fields["intro"] = self._intro(row, values.get("intro", ""), errors)
        for name in TEXT_FIELDS:
            fields[name] = values.get(name, "")
        fields["website"] = self._website(values.get("website", ""), errors)
        fields["email"] = self._email(values.get("email", ""), errors)
        fields["publish_email"] = self._yes_no(values.get("email_public", ""), errors)
        fields["latitude"], fields["longitude"] = self._coordinates(values, errors)
        district = values.get("district", "")
        fields["district"] = self.districts.find(district, errors) if district else None
        if row.kind == ACTOR:
            kind = values.get("kind", "")
            if kind:
                fields["kind"] = self.kinds.find(kind, errors)
            else:
                errors.append("Die Art fehlt (Künstler*in, Gruppe/Ensemble, Verein, Institution).")
            row.relations["disciplines"] = self.disciplines.find_all(
                values.get("disciplines", ""), errors
            )
        elif row.kind == VENUE:
            fields["capacity"] = self._capacity(values.get("capacity", ""), errors)
            fields["accessibility_note"] = values.get("accessibility_note", "")
            row.relations["accessibility"] = self.features.find_all(
                values.get("accessibility", ""), errors
            )
        if row.kind:
            self._model_rules(model, fields, errors)
        if errors:
            raise RowError(errors)
        row.fields = fields
        return model

    def _type(self, text, errors):
        word = match_key(text) or self.default_type
        for kind, words in TYPE_WORDS.items():
            if word in words:
                return kind
        if text:
            errors.append(
                f"Unbekannter Typ „{text}“: actor (Kulturaktive) oder venue (Spielstätte)."
            )
        else:
            errors.append("Der Typ fehlt: actor (Kulturaktive) oder venue (Spielstätte).")
        return ""

    def _intro(self, row, text, errors):
        text = text.strip()
        if not text:
            errors.append("Die Beschreibung fehlt.")
            return ""
        if len(text) <= INTRO_LENGTH:
            return text
        # The whole text becomes the long description; the short one ends at a word.
        row.body = [
            (
                "paragraph",
                "".join(
                    f"<p>{html.escape(part)}</p>" for part in text.splitlines() if part.strip()
                ),
            )
        ]
        row.notes.append(
            f"Die Beschreibung ist länger als {INTRO_LENGTH} Zeichen: gekürzt, der ganze Text "
            "steht in der ausführlichen Beschreibung."
        )
        return text[: INTRO_LENGTH - 1].rsplit(" ", 1)[0].rstrip(" ,;.") + "…"

    def _website(self, text, errors):
        if not text:
            return ""
        if "://" not in text:
            text = f"https://{text}"
        try:
            URLValidator(schemes=["http", "https"])(text)
        except ValidationError:
            errors.append(f"„{text}“ ist keine gültige Internetadresse.")
        return text

    def _email(self, text, errors):
        if text:
            try:
                EmailValidator()(text)
            except ValidationError:
                errors.append(f"„{text}“ ist keine gültige E-Mail-Adresse.")
        return text

    def _yes_no(self, text, errors):
        word = text.strip().casefold()
        if word in YES:
            return True
        if word not in NO:
            errors.append(f"„{text}“ bei „E-Mail veröffentlichen“: bitte ja oder nein.")
        return False

    def _coordinates(self, values, errors):
        found = []
        for name, label, limit in (("latitude", "Breite", 90), ("longitude", "Länge", 180)):
            text = values.get(name, "").replace(",", ".")
            if not text:
                found.append(None)
                continue
            try:
                number = Decimal(text).quantize(Decimal("0.000001"))
            except (InvalidOperation, ValueError):
                number = None
            if number is None or not number.is_finite() or abs(number) > limit:
                errors.append(
                    f"{label} „{values[name]}“ ist keine Zahl zwischen -{limit} und {limit}."
                )
                number = None
            found.append(number)
        if (found[0] is None) != (found[1] is None) and not errors:
            errors.append("Bitte Breite und Länge zusammen angeben.")
        return found

    def _capacity(self, text, errors):
        if not text:
            return None
        if not text.isdigit() or len(text) > 9:
            errors.append(f"Plätze „{text}“: bitte eine ganze Zahl.")
            return None
        return int(text)

    def _model_rules(self, model, fields, errors):
        """Length limits and field rules of the model, with its German field names."""
        for name, value in fields.items():
            if name in ("slug", "district", "kind") or value in (None, ""):
                continue
            model_field = model._meta.get_field(name)
            try:
                if name not in ("website", "email"):  # checked above, with the value named
                    model_field.run_validators(value)
                if model_field.max_length and len(str(value)) > model_field.max_length:
                    raise ValidationError(
                        f"höchstens {model_field.max_length} Zeichen, hier sind es "
                        f"{len(str(value))}."
                    )
            except ValidationError as error:
                errors.extend(
                    f"{model_field.verbose_name}: {message}" for message in error.messages
                )


# --- Saving ----------------------------------------------------------------


def _differences(page, row):
    changed = [
        page._meta.get_field(name).verbose_name
        for name, value in row.fields.items()
        if getattr(page, name) != value
    ]
    for name, entries in row.relations.items():
        if {entry.pk for entry in getattr(page, name).all()} != {entry.pk for entry in entries}:
            changed.append(page._meta.get_field(name).verbose_name)
    return [str(name) for name in changed]


def _apply(page, row):
    for name, value in row.fields.items():
        setattr(page, name, value)
    for name, entries in row.relations.items():
        setattr(page, name, entries)
    if row.body:
        page.body = row.body


def save_row(row, model, index, report, publish=True, update=False):
    existing = model.objects.child_of(index).filter(slug=row.slug).first()
    if existing is None:
        page = model(live=False)
        _apply(page, row)
        index.add_child(instance=page)
        revision = page.save_revision()
        if publish:
            revision.publish()
        report.created.append(row.label)
        return
    existing = existing.specific
    changed = _differences(existing, row)
    if not changed:
        report.unchanged.append(row.label)
    elif not update:
        report.different.append((row.label, changed))
    elif existing.has_unpublished_changes:
        report.failed.append(
            (row.label, ["Der Eintrag hat unveröffentlichte Änderungen; nicht überschrieben."])
        )
    else:
        _apply(existing, row)
        revision = existing.save_revision()
        if existing.live:
            revision.publish()
        report.updated.append((row.label, changed))


def import_file(raw, default_type=None, publish=True, update=False, dry_run=False, progress=None):
    """Import the CSV file's bytes; returns the Report. ``progress(done, total)`` is called as
    rows are done. Raises RowError when the file as a whole cannot be read."""
    text, encoding = decode(raw)
    report = Report(encoding=encoding, delimiter=sniff_delimiter(text))
    rows, unknown = read_rows(text, report.delimiter, report)
    report.rows = len(rows)
    for name in unknown:
        report.notes.append(
            ("Kopfzeile", f"Die Spalte „{name}“ ist unbekannt und wird nicht gelesen.")
        )
    indexes = {
        ACTOR: ActorIndexPage.objects.filter(locale__language_code="de").first(),
        VENUE: VenueIndexPage.objects.filter(locale__language_code="de").first(),
    }
    checker = Checker(default_type)
    seen = {}
    with transaction.atomic():
        for done, row in enumerate(rows, start=1):
            try:
                model = checker.check(row)
                key = (row.kind, row.slug)
                if key in seen:
                    raise RowError(
                        [f"Derselbe Eintrag wie in Zeile {seen[key]} (Kurzname „{row.slug}“)."]
                    )
                seen[key] = row.line
                if indexes[row.kind] is None:
                    raise RowError(["Es gibt noch kein deutsches Verzeichnis für diesen Typ."])
                with transaction.atomic():
                    save_row(row, model, indexes[row.kind], report, publish, update)
                report.notes.extend((row.label, note) for note in row.notes)
            except RowError as error:
                report.failed.append((row.label, error.messages))
            except ValidationError as error:
                report.failed.append((row.label, validation_messages(error, model)))
            if progress:
                progress(done, len(rows))
        if dry_run:
            transaction.set_rollback(True)
    report.failed.sort(key=lambda item: _line_of(item[0]))
    return report


def validation_messages(error, model):
    """A model's ValidationError as "Feld: Meldung" lines."""
    if not hasattr(error, "error_dict"):
        return list(error.messages)
    lines = []
    for name, errors in error.message_dict.items():
        try:
            label = model._meta.get_field(name).verbose_name
        except FieldDoesNotExist:  # errors of the whole page
            label = ""
        lines.extend(f"{label}: {message}" if label else message for message in errors)
    return lines


def _line_of(label):
    found = re.search(r"\d+", label)
    return int(found[0]) if found else 0
