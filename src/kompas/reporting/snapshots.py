# SPDX-License-Identifier: EUPL-1.2
"""Snapshot builders: one per report kind. Each collects the report's data through
`sources` into a JSON-serialisable dict; templates render only from that dict, so a sent
report can be shown again exactly as it was sent."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _

from . import sources
from .constants import SNAPSHOT_SCHEMA, ReportKind
from .periods import Period

# Target/norm/action status -> CSS modifier (kompas.css status--ok/--warn/--bad/--neutral).
STATUS_CSS = {
    "behaald": "ok",
    "op koers": "ok",
    "aandacht": "warn",
    "niet behaald": "bad",
    "geen data": "neutral",
    "op_schema": "neutral",
    "voldaan": "ok",
    "achter": "warn",
    "verlopen": "bad",
    "gereed": "ok",
    "lopend": "neutral",
    "gepland": "neutral",
    "vertraagd": "warn",
    "vervallen": "neutral",
}
SEVERITY = {"niet behaald": 4, "aandacht": 3, "op koers": 2, "behaald": 1, "geen data": 0}


def _missing_texts() -> dict:
    return {
        "plan": _("Nog geen beleidsplan beschikbaar: de module Beleid levert nog geen plan."),
        "monitoring": _("Nog geen monitoringgegevens beschikbaar."),
        "actions": _("Nog geen acties beschikbaar uit de module Beleid."),
        "norms": _("Nog geen normen beschikbaar uit de module Beleid."),
        "signals": _("Nog geen meldpuntcijfers beschikbaar."),
        "signals_outcome": _(
            "De module Meldpunt levert nog geen telling per periode en per uitkomst; de "
            "rapportage toont het totaal per fenomeen sinds de start van het meldpunt."
        ),
        "events": _("Nog geen gebeurtenissenregister beschikbaar uit de module Beleid."),
    }


def _worst(statuses: list[str]) -> str:
    known = [s for s in statuses if s in SEVERITY]
    if not known:
        return "geen data"
    return max(known, key=lambda s: SEVERITY[s])


def _css(rows: list[dict]) -> list[dict]:
    for row in rows:
        row["status_css"] = STATUS_CSS.get(row.get("status", ""), "neutral")
    return rows


def _base(*, kind: str, municipality, period: Period, title: str, texts: dict) -> dict:
    return {
        "schema": SNAPSHOT_SCHEMA,
        "kind": kind,
        "kind_label": str(ReportKind(kind).label),
        "title": title,
        "municipality": {
            "code": municipality.code,
            "name": municipality.name,
            "slug": municipality.slug,
        },
        "period": {
            "start": period.start.isoformat(),
            "end": period.end.isoformat(),
            "label": period.label,
        },
        "collected_at": timezone.now().replace(microsecond=0).isoformat(),
        "texts": dict(texts or {}),
        "missing": [],
        "sources": [],
    }


def _missing(snap: dict, key: str) -> None:
    text = _missing_texts()[key]
    if text not in snap["missing"]:
        snap["missing"].append(text)


def _plan(municipality, snap: dict, on: date) -> tuple[dict | None, list[dict]]:
    plan = sources.plan_current(municipality=municipality, on=on)
    snap["plan"] = plan
    if plan is None:
        _missing(snap, "plan")
        return None, []
    indicators = sources.plan_indicators(municipality=municipality, on=on)
    if indicators is None:
        _missing(snap, "monitoring")
        indicators = []
    return plan, indicators


def _target_chart(t: dict, year_to: int) -> dict | None:
    label = ""
    if t.get("required") is not None:
        label = _("streefwaarde")
    return sources.trend_chart(
        indicator_code=t["indicator_code"],
        region_code=t["region_code"],
        year_to=year_to,
        reference=t.get("required"),
        reference_label=label,
    )


def _key_figure(indicator: dict, region_code: str, year_to: int) -> dict:
    points = sources.series(
        indicator_code=indicator["code"], region_code=region_code, year_to=year_to
    )
    points = [p for p in points or [] if p.get("value") is not None]
    return {
        "code": indicator["code"],
        "name": indicator["name"],
        "unit": indicator.get("unit", ""),
        "latest": points[-1] if points else None,
        "previous": points[-2] if len(points) > 1 else None,
    }


def _sources(snap: dict, codes: list[str], municipality) -> None:
    rows = sources.data_sources(indicator_codes=codes, municipality=municipality)
    snap["sources"] = rows or []


# --- Voortgangsrapportage --------------------------------------------------------------------
def build_progress(*, municipality, period: Period, title: str, texts: dict) -> dict:  # noqa: C901 - 19 > 15; to be split (issue 11 item 12)
    snap = _base(
        kind=ReportKind.PROGRESS,
        municipality=municipality,
        period=period,
        title=title,
        texts=texts,
    )
    plan, indicators = _plan(municipality, snap, period.end)
    region = municipality.code
    snap.update(priorities=[], summary=[], themes=[], norms_general=[], signals=None)
    if plan is None:
        return snap
    short = plan["short_name"]
    evaluations = sources.target_evaluations(municipality=municipality, plan_short_name=short)
    if evaluations is None:
        _missing(snap, "monitoring")
    rollup = sources.priority_status(municipality=municipality, plan_short_name=short) or {}
    actions = sources.actions(municipality=municipality, on=period.end)
    if actions is None:
        _missing(snap, "actions")
    norms = sources.norms(municipality=municipality, on=period.end)
    if norms is None:
        _missing(snap, "norms")
    used_codes = []
    assessments = (texts or {}).get("assessments") or {}

    for p in plan["priorities"]:
        n = p["number"]
        p_targets = _css([t for t in evaluations or [] if t["priority_number"] == n])
        for t in p_targets:
            t["chart"] = _target_chart(t, period.end.year)
            used_codes.append(t["indicator_code"])
        goals = []
        for g in p["goals"]:
            goal_targets = [t for t in p_targets if t["goal_ref"] in (g["code"], g["text"])]
            goals.append({**g, "targets": goal_targets})
        linked = {t["code"] for g in goals for t in g["targets"]}
        target_codes = {t["indicator_code"] for t in p_targets}
        charts = []
        for i in indicators:
            if i.get("priority") == n and i["code"] not in target_codes:
                chart = sources.trend_chart(
                    indicator_code=i["code"], region_code=region, year_to=period.end.year
                )
                if chart is not None:
                    charts.append(chart)
                    used_codes.append(i["code"])
        p_actions = _css([a for a in actions or [] if a["priority_number"] == n])
        p_norms = _css([x for x in norms or [] if x["priority_number"] == n])
        status = rollup.get(n) or _worst([t["status"] for t in p_targets])
        if not p_targets:
            status = _("geen streefwaarde")
        comparisons = []
        for code in dict.fromkeys(t["indicator_code"] for t in p_targets):
            # The latest year with a gemeente figure up to the report's period.
            points = sources.series(
                indicator_code=code, region_code=region, year_to=period.end.year
            )
            known = [p for p in points or [] if p["value"] is not None]
            if not known:
                continue
            comp = sources.comparison(
                indicator_code=code, municipality=municipality, year=int(known[-1]["period"][:4])
            )
            # Only rates per 1,000 inhabitants compare fairly across areas (monitoring sums
            # the values of member gemeenten, which is meaningless for percentages).
            if comp and comp.get("spec") and comp.get("per_1000"):
                comparisons.append(comp)
        snap["priorities"].append(
            {
                **p,
                "status": status,
                "status_css": STATUS_CSS.get(status, "neutral"),
                "goals": goals,
                "other_targets": [t for t in p_targets if t["code"] not in linked],
                "indicator_charts": charts,
                "comparisons": comparisons,
                "has_targets": bool(p_targets),
                "actions": p_actions,
                "action_counts": sorted(Counter(a["status_label"] for a in p_actions).items()),
                "norms": p_norms,
                "assessment": assessments.get(str(n), ""),
            }
        )
    snap["summary"] = [
        {
            "number": p["number"],
            "title": p["title"],
            "status": p["status"],
            "status_css": p["status_css"],
            "targets": sum(len(g["targets"]) for g in p["goals"]) + len(p["other_targets"]),
            "actions": len(p["actions"]),
            "actions_done": len([a for a in p["actions"] if a["status"] == "gereed"]),
            "actions_delayed": len([a for a in p["actions"] if a["status"] == "vertraagd"]),
        }
        for p in snap["priorities"]
    ]
    snap["norms_general"] = _css([x for x in norms or [] if x["priority_number"] is None])
    signals = sources.signal_statistics(
        municipality=municipality, start=period.start, end=period.end
    )
    if signals is None:
        _missing(snap, "signals")
    elif signals.get("scope") == "all":
        _missing(snap, "signals_outcome")
    snap["signals"] = signals
    for t in plan["themes"]:
        theme_indicators = [i for i in indicators if i.get("theme") == t["title"]]
        figures = [_key_figure(i, region, period.end.year) for i in theme_indicators]
        charts = [
            c
            for c in (
                sources.trend_chart(
                    indicator_code=i["code"], region_code=region, year_to=period.end.year
                )
                for i in theme_indicators
            )
            if c and c["points"]
        ]
        used_codes.extend(f["code"] for f in figures)
        snap["themes"].append({**t, "key_figures": figures, "charts": charts})
    snap["events"] = sources.events(
        municipality=municipality, kinds=None, start=period.start, end=period.end
    )
    if snap["events"] is None:
        _missing(snap, "events")
    _sources(snap, used_codes, municipality)
    return snap


# --- Tussenevaluatie -------------------------------------------------------------------------
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
    if evaluations is None:
        _missing(snap, "monitoring")
    actions = sources.actions(municipality=municipality, on=period.end)
    if actions is None:
        _missing(snap, "actions")
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


# --- Jaarrapportage digitale criminaliteit ---------------------------------------------------
CYBER_CODES = [
    "politie-misdrijven:3.7.4",
    "politie-misdrijven:3.9.1",
    "politie-misdrijven:3.9.2",
    "politie-misdrijven:3.9.3",
]
VICTIM_CODES = [
    "veiligheidsmonitor:slachtoffer-online-criminaliteit",
    "veiligheidsmonitor:slachtoffer-traditionele-criminaliteit",
]
AWARENESS_KINDS = ["voorlichting"]
YEARS_BACK = 7


def build_digital(*, municipality, period: Period, title: str, texts: dict) -> dict:
    snap = _base(
        kind=ReportKind.DIGITAL,
        municipality=municipality,
        period=period,
        title=title,
        texts=texts,
    )
    region = municipality.code
    year = period.end.year
    snap["year"] = year
    catalogue = sources.indicator_catalogue(codes=CYBER_CODES)
    if catalogue is None:
        _missing(snap, "monitoring")
        catalogue = []
    crime = []
    for i in catalogue:
        chart = sources.trend_chart(
            indicator_code=i["code"],
            region_code=region,
            year_from=year - YEARS_BACK,
            year_to=year,
        )
        if chart is not None:
            chart["points"] = [p for p in chart["points"] if int(p["period"][:4]) <= year]
        years = [int(p["period"][:4]) for p in (chart or {}).get("points", [])]
        per_year = {}
        for y in years:
            comp = sources.comparison(indicator_code=i["code"], municipality=municipality, year=y)
            if comp and comp["rows"]:
                per_year[y] = comp
        regions = []
        for y in years:
            for row in per_year.get(y, {}).get("rows", []):
                if row["label"] not in regions:
                    regions.append(row["label"])
        table = [
            {
                "region": label,
                "values": [
                    next(
                        (
                            r["value"]
                            for r in per_year.get(y, {}).get("rows", [])
                            if r["label"] == label
                        ),
                        None,
                    )
                    for y in years
                ],
            }
            for label in regions
        ]
        latest = per_year.get(max(years)) if years else None
        crime.append(
            {
                "code": i["code"],
                "name": i["name"],
                "chart": chart if chart and chart["points"] else None,
                "comparison": latest,
                "years": years,
                "rate_rows": table,
                # one sentence per source: the years may come from different ones
                "sources": sorted({c.get("source", "") for c in per_year.values()} - {""}),
            }
        )
    snap["crime"] = crime
    victims = []
    for i in sources.indicator_catalogue(codes=VICTIM_CODES) or []:
        points = [
            p
            for p in sources.series(indicator_code=i["code"], region_code=region) or []
            if p.get("value") is not None and int(p["period"][:4]) <= year
        ]
        if points:
            victims.append({"code": i["code"], "name": i["name"], "points": points})
    snap["victimisation"] = victims
    activities = sources.events(
        municipality=municipality, kinds=AWARENESS_KINDS, start=period.start, end=period.end
    )
    if activities is None:
        _missing(snap, "events")
    snap["activities"] = activities
    _sources(snap, CYBER_CODES + VICTIM_CODES, municipality)
    return snap


BUILDERS = {
    ReportKind.PROGRESS: build_progress,
    ReportKind.MIDTERM: build_midterm,
    ReportKind.DIGITAL: build_digital,
}


def build(*, kind: str, municipality, period: Period, title: str, texts: dict) -> dict:
    snap = BUILDERS[kind](municipality=municipality, period=period, title=title, texts=texts)
    # Round-trip through JSON: the snapshot must be storable exactly as it is rendered.
    return json.loads(json.dumps(snap, default=str))
