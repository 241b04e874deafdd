# SPDX-License-Identifier: EUPL-1.2
"""Retention of the register of bestuurlijke maatregelen (incl. Bibob files), run by
`kompas retention run` through `core.hooks.retention_run`; the verwerkingsregister reads the
same setting.

A decision is an archive document (Archiefwet 1995 art. 3): the record stays (instrument,
category, dates, legal article, status, outcome, amounts), but MEASURE_RETENTION_YEARS after
the decision lapsed its personal data goes: the free-text description, the Bibob application
and permit, and the links to the case, the address dossier and the signals. The decision
lapsed on its end date, else its reopening date (a closure), else the decision date.
`decided_by` stays: the office that took the decision is part of the decision."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from kompas.core.constants import AuditAction
from kompas.core.services import audit_log
from kompas.core.services.retention import add_years

from ..models import Measure

ERASED_FIELDS = ["description", "bibob_application", "bibob_permit", "case", "dossier", "signals"]


def measure_retention_years() -> int:
    return settings.MEASURE_RETENTION_YEARS


def lapsed_on(measure: Measure):
    return measure.end_date or measure.reopening_date or measure.date


def _due(today) -> list[Measure]:
    years = measure_retention_years()
    kept = Measure.objects.filter(personal_data_erased_on__isnull=True).order_by("pk")
    return [m for m in kept if add_years(lapsed_on(m), years) <= today]


def measure_retention_run(*, dry_run: bool = True, now: datetime | None = None) -> list[str]:
    today = timezone.localdate(now)  # now=None: today
    due = _due(today)
    if not dry_run:
        with transaction.atomic():
            for measure in due:
                measure.signals.clear()
                Measure.objects.filter(pk=measure.pk).update(
                    description="",
                    bibob_application="",
                    bibob_permit="",
                    case=None,
                    dossier=None,
                    personal_data_erased_on=today,
                )
                audit_log(
                    user=None,
                    action=AuditAction.DELETE,
                    obj=measure,
                    fields=ERASED_FIELDS,
                    note="persoonsgegevens maatregel gewist (bewaartermijn); besluit bewaard",
                )
    return [
        f"persoonsgegevens bestuurlijke maatregelen wissen ({measure_retention_years()} jaar "
        f"na vervallen besluit): {len(due)}"
    ]
