# SPDX-License-Identifier: EUPL-1.2
"""Writes of the meldpunt. Every state change goes through `signal_transition`; every read of
a signal's contents by a person goes through `signal_view` / `signal_view_for_partner`, which
decrypt and write an audit entry."""

import hashlib
import importlib
import itertools
import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from kompas.core.constants import STAFF_ROLES, AuditAction
from kompas.core.models import Membership, Municipality, PartnerOrganisation
from kompas.core.services import audit_log

from . import crypto, writelock
from .constants import (
    ALLOWED_TRANSITIONS,
    DESCRIPTION_MAX_LENGTH,
    MESSAGE_MAX_LENGTH,
    OPEN_STATES,
    RESPONSE_TERM_DAYS,
    Channel,
    HistoryKind,
    MessageDirection,
    Outcome,
    Phenomenon,
    Priority,
    SignalStatus,
    WhenKind,
)
from .models import (
    Dossier,
    Forwarding,
    RetentionSettings,
    Signal,
    SignalAttachment,
    SignalHistory,
    SignalMessage,
    SignalStatistic,
)

REPORTER_LABEL = "melder"
SYSTEM_LABEL = "systeem"
OBJECT_TYPE = "signals.signal"


class TransitionError(ValidationError):
    """A status change that the workflow table does not allow."""


# --- Helpers ---------------------------------------------------------------------------------
_POSTCODE = re.compile(r"^\s*(\d{4})\s*([A-Za-z]{2})\s*$")


def address_normalise(*, postcode: str, number: str, addition: str = "") -> str | None:
    """'8441 ab', '12', ' a ' -> '8441AB|12|A'; None without a valid postcode and number."""
    match = _POSTCODE.match(postcode or "")
    number = (number or "").strip()
    if not match or not number.isdigit():
        return None
    addition = re.sub(r"[^0-9A-Za-z]", "", addition or "").upper()
    return f"{match.group(1)}{match.group(2).upper()}|{int(number)}|{addition}"


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
        user=user, municipality=municipality, role__in=STAFF_ROLES
    ).exists():
        raise PermissionError("only beheerder/adviseur of this gemeente")


# --- Intake ----------------------------------------------------------------------------------
@dataclass
class Location:
    postcode: str = ""
    number: str = ""
    addition: str = ""
    description: str = ""

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
) -> NewSignal:
    """Store a new signal, encrypted. Attachments are (content type, cleaned bytes) as returned
    by attachments.attachment_clean. Returns the signal and its receipt code (shown once).
    `received_at` (default now) is when the report came in, for one entered afterwards (a
    phone call written down by staff, the demo): its date, response term and first history
    row all follow it.

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
    return NewSignal(signal=signal, receipt_code=code)


# --- Workflow --------------------------------------------------------------------------------
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


# --- Reporter follow-up ----------------------------------------------------------------------
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
        signal_transition(signal=signal, to=SignalStatus.IN_PROGRESS, by=None)
    audit_log(user=None, action=AuditAction.CREATE, obj=signal, note="reactie van melder")
    return message


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


# --- Audited views ---------------------------------------------------------------------------
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


# --- Dossiers --------------------------------------------------------------------------------
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


# --- Forwarding ------------------------------------------------------------------------------
@dataclass
class Export:
    content: bytes
    content_type: str
    filename: str
    forwarding: Forwarding


def _export_payload(*, signals: list[Signal], user, partner, ground, dossier) -> dict:
    items = []
    for s in signals:
        v = _decrypted(s, with_contact=False)
        items.append(
            {
                "id": s.pk,
                "ontvangen": s.created_at.isoformat(),
                "verschijnsel": s.get_effective_phenomenon_display(),
                "status": s.get_status_display(),
                "prioriteit": s.get_priority_display(),
                "omschrijving": v.description,
                "plaats": v.location,
                "wanneer": {
                    "soort": s.get_when_kind_display(),
                    "vanaf": s.when_from.isoformat() if s.when_from else None,
                    "tot": s.when_to.isoformat() if s.when_to else None,
                },
                "berichten": [
                    {"van": m["direction_label"], "tekst": m["text"], "op": m["at"].isoformat()}
                    for m in v.messages
                ],
                "bijlagen": len(v.attachments),
            }
        )
    return {
        "gemeente": signals[0].municipality.name if signals else "",
        "gedeeld_met": partner.name,
        "grondslag": ground,
        "gedeeld_door": _label(user),
        "gedeeld_op": timezone.now().isoformat(),
        "dossier": {"id": dossier.pk, "titel": dossier.title} if dossier else None,
        "meldingen": items,
        "let_op": "Contactgegevens van de melder worden nooit gedeeld.",
    }


def _render(payload: dict, fmt: str) -> tuple[bytes, str]:
    if fmt == "json":
        content = json.dumps(payload, ensure_ascii=False, indent=2, default=str).encode("utf-8")
        return content, "application/json"
    from weasyprint import HTML

    html = render_to_string("signals/export_pdf.html", {"export": payload})
    return HTML(string=html).write_pdf(), "application/pdf"


@transaction.atomic
def _forwarding_record(
    *, by, partner, ground, fmt, signals, signal, dossier, municipality, content
) -> Forwarding:
    """Record the export: the signals' rows are locked only for these few inserts."""
    list(Signal.objects.select_for_update().filter(pk__in=[s.pk for s in signals]))
    forwarding = Forwarding(
        municipality=municipality,
        signal=signal,
        dossier=dossier,
        partner=partner,
        ground=ground,
        fmt=fmt,
        signal_ids=[s.pk for s in signals],
        sha256=hashlib.sha256(content).hexdigest(),
        by=by,
    )
    forwarding.full_clean()
    forwarding.save()
    for s in signals:
        _history(
            signal=s,
            kind=HistoryKind.FORWARDED,
            by=by,
            note=ground,
            data={"partner": partner.code, "format": fmt, "forwarding": forwarding.pk},
        )
        audit_log(
            user=by,
            action=AuditAction.EXPORT,
            obj=s,
            note=f"gedeeld met {partner.code} als {fmt} (doorzending {forwarding.pk})",
        )
    return forwarding


