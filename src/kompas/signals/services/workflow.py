# SPDX-License-Identifier: EUPL-1.2
"""Workflow: every state change of a signal (the transition table), classification,
priority, handler, questions to the reporter, dossier links."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kompas.core.constants import AuditAction
from kompas.core.services import audit_log

from .. import crypto
from ..constants import (
    ALLOWED_TRANSITIONS,
    MESSAGE_MAX_LENGTH,
    HistoryKind,
    MessageDirection,
    Outcome,
    Phenomenon,
    Priority,
    SignalStatus,
)
from ..models import (
    Dossier,
    Signal,
    SignalMessage,
)
from ._common import (
    TransitionError,
    _due_at,
    _history,
    _label,
    _require_staff,
)


@transaction.atomic
def signal_transition(
    *,
    signal: Signal,
    to: str,
    by,
    note: str = "",
    outcome: str = "",
) -> Signal:
    """The one way to change a signal's status. `by` None means the reporter.

    Refuses (TransitionError, nothing stored) what ALLOWED_TRANSITIONS does not list; closing
    needs an outcome. Appends an immutable history row and an audit entry.
    """
    signal = Signal.objects.select_for_update().get(pk=signal.pk)
    if to not in SignalStatus.values:
        raise TransitionError(_("Onbekende status %(to)r.") % {"to": to})
    if to not in ALLOWED_TRANSITIONS.get(signal.status, frozenset()):
        raise TransitionError(
            _("Een melding met status '%(from)s' kan niet naar '%(to)s'.")
            % {"from": SignalStatus(signal.status).label, "to": SignalStatus(to).label}
        )
    if to == SignalStatus.CLOSED:
        if outcome not in Outcome.values:
            raise TransitionError(_("Kies bij afsluiten een uitkomst (de reden)."))
        signal.outcome = outcome
        signal.closed_at = timezone.now()
    elif signal.status == SignalStatus.CLOSED:
        signal.outcome = ""
        signal.closed_at = None
    previous = signal.status
    signal.status = to
    signal.full_clean()
    signal.save()
    _history(
        signal=signal,
        kind=HistoryKind.STATUS,
        by=by,
        note=note,
        from_status=previous,
        to_status=to,
        data={"outcome": outcome} if outcome else {},
    )
    audit_log(user=by, action=AuditAction.UPDATE, obj=signal, fields=["status"])
    return signal


@transaction.atomic
def signal_classify(*, signal: Signal, phenomenon: str, by, note: str = "") -> Signal:
    if phenomenon not in Phenomenon.values:
        raise ValidationError({"phenomenon": _("Kies een verschijnsel uit de lijst.")})
    signal.classification = phenomenon
    signal.due_at = _due_at(
        start=signal.created_at, phenomenon=phenomenon, priority=signal.priority
    )
    signal.full_clean()
    signal.save(update_fields=["classification", "due_at"])
    _history(
        signal=signal,
        kind=HistoryKind.CLASSIFIED,
        by=by,
        note=note,
        data={"phenomenon": phenomenon},
    )
    audit_log(user=by, action=AuditAction.UPDATE, obj=signal, fields=["classification"])
    return signal


@transaction.atomic
def signal_set_priority(*, signal: Signal, priority: str, by) -> Signal:
    if priority not in Priority.values:
        raise ValidationError({"priority": _("Kies een prioriteit uit de lijst.")})
    signal.priority = priority
    signal.due_at = _due_at(
        start=signal.created_at, phenomenon=signal.effective_phenomenon, priority=priority
    )
    signal.save(update_fields=["priority", "due_at"])
    _history(signal=signal, kind=HistoryKind.PRIORITY, by=by, data={"priority": priority})
    audit_log(user=by, action=AuditAction.UPDATE, obj=signal, fields=["priority"])
    return signal


@transaction.atomic
def signal_assign(*, signal: Signal, assignee, by) -> Signal:
    if assignee is not None:
        _require_staff(user=assignee, municipality=signal.municipality)
    signal.assignee = assignee
    signal.save(update_fields=["assignee"])
    _history(
        signal=signal,
        kind=HistoryKind.ASSIGNED,
        by=by,
        data={"assignee": _label(assignee) if assignee else ""},
    )
    audit_log(user=by, action=AuditAction.UPDATE, obj=signal, fields=["assignee"])
    return signal


def _check_message(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Het bericht is leeg.")})
    if len(text) > MESSAGE_MAX_LENGTH:
        raise ValidationError(
            {
                "text": _("Het bericht is te lang (hoogstens %(n)s tekens).")
                % {"n": MESSAGE_MAX_LENGTH}
            }
        )
    return text


@transaction.atomic
def signal_question_ask(*, signal: Signal, text: str, by) -> SignalMessage:
    """A question from the team to the (anonymous) reporter; status -> wacht_op_melder."""
    text = _check_message(text)
    message = SignalMessage.objects.create(
        signal=signal,
        direction=MessageDirection.TO_REPORTER,
        body_enc=crypto.encrypt(text),
        by=by,
    )
    _history(signal=signal, kind=HistoryKind.QUESTION, by=by)
    if signal.status != SignalStatus.WAITING_FOR_REPORTER:
        signal_transition(
            signal=signal, to=SignalStatus.WAITING_FOR_REPORTER, by=by, note=_("Vraag aan melder")
        )
    else:
        audit_log(user=by, action=AuditAction.CREATE, obj=signal, fields=["messages"])
    return message


@transaction.atomic
def dossier_link(
    *, signal: Signal, by, dossier: Dossier | None = None, other: Signal | None = None
) -> Dossier:
    """Link a signal to a dossier, or to another signal (sharing or starting its dossier)."""
    if dossier is None and other is None:
        raise ValidationError(_("Kies een dossier of een andere melding."))
    if other is not None:
        if other.municipality_id != signal.municipality_id or other.pk == signal.pk:
            raise ValidationError(_("Die melding bestaat niet in deze gemeente."))
        dossier = other.dossier or signal.dossier
        if dossier is None:
            dossier = Dossier(
                municipality=signal.municipality,
                title=_("Dossier bij melding %(a)s en %(b)s") % {"a": other.pk, "b": signal.pk},
                created_by=by,
            )
            dossier.full_clean()
            dossier.save()
        targets = [s for s in (other, signal) if s.dossier_id != dossier.pk]
    else:
        if dossier.municipality_id != signal.municipality_id:
            raise ValidationError(_("Dat dossier bestaat niet in deze gemeente."))
        targets = [signal] if signal.dossier_id != dossier.pk else []
    for s in targets:
        s.dossier = dossier
        s.save(update_fields=["dossier"])
        _history(signal=s, kind=HistoryKind.LINKED, by=by, data={"dossier": dossier.pk})
        audit_log(user=by, action=AuditAction.UPDATE, obj=s, fields=["dossier"])
    return dossier
