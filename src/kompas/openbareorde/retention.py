# SPDX-License-Identifier: EUPL-1.2
"""Retention of openbare orde (AVG art. 5 lid 1 sub e), run by `kompas retention run`
through `core.hooks.retention_run`; the verwerkingsregister reads the same settings.

- A closed risk item is deleted, with its person (encrypted identity) and its level history,
  RISK_ITEM_RETENTION_MONTHS after the day it was closed (`RiskItem.closed_on`).
- An incident's description (free text that may concern persons) is erased
  INCIDENT_RETENTION_YEARS after its date; the rest of the record stays for the figures."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from kompas.core.constants import AuditAction
from kompas.core.services import audit_log
from kompas.core.services.retention import add_months, add_years

from .models import Incident, RiskItem

ERASED = "[gewist: bewaartermijn verstreken]"


def risk_item_retention_months() -> int:
    return settings.RISK_ITEM_RETENTION_MONTHS


def incident_retention_years() -> int:
    return settings.INCIDENT_RETENTION_YEARS


def _due_risk_items(today):
    months = risk_item_retention_months()
    closed = RiskItem.objects.filter(closed=True, closed_on__isnull=False).order_by("pk")
    return [i for i in closed if add_months(i.closed_on, months) <= today]


def _due_incidents(today):
    years = incident_retention_years()
    kept = Incident.objects.filter(description_erased_on__isnull=True).order_by("pk")
    return [i for i in kept if add_years(i.date, years) <= today]


def retention_run(*, dry_run: bool = True, now: datetime | None = None) -> list[str]:
    today = timezone.localdate(now)  # now=None: today
    items, incidents = _due_risk_items(today), _due_incidents(today)
    if not dry_run:
        with transaction.atomic():
            for item in items:
                audit_log(
                    user=None,
                    action=AuditAction.DELETE,
                    obj=item,
                    note="risico-item verwijderd (bewaartermijn)",
                )
                item.delete()  # with its person and its level history (CASCADE)
            for incident in incidents:
                Incident.objects.filter(pk=incident.pk).update(
                    description=ERASED, description_erased_on=today
                )
                audit_log(
                    user=None,
                    action=AuditAction.DELETE,
                    obj=incident,
                    fields=["description"],
                    note="omschrijving incident gewist (bewaartermijn)",
                )
    return [
        f"risico-items maatschappelijke onrust verwijderen (afgesloten, ouder dan "
        f"{risk_item_retention_months()} maanden): {len(items)}",
        f"omschrijving openbare-ordeincidenten wissen (ouder dan {incident_retention_years()} "
        f"jaar): {len(incidents)}",
    ]
