# SPDX-License-Identifier: EUPL-1.2
"""Report periods: tertials (2025-T2 = May-August 2025), years and free ranges."""

import calendar
import re
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from kompas.core.dates import month_name

from .constants import TERTIALS


class PeriodError(ValueError):
    """A period the user typed that cannot be read; the message is Dutch."""


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    label: str


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def tertial(year: int, number: int) -> Period:
    first, last = TERTIALS[number]
    return Period(
        start=date(year, first, 1),
        end=_month_end(year, last),
        label=f"{year}-T{number} ({month_name(first)} t/m {month_name(last)} {year})",
    )


def year_period(year: int) -> Period:
    return Period(start=date(year, 1, 1), end=date(year, 12, 31), label=str(year))


def range_period(start: date, end: date) -> Period:
    if end < start:
        raise PeriodError(_("De einddatum ligt vóór de begindatum."))
    return Period(start=start, end=end, label=f"{start:%d-%m-%Y} t/m {end:%d-%m-%Y}")


_TERTIAL_RE = re.compile(r"^\s*(\d{4})\s*-\s*T([123])\s*$", re.IGNORECASE)
_RANGE_RE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})\s*(?:\.\.|/|t/m)\s*(\d{4}-\d{2}-\d{2})\s*$")


def parse_period(text: str) -> Period:
    """'2025-T2' (tertial), '2025' (year) or '2025-01-01..2025-06-30' (range)."""
    if m := _TERTIAL_RE.match(text):
        return tertial(int(m.group(1)), int(m.group(2)))
    if re.fullmatch(r"\s*\d{4}\s*", text):
        return year_period(int(text))
    if m := _RANGE_RE.match(text):
        try:
            start, end = date.fromisoformat(m.group(1)), date.fromisoformat(m.group(2))
        except ValueError as exc:
            raise PeriodError(_("Periode %(p)r bevat een ongeldige datum.") % {"p": text}) from exc
        return range_period(start, end)
    raise PeriodError(
        _(
            "Periode %(p)r is niet te lezen. Gebruik een tertiaal (2025-T2), een jaar (2025) "
            "of een bereik (2025-01-01..2025-06-30)."
        )
        % {"p": text}
    )


def current_tertial(today: date) -> Period:
    number = next(n for n, (a, b) in TERTIALS.items() if a <= today.month <= b)
    return tertial(today.year, number)
