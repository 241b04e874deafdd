# SPDX-License-Identifier: EUPL-1.2
"""A cheap fingerprint of the monitoring data that public pages show: a few aggregates on
indexed columns that change whenever an import, a national load, a target or an indicator
changes. Callers (the public dashboard's cache) key rendered output on it."""

from django.db.models import Count, Max

from kompas.core.models import Municipality

from ..models import DataImport, Indicator, NationalLoad, Observation, Target


def public_data_fingerprint(*, municipality: Municipality) -> tuple:
    """Aggregates, not content: counts, highest ids and latest timestamps. Comparisons read
    other gemeenten's figures too, so imports and observations count for all regions."""
    imports = DataImport.objects.aggregate(n=Count("id"), id=Max("id"), at=Max("created_at"))
    loads = NationalLoad.objects.aggregate(
        n=Count("id"), id=Max("id"), at=Max("finished_at"), st=Max("started_at")
    )
    targets = Target.objects.filter(municipality=municipality).aggregate(
        n=Count("id"), id=Max("id"), at=Max("status_changed_at")
    )
    indicators = Indicator.objects.aggregate(n=Count("id"), id=Max("id"))
    observation = Observation.objects.aggregate(id=Max("id"))
    return (
        tuple(imports.values()),
        tuple(loads.values()),
        tuple(targets.values()),
        tuple(indicators.values()),
        observation["id"],
    )
