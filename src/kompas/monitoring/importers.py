# SPDX-License-Identifier: EUPL-1.2
"""Parsers for the file formats a policy advisor has: StatLine CSV exports, OData v3
TypedDataSet JSON (one response or a folder of pages), the CSV of the R/Python clients, and
Excel sheets of own registrations. They only read and validate: each returns ParsedRows or
raises ParseError with every problem (file, line, field, message). services.py writes.

Every parser takes an optional `progress(rows_read, fraction)` callback: it is called every
PROGRESS_EVERY rows and once at the end, with the share of the file read so far (0..1; by
characters for CSV, by records for OData, by rows for Excel) or None where it is unknown."""

import csv
import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _

from . import codelists
from .constants import POLICE_TABLES, ImportFormat, IndicatorSource, ObservationStatus

ProgressCallback = Callable[[int, float | None], None]
PROGRESS_EVERY = 50


class _Progress:
    """Calls `callback(rows_read, fraction)` every `every` rows and once at the end."""

    def __init__(self, callback: ProgressCallback | None, every: int = PROGRESS_EVERY):
        self.callback, self.every = callback, every

    def row(self, read: int, fraction: float | None = None) -> None:
        if self.callback is not None and read % self.every == 0:
            self.callback(read, None if fraction is None else min(max(fraction, 0.0), 1.0))

    def done(self, read: int) -> None:
        if self.callback is not None:
            self.callback(read, 1.0)


@dataclass(frozen=True)
class ParsedRow:
    line: int
    indicator_code: str
    region_code: str
    period: str
    value: float | None
    status: str = ObservationStatus.FINAL
    file: str = ""


@dataclass
class ParseResult:
    rows: list[ParsedRow]
    format: str
    table: str = ""
    rows_read: int = 0


@dataclass
class Problem:
    line: int
    field: str
    message: str
    file: str = ""

    def __str__(self) -> str:
        where = f"{self.file}: " if self.file else ""
        return _("%(where)sregel %(line)s, %(field)s: %(msg)s") % {
            "where": where,
            "line": self.line,
            "field": self.field,
            "msg": self.message,
        }


class ParseError(Exception):
    """A file with errors; nothing of it is imported. `problems` names every bad line."""

    def __init__(self, problems: list[Problem], rows_read: int = 0):
        self.problems = problems
        self.rows_read = rows_read
        super().__init__("; ".join(str(p) for p in problems[:20]))


@dataclass
class _Collector:
    file: str
    problems: list[Problem] = field(default_factory=list)
    rows: list[ParsedRow] = field(default_factory=list)
    seen: dict = field(default_factory=dict)

    def error(self, line: int, fld: str, message: str) -> None:
        self.problems.append(Problem(line, fld, message, self.file))

    def add(self, row: ParsedRow) -> None:
        key = (row.indicator_code, row.region_code, row.period)
        if key in self.seen:
            self.error(
                row.line,
                _("sleutel"),
                _("dubbele rij: %(ind)s, %(region)s, %(period)s staat ook op regel %(other)s")
                % {
                    "ind": row.indicator_code,
                    "region": row.region_code,
                    "period": row.period,
                    "other": self.seen[key],
                },
            )
            return
        self.seen[key] = row.line
        self.rows.append(row)


def parse_value(raw) -> float | None:
    """A number, or None for secret/unknown (`.`, empty, `NA`). ValueError otherwise."""
    if raw is None:
        return None
    if isinstance(raw, int | float):
        return float(raw)
    text = str(raw).strip()
    if text in ("", ".", "NA", "x", "-"):
        return None
    if re.fullmatch(r"-?\d+", text):
        return float(text)
    if re.fullmatch(r"-?\d+[.,]\d+", text):
        return float(text.replace(",", "."))
    raise ValueError(text)


MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]
QUARTERS = {"1e": 1, "2e": 2, "3e": 3, "4e": 4, "eerste": 1, "tweede": 2, "derde": 3, "vierde": 4}


