# SPDX-License-Identifier: EUPL-1.2
"""Series: yearly values of monthly data are sums; composite police indicators sum their
codes. Also the indicators a gemeente sees and where their figures came from."""

from collections import defaultdict

from django.db.models import QuerySet

from kompas.core.models import Municipality

from .. import codelists
from ..constants import POLICE_SOURCES, PUBLIC_SOURCES, Grain
from ..models import DataImport, Indicator, Observation, Target
from .national import OBSERVATIONS, FigureSource, _national_yearly


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


def latest_import(
    *, indicator: Indicator, municipality, region_code: str = ""
) -> DataImport | None:
    """The newest import of the indicator's figures (of `region_code`, when given) that
    `municipality` may know of: national ones (no gemeente: CBS, police, demo, plan sync,
    command line) and its own uploads. Another gemeente's upload is never named, even when it
    is newer (its file name and date are that gemeente's business)."""
    from django.db.models import Q

    qs = Observation.objects.filter(indicator_id__in=component_indicator_ids(indicator)).filter(
        Q(source_import__municipality__isnull=True) | Q(source_import__municipality=municipality)
    )
    if region_code:
        qs = qs.filter(region_code=region_code)
    obs = qs.select_related("source_import").order_by("-source_import__created_at").first()
    return obs.source_import if obs else None


def region_imports(*, indicator: Indicator, region_code: str) -> list[DataImport]:
    """Every import the region's figures of the indicator come from, newest first (in the
    demo: the generated demo data beside the open-data extracts)."""
    ids = Observation.objects.filter(
        indicator_id__in=component_indicator_ids(indicator), region_code=region_code
    ).values("source_import_id")
    return list(DataImport.objects.filter(pk__in=ids).order_by("-created_at", "-id"))
