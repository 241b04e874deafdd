# SPDX-License-Identifier: EUPL-1.2
"""The voortgangsrapportage: per plan priority its targets, charts, comparisons, actions
(status at the period's end), norms and the team's assessment; then the plan's general
norms, the meldpunt's counts, the regular themes and the events of the period."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from .. import sources
from ..constants import ReportKind
from ..periods import Period
from .common import (
    STATUS_CSS,
    _base,
    _css,
    _key_figure,
    _plan,
    _sources,
    _target_chart,
    _worst,
)


@dataclass
class _Progress:
    """What every priority of a voortgangsrapportage is built from."""

    municipality: Any
    period: Period
    indicators: list[dict]
    evaluations: list[dict]
    rollup: dict
    actions: list[dict]
    norms: list[dict]
    assessments: dict
    used_codes: list[str] = field(default_factory=list)

    @property
    def region(self) -> str:
        return self.municipality.code

    @property
    def year(self) -> int:
        return self.period.end.year


def _progress_inputs(municipality, snap: dict, plan: dict, period: Period, **kw) -> _Progress:
    short = plan["short_name"]
    return _Progress(
        municipality=municipality,
        period=period,
        evaluations=sources.target_evaluations(municipality=municipality, plan_short_name=short),
        rollup=sources.priority_status(municipality=municipality, plan_short_name=short),
        actions=sources.actions(municipality=municipality, on=period.end) or [],
        norms=sources.norms(municipality=municipality, on=period.end),
        **kw,
    )


def _priority_charts(ctx: _Progress, n: int, target_codes: set[str]) -> list[dict]:
    """Trend charts of the priority's indicators that no target already shows."""
    charts = []
    for i in ctx.indicators:
        if i.get("priority") == n and i["code"] not in target_codes:
            chart = sources.trend_chart(
                indicator_code=i["code"], region_code=ctx.region, year_to=ctx.year
            )
            if chart is not None:
                charts.append(chart)
                ctx.used_codes.append(i["code"])
    return charts


def _priority_comparisons(ctx: _Progress, p_targets: list[dict]) -> list[dict]:
    comparisons = []
    for code in dict.fromkeys(t["indicator_code"] for t in p_targets):
        # The latest year with a gemeente figure up to the report's period.
        points = sources.series(indicator_code=code, region_code=ctx.region, year_to=ctx.year)
        known = [p for p in points or [] if p["value"] is not None]
        if not known:
            continue
        comp = sources.comparison(
            indicator_code=code, municipality=ctx.municipality, year=int(known[-1]["period"][:4])
        )
        # Only rates per 1,000 inhabitants compare fairly across areas (monitoring sums
        # the values of member gemeenten, which is meaningless for percentages).
        if comp and comp.get("spec") and comp.get("per_1000"):
            comparisons.append(comp)
    return comparisons


def _progress_priority(ctx: _Progress, p: dict) -> dict:
    n = p["number"]
    p_targets = _css([t for t in ctx.evaluations if t["priority_number"] == n])
    for t in p_targets:
        t["chart"] = _target_chart(t, ctx.year)
        ctx.used_codes.append(t["indicator_code"])
    goals = []
    for g in p["goals"]:
        goal_targets = [t for t in p_targets if t["goal_ref"] in (g["code"], g["text"])]
        goals.append({**g, "targets": goal_targets})
    linked = {t["code"] for g in goals for t in g["targets"]}
    charts = _priority_charts(ctx, n, {t["indicator_code"] for t in p_targets})
    p_actions = _css([a for a in ctx.actions if a["priority_number"] == n])
    status = ctx.rollup.get(n) or _worst([t["status"] for t in p_targets])
    if not p_targets:
        status = _("geen streefwaarde")
    return {
        **p,
        "status": status,
        "status_css": STATUS_CSS.get(status, "neutral"),
        "goals": goals,
        "other_targets": [t for t in p_targets if t["code"] not in linked],
        "indicator_charts": charts,
        "comparisons": _priority_comparisons(ctx, p_targets),
        "has_targets": bool(p_targets),
        "actions": p_actions,
        "action_counts": sorted(Counter(a["status_label"] for a in p_actions).items()),
        "norms": _css([x for x in ctx.norms if x["priority_number"] == n]),
        "assessment": ctx.assessments.get(str(n), ""),
    }


def _summary_row(p: dict) -> dict:
    return {
        "number": p["number"],
        "title": p["title"],
        "status": p["status"],
        "status_css": p["status_css"],
        "targets": sum(len(g["targets"]) for g in p["goals"]) + len(p["other_targets"]),
        "actions": len(p["actions"]),
        "actions_done": len([a for a in p["actions"] if a["status"] == "gereed"]),
        "actions_delayed": len([a for a in p["actions"] if a["status"] == "vertraagd"]),
    }


def _progress_theme(ctx: _Progress, t: dict) -> dict:
    theme_indicators = [i for i in ctx.indicators if i.get("theme") == t["title"]]
    figures = [_key_figure(i, ctx.region, ctx.year) for i in theme_indicators]
    charts = [
        c
        for c in (
            sources.trend_chart(indicator_code=i["code"], region_code=ctx.region, year_to=ctx.year)
            for i in theme_indicators
        )
        if c and c["points"]
    ]
    ctx.used_codes.extend(f["code"] for f in figures)
    return {**t, "key_figures": figures, "charts": charts}


def build_progress(*, municipality, period: Period, title: str, texts: dict) -> dict:
    snap = _base(
        kind=ReportKind.PROGRESS,
        municipality=municipality,
        period=period,
        title=title,
        texts=texts,
    )
    plan, indicators = _plan(municipality, snap, period.end)
    snap.update(priorities=[], summary=[], themes=[], norms_general=[], signals=None)
    # What the registers above reporting add (crisis readiness, stale risk items, ...);
    # independent of the plan, so also in a report without one.
    snap["registers"] = sources.progress_sections(
        municipality=municipality, start=period.start, end=period.end
    )
    if plan is None:
        return snap
    ctx = _progress_inputs(
        municipality,
        snap,
        plan,
        period,
        indicators=indicators,
        assessments=(texts or {}).get("assessments") or {},
    )
    snap["priorities"] = [_progress_priority(ctx, p) for p in plan["priorities"]]
    snap["summary"] = [_summary_row(p) for p in snap["priorities"]]
    snap["norms_general"] = _css([x for x in ctx.norms if x["priority_number"] is None])
    snap["signals"] = sources.signal_statistics(
        municipality=municipality, start=period.start, end=period.end
    )
    snap["themes"] = [_progress_theme(ctx, t) for t in plan["themes"]]
    snap["events"] = sources.events(
        municipality=municipality, kinds=None, start=period.start, end=period.end
    )
    _sources(snap, ctx.used_codes, municipality)
    return snap
