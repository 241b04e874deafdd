# SPDX-License-Identifier: EUPL-1.2
"""StatLine CSV exports as downloaded from the CBS site (`;`-separated, title lines, header
rows, regions by name)."""

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _

from .. import codelists
from ..constants import ImportFormat, IndicatorSource
from ._common import (
    ParsedRow,
    ParseError,
    ParseResult,
    ProgressCallback,
    _Collector,
    _Progress,
    _read_text,
    _source_of_measure,
    parse_period_label,
    parse_value,
)

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
