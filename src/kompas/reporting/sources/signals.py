# SPDX-License-Identifier: EUPL-1.2
"""Reads of the meldpunt: aggregate counts only, never signal content or personal data."""

from __future__ import annotations

from datetime import date

from kompas.signals.selectors import signal_statistics as _signal_statistics


def signal_statistics(*, municipality, start: date, end: date) -> dict:
    """Counts per phenomenon and per outcome of signals received in the period (dates,
    inclusive; deleted signals' statistics rows included):
    {"total", "by_phenomenon": [{"label", "count"}], "by_outcome": [...], "scope": "period"}.
    Never any content or personal data."""
    result = dict(_signal_statistics(municipality=municipality, start=start, end=end))
    result.setdefault("scope", "period")
    return result
