# SPDX-License-Identifier: EUPL-1.2
"""Intake: a new signal (encrypted, address dossier) and the reporter's follow-up with
the receipt code (open, answer)."""

import json
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from kompas.core import tasks as queue
from kompas.core.constants import AuditAction
from kompas.core.models import Municipality
from kompas.core.services import audit_log

from .. import crypto, tasks, writelock
from ..constants import (
    DESCRIPTION_MAX_LENGTH,
    Channel,
    HistoryKind,
    MessageDirection,
    Priority,
    SignalStatus,
    WhenKind,
)
from ..models import (
    Dossier,
    Signal,
    SignalAttachment,
    SignalHistory,
    SignalMessage,
)
from ._common import (
    REPORTER_LABEL,
    SYSTEM_LABEL,
    _due_at,
    _history,
    _history_row,
)
from .workflow import _check_message, signal_transition

_POSTCODE = re.compile(r"^\s*(\d{4})\s*([A-Za-z]{2})\s*$")


def address_normalise(*, postcode: str, number: str, addition: str = "") -> str | None:
    """'8441 ab', '12', ' a ' -> '8441AB|12|A'; None without a valid postcode and number."""
    match = _POSTCODE.match(postcode or "")
    number = (number or "").strip()
    if not match or not number.isdigit():
        return None
    addition = re.sub(r"[^0-9A-Za-z]", "", addition or "").upper()
    return f"{match.group(1)}{match.group(2).upper()}|{int(number)}|{addition}"


@dataclass
class Location:
    postcode: str = ""
    number: str = ""
    addition: str = ""
    description: str = ""
    # Filled when the address was resolved (signals.addresses); stored encrypted with the rest.
    street: str = ""
    town: str = ""
    other_municipality: str = ""  # the gemeente it lies in, when the reporter confirmed that

    def is_empty(self) -> bool:
        return not any([self.postcode, self.number, self.addition, self.description])


@dataclass
class Contact:
    name: str = ""
    email: str = ""
    phone: str = ""

    def is_empty(self) -> bool:
        return not any([self.name, self.email, self.phone])


@dataclass
class NewSignal:
    signal: Signal
    receipt_code: str  # shown once to the reporter; never stored


def _address_neighbours(*, signal: Signal) -> list[tuple[int, int | None]]:
    """(pk, dossier_id) of the gemeente's signals about the address of a signal not yet
    stored."""
    if not signal.address_tag:
        return []
    # The tag is keyed per gemeente, so the address index finds the rows; the gemeente is
    # checked below in Python, because with it in the WHERE clause SQLite (without ANALYZE
    # statistics) walks every signal of the gemeente instead. Only what linking needs: the
    # signals without a dossier and one that has one, not every signal about a busy address.
    same = Signal.objects.filter(address_tag=signal.address_tag).order_by()
    in_dossier = same.exclude(dossier=None).order_by("pk").values("pk")[:1]
    rows = same.filter(Q(dossier=None) | Q(pk__in=in_dossier)).values_list(
        "pk", "dossier_id", "municipality_id"
    )[:500]
    return [(pk, dossier) for pk, dossier, m in rows if m == signal.municipality_id]


def _address_dossier(*, signal: Signal, neighbours) -> tuple[int | None, list[int]]:
    """Signals about the same normalised address share one dossier: returns its id (created
    when the neighbours have none yet) and the neighbours that still need linking."""
    if not neighbours:
        return None, []
    dossier_id = next((d for _pk, d in neighbours if d), None)
    if dossier_id is None:
        dossier = Dossier(
            municipality=signal.municipality,
            title=_("Adresdossier (meldingen over hetzelfde adres)"),
            address_tag=signal.address_tag,
        )
        dossier.full_clean(exclude=["municipality"])  # the signal's own gemeente, in hand
        dossier.save()
        dossier_id = dossier.pk
    return dossier_id, [pk for pk, d in neighbours if d is None]