def signal_forward(
    *,
    by,
    partner: PartnerOrganisation,
    ground: str,
    fmt: str,
    signal: Signal | None = None,
    dossier: Dossier | None = None,
) -> Export:
    """Export a signal or a dossier for a partner as PDF or JSON, and record what was shared
    with whom, when, and on what ground (history of every signal + audit entry).
    The reporter's contact details are never part of an export.

    The PDF (seconds of WeasyPrint) is rendered before the transaction that locks the
    signals' rows opens: on SQLite that transaction holds the database's one write lock, so
    reporters and colleagues would wait for the rendering. The record names the SHA-256 of
    exactly the file that was handed out."""
    ground = (ground or "").strip()
    if not ground:
        raise ValidationError({"ground": _("Vul de grondslag in: waarom mag dit gedeeld worden?")})
    if fmt not in ("pdf", "json"):
        raise ValidationError({"fmt": _("Kies PDF of JSON.")})
    if (signal is None) == (dossier is None):
        raise ValueError("forward a signal or a dossier")
    signals = [signal] if signal is not None else list(dossier.signals.order_by("created_at"))
    municipality = (signal or dossier).municipality
    payload = _export_payload(
        signals=signals, user=by, partner=partner, ground=ground, dossier=dossier
    )
    content, content_type = _render(payload, fmt)
    forwarding = _forwarding_record(
        by=by,
        partner=partner,
        ground=ground,
        fmt=fmt,
        signals=signals,
        signal=signal,
        dossier=dossier,
        municipality=municipality,
        content=content,
    )
    subject = f"melding-{signal.pk}" if signal else f"dossier-{dossier.pk}"
    return Export(
        content=content,
        content_type=content_type,
        filename=f"{subject}-{partner.code}.{fmt}",
        forwarding=forwarding,
    )


# --- Retention (AVG) -------------------------------------------------------------------------
@dataclass
class RetentionReport:
    anonymise: list[int] = field(default_factory=list)
    delete: list[int] = field(default_factory=list)
    dry_run: bool = True


def retention_settings_get(*, municipality: Municipality) -> RetentionSettings:
    obj, _created = RetentionSettings.objects.get_or_create(municipality=municipality)
    return obj


def retention_run(*, dry_run: bool = True, now: datetime | None = None) -> RetentionReport:
    """Anonymise contact details N days after closing; delete closed signals after M years
    (shorter for 'geen grond'), keeping a SignalStatistic row. Per gemeente settings."""
    now = now or timezone.now()
    report = RetentionReport(dry_run=dry_run)
    for municipality in Municipality.objects.all():
        rules = retention_settings_get(municipality=municipality)
        closed = Signal.objects.filter(
            municipality=municipality, status=SignalStatus.CLOSED, closed_at__isnull=False
        )
        to_anonymise = closed.filter(
            has_contact=True, closed_at__lte=now - timedelta(days=rules.contact_days)
        )
        to_delete = closed.filter(
            outcome=Outcome.NO_GROUND,
            closed_at__lte=now - timedelta(days=365 * rules.delete_years_no_ground),
        ) | closed.exclude(outcome=Outcome.NO_GROUND).filter(
            closed_at__lte=now - timedelta(days=365 * rules.delete_years)
        )
        delete_ids = sorted(to_delete.values_list("pk", flat=True))
        anonymise_ids = sorted(
            pk for pk in to_anonymise.values_list("pk", flat=True) if pk not in delete_ids
        )
        report.anonymise += anonymise_ids
        report.delete += delete_ids
        if dry_run:
            continue
        with transaction.atomic():
            for s in Signal.objects.filter(pk__in=anonymise_ids):
                s.contact_enc = ""
                s.has_contact = False
                s.contact_anonymised_at = now
                s.save(update_fields=["contact_enc", "has_contact", "contact_anonymised_at"])
                _history(signal=s, kind=HistoryKind.CONTACT_ANONYMISED, by_label=SYSTEM_LABEL)
                audit_log(
                    user=None,
                    action=AuditAction.UPDATE,
                    obj=s,
                    fields=["contact"],
                    note="bewaartermijn: contactgegevens geanonimiseerd",
                )
            for s in Signal.objects.filter(pk__in=delete_ids):
                SignalStatistic.objects.update_or_create(
                    signal_id=s.pk,
                    defaults={
                        "municipality": municipality,
                        "created_at": s.created_at,
                        "closed_at": s.closed_at,
                        "phenomenon": s.effective_phenomenon,
                        "outcome": s.outcome,
                        "deleted_at": now,
                    },
                )
                audit_log(
                    user=None,
                    action=AuditAction.DELETE,
                    obj=s,
                    note="bewaartermijn: melding verwijderd, statistiek bewaard",
                )
                s.delete()
            Dossier.objects.filter(municipality=municipality, signals=None).delete()
    return report