def parse_period_label(label) -> tuple[str, str]:
    """StatLine/Excel period label -> (CBS period code, status). `2024*` is provisional.
    Accepts `2023`, `2023JJ00`, `2023 1e kwartaal`, `2023 januari`, `2023-03`, `2023-K1`."""
    text = str(label).strip()
    status = ObservationStatus.FINAL
    if text.endswith("*"):
        status, text = ObservationStatus.PROVISIONAL, text[:-1].strip()
    if re.fullmatch(r"\d{4}(\.0)?", text):
        return f"{text[:4]}JJ00", status
    if codelists.PERIOD_RE.match(text):
        return text, status
    m = re.fullmatch(r"(\d{4})\s+(\w+)\s+kwartaal", text, re.IGNORECASE)
    if m and m.group(2).lower() in QUARTERS:
        return f"{m.group(1)}KW{QUARTERS[m.group(2).lower()]:02d}", status
    m = re.fullmatch(r"(\d{4})[- ]?K(?:W)?0?([1-4])", text, re.IGNORECASE)
    if m:
        return f"{m.group(1)}KW0{m.group(2)}", status
    m = re.fullmatch(r"(\d{4})\s+([a-z]+)", text, re.IGNORECASE)
    if m and m.group(2).lower() in MONTHS:
        return f"{m.group(1)}MM{MONTHS.index(m.group(2).lower()) + 1:02d}", status
    m = re.fullmatch(r"(\d{4})-(0[1-9]|1[0-2])(-\d\d)?( 00:00:00)?", text)
    if m:
        return f"{m.group(1)}MM{m.group(2)}", status
    raise ValueError(text)


def _source_of_measure(name: str) -> str | None:
    low = name.casefold()
    if "geregistreerde misdrijven" in low or "geregistreerdemisdrijven" in low:
        return IndicatorSource.CRIMES
    if "overlast" in low:
        return IndicatorSource.NUISANCE
    return None


def _read_text(path: Path) -> str:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252")


# --- StatLine CSV ---------------------------------------------------------------------------
HEADER_LABELS = {"onderwerp", "onderwerpen", "perioden", "soort misdrijf", "soort overlast"}
ROW_DIMENSION_LABELS = {"regio's", "regio", "wijken en buurten", "gemeenten", "regios"}


def parse_statline_csv(
    path: Path, display_name: str = "", progress: ProgressCallback | None = None
) -> ParseResult:
    """A StatLine CSV export as downloaded: `;`-separated, title lines, header rows
    `Onderwerp`/`Perioden`/`Regio's`, regions by name, last line `Bron: ...`."""
    name = display_name or path.name
    col = _Collector(name)
    prog = _Progress(progress)
    text = _read_text(path)
    _require_semicolons(col, text.splitlines())
    buffer = io.StringIO(text)
    total = max(len(text), 1)
    reader = csv.reader(buffer, delimiter=";")
    head = _StatlineHead()
    read = 0
    for cells in reader:
        if not any(c.strip() for c in cells):
            continue
        if not head.done:
            head.feed(col, cells, reader.line_num)
            continue
        if len(cells) == 1 and cells[0].strip().casefold().startswith(("bron", "cbs", "©")):
            break
        read += 1
        prog.row(read, buffer.tell() / total)
        _statline_row(col, reader.line_num, cells, head, name)
    if not head.done:
        col.error(
            1,
            _("kop"),
            _("de kopregel met 'Regio's' ontbreekt; is dit een StatLine-export?"),
        )
    if col.problems:
        raise ParseError(col.problems, read)
    prog.done(read)
    return ParseResult(col.rows, ImportFormat.STATLINE_CSV, "", read)


def _require_semicolons(col, lines: list[str]) -> None:
    if any(";" in line for line in lines[:12]):
        return
    delim = next((d for d in (",", "\t", "|") if any(d in ln for ln in lines[:12])), None)
    col.error(
        1,
        _("scheidingsteken"),
        _(
            "dit is geen StatLine-export met ';' als scheidingsteken%(found)s. "
            "Download het bestand opnieuw als CSV (puntkomma-gescheiden)."
        )
        % {"found": _(" (gevonden: %(d)r)") % {"d": delim} if delim else ""},
    )
    raise ParseError(col.problems)


