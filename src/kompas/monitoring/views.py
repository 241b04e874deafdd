# SPDX-License-Identifier: EUPL-1.2
from django.core.paginator import Paginator
from django.db import OperationalError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from kompas.core.constants import INTERNAL_ROLES, STAFF_ROLES, AuditAction
from kompas.core.db import database_busy
from kompas.core.selectors import municipality_get_for_user
from kompas.core.services import audit_log

from . import charts, codelists, selectors
from .constants import STATUS_CSS, Grain, ImportJobStatus, IndicatorUnit
from .evaluation import fmt_number
from .forms import UploadForm
from .models import DataImport
from .services import import_job_create


def _unit_label(indicator, per_1000=False) -> str:
    if per_1000:
        return _("per 1.000 inwoners")
    return {
        IndicatorUnit.COUNT: _("aantal"),
        IndicatorUnit.PERCENT: _("procent"),
        IndicatorUnit.GRADE: _("rapportcijfer"),
    }[indicator.unit]


def _result_rows(results):
    return [
        {
            "target": r.target,
            "status": r.status,
            "status_label": selectors.status_label(r.status),
            "css": STATUS_CSS[r.status],
            "sentence": r.sentence,
            "region_name": codelists.region_name(r.target.region_code),
        }
        for r in results
    ]


def dashboard(request, slug):
    municipality, membership = municipality_get_for_user(
        user=request.user, slug=slug, roles=INTERNAL_ROLES
    )
    results = selectors.target_evaluations(municipality=municipality)
    rollups = {}
    for plan in sorted({r.target.plan_short_name for r in results}):
        rollups[plan] = [
            {"number": n, "status": s, "label": selectors.status_label(s), "css": STATUS_CSS[s]}
            for n, s in sorted(
                selectors.priority_status_rollup(
                    municipality=municipality, plan_short_name=plan
                ).items(),
                key=lambda kv: (kv[0] is None, kv[0]),
            )
        ]
    indicators = []
    listed = list(selectors.indicators_for_municipality(municipality=municipality))
    figures = selectors.yearly_series_with_demo(indicators=listed, region_code=municipality.code)
    for ind in listed:
        points, demo = figures[ind.pk]
        known = [p for p in points if p["value"] is not None]
        last = known[-1] if known else None
        prev = known[-2] if len(known) > 1 else None
        indicators.append(
            {
                "indicator": ind,
                "last": last,
                "last_demo": bool(last) and last["period"] in demo,
                "last_text": fmt_number(last["value"], ind.unit) if last else "—",
                "change": _change_text(prev, last),
                "rate": _rate_text(ind, municipality.code, last),
            }
        )
    crimes = selectors.indicator_get(code="politie-misdrijven:0.0.0")
    reconciliation = (
        selectors.buurt_reconciliation(indicator=crimes, municipality=municipality)
        if crimes
        else []
    )
    return render(
        request,
        "monitoring/dashboard.html",
        {
            "open_data": any(selectors.is_open_data(i["indicator"]) for i in indicators),
            "municipality": municipality,
            "membership": membership,
            "results": _result_rows(results),
            "rollups": rollups,
            "indicators": indicators,
            "reconciliation": reconciliation,
            "crimes": crimes,
            "can_import": membership.role in STAFF_ROLES,
            "demo_data": DataImport.objects.filter(is_demo=True).exists(),
        },
    )


def _change_text(prev, last) -> str:
    if not prev or not last or not prev["value"]:
        return "—"
    pct = (last["value"] - prev["value"]) / prev["value"] * 100
    return f"{pct:+.0f}% t.o.v. {prev['period']}".replace("+", "+ ").replace("-", "− ")


def _rate_text(indicator, region_code, last) -> str:
    pop = codelists.population(region_code)
    if not last or not pop or indicator.unit != IndicatorUnit.COUNT:
        return "—"
    return fmt_number(round(last["value"] / pop * 1000, 1), IndicatorUnit.GRADE)


