# SPDX-License-Identifier: EUPL-1.2
"""Comparisons per 1,000 inhabitants (gemeente against partnership, police unit, province,
NL and its size class) and the drill-down into wijken and buurten; police crime figures from
the national store when it has them."""

from collections import defaultdict
from dataclasses import dataclass

from kompas.core.models import Municipality, Partnership

from .. import codelists
from ..models import Indicator
from .national import OBSERVATIONS, _national_yearly
from .provenance import demo_regions
from .timeseries import values_by_region


@dataclass(frozen=True)
class ComparisonRow:
    key: str
    label: str
    value: float | None
    population: int | None
    is_own: bool = False
    # Made of generated demo observations (wholly or in part).
    demo: bool = False

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
        if year is None:
            own_data = values_by_region(indicator=indicator, region_codes=[municipality.code])
            year = _latest_year(own_data, [municipality.code])
            if year is None:
                return None, [], source
        # Every gemeente in the compared year only: over all years (18 in the demo with ten
        # more years of observations) this query and its sums were most of the public dashboard.
        data = values_by_region(
            indicator=indicator, region_codes=codes, year_from=year, year_to=year
        )
    rows = []
    demo = (
        set()
        if source.national
        else demo_regions(indicator=indicator, region_codes=codes, year=year)
    )

    def is_demo(members):
        return any(m in demo for m in members if data.get(m, {}).get((year, 0)) is not None)

    value = data.get(municipality.code, {}).get((year, 0))
    rows.append(
        ComparisonRow(
            municipality.code,
            municipality.name,
            value,
            codelists.population(municipality.code),
            True,
            is_demo([municipality.code]),
        )
    )
    for partnership in Partnership.objects.filter(members=municipality).order_by("name"):
        codes = list(partnership.members.values_list("code", flat=True))
        total, pop = _sum_rows(data, codes, year)
        rows.append(
            ComparisonRow(
                f"partnership:{partnership.code}",
                partnership.name,
                total,
                pop,
                demo=is_demo(codes),
            )
        )
    for code in dict.fromkeys(
        [own.police_unit if own else "", own.province if own else "", "PV21", "NL01"]
    ):
        if not code:
            continue
        published = data.get(code, {}).get((year, 0))
        if published is not None:
            rows.append(
                ComparisonRow(
                    code,
                    codelists.region_name(code),
                    published,
                    codelists.population(code),
                    demo=code in demo,
                )
            )
            continue
        if code == "NL01":
            members = all_gm
        else:
            members = [g.code for g in codelists.gemeenten() if code in (g.province, g.police_unit)]
        total, pop = _sum_rows(data, members, year)
        rows.append(
            ComparisonRow(code, codelists.region_name(code), total, pop, demo=is_demo(members))
        )
    klass = codelists.size_class(codelists.population(municipality.code))
    if klass:
        low, high, label = klass
        members = [g.code for g in codelists.gemeenten() if low <= (g.population or 0) < high]
        total, pop = _sum_rows(data, members, year)
        rows.append(
            ComparisonRow("size-class", f"Gemeenten met {label}", total, pop, demo=is_demo(members))
        )
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
    demo = (
        set()
        if source.national
        else demo_regions(indicator=indicator, region_codes=scope, year=year)
    )
    for kid in kids:
        value = data.get(kid.code, {}).get((year, 0))
        made_of = [kid.code]
        if value is None and kid.level == "wijk":
            made_of = [b.code for b in codelists.children(kid.code)]
            parts = [data.get(b, {}).get((year, 0)) for b in made_of]
            known = [p for p in parts if p is not None]
            value = sum(known) if known else None
        rows.append(
            ComparisonRow(
                kid.code, kid.name, value, kid.population, demo=any(c in demo for c in made_of)
            )
        )
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
