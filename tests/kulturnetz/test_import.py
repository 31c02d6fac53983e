"""`manage.py import_kulturnetz FILE.csv`: good rows become pages, broken rows are reported."""

from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from kulturnetz.models import ActorPage, VenuePage

pytestmark = [pytest.mark.django_db, pytest.mark.feature_app("kulturnetz")]

SAMPLE = Path(__file__).parent / "data" / "import_sample.csv"
GOOD_ACTORS = [
    "trommelgruppe-queichtakt",
    "lesekreis-suedpfalz",
    "malwerkstatt-farbe",
    "lange-beschreibung",
    "formel",
]
BROKEN_LINES = [8, 9, 10, 11, 12, 13, 14, 17]


def run(path, *options, fails=None):
    """The command's output; ``fails``: the CommandError message it must end with."""
    out, err = StringIO(), StringIO()
    if fails:
        with pytest.raises(CommandError, match=fails):
            call_command("import_kulturnetz", str(path), *options, stdout=out, stderr=err)
    else:
        call_command("import_kulturnetz", str(path), *options, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def sample(*options):
    return run(SAMPLE, *options, fails=f"{len(BROKEN_LINES)} Zeilen konnten nicht")[0]


def counts():
    return ActorPage.objects.count(), VenuePage.objects.count()


def test_good_rows_become_live_pages(client):
    out = sample()
    assert "import_sample.csv: 13 Zeilen, UTF-8, getrennt durch Semikolon." in out
    assert "Ergebnis: 6 angelegt (veröffentlicht), 0 aktualisiert, 0 unverändert" in out
    assert "13/13 Zeilen verarbeitet" in out
    drums = ActorPage.objects.get(slug="trommelgruppe-queichtakt")
    assert drums.live and drums.revisions.count() == 1 and drums.locale.language_code == "de"
    assert drums.kind.slug == "gruppe-ensemble" and drums.district.slug == "queichheim"
    assert (drums.latitude, drums.longitude) == (Decimal("49.195000"), Decimal("8.140000"))
    assert drums.website == "https://queichtakt.example.org" and drums.publish_email
    reading = ActorPage.objects.get(slug="lesekreis-suedpfalz")
    assert {d.slug for d in reading.disciplines.all()} == {"literatur", "kulturelles-erbe"}
    assert reading.email == "lesekreis@example.org" and not reading.publish_email
    painting = ActorPage.objects.get(slug="malwerkstatt-farbe")
    assert painting.kind.slug == "kuenstlerin"  # "Künstlerin" for "Künstler*in"
    assert painting.intro == "Kurse für Kinder und Erwachsene,\nmit Staffeleien und Licht."
    long = ActorPage.objects.get(slug="lange-beschreibung")
    assert len(long.intro) <= 400 and long.intro.endswith("…")
    assert long.body[0].block_type == "paragraph" and "Kultur machen wollen" in str(long.body)
    assert "Zeile 15 („Lange Beschreibung“): Die Beschreibung ist länger als 400" in out
    hall = VenuePage.objects.get(slug="kelterhaus-moerzheim")
    assert hall.intro == "Ein alter Kelterraum; heute für Lesungen und Konzerte."
    assert hall.live and hall.district.slug == "moerzheim"
    assert client.get(hall.url).status_code == 200 and client.get(drums.url).status_code == 200
    assert ActorPage.objects.get(slug="formel").title == "=Formel"


def test_every_broken_row_is_reported_with_its_line_and_reasons():
    out = sample()
    report = out.split("Nicht importiert:")[1]
    lines = [line.strip() for line in report.strip().split("\n\n")[0].splitlines()]
    assert [int(line.split()[1].rstrip(":")) for line in lines] == BROKEN_LINES
    expected = [
        "Zeile 8: Der Name fehlt.",
        "Zeile 9 („Falsche Sparte“): Sparte „Musick“ gibt es nicht. Möglich: Bildende Künste,",
        "Zeile 10 („Kaputte Kontakte“): „https://nicht eine url“ ist keine gültige "
        "Internetadresse. „keine-mail“ ist keine gültige E-Mail-Adresse. „vielleicht“ bei "
        "„E-Mail veröffentlichen“: bitte ja oder nein.",
        "Zeile 11 („Halber Ort“): Bitte Breite und Länge zusammen angeben.",
        "Zeile 12 („Trommelgruppe Queichtakt“): Derselbe Eintrag wie in Zeile 2",
        "Zeile 13 („Irgendwas“): Unbekannter Typ „theater“",
        "Zeile 14 („Zu lange Nummer“): Telefon: Bitte sicherstellen, dass der Wert aus höchstens "
        "40 Zeichen besteht.",
        "Zeile 17: Die Zeile hat 17 Felder, die Kopfzeile nur 15 Spalten.",
    ]
    for line, start in zip(lines, expected, strict=True):
        assert line.startswith(start)
    assert not ActorPage.objects.filter(title__in=["Falsche Sparte", "Kaputte Kontakte"])


def test_a_second_run_creates_nothing_twice():
    sample()
    before = counts()
    out = sample()
    assert counts() == before
    assert "Ergebnis: 0 angelegt (veröffentlicht), 0 aktualisiert, 6 unverändert" in out
    assert ActorPage.objects.filter(slug="trommelgruppe-queichtakt").count() == 1


def test_a_dry_run_saves_nothing():
    before = counts()
    out = sample("--dry-run")
    assert (
        "Ergebnis: 6 angelegt" in out and "Probelauf (--dry-run): Nichts wurde gespeichert." in out
    )
    assert counts() == before


def test_drafts_wait_for_the_editors():
    sample("--draft")
    drums = ActorPage.objects.get(slug="trommelgruppe-queichtakt")
    assert not drums.live and drums.has_unpublished_changes and drums.revisions.count() == 1


def test_changed_rows_are_listed_and_taken_over_only_with_update(tmp_path):
    sample()
    changed = tmp_path / "geaendert.csv"
    text = SAMPLE.read_text(encoding="utf-8").replace("06341 123", "06341 999")
    changed.write_text(text, encoding="utf-8")
    out = run(changed, fails="Zeilen konnten nicht")[0]
    assert "5 unverändert, 1 abweichend" in out
    assert "Zeile 2 („Trommelgruppe Queichtakt“): Telefon" in out
    drums = ActorPage.objects.get(slug="trommelgruppe-queichtakt")
    assert drums.phone == "06341 123"
    out = run(changed, "--update", fails="Zeilen konnten nicht")[0]
    assert "1 aktualisiert, 5 unverändert, 0 abweichend" in out
    drums.refresh_from_db()
    assert drums.phone == "06341 999" and drums.live and drums.revisions.count() == 2


def test_latin1_with_commas_and_a_type_for_all_rows(tmp_path):
    path = tmp_path / "spielstaetten.csv"
    path.write_bytes(
        "Name,Ortsteil,Beschreibung,Plätze,Barrierefreiheit\r\n"
        "Scheune Nußdorf,Nußdorf,Eine Scheune für Theater,80,Stufenloser Zugang; Barrierefreies WC\r\n"
        "\r\n".encode("cp1252")
    )
    out, err = run(path, "--type", "venue")
    assert "1 Zeilen, Windows-1252, getrennt durch Komma." in out
    assert "nicht in UTF-8" in err
    barn = VenuePage.objects.get(slug="scheune-nussdorf")
    assert barn.title == "Scheune Nußdorf" and barn.capacity == 80
    assert {f.slug for f in barn.accessibility.all()} == {
        "stufenloser-zugang",
        "barrierefreies-wc",
    }


def test_english_headers_with_a_byte_order_mark_and_unknown_columns(tmp_path):
    path = tmp_path / "actors.csv"
    path.write_bytes(
        "\ufefftype;title;kind;disciplines;intro;id;lieblingsfarbe\n"
        "actor;Neue Gruppe;verein;musik|literatur;Ganz neu.;17;blau\n".encode()
    )
    out, _err = run(path)
    assert "1 angelegt" in out
    assert "Kopfzeile: Die Spalte „lieblingsfarbe“ ist unbekannt" in out
    assert "„id“" not in out  # a column of the export, read over quietly
    group = ActorPage.objects.get(slug="neue-gruppe")
    assert {d.slug for d in group.disciplines.all()} == {"musik", "literatur"}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "Die Datei ist leer."),
        (b"\r\n\r\n", "Die Datei ist leer."),
        (b"typ;art\nactor;verein\n", "keine Spalte „name“"),
        (b"\x00\xff\xfe\x81 garbage", "keine Spalte „name“"),
    ],
)
def test_files_that_cannot_be_read_stop_with_a_german_message(tmp_path, content, message):
    path = tmp_path / "kaputt.csv"
    path.write_bytes(content)
    run(path, fails=message)


def test_a_missing_file_is_named():
    run("/gibt/es/nicht.csv", fails="lässt sich nicht lesen")
