# SPDX-License-Identifier: EUPL-1.2
import time
from pathlib import Path

import duckdb
from django.core.management import CommandError

from kompas.core.commands import KompasCommand
from kompas.monitoring import analytics
from kompas.monitoring.constants import ImportFormat
from kompas.monitoring.fetch import FetchError, fetch_police
from kompas.monitoring.importers import ParseError
from kompas.monitoring.services import (
    MonitoringError,
    data_import,
    import_parsed,
    national_load_queue,
    national_load_run,
)

FORMATS = [
    ImportFormat.STATLINE_CSV,
    ImportFormat.ODATA_JSON,
    ImportFormat.CLIENT_CSV,
    ImportFormat.XLSX,
]


class Command(KompasCommand):
    help = "Politie- en CBS-cijfers importeren of ophalen (monitoring)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        imp = sub.add_parser("import", help="Importeer een bestand of een map met OData-pagina's.")
        imp.add_argument("file")
        imp.add_argument("--format", choices=[str(f) for f in FORMATS], default=None)
        fetch = sub.add_parser("fetch", help="Haal een politietabel op (OData, internet nodig).")
        fetch.add_argument("catalog", choices=["politie"])
        fetch.add_argument("--table", required=True)
        fetch.add_argument("--gemeente", required=True)
        fetch.add_argument("--since", type=int, default=None)
        national_help = (
            "Laad de landelijke politietabel (CSV van de R/Python-clients, 47022NED of "
            "47018NED) voor vergelijkingen en wijk-/buurtcijfers. De bestaande tabel blijft "
            "in gebruik tot het laden gelukt is; bij een fout blijft hij ongewijzigd."
        )
        nat = sub.add_parser("landelijk", help=national_help, description=national_help)
        nat.add_argument(
            "file",
            nargs="?",
            help="CSV met de kolommen SoortMisdrijf, WijkenEnBuurten, Perioden en "
            "GeregistreerdeMisdrijven_1",
        )
        nat.add_argument(
            "--status",
            action="store_true",
            help="Toon de laatste ladingen (ook die op de achtergrond) met hun uitkomst: "
            "rijen, duur en fouten, en wat er nu geladen is.",
        )
        nat.add_argument(
            "--achtergrond",
            action="store_true",
            help=(
                "Laat de worker (kompas run_huey) het bestand laden; het bestand moet op de "
                "schijf van de worker staan. De uitkomst toont --status (en het log van de "
                "worker)."
            ),
        )

    def _fail(self, name, problems):
        for p in problems[:50]:
            self.stderr.write(str(p) if p.file else f"{name}: {p}")
        if len(problems) > 50:
            self.stderr.write(f"... en nog {len(problems) - 50} fout(en).")
        raise CommandError(f"{len(problems)} fout(en); er is niets geïmporteerd.")

    def _stderr_line(self, verbosity: int):
        """show(line, done) -> progress on stderr: on a terminal one updating line, with -v 2 a
        line per step; otherwise None (nothing is shown). Lines come at most every half
        second, the final one (done) always."""
        tty = self.stderr.isatty()
        if not tty and verbosity < 2:
            return None
        last, last_written = [0.0, ""], [False]

        def show(line: str, *, done: bool = False, new_step: bool = False) -> None:
            """done: the last line of this progress; new_step: always shown, and on a
            terminal below the line before instead of over it."""
            now = time.monotonic()
            if not (done or new_step) and (now - last[0] < 0.5 or line == last[1]):
                return
            last[:] = [now, line]
            if tty:
                start = "\n" if new_step and last_written[0] else "\r"
                self.stderr.write(f"{start}{line}\033[K", ending="\n" if done else "")
                self.stderr.flush()
            else:
                self.stderr.write(line)
            last_written[0] = not done

        return show

    def _progress(self, verbosity: int):
        """Progress while a file is read (rows read, share of the file); the import itself stays
        synchronous."""
        show = self._stderr_line(verbosity)
        if show is None:
            return None

        def report(rows: int, fraction: float | None) -> None:
            share = "" if fraction is None else f" ({fraction:.0%})"
            show(f"{rows} regels gelezen{share}", done=fraction == 1.0)

        return report

    def _national_progress(self, verbosity: int):
        """Progress of a national load: the phase, and DuckDB's share done of it; a finished
        phase keeps its own line."""
        show = self._stderr_line(verbosity)
        if show is None:
            return None
        current = [""]

        def report(phase: str, percent: float | None) -> None:
            new_step, current[0] = phase != current[0], phase
            show(phase if percent is None else f"{phase} ({percent:.0f}%)", new_step=new_step)

        return report

    def _national_problems(self, path: Path, exc) -> CommandError:
        """Every rejected line on stderr (at most 50), and the error the command ends with."""
        for line, field, message in exc.problems[:50]:
            self.stderr.write(f"{path}: regel {line}, {field}: {message}")
        if len(exc.problems) > 50:
            self.stderr.write(f"... en nog {len(exc.problems) - 50} fout(en).")
        return CommandError(f"{len(exc.problems)} fout(en); de landelijke tabel is niet gewijzigd.")

    def _national(self, path: Path, verbosity: int) -> None:
        if not path.is_file():
            raise CommandError(f"Bestand niet gevonden: {path}")
        progress = self._national_progress(verbosity)
        try:
            report = national_load_run(path=path, progress=progress)
        except analytics.NationalLoadBusy as exc:
            raise CommandError(str(exc)) from exc
        except analytics.AnalyticsLoadError as exc:
            if progress and self.stderr.isatty():
                self.stderr.write("")
            raise self._national_problems(path, exc) from exc
        except (OSError, duckdb.Error) as exc:
            raise CommandError(
                f"{path}: laden mislukt ({exc}); de landelijke tabel is niet gewijzigd."
            ) from exc
        if progress and self.stderr.isatty():
            self.stderr.write("")
        self.stdout.write(
            f"{path}: {report.rows} rijen geladen in {report.seconds:.1f} s; de landelijke "
            f"tabel ({analytics.default_path()}) is vervangen."
        )

    def _national_queue(self, path: Path) -> None:
        if not path.is_file():
            raise CommandError(f"Bestand niet gevonden: {path}")
        try:  # a file without the columns is refused now, not only in the worker's log
            analytics.read_header(path)
        except analytics.AnalyticsLoadError as exc:
            raise self._national_problems(path, exc) from exc
        load = national_load_queue(path=path.resolve())
        self.stdout.write(
            f"{path}: in de wachtrij gezet (lading {load.pk}); de worker laadt de landelijke "
            "tabel. De uitkomst toont `kompas data landelijk --status`. Tot dan blijft de "
            "bestaande tabel in gebruik."
        )

    def _national_status(self) -> None:
        from kompas.monitoring import selectors
        from kompas.monitoring.services import national_loads_recover

        national_loads_recover()  # a load whose process died is shown as broken off
        self.stdout.write(selectors.national_store_line())
        loads = selectors.national_load_list(limit=10)
        if not loads:
            self.stdout.write("Nog geen ladingen vastgelegd.")
        for load in loads:
            self.stdout.write(selectors.national_load_line(load))
            for line, field, message in load.problems[:20]:
                self.stdout.write(f"    regel {line}, {field}: {message}")
            if load.problem_count > 20:
                self.stdout.write(f"    ... en nog {load.problem_count - 20} fout(en).")

    def handle(self, *args, action, **options):
        if action == "landelijk":
            if options["status"]:
                self._national_status()
                return
            if not options["file"]:
                raise CommandError("Geef een bestand, of --status voor de laatste ladingen.")
            path = Path(options["file"])
            if options["achtergrond"]:
                self._national_queue(path)
            else:
                self._national(path, options.get("verbosity", 1))
            return
        try:
            if action == "import":
                path = Path(options["file"])
                if not path.exists():
                    raise CommandError(f"Bestand niet gevonden: {path}")
                name = str(path)
                report = data_import(
                    path=path,
                    fmt=options["format"],
                    progress=self._progress(options.get("verbosity", 1)),
                )
            else:
                name = f"{options['table']} {options['gemeente']}"
                result = fetch_police(
                    table=options["table"], gemeente=options["gemeente"], since=options["since"]
                )
                report = import_parsed(result=result, file_name=f"OData {name}")
        except (ParseError, MonitoringError) as exc:
            self._fail(name, exc.problems)
        except FetchError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"{name}: {report.rows_read} rijen gelezen, 0 afgewezen; cijfers: "
            f"{report.inserted} nieuw, {report.updated} gewijzigd, {report.unchanged} ongewijzigd."
        )