@dataclass
class _StatlineHead:
    """The lines above the data: `Key: value` title lines, the header rows (Onderwerp,
    Perioden, Soort ...) and last the row-dimension line (Regio's), which fixes the columns."""

    header: dict[str, list[str]] = field(default_factory=dict)
    fixed: dict[str, str] = field(default_factory=dict)
    header_lines: dict[str, int] = field(default_factory=dict)
    ncols: int = 0
    done: bool = False
    # (indicator code, period, status, label) per value column
    columns: list[tuple[str, str, str, str]] = field(default_factory=list)

    def feed(self, col, cells: list[str], line: int) -> None:
        first = cells[0].strip()
        if len(cells) == 1:
            if ":" in first:
                key, _sep, val = first.partition(":")
                self.fixed[key.strip().casefold()] = val.strip()
            return
        low = first.casefold()
        if low in HEADER_LABELS:
            self.header[low] = [c.strip() for c in cells[1:]]
            self.header_lines[low] = line
            self.ncols = max(self.ncols, len(cells))
            return
        if low in ROW_DIMENSION_LABELS:
            self.done = True
            self.columns = _statline_columns(
                col, self.header, self.fixed, self.header_lines, self.ncols, line
            )
            if col.problems:
                raise ParseError(col.problems)
            return
        col.error(
            line,
            _("kop"),
            _(
                "onverwachte regel vóór de kop 'Regio's': %(cell)r. Verwacht de regels "
                "'Onderwerp', 'Perioden' en 'Regio's' van een StatLine-export."
            )
            % {"cell": first},
        )
        raise ParseError(col.problems)


def _statline_row(col, line: int, cells: list[str], head: _StatlineHead, name: str) -> None:
    """One region's line: its values under the header's columns."""
    first = cells[0].strip()
    if len(cells) != head.ncols:
        col.error(
            line,
            _("kolommen"),
            _("%(n)s kolommen, verwacht %(m)s (scheidingsteken ';')")
            % {"n": len(cells), "m": head.ncols},
        )
        return
    codes = codelists.resolve_region_name(first)
    if not codes:
        col.error(line, _("regio"), _("onbekende regio %(name)r") % {"name": first})
        return
    if len(codes) > 1:
        col.error(
            line,
            _("regio"),
            _("regio %(name)r is niet eenduidig (%(codes)s)")
            % {"name": first, "codes": ", ".join(codes)},
        )
        return
    for (indicator_code, period, status, label), raw in zip(head.columns, cells[1:], strict=True):
        try:
            value = parse_value(raw)
        except ValueError:
            col.error(line, label, _("%(raw)r is geen getal") % {"raw": raw.strip()})
            continue
        col.add(ParsedRow(line, indicator_code, codes[0], period, value, status, name))


def _statline_columns(col, header, fixed, header_lines, ncols, line):
    n = ncols - 1
    subjects = header.get("onderwerp") or header.get("onderwerpen")
    periods = header.get("perioden")
    if not subjects or not periods:
        col.error(line, _("kop"), _("de kopregels 'Onderwerp' en 'Perioden' ontbreken"))
        return []
    types = header.get("soort misdrijf") or header.get("soort overlast")
    fixed_type = fixed.get("soort misdrijf") or fixed.get("soort overlast")
    columns = []
    for j in range(n):
        subject = subjects[j] if j < len(subjects) else ""
        source = _source_of_measure(subject)
        if source is None:
            col.error(
                header_lines.get("onderwerp", line),
                _("Onderwerp"),
                _(
                    "onderwerp %(s)r wordt niet ondersteund; gebruik 'Geregistreerde "
                    "misdrijven' of een registratie overlast"
                )
                % {"s": subject},
            )
            continue
        type_label = types[j] if types and j < len(types) else fixed_type
        if not type_label:
            type_label = "Totaal misdrijven" if source == IndicatorSource.CRIMES else ""
        type_code = codelists.resolve_type_label(source, type_label or "")
        if type_code is None:
            col.error(
                header_lines.get("soort misdrijf", 2),
                _("soort"),
                _("onbekende soort %(t)r") % {"t": type_label},
            )
            continue
        try:
            period, status = parse_period_label(periods[j] if j < len(periods) else "")
        except ValueError:
            col.error(
                header_lines.get("perioden", line),
                _("Perioden"),
                _("onbekende periode %(p)r") % {"p": periods[j] if j < len(periods) else ""},
            )
            continue
        columns.append((f"{source}:{type_code}", period, status, f"{subject} {periods[j]}"))
    return columns


