# SPDX-License-Identifier: EUPL-1.2
"""Data of the public dashboard: only aggregates, only what the gemeente publishes.

This module reads nothing but the publication settings, the sent reports' metadata and the
aggregate functions of `sources` listed in PUBLIC_SOURCES. It never calls the meldpunt
(signals) in any form; a test asserts that no signals table is queried.
"""

from __future__ import annotations

from . import rendering, selectors, sources
from .constants import PublicElement
from .snapshots import STATUS_CSS

# The only source functions the public dashboard may call (all aggregate, none personal).
PUBLIC_SOURCES = (
    sources.plan_current,
    sources.priority_status,
    sources.plan_indicators,
    sources.trend_chart,
    sources.comparison,
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
            }
        )
    return out


def _indicators(municipality, plan) -> list[dict] | None:
    """The plan's priority indicators with data: trend chart and comparison (aggregates)."""
    if plan is None:
        return None
    indicators = sources.plan_indicators(municipality=municipality)
    if indicators is None:
        return None
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
        out.append(
            {
                "title": chart["title"],
                "points": chart["points"],
                "svg": rendering.chart_svg(
                    chart["spec"], title=chart["title"], description=chart["description"]
                ),
                "comparison": comp if comp and comp.get("spec") else None,
                "comparison_svg": rendering.chart_svg(
                    comp["spec"], title=comp["title"], description=comp["description"]
                )
                if comp and comp.get("spec")
                else "",
            }
        )
    return out
