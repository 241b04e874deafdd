# SPDX-License-Identifier: EUPL-1.2
"""Figures from the national store (kompas.monitoring.analytics) and where a figure came from."""

import datetime as dt
from dataclasses import dataclass

from .. import analytics
from ..constants import IndicatorSource
from ..models import Indicator


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
