# SPDX-License-Identifier: EUPL-1.2
"""Reads of the meldpunt: aggregate counts only, never signal content or personal data."""

from __future__ import annotations

from datetime import date

from ._lookup import _function


def signal_statistics(*, municipality, start: date, end: date) -> dict | None:
    """Counts per phenomenon and per outcome of signals received in the period:
    {"total", "by_phenomenon": [{"label", "count"}], "by_outcome": [...], "scope"}.

    Uses `kompas.signals.selectors.signal_statistics` when the meldpunt offers it; otherwise
    the all-time counts per phenomenon of `signal_counts` (then `by_outcome` is None and
    `scope` says so). Never any content or personal data."""
    fn = _function("kompas.signals.selectors", "signal_statistics")
    if fn is not None:
        result = fn(municipality=municipality, start=start, end=end)
        result.setdefault("scope", "period")
        return result
    fn = _function("kompas.signals.selectors", "signal_counts")
    if fn is None:
        return None
    counts = fn(municipality=municipality)
    return {
        "scope": "all",
        "total": counts["total"],
        "by_phenomenon": [{"label": str(label), "count": n} for label, n in counts["phenomenon"]],
        "by_outcome": None,
    }
