# SPDX-License-Identifier: EUPL-1.2
"""The remembered status of each target (for the start-page panel)."""

from django.db import transaction
from django.utils import timezone

from ..models import Target


@transaction.atomic
def target_statuses_refresh(*, municipality=None) -> int:
    """Remember each target's status and when it last changed (for the start-page panel)."""
    from ..selectors import target_evaluate

    qs = Target.objects.select_related("indicator", "municipality")
    if municipality is not None:
        qs = qs.filter(municipality=municipality)
    changed = 0
    now = timezone.now()
    for target in qs:
        status = target_evaluate(target=target).status
        if status != target.last_status:
            target.previous_status = target.last_status
            target.last_status = status
            target.status_changed_at = now
            target.save(update_fields=["previous_status", "last_status", "status_changed_at"])
            changed += 1
    return changed