# --- CSV of the R/Python clients (cbsodataR, cbsodata) -----------------------------------------
REGION_COLUMNS = ("WijkenEnBuurten", "RegioS", "Gemeenten", "Regio")
TYPE_COLUMNS = ("SoortMisdrijf", "SoortOverlast", "SoortRegistratie", "Overlast", "SoortIncident")


def _measure_columns(columns, table: str = "") -> dict[str, str]:
    """Measure column -> indicator source. `GeregistreerdeMisdrijven_1`, overlast measures."""
    out = {}
    for name in columns:
        if name in ("ID", "", *REGION_COLUMNS, *TYPE_COLUMNS, "Perioden") or name.endswith(
            "_label"
        ):
            continue
        source = _source_of_measure(name)
        if source is None and table in POLICE_TABLES and re.fullmatch(r"\w+_1", name):
            source = POLICE_TABLES[table][0]
        if source is not None:
            out[name] = source
    return out


def _dict_rows(col, records, table, default_source=None, on_row=None):
    """Shared by the client CSV and OData: records are (line, dict). `on_row(read)` after
    each record."""
    read = 0
    measures = None
    for line, rec in records:
        read += 1
        if on_row is not None:
            on_row(read)
        if measures is None:
            measures = _measure_columns(rec.keys(), table)
            if not measures:
                col.error(
                    line,
                    _("kolommen"),
                    _("geen meetkolom gevonden (zoals GeregistreerdeMisdrijven_1)"),
                )
                return read
        region_key = next((k for k in REGION_COLUMNS if k in rec), None)
        type_key = next((k for k in TYPE_COLUMNS if k in rec), None)
        if region_key is None or "Perioden" not in rec:
            col.error(line, _("kolommen"), _("kolom WijkenEnBuurten/RegioS of Perioden ontbreekt"))
            return read
        region_code = codelists.normalise_region_code(str(rec[region_key] or ""))
        if codelists.region(region_code) is None:
            col.error(line, region_key, _("onbekende regiocode %(c)r") % {"c": region_code})
            continue
        try:
            period = codelists.parse_period(str(rec["Perioden"]))
        except ValueError:
            col.error(line, "Perioden", _("onbekende periode %(p)r") % {"p": rec["Perioden"]})
            continue
        for measure, source in measures.items():
            type_code = str(rec.get(type_key) or "0.0.0").strip() if type_key else "0.0.0"
            if type_code not in codelists.type_names(source):
                col.error(line, type_key or measure, _("onbekende code %(c)r") % {"c": type_code})
                continue
            try:
                value = parse_value(rec.get(measure))
            except ValueError:
                col.error(line, measure, _("%(raw)r is geen getal") % {"raw": rec.get(measure)})
                continue
            col.add(ParsedRow(line, f"{source}:{type_code}", region_code, period.code, value))
    return read


def parse_client_csv(
    path: Path, display_name: str = "", progress: ProgressCallback | None = None
) -> ParseResult:
    name = display_name or path.name
    col = _Collector(name)
    prog = _Progress(progress)
    text = _read_text(path)
    first = text.splitlines()[0] if text else ""
    delim = max((",", ";"), key=first.count)
    if "Perioden" not in first or first.count(delim) == 0:
        col.error(
            1,
            _("kop"),
            _(
                "kopregel niet herkend: verwacht kolommen als SoortMisdrijf, WijkenEnBuurten, "
                "Perioden, gescheiden door ',' of ';'"
            ),
        )
        raise ParseError(col.problems)
    buffer = io.StringIO(text)
    total = max(len(text), 1)
    reader = csv.DictReader(buffer, delimiter=delim)
    records = ((reader.line_num, rec) for rec in reader)
    read = _dict_rows(col, records, "", on_row=lambda n: prog.row(n, buffer.tell() / total))
    if col.problems:
        raise ParseError(col.problems, read)
    prog.done(read)
    return ParseResult(col.rows, ImportFormat.CLIENT_CSV, "", read)


