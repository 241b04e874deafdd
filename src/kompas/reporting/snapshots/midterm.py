# SPDX-License-Identifier: EUPL-1.2
"""The tussenevaluatie: per priority its targets, the trend since the plan started, the
actions done, delayed and still open, and the team's assessment."""

from __future__ import annotations

from django.utils.translation import gettext as _

from .. import sources
from ..constants import ReportKind
from ..periods import Period
from .common import STATUS_CSS, _base, _css, _plan, _sources, _worst


def build_midterm(*, municipality, period: Period, title: str, texts: dict) -> dict:
    snap = _base(
        kind=ReportKind.MIDTERM,
        municipality=municipality,
        period=period,
        title=title,
        texts=texts,
    )
    plan, indicators = _plan(municipality, snap, period.end)
    snap["priorities"] = []
    if plan is None:
        return snap
    region = municipality.code
    short = plan["short_name"]
    evaluations = sources.target_evaluations(municipality=municipality, plan_short_name=short)
    actions = sources.actions(municipality=municipality, on=period.end)
    plan_start = int(plan["period_start"][:4])
    assessments = (texts or {}).get("assessments") or {}
    used_codes = []
    for p in plan["priorities"]:
        n = p["number"]
        p_targets = _css([t for t in evaluations or [] if t["priority_number"] == n])
        regions = {t["indicator_code"]: t["region_code"] for t in p_targets}
        codes = list(
            dict.fromkeys(
                [t["indicator_code"] for t in p_targets]
                + [i["code"] for i in indicators if i.get("priority") == n]
            )
        )
        trends = []
        for code in codes:
            chart = sources.trend_chart(
                indicator_code=code,
                region_code=regions.get(code, region),
                year_from=plan_start - 2,
                year_to=period.end.year,
            )
            if chart is None or not chart["points"]:
                continue
            name = next((i["name"] for i in indicators if i["code"] == code), chart["title"])
            chart["trend"] = _trend_sentence(name, chart["points"], plan_start)
            trends.append(chart)
            used_codes.append(code)
        p_actions = _css([a for a in actions or [] if a["priority_number"] == n])
        status = _worst([t["status"] for t in p_targets])
        snap["priorities"].append(
            {
                **p,
                "targets": p_targets,
                "status": status,
                "status_css": STATUS_CSS.get(status, "neutral"),
                "trends": trends,
                "actions_done": [a for a in p_actions if a["status"] == "gereed"],
                "actions_delayed": [a for a in p_actions if a["status"] == "vertraagd"],
                "actions_other": [
                    a for a in p_actions if a["status"] not in ("gereed", "vertraagd")
                ],
                "assessment": assessments.get(str(n), ""),
            }
        )
    _sources(snap, used_codes, municipality)
    return snap


def _fmt(value) -> str:
    if value is None:
        return "-"
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    return f"{value:.1f}".replace(".", ",")


def _trend_sentence(name: str, points: list[dict], plan_start: int) -> str:
    before = [p for p in points if int(str(p["period"])[:4]) < plan_start]
    start = before[-1] if before else points[0]
    last = points[-1]
    if start is last:
        return _("%(name)s: te weinig waarnemingen om een trend te tonen.") % {"name": name}
    a, b = start["value"], last["value"]
    if a == b:
        direction = _("gelijk gebleven")
    elif b < a:
        direction = _("gedaald")
    else:
        direction = _("gestegen")
    return _(
        "%(name)s is van %(a)s (%(pa)s, vóór de start van het plan) naar %(b)s (%(pb)s) %(dir)s."
    ) % {
        "name": name,
        "a": _fmt(a),
        "pa": start["period"],
        "b": _fmt(b),
        "pb": last["period"],
        "dir": direction,
    }
