# SPDX-License-Identifier: EUPL-1.2
"""Reads of monitoring: the plan's indicators, target evaluations, series, trend and
comparison charts (with Dutch axes) and the imports the figures come from."""

from __future__ import annotations

import contextvars
from contextlib import contextmanager
from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from kompas.monitoring.charts import comparison_spec, render_svg, trend_spec
from kompas.monitoring.codelists import region_name as _region_name
from kompas.monitoring.selectors import (
    OPEN_DATA_ATTRIBUTION,
    demo_periods,
    indicator_get,
    is_open_data,
    latest_import,
    priority_status_rollup,
    region_imports,
)
from kompas.monitoring.selectors import comparison as _comparison
from kompas.monitoring.selectors import public_data_fingerprint as _monitoring_fingerprint
from kompas.monitoring.selectors import series as _series
from kompas.monitoring.selectors import target_evaluations as _target_evaluations
from kompas.policy.selectors import plan_fingerprint as _plan_fingerprint
from kompas.policy.services import plan_document

from ..chartaxes import dutch_axes
from ._lookup import _iso
from .policy import _plan

_read_once: contextvars.ContextVar[dict | None] = contextvars.ContextVar(
    "reporting_indicators_read_once", default=None
)


@contextmanager
def indicators_read_once():
    """Inside, each indicator is read from the database once: the public dashboard asks for
    each of its dozen indicators about seven times (plan, chart, comparison, sources)."""
    token = _read_once.set({})
    try:
        yield
    finally:
        _read_once.reset(token)


def _indicator(code: str):
    memo = _read_once.get()
    if memo is None:
        return indicator_get(code=code)
    if code not in memo:
        memo[code] = indicator_get(code=code)
    return memo[code]


def _unit_label(unit: str, per_1000: bool = False) -> str:
    if per_1000:
        return _("per 1.000 inwoners")
    return {
        "aantal": _("aantal"),
        "procent": _("procent"),
        "rapportcijfer": _("rapportcijfer"),
    }.get(unit, unit)


def plan_indicators(*, municipality, on: date | None = None) -> list[dict] | None:
    """The indicators the plan in force on `on` declares (with the priority or theme they
    belong to), as far as monitoring knows them."""
    plan = _plan(municipality=municipality, on=on)
    if plan is None:
        return None
    rows = []
    for item in plan_document(plan=plan).get("indicators") or []:
        indicator = _indicator(item["code"])
        if indicator is None:
            continue
        rows.append(
            {
                "code": indicator.code,
                "name": indicator.name,
                "unit": indicator.unit,
                "priority": item.get("priority"),
                "theme": item.get("theme", ""),
            }
        )
    return rows


def indicator_catalogue(*, codes: list[str]) -> list[dict]:
    """Name and unit of the indicators with these codes that monitoring knows."""
    out = []
    for code in codes:
        indicator = _indicator(code)
        if indicator is not None:
            out.append({"code": indicator.code, "name": indicator.name, "unit": indicator.unit})
    return out


def target_evaluations(*, municipality, plan_short_name: str) -> list[dict]:
    rows = []
    for result in _target_evaluations(municipality=municipality, plan_short_name=plan_short_name):
        target = result.target
        evaluation = result.evaluation
        indicator = target.indicator
        rows.append(
            {
                "code": target.code,
                "priority_number": target.priority_number,
                "goal_ref": target.goal_ref,
                "text": target.text,
                "indicator_code": indicator.code,
                "indicator_name": indicator.name,
                "unit": indicator.unit,
                "region_code": target.region_code,
                "reference_region": target.reference_region,
                "status": str(evaluation.status),
                "sentence": str(evaluation.sentence),
                "required": evaluation.required,
            }
        )
    return rows


def priority_status(*, municipality, plan_short_name: str) -> dict[int, str]:
    result = priority_status_rollup(municipality=municipality, plan_short_name=plan_short_name)
    return {int(k): str(v) for k, v in dict(result).items() if k is not None}


def series(
    *,
    indicator_code: str,
    region_code: str,
    per_1000: bool = False,
    year_from: int | None = None,
    year_to: int | None = None,
) -> list[dict]:
    """Yearly values [{"period": "2023", "value": 1707}, ...]; [] for an unknown indicator."""
    indicator = _indicator(indicator_code)
    if indicator is None:
        return []
    return [
        {"period": str(p["period"]), "value": p["value"]}
        for p in _series(
            indicator=indicator,
            region_code=region_code,
            per_1000=per_1000,
            year_from=year_from,
            year_to=year_to,
        )
    ]


def region_name(code: str) -> str:
    return _region_name(code)


