# SPDX-License-Identifier: EUPL-1.2
"""The series and the generated-demo periods of many indicators of one region in one query:
the monitoring overview lists every indicator of the gemeente, and reading them one by one
cost two queries per indicator (series, demo_periods) plus one per composite police
indicator. The choice of grain and the sums are those of `values_by_region` and
`demo_cells`, applied to the same rows."""

from collections import defaultdict

from ..constants import POLICE_SOURCES, Grain
from ..models import Indicator, Observation
from .timeseries import _bucket, _points, period_label

_ALLOWED = (Grain.YEAR, Grain.QUARTER, Grain.MONTH)


def _components(indicators: list[Indicator]) -> dict[int, list[int]]:
    """Per indicator its component indicator ids (as component_indicator_ids), one query."""
    wanted = {}
    for ind in indicators:
        if ind.source in POLICE_SOURCES and ind.definition:
            codes = [f"{ind.source}:{c}" for c in ind.definition]
            if codes != [ind.code]:
                wanted[ind.pk] = codes
    all_codes = {c for codes in wanted.values() for c in codes}
    ids = dict(Indicator.objects.filter(code__in=all_codes).values_list("code", "id"))
    out = {}
    for ind in indicators:
        if ind.pk in wanted:
            out[ind.pk] = [ids[c] for c in wanted[ind.pk] if c in ids] or [ind.pk]
        else:
            out[ind.pk] = [ind.pk]
    return out


def yearly_series_with_demo(
    *, indicators, region_code: str
) -> dict[int, tuple[list[dict], set[str]]]:
    """{indicator pk: (series points as series() gives them, demo period labels)}."""
    indicators = list(indicators)
    components = _components(indicators)
    all_ids = {i for ids in components.values() for i in ids}
    # (component, year) -> {obs grain: [(value, is_demo)]}
    cells: dict[tuple, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    rows = Observation.objects.filter(
        indicator_id__in=all_ids, region_code=region_code, grain__in=_ALLOWED
    ).values_list("indicator_id", "year", "grain", "number", "value", "source_import__is_demo")
    for ind_id, year, g, number, value, is_demo in rows:
        cells[(ind_id, year, _bucket(g, number, Grain.YEAR))][g].append((value, bool(is_demo)))
    by_component: dict[int, list] = defaultdict(list)
    for (ind_id, year, bucket), by_grain in cells.items():
        chosen = next(by_grain[g] for g in _ALLOWED if g in by_grain)
        by_component[ind_id].append((year, bucket, chosen))
    out = {}
    for ind in indicators:
        data: dict[tuple[int, int], float | None] = {}
        demo: set[str] = set()
        for ind_id in components[ind.pk]:
            for year, bucket, chosen in by_component.get(ind_id, []):
                known = [v for v, _d in chosen if v is not None]
                value = sum(known) if known else None
                key = (year, bucket)
                if key not in data:
                    data[key] = value
                elif value is not None:
                    data[key] = (data[key] or 0) + value
                if any(d for _v, d in chosen):
                    demo.add(period_label(year, bucket, Grain.YEAR))
        points = _points(data, region_code=region_code, grain=Grain.YEAR, per_1000=False)
        out[ind.pk] = (points, demo)
    return out
