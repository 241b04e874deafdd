# SPDX-License-Identifier: EUPL-1.2
"""Retention of meeting minutes (AVG art. 5 lid 1 sub e), run by `kompas retention run`
through `core.hooks.retention_run`; the verwerkingsregister reads the same setting.

MINUTES_RETENTION_YEARS after the day of a meeting the minutes and decisions of its agenda
items are erased and its follow-up actions deleted (the longest casework term, so minutes
never outlive the cases and signals they discuss). The meeting, its agenda (titles, which
refer to signals and cases by number only) and its attendance stay."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from kompas.core.constants import AuditAction
from kompas.core.services import audit_log
from kompas.core.services.retention import add_years

from .models import AgendaItem, FollowUpAction, Meeting


def minutes_retention_years() -> int:
    return settings.MINUTES_RETENTION_YEARS


def _due_meetings(today) -> list[Meeting]:
    years = minutes_retention_years()
    with_minutes = (
        Meeting.objects.filter(
            Q(items__minutes__gt="") | Q(items__decisions__gt="") | Q(items__actions__isnull=False)
        )
        .distinct()
        .select_related("series__municipality")
        .order_by("pk")
    )
    return [m for m in with_minutes if add_years(timezone.localdate(m.starts_at), years) <= today]


def retention_run(*, dry_run: bool = True, now: datetime | None = None) -> list[str]:
    today = timezone.localdate(now)  # now=None: today
    due = _due_meetings(today)
    if not dry_run:
        with transaction.atomic():
            for meeting in due:
                FollowUpAction.objects.filter(item__meeting=meeting).delete()
                AgendaItem.objects.filter(meeting=meeting).update(minutes="", decisions="")
                audit_log(
                    user=None,
                    action=AuditAction.DELETE,
                    obj=meeting,
                    municipality=meeting.series.municipality,
                    fields=["minutes", "decisions", "actions"],
                    note="verslag, besluiten en acties gewist (bewaartermijn)",
                )
    return [
        f"verslagen van overleggen wissen (ouder dan {minutes_retention_years()} jaar): "
        f"{len(due)} vergadering(en)"
    ]
