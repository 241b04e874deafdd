# SPDX-License-Identifier: EUPL-1.2
"""Target evaluations (see evaluation.py for the rules) and their roll-ups per goal and
priority."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import QuerySet

from kompas.core.models import Municipality

from .. import codelists
from ..constants import TargetStatus
from ..evaluation import Evaluation, Rule, evaluate, rollup
from ..models import Target
from .timeseries import values_by_region


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


def status_label(status: str) -> str:
    return TargetStatus(status).label if status in TargetStatus.values else status
