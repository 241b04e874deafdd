# SPDX-License-Identifier: EUPL-1.2
"""Data of the public dashboard: only aggregates, only what the gemeente publishes.

This module reads nothing but the publication settings, the sent reports' metadata and the
aggregate functions of `sources` listed in PUBLIC_SOURCES. It never calls the meldpunt
(signals) in any form; a test asserts that no signals table is queried.
"""

from __future__ import annotations

import copy
import re

from django.utils.translation import gettext_lazy as _

from kompas.core.selectors import partnership_list

from . import rendering, selectors, sources
from .chartaxes import dutch_axes
from .constants import PublicElement
from .snapshots import STATUS_CSS

# The only source functions the public dashboard may call (all aggregate, none personal).
PUBLIC_SOURCES = (
    sources.plan_current,
    sources.priority_status,
    sources.plan_indicators,
    sources.trend_chart,
    sources.comparison,
    sources.target_evaluations,
    sources.series,
    sources.data_sources,
    sources.figure_provenance,
)

STATUS_WORDS = {
    "behaald": "Doel behaald",
    "op koers": "Op koers",
    "aandacht": "Vraagt aandacht",
    "niet behaald": "Doel niet behaald",
    "geen data": "Nog geen cijfers",
    "geen streefwaarde": "Geen meetbaar doel in het plan",
}


def public_dashboard_data(*, municipality) -> dict:
    with sources.indicators_read_once():
        return _public_dashboard_data(municipality=municipality)


def _public_dashboard_data(*, municipality) -> dict:
    published = selectors.publication_settings(municipality=municipality)
    data: dict = {"published": published, "any": any(published.values())}
    plan = None
    if published[PublicElement.PRIORITIES] or published[PublicElement.INDICATORS]:
        plan = sources.plan_current(municipality=municipality)
        data["plan"] = {"title": plan["title"], "short_name": plan["short_name"]} if plan else None
    if published[PublicElement.PRIORITIES]:
        data["priorities"] = _priorities(municipality, plan)
    if published[PublicElement.INDICATORS]:
        data["indicators"] = _indicators(municipality, plan)
    shown = {i["code"] for i in data.get("indicators") or []}
    for p in data.get("priorities") or []:
        for i in p["indicators"]:
            i["shown"] = i["code"] in shown
    if published[PublicElement.PRIORITIES] or published[PublicElement.INDICATORS]:
        data["partnerships"] = _partnerships(municipality)
    if published[PublicElement.REPORTS]:
        data["reports"] = [
            {
                "pk": r.pk,
                "title": r.title,
                "kind": r.get_kind_display(),
                "period": r.period_label,
                "version": r.version,
                "sent_at": r.sent_at,
                "sha256": r.sha256,
            }
            for r in selectors.public_report_list(municipality=municipality)
        ]
    return data


def _priorities(municipality, plan) -> list[dict] | None:
    if plan is None:
        return None
    rollup = sources.priority_status(municipality=municipality, plan_short_name=plan["short_name"])
    targets = sources.target_evaluations(
        municipality=municipality, plan_short_name=plan["short_name"]
    )
    indicators = sources.plan_indicators(municipality=municipality) or []
    partnerships = list(partnership_list(municipality=municipality))
    out = []
    for p in plan["priorities"]:
        status = (rollup or {}).get(p["number"], "geen streefwaarde")
        out.append(
            {
                "number": p["number"],
                "title": p["title"],
                "ambition": p["ambition"],
                "status": status,
                "status_words": STATUS_WORDS.get(status, status),
                "status_css": STATUS_CSS.get(status, "neutral"),
                "partnerships": _mentioned(p["ambition"], partnerships),
                # Why it has this status: each target's goal sentence and its figure.
                "targets": [
                    {
                        "text": _goal_sentence(t["text"]),
                        "sentence": t["sentence"],
                        "status_words": STATUS_WORDS.get(t["status"], t["status"]),
                        "status_css": STATUS_CSS.get(t["status"], "neutral"),
                    }
                    for t in targets or []
                    if t["priority_number"] == p["number"]
                ],
                "indicators": [
                    {"code": i["code"], "name": i["name"], "anchor": indicator_anchor(i["code"])}
                    for i in indicators
                    if i.get("priority") == p["number"]
                ],
            }
        )
    return out


def indicator_anchor(code: str) -> str:
    return "cijfer-" + re.sub(r"[^a-z0-9]+", "-", code.lower()).strip("-")


def _goal_sentence(text: str) -> str:
    """A goal as the plan lists it ("de overlast ... terugbrengen;") as one sentence."""
    text = (text or "").strip().rstrip(";,.").strip()
    return f"{text[:1].upper()}{text[1:]}." if text else ""


