# SPDX-License-Identifier: EUPL-1.2
"""Per figure: is it generated demo data? And which figures need the open-data attribution.

A figure (one region and period of a series, comparison or drill-down) is demo when an
observation it is made of comes from a demo import (DataImport.is_demo), chosen as
values_by_region chooses them: per component the finest published grain that fits (a year
value if published, else its quarters or months). The demo mixes real open data (the shipped
extracts) with generated figures, so one series can hold both."""

from collections import defaultdict

from django.utils.translation import gettext_lazy as _

from ..constants import PUBLIC_SOURCES, Grain
from ..models import Indicator, Observation
from .timeseries import _bucket, component_indicator_ids, period_label

# Shown wherever police or CBS open-data figures appear (licence CC BY 4.0).
OPEN_DATA_ATTRIBUTION = _("Bron: CBS / Politie, CC BY 4.0")

_ALLOWED = {
    Grain.YEAR: (Grain.YEAR, Grain.QUARTER, Grain.MONTH),
    Grain.QUARTER: (Grain.QUARTER, Grain.MONTH),
    Grain.MONTH: (Grain.MONTH,),
}


def demo_cells(
    *, indicator: Indicator, region_codes, grain: str = Grain.YEAR, year: int | None = None
) -> set[tuple[str, int, int]]:
    """(region, year, bucket) whose figure is made of at least one generated observation."""
    allowed = _ALLOWED[grain]
    qs = Observation.objects.filter(
        indicator_id__in=component_indicator_ids(indicator),
        region_code__in=list(region_codes),
        grain__in=allowed,
    )
    if year is not None:
        qs = qs.filter(year=year)
    cells: dict[tuple, dict[str, list[bool]]] = defaultdict(lambda: defaultdict(list))
    for ind_id, region, y, g, number, is_demo in qs.values_list(
        "indicator_id", "region_code", "year", "grain", "number", "source_import__is_demo"
    ):
        cells[(ind_id, region, y, _bucket(g, number, grain))][g].append(bool(is_demo))
    out = set()
    for (_ind, region, y, bucket), by_grain in cells.items():
        chosen = next(by_grain[g] for g in allowed if g in by_grain)
        if any(chosen):
            out.add((region, y, bucket))
    return out


def demo_periods(*, indicator: Indicator, region_code: str, grain: str = Grain.YEAR) -> set[str]:
    """Period labels (as series() gives them) of the region's generated figures."""
    return {
        period_label(y, bucket, grain)
        for _r, y, bucket in demo_cells(
            indicator=indicator, region_codes=[region_code], grain=grain
        )
    }


def demo_regions(*, indicator: Indicator, region_codes, year: int) -> set[str]:
    """Regions whose yearly figure of `year` is generated."""
    cells = demo_cells(indicator=indicator, region_codes=region_codes, year=year)
    return {region for region, _y, _b in cells}


def is_open_data(indicator: Indicator) -> bool:
    """Police and CBS figures: open data that carries the CBS / Politie attribution."""
    return indicator.source in PUBLIC_SOURCES
