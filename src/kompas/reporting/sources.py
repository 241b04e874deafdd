# SPDX-License-Identifier: EUPL-1.2
"""The ONE place where reporting calls other apps (policy, monitoring, signals).

Every function returns plain, JSON-serialisable data (dicts, lists, str, int, float, None) and
only calls the other apps' selectors and services, never their models. When an app or one of
its functions is not installed, the function returns None; the report then says in Dutch that
the source is missing instead of inventing figures.

Signals are read through aggregate-count selectors only: reporting never sees signal content
or personal data.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime
from importlib import import_module
from typing import Any

from django.apps import apps
from django.utils.formats import date_format
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


def _function(module: str, name: str) -> Callable | None:
    """The function `name` of `module`, or None when that app is not installed or the
    function does not exist (yet)."""
    app = ".".join(module.split(".")[:2])
    if not apps.is_installed(app):
        return None
    try:
        mod = import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name and module.startswith(exc.name):
            return None
        raise
    return getattr(mod, name, None)


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


# --- Policy ----------------------------------------------------------------------------------
def _plan(*, municipality, on: date | None = None):
    fn = _function("kompas.policy.selectors", "plan_current")
    if fn is None:
        return None
    return fn(municipality=municipality, on=on)


def plan_current(*, municipality, on: date | None = None) -> dict | None:
    """The plan in force on `on` with priorities, goals and themes, or None."""
    plan = _plan(municipality=municipality, on=on)
    if plan is None:
        return None
    priorities = []
    for p in plan.priorities.all().order_by("number"):
        priorities.append(
            {
                "number": p.number,
                "title": p.title,
                "ambition": p.ambition,
                "introduction": p.introduction,
                "goals": [
                    {"code": g.code, "text": g.text} for g in p.goals.all().order_by("position")
                ],
                "means": _means_titles(p.means),
                "partners": list(p.partners or []),
                "partners_text": p.partners_text,
                "approach": _approach(p.approach),
            }
        )
    return {
        "short_name": plan.short_name,
        "title": plan.title,
        "period_start": _iso(plan.period_start),
        "period_end": _iso(plan.effective_end),
        "status": plan.get_status_display(),
        "adopted_on": _iso(plan.adopted_on),
        "priorities": priorities,
        "themes": [
            {"title": t.title, "description": t.description}
            for t in plan.themes.all().order_by("position")
        ],
    }


def _approach(approach) -> dict:
    """The plan's 'aanpak' of a priority: its introduction and the items of all groups."""
    approach = approach if isinstance(approach, dict) else {}
    items = []
    for group in approach.get("groups") or []:
        for item in (group or {}).get("items") or []:
            items.append(str(item.get("text", item)) if isinstance(item, dict) else str(item))
    return {"intro": str(approach.get("intro") or ""), "items": items}


def _means_titles(means) -> list[str]:
    out = []
    for m in means or []:
        if isinstance(m, dict):
            out.append(str(m.get("title") or m.get("text") or ""))
        else:
            out.append(str(m))
    return [m for m in out if m]


def actions(*, municipality, on: date) -> list[dict] | None:
    """The actions of the plan in force on `on`, with their updates up to `on` and their
    status at the end of `on` (see `_status_on`), so a report about a past period shows the
    state of that period, not today's."""
    fn = _function("kompas.policy.selectors", "action_list")
    plan = _plan(municipality=municipality, on=on)
    if fn is None or plan is None:
        return None
    rows = []
    for a in fn(municipality=municipality, plan=plan).prefetch_related("updates"):
        updates = sorted(
            (u for u in a.updates.all() if u.date <= on),
            key=lambda u: (u.date, u.id),
            reverse=True,
        )
        latest = updates[0] if updates else None
        status = _status_on(a, latest, on)
        rows.append(
            {
                "priority_number": a.priority.number if a.priority_id else None,
                "title": a.title,
                "status": status,
                "status_label": str(dict(a._meta.get_field("status").choices).get(status, status)),
                "owner": a.owner,
                "start": _iso(a.start),
                "due": _iso(a.due),
                "execution_plan": a.execution_plan.title if a.execution_plan_id else "",
                "updates": [
                    {
                        "date": _iso(u.date),
                        "text": u.text,
                        "status": u.status,
                        "status_label": u.get_status_display(),
                    }
                    for u in updates
                ],
                "latest_update": None
                if latest is None
                else {
                    "date": _iso(latest.date),
                    "text": latest.text,
                    "status_label": latest.get_status_display(),
                },
            }
        )
    return rows