# --- Key rotation ----------------------------------------------------------------------------
ROTATE_BATCH = 500


def _rotate_batches(qs, fields: list[str], rotate, *, batch_size: int | None = None) -> int:
    """Re-encrypt `fields` of every row of `qs`, ROTATE_BATCH rows per transaction: the ids
    stream from the database (.iterator()), never all rows in memory, and each batch's rows
    are locked only while that batch is rewritten. A run that stops half-way leaves every
    value readable (old keys still decrypt); running it again finishes the job."""
    size = batch_size or ROTATE_BATCH
    done = 0
    ids = qs.order_by("pk").values_list("pk", flat=True).iterator(chunk_size=size)
    while batch := list(itertools.islice(ids, size)):
        with transaction.atomic():
            rows = list(qs.model.objects.select_for_update().filter(pk__in=batch).only(*fields))
            for row in rows:
                for name in fields:
                    setattr(row, name, rotate(getattr(row, name)))
            qs.model.objects.bulk_update(rows, fields)
        done += len(rows)
    return done


def keys_rotate() -> dict[str, int]:
    """Re-encrypt every encrypted value with the current (first) key, in batches."""
    counts = {
        "meldingen": _rotate_batches(
            Signal.objects.all(),
            ["description_enc", "location_enc", "contact_enc"],
            crypto.rotate_text,
        ),
        "berichten": _rotate_batches(SignalMessage.objects.all(), ["body_enc"], crypto.rotate_text),
        # Attachments are up to 10 MB each: a few at a time.
        "bijlagen": _rotate_batches(
            SignalAttachment.objects.all(),
            ["data_enc"],
            crypto.rotate_bytes,
            batch_size=max(1, ROTATE_BATCH // 50),
        ),
    }
    # History rows are append-only for everything except re-encryption of their note; the
    # trigger allows changing note_enc only (migration 0002).
    counts["historie"] = _rotate_batches(
        SignalHistory.objects.exclude(note_enc=""), ["note_enc"], crypto.rotate_text
    )
    return counts


# --- Monitoring feed -------------------------------------------------------------------------
def signals_feed_monitoring(*, municipality: Municipality, user=None) -> int | None:
    """Push signals per phenomenon per quarter to the monitoring app as indicators
    `meldpunt:<phenomenon>` (own registration, count), if monitoring is installed and offers
    `indicator_upsert` and `observation_upsert_many`. Returns the number of rows sent, or None
    when monitoring is absent. Idempotent."""
    from .selectors import signal_counts_per_quarter

    try:
        monitoring = importlib.import_module("kompas.monitoring.services")
    except ModuleNotFoundError:
        return None
    upsert_many = getattr(monitoring, "observation_upsert_many", None)
    indicator_upsert = getattr(monitoring, "indicator_upsert", None)
    if upsert_many is None or indicator_upsert is None:
        return None
    per_phenomenon: dict[str, list] = {}
    for r in signal_counts_per_quarter(municipality=municipality):
        per_phenomenon.setdefault(r["phenomenon"], []).append(
            (municipality.code, f"{r['year']}KW{r['quarter']:02d}", float(r["count"]))
        )
    sent = 0
    for phenomenon, rows in sorted(per_phenomenon.items()):
        code = f"meldpunt:{phenomenon}"
        indicator_upsert(
            code=code,
            name=f"Meldingen meldpunt ondermijning: {Phenomenon(phenomenon).label}",
            unit="aantal",
            source="eigen-registratie",
            definition=[phenomenon],
            # More reports means more trust in the meldpunt: the plans want more signals.
            better="higher",
            note="Aantal meldingen per kwartaal (datum van ontvangst), uit het meldpunt.",
        )
        upsert_many(
            indicator_code=code,
            rows=rows,
            provenance="meldpunt ondermijning",
            user=user,
            municipality=municipality,
        )
        sent += len(rows)
    return sent


def staff_choices(*, municipality: Municipality):
    return (
        get_user_model()
        .objects.filter(memberships__municipality=municipality, memberships__role__in=STAFF_ROLES)
        .order_by("username")
    )
