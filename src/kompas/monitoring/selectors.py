# SPDX-License-Identifier: EUPL-1.2
"""Reads for monitoring: series (yearly values of monthly data are sums; composite police
indicators sum their codes), target evaluations and roll-ups, comparisons per 1,000
inhabitants and drill-down. Tenancy is the caller's job: views pass the user's gemeente."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from kompas.core import tasks
from kompas.core.models import Municipality, Partnership

from . import analytics, codelists
from .constants import (
    POLICE_SOURCES,
    PUBLIC_SOURCES,
    Grain,
    ImportJobStatus,
    IndicatorSource,
    TargetStatus,
)
from .evaluation import Evaluation, Rule, evaluate, rollup
from .importers import Problem
from .models import DataImport, ImportJob, Indicator, Observation, Target


# --- Series -------------------------------------------------------------------------------------
def component_indicator_ids(indicator: Indicator) -> list[int]:
    """A police indicator whose definition lists several codes sums those codes' indicators."""
    if indicator.source in POLICE_SOURCES and indicator.definition:
        codes = [f"{indicator.source}:{c}" for c in indicator.definition]
        if codes != [indicator.code]:
            ids = list(Indicator.objects.filter(code__in=codes).values_list("id", flat=True))
            return ids or [indicator.pk]
    return [indicator.pk]


def _bucket(obs_grain: str, number: int, grain: str) -> int:
    if grain == Grain.YEAR:
        return 0
    if grain == Grain.QUARTER:
        return number if obs_grain == Grain.QUARTER else (number - 1) // 3 + 1
    return number


