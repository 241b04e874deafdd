# SPDX-License-Identifier: EUPL-1.2
"""What the snapshot builders share: the snapshot's frame, the list of missing sources,
status colours, and the plan, chart and source readers every kind uses."""

from __future__ import annotations

from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _

from .. import sources
from ..constants import SNAPSHOT_SCHEMA, ReportKind
from ..periods import Period

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
    indicators = sources.plan_indicators(municipality=municipality, on=on) or []
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
    snap["sources"] = rows
