# SPDX-License-Identifier: EUPL-1.2
"""Targets from the plans: a plan's indicators, targets and observations sections."""

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from .. import codelists
from ..constants import Direction, ImportFormat, ObservationStatus, RuleKind
from ..importers import ParsedRow, Problem
from ..models import DataImport, Target
from ._common import MonitoringError
from .indicators import indicator_ensure, indicator_upsert
from .observations import _finish, _write_rows
from .statuses import target_statuses_refresh

RULE_FIELDS = ("threshold", "baseline_years", "year", "reference_region", "percent", "tolerance")


def _deadline(value) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    text = str(value)
    if len(text) == 4 and text.isdigit():
        return dt.date(int(text), 12, 31)
    return dt.date.fromisoformat(text)


@transaction.atomic
def plan_monitoring_sync(
    *,
    municipality,
    plan_short_name: str,
    indicators: list[dict],
    targets: list[dict],
    observations: list[dict],
    user=None,
) -> dict:
    """Materialise a plan's `indicators`, `targets` and `observations` sections. Idempotent:
    a second call with the same content changes nothing; targets no longer in the plan are
    removed. Called by the policy app after each plan import."""
    counts = {"indicators": 0, "targets_created": 0, "targets_updated": 0, "targets_removed": 0}
    for item in indicators:
        indicator_upsert(
            code=item["code"],
            name=item["name"],
            unit=item["unit"],
            source=item["source"],
            definition=item.get("definition") or [],
            better=item.get("better", Direction.LOWER),
            per_1000_inhabitants=bool(item.get("per_1000_inhabitants")),
            note=item.get("note", ""),
        )
        counts["indicators"] += 1
    problems = []
    keep = []
    for n, item in enumerate(targets, start=1):
        try:
            indicator = indicator_ensure(code=item["indicator"])
        except MonitoringError:
            problems.append(
                Problem(n, "indicator", _("onbekende indicator %(c)r") % {"c": item["indicator"]})
            )
            continue
        rule = item.get("rule") or {}
        if rule.get("kind") not in RuleKind.values:
            problems.append(
                Problem(n, "rule.kind", _("onbekende regel %(k)r") % {"k": rule.get("kind")})
            )
            continue
        region_code = codelists.normalise_region_code(item["region"])
        target = Target.objects.filter(
            municipality=municipality, plan_short_name=plan_short_name, code=item["code"]
        ).first()
        created = target is None
        target = target or Target(
            municipality=municipality, plan_short_name=plan_short_name, code=item["code"]
        )
        target.priority_number = item.get("priority")
        target.goal_ref = str(item.get("goal") or "")[:300]
        target.indicator = indicator
        target.region_code = region_code
        target.rule_kind = rule["kind"]
        target.threshold = rule.get("threshold")
        target.baseline_years = [int(y) for y in rule.get("baseline_years") or []]
        target.reference_year = rule.get("year")
        target.reference_region = codelists.normalise_region_code(
            rule.get("reference_region") or ""
        )
        target.percent = rule.get("percent")
        target.tolerance = rule.get("tolerance")
        target.strict = bool(rule.get("strict", False))
        target.deadline = _deadline(item.get("deadline"))
        target.text = item.get("text", "")
        target.full_clean()
        target.save()
        keep.append(target.pk)
        counts["targets_created" if created else "targets_updated"] += 1
    if problems:
        raise MonitoringError(problems)
    removed, _d = (
        Target.objects.filter(municipality=municipality, plan_short_name=plan_short_name)
        .exclude(pk__in=keep)
        .delete()
    )
    counts["targets_removed"] = removed
    rows = [
        ParsedRow(
            n,
            o["indicator"],
            codelists.normalise_region_code(o["region"]),
            o["period"],
            None if o.get("value") is None else float(o["value"]),
            ObservationStatus.FINAL,
            o.get("source", ""),
        )
        for n, o in enumerate(observations, start=1)
    ]
    counts["observations"] = 0
    # One provenance record per distinct source text, so each figure names where it came from.
    for source_text in sorted({r.file for r in rows}):
        subset = [r for r in rows if r.file == source_text]
        record = DataImport.objects.filter(
            format=ImportFormat.PLAN, file_name=source_text[:300], municipality=municipality
        ).first()
        if record is None:
            record = DataImport(
                file_name=(source_text or plan_short_name)[:300],
                format=ImportFormat.PLAN,
                table=plan_short_name[:20],
                municipality=municipality,
            )
            record.full_clean()
            record.save()
        report = _write_rows(subset, record)
        _finish(record, report, len(subset))
        counts["observations"] += report.inserted + report.updated
    target_statuses_refresh(municipality=municipality)
    return counts