def values_by_region(
    *,
    indicator: Indicator,
    region_codes,
    grain: str = Grain.YEAR,
    year_from: int | None = None,
    year_to: int | None = None,
) -> dict[str, dict[tuple[int, int], float | None]]:
    """{region: {(year, number): value}}. Per component, region and period the finest
    published grain that fits: a year value if published, else the sum of its quarters or
    months. A null (secret) value stays null unless another component has a value."""
    ids = component_indicator_ids(indicator)
    qs = Observation.objects.filter(indicator_id__in=ids, region_code__in=list(region_codes))
    if year_from:
        qs = qs.filter(year__gte=year_from)
    if year_to:
        qs = qs.filter(year__lte=year_to)
    allowed = {
        Grain.YEAR: (Grain.YEAR, Grain.QUARTER, Grain.MONTH),
        Grain.QUARTER: (Grain.QUARTER, Grain.MONTH),
        Grain.MONTH: (Grain.MONTH,),
    }[grain]
    # (component, region, year, bucket) -> {obs grain: [values]}
    cells: dict[tuple, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for ind_id, region, year, g, number, value in qs.filter(grain__in=allowed).values_list(
        "indicator_id", "region_code", "year", "grain", "number", "value"
    ):
        cells[(ind_id, region, year, _bucket(g, number, grain))][g].append(value)
    out: dict[str, dict[tuple[int, int], float | None]] = defaultdict(dict)
    for (_ind, region, year, bucket), by_grain in cells.items():
        chosen = next(by_grain[g] for g in allowed if g in by_grain)
        known = [v for v in chosen if v is not None]
        value = sum(known) if known else None
        key = (year, bucket)
        prev = out[region].get(key)
        if key not in out[region]:
            out[region][key] = value
        elif value is not None:
            out[region][key] = (prev or 0) + value
    return out


def yearly(indicator: Indicator, region_code: str, **kw) -> dict[int, float | None]:
    data = values_by_region(indicator=indicator, region_codes=[region_code], **kw)
    return {year: v for (year, _b), v in data.get(region_code, {}).items()}


def period_label(year: int, bucket: int, grain: str) -> str:
    if grain == Grain.YEAR:
        return str(year)
    if grain == Grain.QUARTER:
        return f"{year}-K{bucket}"
    return f"{year}-{bucket:02d}"


def series(
    *,
    indicator: Indicator,
    region_code: str,
    grain: str = Grain.YEAR,
    year_from: int | None = None,
    year_to: int | None = None,
    per_1000: bool = False,
) -> list[dict]:
    """[{"period": "2023", "value": 1707}, ...] in period order."""
    data = values_by_region(
        indicator=indicator,
        region_codes=[region_code],
        grain=grain,
        year_from=year_from,
        year_to=year_to,
    ).get(region_code, {})
    return _points(data, region_code=region_code, grain=grain, per_1000=per_1000)


def _points(
    data: dict,
    *,
    region_code: str,
    grain: str,
    per_1000: bool,
    year_from: int | None = None,
    year_to: int | None = None,
) -> list[dict]:
    """{(year, bucket): value} -> [{"period", "value"}] in period order, as a rate per 1,000
    inhabitants when asked, whole numbers as int."""
    pop = codelists.population(region_code) if per_1000 else None
    points = []
    for (year, bucket), value in sorted(data.items()):
        if (year_from and year < year_from) or (year_to and year > year_to):
            continue
        if per_1000:
            value = round(value / pop * 1000, 2) if value is not None and pop else None
        elif value is not None and float(value).is_integer():
            value = int(value)
        points.append({"period": period_label(year, bucket, grain), "value": value})
    return points


def series_with_source(
    *,
    indicator: Indicator,
    region_code: str,
    grain: str = Grain.YEAR,
    year_from: int | None = None,
    year_to: int | None = None,
    per_1000: bool = False,
) -> tuple[list[dict], "FigureSource"]:
    """series() plus where the points come from. The imported observations come first (the
    gemeente's own series); only when they have no figure for the region, the indicator is a
    police crime indicator and the grain is year, the national store's yearly values answer
    (e.g. another gemeente's wijk, as open data). The caller checks that the region is
    allowed (region_allowed)."""
    points = series(
        indicator=indicator,
        region_code=region_code,
        grain=grain,
        year_from=year_from,
        year_to=year_to,
        per_1000=per_1000,
    )
    if grain != Grain.YEAR or any(p["value"] is not None for p in points):
        return points, OBSERVATIONS
    national = _national_yearly(indicator=indicator, region_codes=[region_code])
    if national is None:
        return points, OBSERVATIONS
    data, source = national
    out = _points(
        data.get(region_code, {}),
        region_code=region_code,
        grain=grain,
        per_1000=per_1000,
        year_from=year_from,
        year_to=year_to,
    )
    if not any(p["value"] is not None for p in out):
        return points, OBSERVATIONS
    return out, source


def indicator_get(*, code: str) -> Indicator | None:
    return Indicator.objects.filter(code=code).first()


def region_allowed(*, municipality: Municipality, region_code: str, indicator: Indicator) -> bool:
    """Regions of the user's gemeente always; other regions only for public (open) data."""
    region_code = codelists.normalise_region_code(region_code)
    if codelists.municipality_of(region_code) == municipality.code:
        return True
    return indicator.source in PUBLIC_SOURCES and codelists.region(region_code) is not None


def indicators_for_municipality(*, municipality: Municipality) -> QuerySet[Indicator]:
    """Indicators with data in the gemeente, or named by one of its targets."""
    codes = [municipality.code]
    with_data = Observation.objects.filter(region_code__in=codes).values("indicator_id")
    with_target = Target.objects.filter(municipality=municipality).values("indicator_id")
    composite = Indicator.objects.filter(targets__municipality=municipality).values("id")
    return (
        Indicator.objects.filter(models_q(with_data, with_target, composite))
        .distinct()
        .order_by("source", "code")
    )


def models_q(*subqueries):
    from django.db.models import Q

    q = Q()
    for sub in subqueries:
        q |= Q(pk__in=sub)
    return q


def latest_import(*, indicator: Indicator) -> DataImport | None:
    obs = (
        Observation.objects.filter(indicator_id__in=component_indicator_ids(indicator))
        .select_related("source_import")
        .order_by("-source_import__created_at")
        .first()
    )
    return obs.source_import if obs else None


# --- Targets ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class TargetResult:
    target: Target
    evaluation: Evaluation

    @property
    def status(self) -> str:
        return self.evaluation.status

    @property
    def sentence(self) -> str:
        return self.evaluation.sentence


def target_evaluate(*, target: Target) -> Evaluation:
    indicator = target.indicator
    region = target.region_code
    rule = Rule(
        kind=target.rule_kind,
        threshold=target.threshold,
        baseline_years=tuple(target.baseline_years or ()),
        year=target.reference_year,
        reference_region=target.reference_region,
        percent=target.percent,
        tolerance=target.tolerance,
        strict=target.strict,
    )
    regions = [region] + ([target.reference_region] if target.reference_region else [])
    data = values_by_region(indicator=indicator, region_codes=regions)

    def by_year(code):
        return {y: v for (y, _b), v in data.get(code, {}).items()}

    return evaluate(
        rule=rule,
        indicator_name=indicator.name,
        unit=indicator.unit,
        source=indicator.source,
        better=indicator.better,
        series=by_year(region),
        region_name=codelists.region_name(region),
        reference_series=by_year(target.reference_region) if target.reference_region else None,
        reference_region_name=codelists.region_name(target.reference_region)
        if target.reference_region
        else "",
        deadline_year=target.deadline.year if target.deadline else None,
    )


def target_list(*, municipality: Municipality, plan_short_name: str | None = None):
    qs = Target.objects.filter(municipality=municipality).select_related("indicator")
    if plan_short_name:
        qs = qs.filter(plan_short_name=plan_short_name)
    return qs.order_by("plan_short_name", "priority_number", "goal_ref", "code")


def target_evaluations(
    *, municipality: Municipality, plan_short_name: str | None = None
) -> list[TargetResult]:
    return [
        TargetResult(t, target_evaluate(target=t))
        for t in target_list(municipality=municipality, plan_short_name=plan_short_name)
    ]


def priority_status_rollup(*, municipality: Municipality, plan_short_name: str) -> dict[int, str]:
    grouped: dict[int, list[str]] = defaultdict(list)
    for result in target_evaluations(municipality=municipality, plan_short_name=plan_short_name):
        grouped[result.target.priority_number].append(result.status)
    return {n: rollup(s) for n, s in grouped.items()}


def goal_status_rollup(*, municipality: Municipality, plan_short_name: str) -> dict[str, str]:
    grouped: dict[str, list[str]] = defaultdict(list)
    for result in target_evaluations(municipality=municipality, plan_short_name=plan_short_name):
        grouped[result.target.goal_ref].append(result.status)
    return {g: rollup(s) for g, s in grouped.items()}


def targets_changed(*, municipality: Municipality) -> QuerySet[Target]:
    """Targets whose status changed at the latest refresh (previous status known)."""
    return (
        Target.objects.filter(municipality=municipality, status_changed_at__isnull=False)
        .exclude(previous_status="")
        .select_related("indicator")
        .order_by("-status_changed_at")
    )


# --- Comparisons --------------------------------------------------------------------------------
@dataclass(frozen=True)
class ComparisonRow:
    key: str
    label: str
    value: float | None
    population: int | None
    is_own: bool = False

    @property
    def rate(self) -> float | None:
        if self.value is None or not self.population:
            return None
        return round(self.value / self.population * 1000, 2)


def _sum_rows(data, codes, year):
    values = [data.get(c, {}).get((year, 0)) for c in codes]
    pops = [codelists.population(c) for c in codes]
    pairs = [(v, p) for v, p in zip(values, pops, strict=True) if v is not None and p]
    if not pairs:
        return None, None
    return sum(v for v, _p in pairs), sum(p for _v, p in pairs)


@dataclass(frozen=True)
class FigureSource:
    """Where a comparison or drill-down got its figures: the national police table
    (analytics.NationalStore, loaded by `kompas data landelijk`) or the Django database
    (the observations the gemeenten imported)."""

    national: bool
    loaded_at: dt.datetime | None = None
    file_name: str = ""


OBSERVATIONS = FigureSource(national=False)


def _national_type_codes(indicator: Indicator) -> list[str]:
    """The crime types of a police crime indicator (its definition, or the code after the
    colon); empty for every other indicator (the national store holds only 47022NED)."""
    if indicator.source != IndicatorSource.CRIMES:
        return []
    if indicator.definition:
        return [str(c).strip() for c in indicator.definition]
    return [indicator.code.split(":", 1)[1]] if ":" in indicator.code else []


def _national_yearly(
    *, indicator: Indicator, region_codes, year: int | None = None
) -> tuple[dict, FigureSource] | None:
    """Yearly values from the national store in the shape of values_by_region
    ({region: {(year, 0): value}}) with the store's source, or None when there is no store,
    the indicator is not a police crime indicator, or the store has no figure for these
    regions (and year)."""
    type_codes = _national_type_codes(indicator)
    if not type_codes:
        return None
    store = analytics.national_reader()
    if store is None:
        return None
    try:
        values = store.yearly_values(
            type_codes=type_codes, region_codes=list(region_codes), year=year
        )
        if not any(v is not None for by_year in values.values() for v in by_year.values()):
            return None
        info = store.info()
    finally:
        store.close()
    data = {region: {(y, 0): v for y, v in by_year.items()} for region, by_year in values.items()}
    return data, FigureSource(national=True, loaded_at=info.loaded_at, file_name=info.file_name)


def _latest_year(data, codes) -> int | None:
    years = [y for code in codes for (y, _b), v in data.get(code, {}).items() if v is not None]
    return max(years) if years else None


def comparison(*, indicator: Indicator, municipality: Municipality, year: int | None = None):
    """Gemeente vs partnership(s), its police unit, Fryslân, NL and gemeenten of the same size
    class, per 1,000 inhabitants: (year, rows, FigureSource). Police
    crime indicators come from the national store when it has the gemeente's figure (for
    `year`, or its latest year); otherwise, and for every other indicator, from the Django
    database. Aggregates published by the source (police unit, province, NL) are used as
    published; otherwise summed from gemeenten. All of it is open data: the rows name other
    regions only as aggregates or totals, as before."""
    own = codelists.region(municipality.code)
    all_gm = [g.code for g in codelists.gemeenten()]
    extra = [
        "NL01",
        "PV21",
        own.police_unit if own and own.police_unit else "",
        own.province if own else "",
    ]
    codes = all_gm + [c for c in extra if c]
    source, data = OBSERVATIONS, None
    national_year = year
    if national_year is None:
        own_years = _national_yearly(indicator=indicator, region_codes=[municipality.code])
        national_year = _latest_year(own_years[0], [municipality.code]) if own_years else None
    if national_year is not None:
        national = _national_yearly(indicator=indicator, region_codes=codes, year=national_year)
        if national and _latest_year(national[0], [municipality.code]) == national_year:
            (data, source), year = national, national_year
    if data is None:
        data = values_by_region(indicator=indicator, region_codes=codes)
    if year is None:
        year = _latest_year(data, [municipality.code])
        if year is None:
            return None, [], source
    rows = []
    value = data.get(municipality.code, {}).get((year, 0))
    rows.append(
        ComparisonRow(
            municipality.code,
            municipality.name,
            value,
            codelists.population(municipality.code),
            True,
        )
    )
    for partnership in Partnership.objects.filter(members=municipality).order_by("name"):
        codes = list(partnership.members.values_list("code", flat=True))
        total, pop = _sum_rows(data, codes, year)
        rows.append(ComparisonRow(f"partnership:{partnership.code}", partnership.name, total, pop))
    for code in dict.fromkeys(
        [own.police_unit if own else "", own.province if own else "", "PV21", "NL01"]
    ):
        if not code:
            continue
        published = data.get(code, {}).get((year, 0))
        if published is not None:
            rows.append(
                ComparisonRow(
                    code, codelists.region_name(code), published, codelists.population(code)
                )
            )
            continue
        if code == "NL01":
            members = all_gm
        else:
            members = [g.code for g in codelists.gemeenten() if code in (g.province, g.police_unit)]
        total, pop = _sum_rows(data, members, year)
        rows.append(ComparisonRow(code, codelists.region_name(code), total, pop))
    klass = codelists.size_class(codelists.population(municipality.code))
    if klass:
        low, high, label = klass
        members = [g.code for g in codelists.gemeenten() if low <= (g.population or 0) < high]
        total, pop = _sum_rows(data, members, year)
        rows.append(ComparisonRow("size-class", f"Gemeenten met {label}", total, pop))
    return year, rows, source


def children_values(*, indicator: Indicator, region_code: str, year: int | None = None):
    """Drill-down: the wijken of a gemeente or the buurten of a wijk, with values and rates
    (a wijk without its own figure gets the sum of its buurten): (year, rows, FigureSource).
    Police crime indicators come from the national store when it has a figure for the region
    or its wijken/buurten (in `year`, or else its latest such year); otherwise from the Django
    database. The caller keeps the drill-down inside the user's own gemeente."""
    kids = codelists.children(region_code)
    codes = [k.code for k in kids]
    buurten = []
    if region_code.startswith("GM"):
        buurten = [b.code for k in kids for b in codelists.children(k.code)]
    scope = [region_code, *codes, *buurten]
    source, data = OBSERVATIONS, None
    if kids:
        national = _national_yearly(indicator=indicator, region_codes=scope, year=year)
        if national:
            data, source = national
    if data is None:
        data = values_by_region(indicator=indicator, region_codes=scope)
    if year is None:
        year = _latest_year(data, scope)
        if year is None:
            return None, [], source
    rows = []
    for kid in kids:
        value = data.get(kid.code, {}).get((year, 0))
        if value is None and kid.level == "wijk":
            parts = [data.get(b.code, {}).get((year, 0)) for b in codelists.children(kid.code)]
            known = [p for p in parts if p is not None]
            value = sum(known) if known else None
        rows.append(ComparisonRow(kid.code, kid.name, value, kid.population))
    return year, rows, source


@dataclass(frozen=True)
class BuurtReconciliation:
    year: int
    buurt_sum: float
    buurt_count: int
    gemeente_total: float | None

    @property
    def difference(self) -> float | None:
        if self.gemeente_total is None:
            return None
        return self.gemeente_total - self.buurt_sum


def buurt_reconciliation(*, indicator: Indicator, municipality: Municipality):
    """Per year with buurt figures: the sum of the buurten beside the gemeente total
    (47013NED). The gemeente total also counts crimes without a known buurt."""
    buurten = [
        r.code
        for r in codelists.regions().values()
        if r.level == "buurt" and r.municipality_code == municipality.code
    ]
    data = values_by_region(indicator=indicator, region_codes=[municipality.code, *buurten])
    per_year: dict[int, list[float]] = defaultdict(list)
    for code in buurten:
        for (year, _b), value in data.get(code, {}).items():
            if value is not None:
                per_year[year].append(value)
    return [
        BuurtReconciliation(
            year, sum(vals), len(vals), data.get(municipality.code, {}).get((year, 0))
        )
        for year, vals in sorted(per_year.items())
    ]


def status_label(status: str) -> str:
    return TargetStatus(status).label if status in TargetStatus.values else status


# --- Import jobs ----------------------------------------------------------------------------------
def import_job_list(*, municipality: Municipality, limit: int = 20) -> QuerySet[ImportJob]:
    """The gemeente's latest uploads, running ones included (without the file's bytes)."""
    return (
        ImportJob.objects.filter(municipality=municipality)
        .defer("file_data", "problems")
        .select_related("user", "data_import")
        .order_by("-created_at", "-id")[:limit]
    )


def import_job_get(*, municipality: Municipality, job_id: int) -> ImportJob:
    """A job of this gemeente; another gemeente's job is indistinguishable from none: 404."""
    job = (
        ImportJob.objects.filter(municipality=municipality, pk=job_id)
        .defer("file_data")
        .select_related("user", "data_import")
        .first()
    )
    if job is None:
        raise Http404
    return job


def import_job_progress(*, job: ImportJob) -> dict | None:
    """A running job's progress: {"phase": "lezen"|"opslaan", "rows": n, "percent": p|None},
    read from the task queue's store (never waits on the import's database lock)."""
    if job.status != ImportJobStatus.RUNNING:
        return None
    return tasks.state_get(job.progress_key)


IMPORT_JOB_QUEUED_PATIENCE = 120  # seconds before a queued job suggests the worker is down
IMPORT_JOB_SILENCE_PATIENCE = 600  # seconds without progress before a running job looks stuck


def import_job_stalled(*, job: ImportJob, progress: dict | None) -> bool:
    """True when a job waits or runs suspiciously long: queued for minutes (is the worker
    running?) or running without any progress report for ten minutes (did it stop?)."""
    now = timezone.now()
    if job.status == ImportJobStatus.QUEUED:
        return (now - job.created_at).total_seconds() > IMPORT_JOB_QUEUED_PATIENCE
    if job.status == ImportJobStatus.RUNNING:
        last = job.started_at or job.created_at
        if progress and progress.get("at"):
            last = max(last, dt.datetime.fromtimestamp(progress["at"], tz=dt.UTC))
        return (now - last).total_seconds() > IMPORT_JOB_SILENCE_PATIENCE
    return False


def import_job_problem_texts(*, job: ImportJob) -> list[str]:
    """The stored problems as the same Dutch sentences the CLI prints (file, line, field)."""
    return [str(Problem(**p)) for p in job.problems]
