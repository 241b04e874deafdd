# SPDX-License-Identifier: EUPL-1.2
"""Indicators: police codes created from the code lists on first use, others from the plans."""

from django.db import transaction
from django.utils.translation import gettext as _

from .. import codelists
from ..constants import POLICE_SOURCES, Direction, IndicatorUnit
from ..importers import Problem
from ..models import Indicator
from ._common import MonitoringError


def indicator_ensure(*, code: str) -> Indicator:
    """The indicator with `code`; police codes (`politie-misdrijven:1.1.1`) are created from the
    shipped code lists on first use. Raises MonitoringError for an unknown code."""
    existing = Indicator.objects.filter(code=code).first()
    if existing:
        return existing
    source, _sep, key = code.partition(":")
    if source in POLICE_SOURCES and key in codelists.type_names(source):
        indicator = Indicator(
            code=code,
            name=codelists.type_names(source)[key],
            unit=IndicatorUnit.COUNT,
            source=source,
            definition=[key],
            better=Direction.LOWER,
            per_1000_inhabitants=True,
        )
        indicator.full_clean()
        indicator.save()
        return indicator
    raise MonitoringError([Problem(0, "indicator", _("onbekende indicator %(c)r") % {"c": code})])


@transaction.atomic
def indicator_upsert(
    *,
    code: str,
    name: str,
    unit: str,
    source: str,
    definition: list[str],
    better: str,
    per_1000_inhabitants: bool = False,
    note: str = "",
) -> Indicator:
    indicator = Indicator.objects.filter(code=code).first() or Indicator(code=code)
    indicator.name, indicator.unit, indicator.source = name, unit, source
    indicator.definition, indicator.better = list(definition), better
    indicator.per_1000_inhabitants, indicator.note = per_1000_inhabitants, note
    indicator.full_clean()
    indicator.save()
    return indicator