def _status_on(action, latest, on: date) -> str:
    """An action's status at the end of `on`, from policy's status history (the dated
    progress updates; each update's status became the action's status): that of the latest
    update up to `on`. Without one, an action that starts after `on` was 'gepland'; one whose
    status comes from updates after `on` was 'lopend' once started, else 'gepland'; an action
    that never had an update keeps the status it was entered with."""
    if latest is not None:
        return latest.status
    if action.start and action.start > on:
        return "gepland"
    if any(u.date > on for u in action.updates.all()):
        return "lopend" if action.start else "gepland"
    return action.status


def norms(*, municipality, on: date) -> list[dict] | None:
    """Every norm of the plan in force on `on` with required, done and status on `on`."""
    fn = _function("kompas.policy.selectors", "norm_status_list")
    if fn is None:
        return None
    rows = []
    for s in fn(municipality=municipality, on=on):
        norm = _get(s, "norm")
        state = _get(s, "state") or _get(s, "status")
        priority = getattr(norm, "priority", None) if norm is not None else None
        rows.append(
            {
                "code": getattr(norm, "code", "") if norm is not None else _get(s, "code"),
                "title": getattr(norm, "title", "") if norm is not None else _get(s, "title"),
                "priority_number": getattr(priority, "number", None),
                "required": _get(s, "required"),
                "done": _get(s, "done"),
                "remaining": _get(s, "remaining"),
                "status": str(state or ""),
                "status_label": str(_get(s, "state_label") or state or ""),
                "period_label": str(_get(s, "period_label") or ""),
                "next_due": _iso(_get(s, "next_due")),
            }
        )
    return rows


def events(*, municipality, kinds: list[str] | None, start: date, end: date) -> list[dict] | None:
    """Events (of the given kinds, or all) in the register between start and end."""
    fn = _function("kompas.policy.selectors", "event_list")
    if fn is None:
        return None
    out = []
    for e in fn(municipality=municipality).filter(date__gte=start, date__lte=end):
        if kinds is None or e.kind in kinds:
            out.append(
                {
                    "date": _iso(e.date),
                    "kind": e.kind,
                    "kind_label": e.get_kind_display(),
                    "title": e.title,
                }
            )
    return sorted(out, key=lambda r: r["date"])


def event_register(
    *, kind: str, on: date, title: str, municipality, source_id: str, by=None
) -> bool:
    """Register a sent report in the policy event register. False when policy is missing."""
    fn = _function("kompas.policy.services", "event_register")
    if fn is None:
        logger.warning("kompas.policy.services.event_register ontbreekt; geen gebeurtenis")
        return False
    fn(
        kind=kind,
        date=on,
        title=title,
        municipality=municipality,
        source_type="reporting.report",
        source_id=str(source_id),
        by=by,
    )
    return True


def _get(obj, name):
    if isinstance(obj, dict):
        return obj.get(name)
    return getattr(obj, name, None)


# --- Monitoring ------------------------------------------------------------------------------
def _indicator(code: str):
    fn = _function("kompas.monitoring.selectors", "indicator_get")
    return fn(code=code) if fn is not None else None


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
    document = _function("kompas.policy.services", "plan_document")
    if (
        plan is None
        or document is None
        or _function("kompas.monitoring.selectors", "series") is None
    ):
        return None
    rows = []
    for item in document(plan=plan).get("indicators") or []:
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


def indicator_catalogue(*, codes: list[str]) -> list[dict] | None:
    """Name and unit of the indicators with these codes that monitoring knows."""
    if _function("kompas.monitoring.selectors", "indicator_get") is None:
        return None
    out = []
    for code in codes:
        indicator = _indicator(code)
        if indicator is not None:
            out.append({"code": indicator.code, "name": indicator.name, "unit": indicator.unit})
    return out


def target_evaluations(*, municipality, plan_short_name: str) -> list[dict] | None:
    fn = _function("kompas.monitoring.selectors", "target_evaluations")
    if fn is None:
        return None
    rows = []
    for result in fn(municipality=municipality, plan_short_name=plan_short_name):
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


