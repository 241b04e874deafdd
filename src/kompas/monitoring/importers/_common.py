# SPDX-License-Identifier: EUPL-1.2
"""What every parser shares: parsed rows and results, problems and ParseError, progress,
values and period labels."""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _

from kompas.core import dates

from .. import codelists
from ..constants import IndicatorSource, ObservationStatus

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


MONTHS = list(dates.MONTHS)  # the one Dutch month list (kompas.core.dates)
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
        pass
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        message = _("het bestand is geen tekst in UTF-8 of Windows-1252 (teken %(b)s)") % {
            "b": hex(raw[error.start])
        }
        raise ParseError([Problem(line, _("codering"), message, path.name)]) from error