# --- OData v3 TypedDataSet JSON ---------------------------------------------------------------
def table_from_metadata(url: str) -> str:
    m = re.search(r"/(\d{5}[A-Z]{3})/", url or "")
    return m.group(1) if m else ""


def parse_odata_pages(
    pages: list[tuple[str, dict]], table: str = "", progress: ProgressCallback | None = None
) -> ParseResult:
    """pages: (name, decoded JSON) of TypedDataSet responses in order."""
    problems: list[Problem] = []
    rows: list[ParsedRow] = []
    seen: dict = {}
    read = 0
    prog = _Progress(progress)
    for page_number, (page_name, doc) in enumerate(pages):
        col = _Collector(page_name, seen=seen)
        if not isinstance(doc, dict) or not isinstance(doc.get("value"), list):
            col.error(1, "value", _("geen OData TypedDataSet-antwoord (lijst 'value' ontbreekt)"))
            problems.extend(col.problems)
            continue
        table = table or table_from_metadata(doc.get("odata.metadata", ""))
        records = ((i, rec) for i, rec in enumerate(doc["value"], start=1))
        size, before = max(len(doc["value"]), 1), read
        read += _dict_rows(
            col,
            records,
            table,
            on_row=lambda n, size=size, before=before, page=page_number: prog.row(
                before + n, (page + n / size) / len(pages)
            ),
        )
        problems.extend(col.problems)
        rows.extend(col.rows)
    if problems:
        raise ParseError(problems, read)
    prog.done(read)
    return ParseResult(rows, ImportFormat.ODATA_JSON, table, read)


def parse_odata_path(path: Path, progress: ProgressCallback | None = None) -> ParseResult:
    files = sorted(path.glob("*.json")) if path.is_dir() else [path]
    pages = []
    for f in files:
        try:
            pages.append((f.name, json.loads(_read_text(f))))
        except json.JSONDecodeError as exc:
            raise ParseError(
                [
                    Problem(
                        exc.lineno, "JSON", _("geen geldige JSON: %(m)s") % {"m": exc.msg}, f.name
                    )
                ]
            ) from exc
    if not pages:
        raise ParseError([Problem(0, _("map"), _("geen .json-bestanden in de map"), path.name)])
    return parse_odata_pages(pages, progress=progress)


# --- Excel (own registrations) ----------------------------------------------------------------
XLSX_COLUMNS = {
    "indicator": "indicator",
    "regio": "regio",
    "periode": "periode",
    "waarde": "waarde",
}


def parse_xlsx(
    path: Path, display_name: str = "", progress: ProgressCallback | None = None
) -> ParseResult:
    """First sheet; header row with columns indicator, regio, periode, waarde (status
    optional: definitief/voorlopig). Regio is a CBS code or a gemeente name. The workbook is
    closed on every path (read-only mode keeps the file open until then)."""
    from openpyxl import load_workbook

    name = display_name or path.name
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        raise ParseError([_unreadable_xlsx(1, name)]) from exc
    try:
        return _read_xlsx_sheet(wb.worksheets[0], name, progress)
    finally:
        wb.close()


def _unreadable_xlsx(line: int, name: str) -> Problem:
    return Problem(line, _("bestand"), _("geen leesbaar Excel-bestand (.xlsx)"), name)


def _xlsx_rows(ws, name: str):
    """The sheet's rows; a damaged sheet (bad XML) shows only while reading: ParseError."""
    line = 1
    try:
        for values in ws.iter_rows(values_only=True):
            yield values
            line += 1
    except Exception as exc:
        raise ParseError([_unreadable_xlsx(line, name)]) from exc


