"""Import actors and venues from a CSV file; the columns are described in kulturnetz/importing.py."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from kulturnetz.importing import ACTOR, VENUE, RowError, import_file


class Command(BaseCommand):
    help = (
        "Liest Kulturaktive und Spielstätten aus einer CSV-Datei (Spalten: siehe "
        "kulturnetz/importing.py) und legt sie als veröffentlichte Seiten an. Meldet jede Zeile, "
        "die nicht importiert werden konnte, mit dem Grund. Ein zweiter Lauf legt nichts doppelt an."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV-Datei (UTF-8 oder Windows-1252; ; , oder Tab).")
        parser.add_argument(
            "--type",
            choices=[ACTOR, VENUE],
            help="Typ für Zeilen ohne Spalte „type“: actor (Kulturaktive) oder venue (Spielstätte).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Nur prüfen und berichten, nichts speichern.",
        )
        parser.add_argument(
            "--draft",
            action="store_true",
            help="Neue Einträge als Entwürfe anlegen, die die Redaktion prüft und veröffentlicht.",
        )
        parser.add_argument(
            "--update",
            action="store_true",
            help="Vorhandene Einträge mit abweichenden Angaben überschreiben (neue Version).",
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            raw = path.read_bytes()
        except OSError as error:
            raise CommandError(
                f"Die Datei {path} lässt sich nicht lesen: {error.strerror}."
            ) from error
        with translation.override(settings.LANGUAGE_CODE):
            try:
                report = import_file(
                    raw,
                    default_type=options["type"],
                    publish=not options["draft"],
                    update=options["update"],
                    dry_run=options["dry_run"],
                    progress=self._progress,
                )
            except RowError as error:
                raise CommandError(f"{path}: {error}") from error
        self._report(path, report, options)

    def _progress(self, done, total):
        step = max(total // 20, 10)
        if done % step == 0 or done == total:
            self.stdout.write(f"  {done}/{total} Zeilen verarbeitet")

    def _report(self, path, report, options):
        write = self.stdout.write
        encoding = "UTF-8" if report.encoding == "utf-8-sig" else "Windows-1252"
        delimiter = {";": "Semikolon", ",": "Komma", "\t": "Tabulator"}[report.delimiter]
        write(f"{path.name}: {report.rows} Zeilen, {encoding}, getrennt durch {delimiter}.")
        if report.encoding != "utf-8-sig":
            self.stderr.write(
                "Warnung: Die Datei ist nicht in UTF-8 gespeichert; gelesen als Windows-1252 "
                "(Latin-1). Bitte Umlaute in den neuen Einträgen prüfen."
            )
        status = "Entwürfe" if options["draft"] else "veröffentlicht"
        write(
            f"Ergebnis: {len(report.created)} angelegt ({status}), "
            f"{len(report.updated)} aktualisiert, {len(report.unchanged)} unverändert, "
            f"{len(report.different)} abweichend, {len(report.failed)} nicht importiert."
        )
        if report.failed:
            write("\nNicht importiert:")
            for label, messages in report.failed:
                write(f"  {label}: {' '.join(messages)}")
        if report.different:
            write("\nSchon vorhanden, mit anderen Angaben (mit --update übernehmen):")
            for label, changed in report.different:
                write(f"  {label}: {', '.join(changed)}")
        if report.updated:
            write("\nAktualisiert:")
            for label, changed in report.updated:
                write(f"  {label}: {', '.join(changed)}")
        if report.notes:
            write("\nHinweise:")
            for label, note in report.notes:
                write(f"  {label}: {note}")
        if options["dry_run"]:
            write("\nProbelauf (--dry-run): Nichts wurde gespeichert.")
        if report.failed:
            raise CommandError(
                f"{len(report.failed)} Zeilen konnten nicht importiert werden (siehe oben)."
            )
