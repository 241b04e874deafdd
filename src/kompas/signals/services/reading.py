# SPDX-License-Identifier: EUPL-1.2
"""Reading: every decryption of a signal's contents for a person, each with an audit entry
(ADR 0002): team, partner, reporter, attachments, the triage search, dossier timelines."""

import json
from dataclasses import dataclass, field
from datetime import datetime

from kompas.core.constants import AuditAction
from kompas.core.models import Municipality
from kompas.core.services import audit_log

from .. import crypto
from ..constants import (
    OPEN_STATES,
    HistoryKind,
    MessageDirection,
    SignalStatus,
)
from ..models import (
    Dossier,
    Signal,
    SignalAttachment,
)
from ._common import (
    OBJECT_TYPE,
    REPORTER_LABEL,
    _label,
)


@dataclass
class ReporterView:
    status: str
    created_at: datetime
    messages: list[dict]


def signal_view_for_reporter(*, signal: Signal) -> ReporterView:
    """What the reporter sees: status and the conversation (not staff notes or names)."""
    return ReporterView(
        status=signal.status,
        created_at=signal.created_at,
        messages=[
            {
                "direction": m.direction,
                "text": crypto.decrypt(m.body_enc),
                "at": m.created_at,
                "from_team": m.direction == MessageDirection.TO_REPORTER,
            }
            for m in signal.messages.all()
        ],
    )


@dataclass
class SignalView:
    signal: Signal
    description: str
    location: dict
    contact: dict
    messages: list[dict]
    history: list[dict]
    attachments: list[SignalAttachment] = field(default_factory=list)


def _decrypted(signal: Signal, *, with_contact: bool) -> SignalView:
    location = json.loads(crypto.decrypt(signal.location_enc)) if signal.location_enc else {}
    contact = (
        json.loads(crypto.decrypt(signal.contact_enc))
        if (signal.contact_enc and with_contact)
        else {}
    )
    return SignalView(
        signal=signal,
        description=crypto.decrypt(signal.description_enc),
        location=location,
        contact=contact,
        messages=[
            {
                "direction": m.direction,
                "direction_label": str(MessageDirection(m.direction).label),
                "text": crypto.decrypt(m.body_enc),
                "at": m.created_at,
                "by": _label(m.by) if m.by_id else REPORTER_LABEL,
            }
            for m in signal.messages.select_related("by")
        ],
        history=[
            {
                "at": h.at,
                "kind": h.kind,
                "kind_label": str(HistoryKind(h.kind).label),
                "by": h.by_label,
                "from_status": SignalStatus(h.from_status).label if h.from_status else "",
                "to_status": SignalStatus(h.to_status).label if h.to_status else "",
                "note": crypto.decrypt(h.note_enc),
                "data": h.data,
                "signal_id": signal.pk,
            }
            for h in signal.history.all()
        ],
        attachments=list(signal.attachments.defer("data_enc")),
    )


def signal_view(*, signal: Signal, user) -> SignalView:
    """Decrypt a signal for a team member (the caller checked the role) and audit the view."""
    audit_log(user=user, action=AuditAction.VIEW, obj=signal, note="melding ingezien")
    return _decrypted(signal, with_contact=True)


def signal_view_for_partner(*, signal: Signal, user) -> SignalView:
    """Decrypt a signal for a partner (meetings decided it is visible) and audit the view.
    Partners never see the reporter's contact details."""
    audit_log(user=user, action=AuditAction.VIEW, obj=signal, note="melding ingezien door partner")
    return _decrypted(signal, with_contact=False)


def attachment_read(*, attachment: SignalAttachment, user) -> bytes:
    audit_log(
        user=user,
        action=AuditAction.VIEW,
        obj=attachment.signal,
        note=f"bijlage {attachment.pk} geopend",
    )
    return crypto.decrypt_bytes(attachment.data_enc)


def signal_search(*, municipality: Municipality, term: str, user) -> set[int]:
    """Ids of the gemeente's signals whose number is `term` or whose decrypted description of
    an OPEN signal contains it. The descriptions are encrypted, so the search decrypts them in
    Python (fine for the few hundred open signals a gemeente has; ADR 0002). One audit entry
    records the search as a whole: who searched, in which gemeente, how many descriptions were
    read and how many matched. The term itself is not logged (it may be a name)."""
    term = (term or "").strip().lower()
    if not term:
        return set()
    ids = {int(term)} if term.isdigit() else set()
    rows = Signal.objects.filter(municipality=municipality, status__in=OPEN_STATES).values_list(
        "pk", "description_enc"
    )
    read = 0
    for pk, token in rows.iterator(chunk_size=500):
        read += 1
        if term in crypto.decrypt(token).lower():
            ids.add(pk)
    audit_log(
        user=user,
        action=AuditAction.VIEW,
        object_type=OBJECT_TYPE,
        municipality=municipality,
        note=f"zoeken in meldingen: {read} beschrijvingen doorzocht, {len(ids)} gevonden",
    )
    return ids


def dossier_timeline(*, dossier: Dossier, user) -> list[dict]:
    """One timeline of every signal in the dossier (decrypted, each view audited)."""
    rows = []
    for s in dossier.signals.all():
        view = signal_view(signal=s, user=user)
        rows.extend(view.history)
        rows.extend(
            {
                "at": m["at"],
                "kind": "message",
                "kind_label": m["direction_label"],
                "by": m["by"],
                "note": m["text"],
                "signal_id": s.pk,
                "from_status": "",
                "to_status": "",
                "data": {},
            }
            for m in view.messages
        )
    return sorted(rows, key=lambda r: r["at"])