def _read_xlsx_sheet(ws, name: str, progress: ProgressCallback | None) -> ParseResult:
    col = _Collector(name)
    prog = _Progress(progress)
    last_row = ws.max_row  # from the sheet's dimension; None when the file does not say
    rows = _xlsx_rows(ws, name)
    try:
        head = [str(c or "").strip().casefold() for c in next(rows)]
    except StopIteration:
        raise ParseError([Problem(1, _("kop"), _("het werkblad is leeg"), name)]) from None
    missing = [c for c in XLSX_COLUMNS if c not in head]
    if missing:
        col.error(1, _("kop"), _("kolom(men) ontbreken: %(c)s") % {"c": ", ".join(missing)})
        raise ParseError(col.problems)
    idx = {c: head.index(c) for c in head if c}
    read = 0
    for line, values in enumerate(rows, start=2):
        if values is None or all(v in (None, "") for v in values):
            continue
        read += 1
        prog.row(read, line / last_row if last_row else None)
        rec = {c: values[i] if i < len(values) else None for c, i in idx.items()}
        row = _xlsx_row(col, line, rec, name)
        if row is not None:
            col.add(row)
    if col.problems:
        raise ParseError(col.problems, read)
    prog.done(read)
    return ParseResult(col.rows, ImportFormat.XLSX, "", read)


def _xlsx_region(col, line: int, raw_region: str) -> str | None:
    """A CBS code or the one gemeente of that name; None (with the problem noted) otherwise."""
    region_code = codelists.normalise_region_code(raw_region)
    if codelists.region(region_code) is not None:
        return region_code
    found = codelists.resolve_region_name(raw_region)
    if len(found) == 1:
        return found[0]
    col.error(
        line,
        "regio",
        _("onbekende regio %(r)r") % {"r": raw_region}
        if not found
        else _("regio %(r)r is niet eenduidig") % {"r": raw_region},
    )
    return None


def _xlsx_row(col, line: int, rec: dict, name: str) -> ParsedRow | None:
    indicator = str(rec["indicator"] or "").strip()
    if not indicator:
        col.error(line, "indicator", _("leeg"))
        return None
    region_code = _xlsx_region(col, line, str(rec["regio"] or "").strip())
    if region_code is None:
        return None
    try:
        period, status = parse_period_label(rec["periode"])
    except ValueError:
        col.error(line, "periode", _("onbekende periode %(p)r") % {"p": rec["periode"]})
        return None
    if str(rec.get("status") or "").strip().casefold() == ObservationStatus.PROVISIONAL:
        status = ObservationStatus.PROVISIONAL
    try:
        value = parse_value(rec["waarde"])
    except ValueError:
        col.error(line, "waarde", _("%(raw)r is geen getal") % {"raw": rec["waarde"]})
        return None
    return ParsedRow(line, indicator, region_code, period, value, status, name)


# --- Detection ----------------------------------------------------------------------------------
def detect_format(path: Path) -> str:
    if path.is_dir() or path.suffix.lower() == ".json":
        return ImportFormat.ODATA_JSON
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return ImportFormat.XLSX
    head = _read_text(path)[:2000].splitlines()[:1]
    if head and "Perioden" in head[0] and any(k in head[0] for k in REGION_COLUMNS):
        return ImportFormat.CLIENT_CSV
    return ImportFormat.STATLINE_CSV


def parse_path(
    path: Path,
    fmt: str | None = None,
    display_name: str = "",
    progress: ProgressCallback | None = None,
) -> ParseResult:
    """Parse `path` in `fmt` (detected when None); `progress(rows_read, fraction)` is called
    while reading (see the module docstring)."""
    fmt = fmt or detect_format(path)
    if fmt == ImportFormat.STATLINE_CSV:
        return parse_statline_csv(path, display_name, progress)
    if fmt == ImportFormat.CLIENT_CSV:
        return parse_client_csv(path, display_name, progress)
    if fmt == ImportFormat.ODATA_JSON:
        return parse_odata_path(path, progress)
    if fmt == ImportFormat.XLSX:
        return parse_xlsx(path, display_name, progress)
    raise ValueError(fmt)
