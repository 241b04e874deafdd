# SPDX-License-Identifier: EUPL-1.2
"""The ONE place where reporting calls other apps (policy, monitoring, signals): this
package, one module per app, its public functions gathered here as `sources.<name>`.

Every function returns plain, JSON-serialisable data (dicts, lists, str, int, float, None) and
only calls the other apps' selectors and services, never their models. When an app or one of
its functions is not installed, the function returns None; the report then says in Dutch that
the source is missing instead of inventing figures.

Signals are read through aggregate-count selectors only: reporting never sees signal content
or personal data.
"""

from ._lookup import _function, _iso
from .monitoring import (
    chart_svg,
    comparison,
    data_sources,
    indicator_catalogue,
    plan_indicators,
    priority_status,
    region_name,
    series,
    target_evaluations,
    trend_chart,
)
from .policy import actions, event_register, events, norms, plan_current
from .registers import annual_figures, progress_sections
from .signals import signal_statistics

__all__ = [
    "_function",
    "_iso",
    "actions",
    "annual_figures",
    "chart_svg",
    "comparison",
    "data_sources",
    "event_register",
    "events",
    "indicator_catalogue",
    "norms",
    "plan_current",
    "plan_indicators",
    "priority_status",
    "progress_sections",
    "region_name",
    "series",
    "signal_statistics",
    "target_evaluations",
    "trend_chart",
]
