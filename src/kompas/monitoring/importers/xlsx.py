# SPDX-License-Identifier: EUPL-1.2
"""Excel sheets of own registrations (indicator, regio, periode, waarde; status optional)."""

from pathlib import Path

from django.utils.translation import gettext as _

from .. import codelists
from ..constants import ImportFormat, ObservationStatus
from ._common import (
    ParsedRow,
    ParseError,
    ParseResult,
    Problem,
    ProgressCallback,
    _Collector,
    _Progress,
    parse_period_label,
    parse_value,
)

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