def priority_status(*, municipality, plan_short_name: str) -> dict[int, str] | None:
    fn = _function("kompas.monitoring.selectors", "priority_status_rollup")
    if fn is None:
        return None
    result = fn(municipality=municipality, plan_short_name=plan_short_name)
    return {int(k): str(v) for k, v in dict(result).items() if k is not None}


def series(
    *,
    indicator_code: str,
    region_code: str,
    per_1000: bool = False,
    year_from: int | None = None,
    year_to: int | None = None,
) -> list[dict] | None:
    """Yearly values [{"period": "2023", "value": 1707}, ...] or None without monitoring."""
    fn = _function("kompas.monitoring.selectors", "series")
    if fn is None:
        return None
    indicator = _indicator(indicator_code)
    if indicator is None:
        return []
    return [
        {"period": str(p["period"]), "value": p["value"]}
        for p in fn(
            indicator=indicator,
            region_code=region_code,
            per_1000=per_1000,
            year_from=year_from,
            year_to=year_to,
        )
    ]


def region_name(code: str) -> str:
    fn = _function("kompas.monitoring.codelists", "region_name")
    return fn(code) if fn is not None else code


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
    """A trend chart as monitoring draws it: {"title", "description", "spec", "points"}."""
    trend_spec = _function("kompas.monitoring.charts", "trend_spec")
    indicator = _indicator(indicator_code)
    if trend_spec is None or indicator is None:
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
    fn = _function("kompas.monitoring.selectors", "comparison")
    spec_fn = _function("kompas.monitoring.charts", "comparison_spec")
    indicator = _indicator(indicator_code)
    if fn is None or indicator is None:
        return None
    year, rows, origin = fn(indicator=indicator, municipality=municipality, year=year)
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
        }
        for r in rows
    ]
    title = _("%(ind)s %(year)s, vergeleken") % {"ind": indicator.name, "year": year}
    spec = None
    if spec_fn is not None and any(r["value"] is not None for r in out):
        spec = spec_fn(title=title, rows=out, unit_label=_unit_label(indicator.unit, use_rate))
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


def _figure_source_text(origin) -> str:
    """One Dutch sentence on where a comparison's figures come from (frozen with the report)."""
    if getattr(origin, "national", False):
        loaded = getattr(origin, "loaded_at", None)
        return _("Bron: landelijke politietabel (geladen op %(d)s).") % {
            "d": date_format(loaded, "j F Y") if loaded else "-"
        }
    return _("Bron: geïmporteerde cijfers in Veiligheidskompas.")


def data_sources(*, indicator_codes: list[str], municipality) -> list[dict] | None:
    """Where the figures of these indicators come from and when they were last imported.
    An import made by another gemeente is never named: the appendix of one gemeente's
    report must not disclose another gemeente's files (national and demo imports name no
    gemeente and are listed)."""
    fn = _function("kompas.monitoring.selectors", "latest_import")
    if fn is None:
        return None
    seen = {}
    for code in dict.fromkeys(indicator_codes):
        indicator = _indicator(code)
        if indicator is None:
            continue
        imp = fn(indicator=indicator)
        if imp is None or imp.municipality_id not in (None, municipality.pk):
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
    fn = _function("kompas.monitoring.charts", "render_svg")
    if fn is not None:
        return fn(spec, title=title, description=description)
    import vl_convert

    return vl_convert.vegalite_to_svg(spec)


# --- Signals (aggregate counts only) ---------------------------------------------------------
def signal_statistics(*, municipality, start: date, end: date) -> dict | None:
    """Counts per phenomenon and per outcome of signals received in the period:
    {"total", "by_phenomenon": [{"label", "count"}], "by_outcome": [...], "scope"}.

    Uses `kompas.signals.selectors.signal_statistics` when the meldpunt offers it; otherwise
    the all-time counts per phenomenon of `signal_counts` (then `by_outcome` is None and
    `scope` says so). Never any content or personal data."""
    fn = _function("kompas.signals.selectors", "signal_statistics")
    if fn is not None:
        result = fn(municipality=municipality, start=start, end=end)
        result.setdefault("scope", "period")
        return result
    fn = _function("kompas.signals.selectors", "signal_counts")
    if fn is None:
        return None
    counts = fn(municipality=municipality)
    return {
        "scope": "all",
        "total": counts["total"],
        "by_phenomenon": [{"label": str(label), "count": n} for label, n in counts["phenomenon"]],
        "by_outcome": None,
    }