def _indicators(municipality, plan) -> list[dict] | None:
    """The plan's priority indicators with data: trend chart and comparison (aggregates),
    each with its rates at a precision that keeps the figures apart, its source and the date
    the figures were imported."""
    if plan is None:
        return None
    indicators = sources.plan_indicators(municipality=municipality)
    if indicators is None:
        return None
    partnerships = {p.name: _anchor(p) for p in partnership_list(municipality=municipality)}
    out = []
    for i in indicators:
        if i.get("priority") is None:
            continue
        chart = sources.trend_chart(indicator_code=i["code"], region_code=municipality.code)
        if not chart or not chart["points"]:
            continue
        comp = sources.comparison(indicator_code=i["code"], municipality=municipality)
        if comp and not comp.get("per_1000"):
            comp = None  # percentages cannot be summed over areas; show counts per 1,000 only
        if comp and not comp.get("spec"):
            comp = None
        rates = _rates(i, municipality) if i["unit"] == "aantal" else {}
        provenance = sources.figure_provenance(
            indicator_code=i["code"], region_code=municipality.code
        )
        demo = set(provenance["demo_periods"])
        scale = rate_scale(list(rates.values()), [r["value"] for r in (comp or {}).get("rows", [])])
        out.append(
            {
                "code": i["code"],
                "anchor": indicator_anchor(i["code"]),
                "priority": i["priority"],
                "title": chart["title"],
                "unit": i["unit"],
                "points": chart["points"],
                # Newest year first: on a phone the latest figure is the first one seen.
                "rows": [
                    {
                        "period": p["period"],
                        "value": p["value"],
                        "rate": _scaled(rates.get(p["period"]), scale),
                        "demo": p["period"] in demo,
                    }
                    for p in reversed(chart["points"])
                ],
                "has_rate": bool(rates),
                "scale": scale,
                "rate_label": RATE_LABELS[scale],
                "svg": rendering.chart_svg(
                    chart["spec"], title=chart["title"], description=chart["description"]
                ),
                "comparison": _comparison(comp, scale, partnerships) if comp else None,
                "comparison_svg": rendering.chart_svg(
                    _rescaled_spec(comp["spec"], scale),
                    title=comp["title"],
                    description=comp["description"],
                )
                if comp
                else "",
                "sources": _figure_sources(i["code"], municipality),
                "attribution": provenance["attribution"],
            }
        )
    return out


RATE_LABELS = {1000: _("per 1.000 inwoners"), 10000: _("per 10.000 inwoners")}


def rate_scale(*groups: list[float | None]) -> int:
    """1,000 or 10,000 (rates per 1,000 in, two decimals). Per 10,000 when per 1,000 with one
    decimal no longer tells the shown figures apart: the values of a group (the years of the
    trend, the areas of the comparison) that differ round to the same number for at least
    half of them (e.g. all years read 0,3), or a figure that is not zero reads 0,0 (rare
    offences such as mensenhandel)."""
    for values in groups:
        known = [v for v in values if v is not None]
        if any(v and round(v, 1) == 0 for v in known):
            return 10000
        distinct = len(set(known))
        if distinct > 1 and 2 * len({round(v, 1) for v in known}) <= distinct:
            return 10000
    return 1000


def _scaled(rate: float | None, scale: int) -> float | None:
    if rate is None:
        return None
    return round(rate * scale / 1000, 2)


def _rescaled_spec(spec: dict, scale: int) -> dict:
    """The comparison bars in the rate the table shows (monitoring draws per 1,000)."""
    if scale == 1000:
        return spec
    spec = copy.deepcopy(spec)
    datasets = list((spec.get("datasets") or {}).values())
    if isinstance(spec.get("data"), dict) and "values" in spec["data"]:
        datasets.append(spec["data"]["values"])
    values = []
    for rows in datasets:
        for row in rows:
            if isinstance(row.get("value"), int | float):
                row["value"] = _scaled(row["value"], scale)
                values.append(row["value"])
    for part in [spec, *spec.get("layer", [])]:
        x = (part.get("encoding") or {}).get("x")
        if isinstance(x, dict) and x.get("type") == "quantitative":
            x["title"] = str(RATE_LABELS[scale])
    return dutch_axes(spec, channel="x", values=values, whole=False)


def _rates(indicator: dict, municipality) -> dict[str, float | None]:
    points = sources.series(
        indicator_code=indicator["code"], region_code=municipality.code, per_1000=True
    )
    return {p["period"]: p["value"] for p in points or []}


def _comparison(comp: dict, scale: int, partnerships: dict[str, str]) -> dict:
    return {
        "title": comp["title"],
        "year": comp["year"],
        "source": comp.get("source", ""),
        "rows": [
            {
                "label": r["label"],
                "value": _scaled(r["value"], scale),
                "count": r.get("count"),
                "own": r.get("own", False),
                "demo": r.get("demo", False),
                "partnership_anchor": partnerships.get(r["label"], ""),
            }
            for r in comp["rows"]
        ],
    }


def _figure_sources(code: str, municipality) -> list[dict]:
    """Where the figures come from and when they were imported ("bijgewerkt op")."""
    rows = sources.data_sources(indicator_codes=[code], municipality=municipality) or []
    return [{"name": r["name"], "kind": r["kind"], "date": r["date"]} for r in rows]


def _partnerships(municipality) -> list[dict]:
    """The samenwerkingsverbanden of the gemeente with their description, explained where the
    comparisons and the priorities name them."""
    return [
        {"name": p.name, "description": p.description, "anchor": _anchor(p)}
        for p in partnership_list(municipality=municipality)
    ]


def _anchor(partnership) -> str:
    return f"samenwerking-{partnership.code}"


def _mentioned(text: str, partnerships) -> list[dict]:
    """The partnerships a plan text names, by name or by code (e.g. "HOWO-samenwerking")."""
    return [
        {"name": p.name, "anchor": _anchor(p)}
        for p in partnerships
        if p.name in (text or "") or p.code.upper() in (text or "")
    ]
