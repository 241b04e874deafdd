# SPDX-License-Identifier: EUPL-1.2
"""Retention of the crisis organisation's contact data (AVG art. 5 lid 1 sub e), run by
`kompas retention run` through `core.hooks.retention_run`; the verwerkingsregister reads the
same settings.

- A member who left (made inactive: `CrisisMember.left_on`) is deleted, with assignments,
  piket, absences and qualifications, CRISIS_MEMBER_RETENTION_MONTHS after leaving.
- A fire station's contact person and phone are erased CRISIS_CONTACT_RETENTION_MONTHS after
  the last recorded contact (`FireStation.last_contact_on`); the station stays."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from kompas.core.constants import AuditAction
from kompas.core.services import audit_log
from kompas.core.services.retention import add_months

from .models import CrisisMember, FireStation


def member_retention_months() -> int:
    return settings.CRISIS_MEMBER_RETENTION_MONTHS


def contact_retention_months() -> int:
    return settings.CRISIS_CONTACT_RETENTION_MONTHS


def _due(today):
    months = member_retention_months()
    left = CrisisMember.objects.filter(active=False, left_on__isnull=False).order_by("pk")
    members = [m for m in left if add_months(m.left_on, months) <= today]
    months = contact_retention_months()
    with_contact = (
        FireStation.objects.filter(last_contact_on__isnull=False)
        .exclude(contact_name="", contact_phone="")
        .order_by("pk")
    )
    stations = [s for s in with_contact if add_months(s.last_contact_on, months) <= today]
    return members, stations


def retention_run(*, dry_run: bool = True, now: datetime | None = None) -> list[str]:
    today = timezone.localdate(now)  # now=None: today
    members, stations = _due(today)
    if not dry_run:
        with transaction.atomic():
            for member in members:
                audit_log(
                    user=None,
                    action=AuditAction.DELETE,
                    obj=member,
                    municipality=member.municipality,
                    note="lid crisisorganisatie verwijderd (bewaartermijn)",
                )
                member.delete()
            for station in stations:
                FireStation.objects.filter(pk=station.pk).update(contact_name="", contact_phone="")
                audit_log(
                    user=None,
                    action=AuditAction.DELETE,
                    obj=station,
                    municipality=station.municipality,
                    fields=["contact_name", "contact_phone"],
                    note="contactpersoon brandweerpost gewist (bewaartermijn)",
                )
    return [
        f"leden crisisorganisatie verwijderen (vertrokken, ouder dan "
        f"{member_retention_months()} maanden): {len(members)}",
        f"contactpersoon brandweerpost wissen (laatste overleg ouder dan "
        f"{contact_retention_months()} maanden): {len(stations)}",
    ]