def signal_create(
    *,
    municipality: Municipality,
    phenomenon: str,
    description: str,
    location: Location | None = None,
    when_kind: str = WhenKind.UNKNOWN,
    when_from: date | None = None,
    when_to: date | None = None,
    contact: Contact | None = None,
    attachments: list[tuple[str, bytes]] = (),
    channel: str = Channel.WEB,
    received_at: datetime | None = None,
    buurt_code: str = "",
) -> NewSignal:
    """Store a new signal, encrypted. Attachments are (content type, cleaned bytes) as returned
    by attachments.attachment_clean. Returns the signal and its receipt code (shown once).
    `received_at` (default now) is when the report came in, for one entered afterwards (a
    phone call written down by staff, the demo): its date, response term and first history
    row all follow it. `buurt_code` is the CBS buurt of a resolved address inside the gemeente.

    All hashing and encryption happens before the transaction opens, so the database write
    lock (SQLite) is held only for the inserts themselves."""
    description = (description or "").strip()
    if not description:
        raise ValidationError({"description": _("Beschrijf wat u heeft gezien of gehoord.")})
    if len(description) > DESCRIPTION_MAX_LENGTH:
        raise ValidationError({"description": _("De beschrijving is te lang.")})
    location = location or Location()
    contact = contact or Contact()
    now = received_at or timezone.now()
    code = crypto.receipt_code_new()
    address = address_normalise(
        postcode=location.postcode, number=location.number, addition=location.addition
    )
    signal = Signal(
        municipality=municipality,
        phenomenon=phenomenon,
        channel=channel,
        description_enc=crypto.encrypt(description),
        location_enc="" if location.is_empty() else crypto.encrypt(json.dumps(location.__dict__)),
        has_location=not location.is_empty(),
        address_tag=crypto.lookup_tag(f"address:{municipality.pk}", address) if address else "",
        buurt_code=buurt_code,
        contact_enc="" if contact.is_empty() else crypto.encrypt(json.dumps(contact.__dict__)),
        has_contact=not contact.is_empty(),
        when_kind=when_kind,
        when_from=when_from,
        when_to=when_to,
        code_tag=crypto.receipt_code_tag(code),
        code_hash=crypto.receipt_code_hash(code),
        code_last_used_at=now,
        created_at=now,
        due_at=_due_at(start=now, phenomenon=phenomenon, priority=Priority.NORMAL),
    )
    # The gemeente comes from a lookup that just succeeded and the code tag is random (the
    # unique constraint in the database still guards it): skip those two extra queries.
    signal.full_clean(exclude=["municipality"], validate_unique=False)
    encrypted_attachments = [
        SignalAttachment(
            content_type=content_type, size=len(data), data_enc=crypto.encrypt_bytes(data)
        )
        for content_type, data in attachments
    ]
    created = _history_row(
        signal=signal,
        kind=HistoryKind.CREATED,
        by_label=REPORTER_LABEL,
        to_status=SignalStatus.NEW,
        data={"channel": channel, "attachments": len(encrypted_attachments)},
        at=now,
    )
    # One transaction per report, queued on SQLite (writelock).
    return writelock.write(
        lambda: _signal_store(
            signal=signal, attachments=encrypted_attachments, created=created, code=code
        )
    )


def _signal_store(*, signal, attachments, created, code) -> NewSignal:
    """The inserts of a new signal, in as few statements as the rules allow: on SQLite every
    statement is time under the one write lock. The address dossier is looked up before the
    insert, so a signal about a known address is inserted with its dossier (no UPDATE), and all
    history rows go in with one multi-row INSERT."""
    if signal.address_tag:
        writelock.serialise_on(f"signals.address:{signal.address_tag}")
    neighbours = _address_neighbours(signal=signal)
    dossier_id, loose = _address_dossier(signal=signal, neighbours=neighbours)
    signal.dossier_id = dossier_id
    signal.save()
    for attachment in attachments:
        attachment.signal = signal
    if attachments:
        SignalAttachment.objects.bulk_create(attachments)
    if loose:
        Signal.objects.filter(pk__in=loose).update(dossier_id=dossier_id)
    rows = [created]  # built and validated before the lock; gets the signal's id on insert
    if dossier_id is not None:
        rows += [
            _history_row(
                signal=Signal(pk=pk) if pk != signal.pk else signal,
                kind=HistoryKind.LINKED,
                by_label=SYSTEM_LABEL,
                data={"dossier": dossier_id},
            )
            for pk in [*loose, signal.pk]
        ]
    SignalHistory.objects.bulk_create(rows)  # new rows only: append-only holds
    audit_log(user=None, action=AuditAction.CREATE, obj=signal, note="melding via meldpunt")
    # The team's mail goes once the signal is committed (signals/tasks.py).
    queue.enqueue(tasks.signal_new_notify, signal_id=signal.pk)
    return NewSignal(signal=signal, receipt_code=code)


def signal_follow_up_open(*, municipality: Municipality, code: str) -> Signal | None:
    """The signal for a receipt code, or None (unknown, wrong, or expired through disuse).

    Looks up by keyed tag, verifies the Argon2 hash, and refreshes the last-use time."""
    normalised = crypto.receipt_code_normalise(code)
    if normalised is None:
        return None
    signal = Signal.objects.filter(
        municipality=municipality, code_tag=crypto.receipt_code_tag(normalised)
    ).first()
    if signal is None or not crypto.receipt_code_verify(signal.code_hash, normalised):
        return None
    expiry = timedelta(days=settings.KOMPAS_MELDPUNT_CODE_EXPIRY_DAYS)
    now = timezone.now()
    if signal.code_last_used_at + expiry < now:
        return None
    Signal.objects.filter(pk=signal.pk).update(code_last_used_at=now)
    return signal


@transaction.atomic
def signal_reporter_reply(
    *, signal: Signal, text: str, attachments: list[tuple[str, bytes]] = ()
) -> SignalMessage:
    """The reporter answers a question or adds information (with optional attachments)."""
    text = _check_message(text)
    message = SignalMessage.objects.create(
        signal=signal, direction=MessageDirection.FROM_REPORTER, body_enc=crypto.encrypt(text)
    )
    for content_type, data in attachments:
        SignalAttachment.objects.create(
            signal=signal,
            content_type=content_type,
            size=len(data),
            data_enc=crypto.encrypt_bytes(data),
        )
    _history(
        signal=signal,
        kind=HistoryKind.ANSWER,
        by_label=REPORTER_LABEL,
        data={"attachments": len(attachments)},
    )
    if signal.status == SignalStatus.WAITING_FOR_REPORTER:
        moved = signal_transition(signal=signal, to=SignalStatus.IN_PROGRESS, by=None)
        # The caller shows this same object (the reporter's page): it carries the new status.
        signal.status = moved.status
    audit_log(user=None, action=AuditAction.CREATE, obj=signal, note="reactie van melder")
    queue.enqueue(tasks.signal_answer_notify, signal_id=signal.pk)
    return message