def indicator_detail(request, slug, code):
    municipality, membership = municipality_get_for_user(
        user=request.user, slug=slug, roles=INTERNAL_ROLES
    )
    indicator = selectors.indicator_get(code=code)
    if indicator is None:
        raise Http404
    region_code = codelists.normalise_region_code(request.GET.get("regio") or municipality.code)
    # Drill-down stays inside the own gemeente.
    if codelists.municipality_of(region_code) != municipality.code:
        raise Http404
    grain = request.GET.get("korrel", Grain.YEAR)
    if grain not in Grain.values:
        grain = Grain.YEAR
    region_name = codelists.region_name(region_code)
    points = selectors.series(indicator=indicator, region_code=region_code, grain=grain)
    unit = _unit_label(indicator)
    demo = selectors.demo_periods(indicator=indicator, region_code=region_code, grain=grain)
    table = [
        {
            "period": p["period"],
            "value": fmt_number(p["value"], indicator.unit),
            "demo": p["period"] in demo,
        }
        for p in points
    ]
    trend_title = _("%(ind)s in %(region)s") % {"ind": indicator.name, "region": region_name}
    trend_svg = ""
    if any(p["value"] is not None for p in points):
        known = [p for p in points if p["value"] is not None]
        trend_svg = charts.render_svg(
            charts.trend_spec(title=trend_title, points=points, unit_label=unit),
            title=trend_title,
            description=_(
                "Lijngrafiek van %(n)s perioden, van %(a)s (%(va)s) tot %(b)s (%(vb)s). "
                "De tabel hieronder geeft dezelfde cijfers."
            )
            % {
                "n": len(known),
                "a": known[0]["period"],
                "va": fmt_number(known[0]["value"], indicator.unit),
                "b": known[-1]["period"],
                "vb": fmt_number(known[-1]["value"], indicator.unit),
            },
        )
    comparison_year, comparison_rows, comparison_svg = None, [], ""
    comparison_source = None
    if region_code == municipality.code:
        comparison_year, rows, comparison_source = selectors.comparison(
            indicator=indicator, municipality=municipality
        )
        use_rate = indicator.unit == IndicatorUnit.COUNT
        for row in rows:
            value = row.rate if use_rate else row.value
            comparison_rows.append(
                {
                    "label": row.label,
                    "value": value,
                    "own": row.is_own,
                    "demo": row.demo,
                    "text": fmt_number(value, IndicatorUnit.GRADE if use_rate else indicator.unit),
                    "count": fmt_number(row.value, indicator.unit),
                    "population": fmt_number(row.population) if row.population else "—",
                }
            )
        if any(r["value"] is not None for r in comparison_rows):
            title = _("%(ind)s %(year)s, vergeleken") % {
                "ind": indicator.name,
                "year": comparison_year,
            }
            comparison_svg = charts.render_svg(
                charts.comparison_spec(
                    title=title,
                    rows=comparison_rows,
                    unit_label=_unit_label(indicator, per_1000=use_rate),
                ),
                title=title,
                description=_(
                    "Staafdiagram: %(own)s vergeleken met %(n)s andere gebieden. "
                    "De tabel hieronder geeft dezelfde cijfers."
                )
                % {"own": municipality.name, "n": len(comparison_rows) - 1},
            )
    drill_year, drill_rows, drill_source = selectors.children_values(
        indicator=indicator, region_code=region_code
    )
    drill = [
        {
            "code": r.code if hasattr(r, "code") else r.key,
            "key": r.key,
            "label": r.label,
            "value": fmt_number(r.value, indicator.unit),
            "rate": fmt_number(r.rate, IndicatorUnit.GRADE) if r.rate is not None else "—",
            "has_children": r.key.startswith("WK"),
            "demo": r.demo,
        }
        for r in drill_rows
    ]
    parents = [
        {"code": c, "name": codelists.region_name(c)}
        for c in reversed(codelists.parent_codes(region_code))
    ]
    results = [
        r
        for r in selectors.target_evaluations(municipality=municipality)
        if r.target.indicator_id == indicator.pk
    ]
    reconciliation = []
    if region_code == municipality.code and indicator.code == "politie-misdrijven:0.0.0":
        reconciliation = selectors.buurt_reconciliation(
            indicator=indicator, municipality=municipality
        )
    return render(
        request,
        "monitoring/indicator.html",
        {
            "municipality": municipality,
            "indicator": indicator,
            "region_code": region_code,
            "region_name": region_name,
            "grain": grain,
            "grains": Grain.choices,
            "table": table,
            "unit": unit,
            "trend_svg": trend_svg,
            "trend_title": trend_title,
            "comparison_year": comparison_year,
            "comparison_rows": comparison_rows,
            "comparison_svg": comparison_svg,
            "comparison_source": comparison_source,
            "drill_year": drill_year,
            "drill": drill,
            "drill_source": drill_source,
            "parents": parents,
            "results": _result_rows(results),
            "reconciliation": reconciliation,
            "latest_import": selectors.latest_import(
                indicator=indicator, municipality=municipality, region_code=region_code
            ),
            "open_data": selectors.is_open_data(indicator),
        },
    )


