# SPDX-License-Identifier: EUPL-1.2
"""Helpers shared by the meldpunt's services: labels, history rows, the staff check."""

from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone

from kompas.core.models import Membership, Municipality

from .. import crypto
from ..constants import (
    RESPONSE_TERM_DAYS,
    SIGNAL_TEAM_ROLES,
    Priority,
)
from ..models import (
    Signal,
    SignalHistory,
)

REPORTER_LABEL = "melder"


SYSTEM_LABEL = "systeem"


OBJECT_TYPE = "signals.signal"


class TransitionError(ValidationError):
    """A status change that the workflow table does not allow."""


def _due_at(*, start: datetime, phenomenon: str, priority: str) -> datetime:
    days = RESPONSE_TERM_DAYS.get(phenomenon, 10)
    if priority == Priority.HIGH:
        days = max(1, days // 2)
    return start + timedelta(days=days)


def _label(user) -> str:
    if user is None:
        return REPORTER_LABEL
    return user.get_full_name() or user.get_username()


def _history_row(
    *, signal: Signal, kind: str, by=None, by_label: str = "", note: str = "", **extra
) -> SignalHistory:
    row = SignalHistory(
        signal=signal,
        kind=kind,
        by=by,
        by_label=by_label or _label(by),
        note_enc=crypto.encrypt(note),
        from_status=extra.pop("from_status", ""),
        to_status=extra.pop("to_status", ""),
        data=extra.pop("data", {}),
        at=extra.pop("at", None) or timezone.now(),
    )
    row.full_clean(exclude=["note_enc", "signal", "by"])  # FKs: objects in hand
    return row


def _history(
    *, signal: Signal, kind: str, by=None, by_label: str = "", note: str = "", **extra
) -> SignalHistory:
    row = _history_row(signal=signal, kind=kind, by=by, by_label=by_label, note=note, **extra)
    row.save()
    return row


def _require_staff(*, user, municipality: Municipality) -> None:
    if not Membership.objects.filter(
        user=user, municipality=municipality, role__in=SIGNAL_TEAM_ROLES
    ).exists():
        raise PermissionError("only beheerder/adviseur of this gemeente")
