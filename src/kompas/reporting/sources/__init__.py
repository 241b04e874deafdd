# SPDX-License-Identifier: EUPL-1.2
"""The ONE place where reporting calls other apps: this package, one module per app, its
public functions gathered here as `sources.<name>`.

policy, monitoring and signals are below reporting (declared in `ReportingConfig.
kompas_depends_on`, layers checked by import-linter): their selectors, services and charts
are imported by name at the top of these modules, so a renamed function fails at import, never
silently switches a part of a report off. The registers above reporting (crisis, openbare
orde, ondermijning, ...) are reached through core's hooks (`registers`). Every function
returns plain, JSON-serialisable data (dicts, lists, str, int, float, None) and never touches
another app's models; None means there is nothing to show (no plan in force, an unknown
indicator), and the report then says so in Dutch instead of inventing figures.

Signals are read through aggregate-count selectors only: reporting never sees signal content
or personal data.
"""

from ._lookup import _iso
from .monitoring import (
    chart_svg,
    comparison,
    data_sources,
    figure_provenance,
    indicator_catalogue,
    indicators_read_once,
    plan_indicators,
    priority_status,
    public_data_fingerprint,
    region_name,
    series,
    target_evaluations,
    trend_chart,
)
from .policy import actions, event_register, events, norms, plan_current
from .registers import annual_figures, progress_sections
from .signals import signal_statistics

__all__ = [
    "_iso",
    "actions",
    "annual_figures",
    "chart_svg",
    "comparison",
    "figure_provenance",
    "data_sources",
    "event_register",
    "events",
    "indicator_catalogue",
    "indicators_read_once",
    "norms",
    "plan_current",
    "plan_indicators",
    "priority_status",
    "public_data_fingerprint",
    "progress_sections",
    "region_name",
    "series",
    "signal_statistics",
    "target_evaluations",
    "trend_chart",
]