def _busy_message() -> str:
    return _(
        "Er wordt op dit moment een andere import opgeslagen. Probeer het over een minuut opnieuw."
    )


def upload(request, slug):
    """The upload form. A valid upload becomes a queued import job (imported in the background
    by the task worker); the browser is sent on to the job's page (POST/redirect/GET)."""
    municipality, _m = municipality_get_for_user(user=request.user, slug=slug, roles=STAFF_ROLES)
    form = UploadForm(request.POST or None, request.FILES or None)
    status = 400 if form.is_bound else 200
    if request.method == "POST" and form.is_valid():
        uploaded = form.cleaned_data["file"]
        try:
            job = import_job_create(
                municipality=municipality,
                user=request.user,
                file_name=uploaded.name,
                content=b"".join(uploaded.chunks()),
                fmt=form.cleaned_data["format"],
            )
        except OperationalError as exc:
            if not database_busy(exc):
                raise
            form.add_error(None, f"{_busy_message()} {_('Het bestand is niet opgeslagen.')}")
            status = 503
        else:
            return redirect("monitoring:import_job", municipality.slug, job.pk)
    return render(
        request,
        "monitoring/upload.html",
        {"municipality": municipality, "form": form},
        status=status,
    )


@never_cache
def import_job(request, slug, job_id):
    """Status, progress and result of one upload; staff of the job's gemeente only (404)."""
    municipality, _m = municipality_get_for_user(user=request.user, slug=slug, roles=STAFF_ROLES)
    job = selectors.import_job_get(municipality=municipality, job_id=job_id)
    busy = False
    if job.is_finished:
        # Audited once it shows a result. While the job runs the page writes nothing: on
        # SQLite the import's transaction holds the database's write lock.
        try:
            audit_log(
                user=request.user, action=AuditAction.VIEW, obj=job, municipality=municipality
            )
        except OperationalError as exc:
            if not database_busy(exc):
                raise
            busy = True  # no audit entry, so no result either
    progress = selectors.import_job_progress(job=job)
    problems = selectors.import_job_problem_texts(job=job) if job.problems else []
    return render(
        request,
        "monitoring/import_job.html",
        {
            "municipality": municipality,
            "job": job,
            "statuses": ImportJobStatus,
            "progress": progress,
            "problems": [] if busy else problems,
            "report": job.data_import if job.status == ImportJobStatus.DONE and not busy else None,
            "busy_message": _busy_message() if busy else "",
            "stalled": selectors.import_job_stalled(job=job, progress=progress),
        },
        status=503 if busy else 200,
    )


def import_list(request, slug):
    municipality, _m = municipality_get_for_user(user=request.user, slug=slug, roles=STAFF_ROLES)
    imports = (
        DataImport.objects.filter(Q(municipality=municipality) | Q(municipality__isnull=True))
        .select_related("user")
        .order_by("-created_at", "-id")
    )
    page = Paginator(imports, 50).get_page(request.GET.get("pagina"))
    return render(
        request,
        "monitoring/import_list.html",
        {
            "municipality": municipality,
            "page": page,
            "query": "",
            "jobs": selectors.import_job_list(municipality=municipality),
            "national_loads": selectors.national_load_list(limit=5),
            "statuses": ImportJobStatus,
        },
    )
