# SPDX-License-Identifier: EUPL-1.2
"""The jaarverslag veiligheid (issue 13 item 7): the year's figures of every register
(through core.hooks.annual_figures: controles, ondermijningsdagen, crisis, openbare orde, ...),
the meldpunt's signals per phenomenon of that year and the plan's norms as they stood at the
end of the year. Sending it registers the `jaarverantwoording` event for that year."""

from __future__ import annotations

from datetime import date

from .. import sources
from ..constants import ReportKind
from ..periods import Period
from .common import _base, _css, _plan


def build_annual(*, municipality, period: Period, title: str, texts: dict) -> dict:
    snap = _base(
        kind=ReportKind.ANNUAL, municipality=municipality, period=period, title=title, texts=texts
    )
    year = period.end.year
    first, last = date(year, 1, 1), date(year, 12, 31)
    snap["year"] = year
    snap["registers"] = sources.annual_figures(municipality=municipality, year=year)
    snap["signals"] = sources.signal_statistics(municipality=municipality, start=first, end=last)
    plan, _indicators = _plan(municipality, snap, last)
    snap["norms"] = []
    if plan is not None:
        snap["norms"] = _css(sources.norms(municipality=municipality, on=last))
    return snap