def trend_chart(
    *,
    indicator_code: str,
    region_code: str,
    title: str = "",
    reference: float | None = None,
    reference_label: str = "",
    year_from: int | None = None,
    year_to: int | None = None,
) -> dict | None:
    """A trend chart as monitoring draws it: {"title", "description", "spec", "points"};
    None for an unknown indicator."""
    indicator = _indicator(indicator_code)
    if indicator is None:
        return None
    points = series(
        indicator_code=indicator_code,
        region_code=region_code,
        year_from=year_from,
        year_to=year_to,
    )
    known = [p for p in points or [] if p["value"] is not None]
    if not known:
        return {"title": title or indicator.name, "points": [], "spec": None}
    title = title or _("%(ind)s in %(region)s") % {
        "ind": indicator.name,
        "region": region_name(region_code),
    }
    spec = trend_spec(
        title=title,
        points=known,
        unit_label=_unit_label(indicator.unit),
        reference=reference,
        reference_label=reference_label,
    )
    spec = dutch_axes(
        spec,
        channel="y",
        values=[p["value"] for p in known] + [reference],
        whole=indicator.unit == "aantal",
    )
    description = _(
        "Lijngrafiek van %(n)s perioden, van %(a)s (%(va)s) tot %(b)s (%(vb)s). "
        "De tabel eronder geeft dezelfde cijfers."
    ) % {
        "n": len(known),
        "a": known[0]["period"],
        "va": known[0]["value"],
        "b": known[-1]["period"],
        "vb": known[-1]["value"],
    }
    return {"title": title, "description": description, "spec": spec, "points": known}


def comparison(*, indicator_code: str, municipality, year: int | None = None) -> dict | None:
    """The gemeente beside its samenwerkingsverband, police unit/province, NL and gemeenten of
    its size class, per 1,000 inhabitants for counts (monitoring's comparison), with the chart
    the monitoring screen shows."""
    indicator = _indicator(indicator_code)
    if indicator is None:
        return None
    year, rows, origin = _comparison(indicator=indicator, municipality=municipality, year=year)
    source = _figure_source_text(origin)
    if year is None:
        return {"year": None, "rows": [], "spec": None, "source": ""}
    use_rate = indicator.unit == "aantal"
    out = [
        {
            "label": r.label,
            "value": r.rate if use_rate else r.value,
            "count": r.value,
            "own": bool(r.is_own),
            "demo": bool(r.demo),
        }
        for r in rows
    ]
    title = _("%(ind)s %(year)s, vergeleken") % {"ind": indicator.name, "year": year}
    spec = None
    if any(r["value"] is not None for r in out):
        spec = comparison_spec(
            title=title, rows=out, unit_label=_unit_label(indicator.unit, use_rate)
        )
        spec = dutch_axes(spec, channel="x", values=[r["value"] for r in out], whole=False)
    return {
        "year": year,
        "title": title,
        "description": _(
            "Staafdiagram: %(own)s vergeleken met %(n)s andere gebieden. "
            "De tabel eronder geeft dezelfde cijfers."
        )
        % {"own": municipality.name, "n": len(out) - 1},
        "per_1000": use_rate,
        "rows": out,
        "spec": spec,
        "source": source,
    }


def figure_provenance(*, indicator_code: str, region_code: str) -> dict:
    """Which yearly figures of the region are generated demo data ("demo_periods") and the
    attribution its figures carry ("Bron: CBS / Politie, CC BY 4.0" for police and CBS open
    data, else "")."""
    indicator = _indicator(indicator_code)
    if indicator is None:
        return {"demo_periods": [], "attribution": ""}
    return {
        "demo_periods": sorted(demo_periods(indicator=indicator, region_code=region_code)),
        "attribution": str(OPEN_DATA_ATTRIBUTION) if is_open_data(indicator) else "",
    }


def _figure_source_text(origin) -> str:
    """One Dutch sentence on where a comparison's figures come from (frozen with the report)."""
    if getattr(origin, "national", False):
        loaded = getattr(origin, "loaded_at", None)
        return _("Bron: landelijke politietabel (geladen op %(d)s).") % {
            "d": date_format(loaded, "j F Y") if loaded else "-"
        }
    return _("Bron: geïmporteerde cijfers in Veiligheidskompas.")


def data_sources(*, indicator_codes: list[str], municipality) -> list[dict]:
    """Where the figures of these indicators come from and when they were imported: every
    import the gemeente's own figures come from (else the indicator's latest import).
    An import made by another gemeente is never named: the appendix of one gemeente's
    report must not disclose another gemeente's files (national and demo imports name no
    gemeente and are listed)."""
    seen = {}
    for code in dict.fromkeys(indicator_codes):
        indicator = _indicator(code)
        if indicator is None:
            continue
        imports = region_imports(indicator=indicator, region_code=municipality.code)
        if not imports:
            latest = latest_import(indicator=indicator, municipality=municipality)
            imports = [latest] if latest is not None else []
        for imp in imports:
            if imp.municipality_id not in (None, municipality.pk):
                continue
            row = seen.setdefault(
                imp.pk,
                {
                    "name": imp.file_name,
                    "kind": imp.get_format_display(),
                    "date": _iso(imp.created_at),
                    "is_demo": bool(imp.is_demo),
                    "indicators": [],
                },
            )
            row["indicators"].append(indicator.name)
    return sorted(seen.values(), key=lambda r: (r["date"] or "", r["name"]))


def chart_svg(spec: dict, *, title: str, description: str) -> str:
    """Render a Vega-Lite specification to accessible SVG, as the monitoring screens do."""
    return render_svg(spec, title=title, description=description)


def public_data_fingerprint(*, municipality) -> tuple:
    """Cheap aggregates that change whenever the plan or the figures of public pages change."""
    return (
        _monitoring_fingerprint(municipality=municipality),
        _plan_fingerprint(municipality=municipality),
    )
