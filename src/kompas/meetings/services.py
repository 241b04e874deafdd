# SPDX-License-Identifier: EUPL-1.2
"""Writes for overleggen. Every function is keyword-only, runs in one transaction, validates
with full_clean() and leaves an audit entry. Refusals raise ValidationError with a Dutch
message that names the field."""

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from kompas.core.constants import AuditAction
from kompas.core.models import Membership, Municipality, PartnerOrganisation
from kompas.core.services import audit_log
from kompas.policy import services as policy_services

from . import history, integrations
from .constants import (
    ALLOWED_MEETING_TRANSITIONS,
    ActionStatus,
    ItemKind,
    MeetingStatus,
    SeriesKind,
)
from .models import AgendaItem, FollowUpAction, Meeting, MeetingSeries, SeriesMember
from .selectors import eligible_owner_partners, eligible_owner_users

SERIES_FIELDS = ("name", "kind", "confidentiality", "description", "active")
# Titles of the closing topic of an agenda, before which "Agenda voorstellen" inserts.
CLOSING_TITLES = ("rondvraag", "rondvraag en sluiting", "wvttk")


def _audit(*, by, action: str, obj, fields=(), note: str = "") -> None:
    audit_log(
        user=by, action=action, obj=obj, municipality=obj.municipality, fields=fields, note=note
    )


def _apply_changes(obj, *, by, **values):
    """Set values on obj, validate and save it; audit the fields whose value changed (if any)."""
    changed = [f for f, v in values.items() if getattr(obj, f) != v]
    before = history.snapshot(obj, changed)
    for f, v in values.items():
        setattr(obj, f, v)
    obj.full_clean()
    obj.save()
    if changed:
        _audit(
            by=by,
            action=AuditAction.UPDATE,
            obj=obj,
            fields=changed,
            note=history.change_note(obj, before),
        )
    return obj


def _renumber(items) -> None:
    """Give the agenda items (in their new order) the orders 1, 2, 3, ..."""
    for position, it in enumerate(items, start=1):
        if it.order != position:
            it.order = position
            it.save(update_fields=["order"])


# --- Series and members ------------------------------------------------------------------------
@transaction.atomic
def series_create(
    *,
    municipality: Municipality,
    name: str,
    kind: str,
    confidentiality: str,
    description: str = "",
    by,
) -> MeetingSeries:
    series = MeetingSeries(
        municipality=municipality,
        name=name.strip(),
        kind=kind,
        confidentiality=confidentiality,
        description=description.strip(),
    )
    series.full_clean()
    series.save()
    _audit(by=by, action=AuditAction.CREATE, obj=series, fields=SERIES_FIELDS)
    return series


@transaction.atomic
def series_update(*, series: MeetingSeries, by, **changes) -> MeetingSeries:
    unknown = set(changes) - set(SERIES_FIELDS)
    if unknown:
        raise ValueError(f"unknown series fields {sorted(unknown)}")
    return _apply_changes(
        series,
        by=by,
        **{f: v.strip() if isinstance(v, str) else v for f, v in changes.items()},
    )


@transaction.atomic
def series_member_add(
    *,
    series: MeetingSeries,
    user=None,
    partner: PartnerOrganisation | None = None,
    role: str = "",
    by,
) -> SeriesMember:
    if (user is None) == (partner is None):
        raise ValidationError(_("Kies een persoon óf een organisatie als deelnemer."))
    if user is not None:
        if not Membership.objects.filter(user=user, municipality=series.municipality).exists():
            raise ValidationError(
                {
                    "user": _(
                        "Deze persoon heeft geen rol in deze gemeente en kan geen deelnemer zijn."
                    )
                }
            )
        if series.members.filter(user=user).exists():
            raise ValidationError({"user": _("Deze persoon is al deelnemer.")})
    if partner is not None and series.members.filter(partner=partner).exists():
        raise ValidationError({"partner": _("Deze organisatie is al deelnemer.")})
    member = SeriesMember(series=series, user=user, partner=partner, role=role.strip())
    member.full_clean()
    member.save()
    _audit(by=by, action=AuditAction.CREATE, obj=member, fields=["user", "partner", "role"])
    return member


@transaction.atomic
def series_member_remove(*, member: SeriesMember, by) -> None:
    _audit(
        by=by,
        action=AuditAction.DELETE,
        obj=member,
        note=f"deelnemer verwijderd uit overleg {member.series_id}",
    )
    member.delete()


# --- Meetings ------------------------------------------------------------------------------------
@transaction.atomic
def meeting_create(
    *, series: MeetingSeries, starts_at: datetime, location: str = "", by
) -> Meeting:
    if not series.active:
        raise ValidationError(_("Dit overleg is niet meer actief; plan geen nieuwe vergadering."))
    meeting = Meeting(series=series, starts_at=starts_at, location=location.strip())
    meeting.full_clean()
    meeting.save()
    _audit(by=by, action=AuditAction.CREATE, obj=meeting, fields=["starts_at", "location"])
    return meeting


@transaction.atomic
def meeting_update(*, meeting: Meeting, starts_at: datetime, location: str, by) -> Meeting:
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status != MeetingStatus.PLANNED:
        raise ValidationError(
            _("Deze vergadering is %(status)s; datum en plaats liggen vast.")
            % {"status": meeting.get_status_display()}
        )
    return _apply_changes(meeting, by=by, starts_at=starts_at, location=location.strip())


@transaction.atomic
def meeting_status_set(*, meeting: Meeting, status: str, by, is_demo: bool = False) -> Meeting:
    """Mark a planned meeting as held or cancelled. A held meeting registers an event for the
    plan's norms (policy app), in the same transaction."""
    meeting = Meeting.objects.select_for_update().select_related("series").get(pk=meeting.pk)
    if status not in ALLOWED_MEETING_TRANSITIONS.get(meeting.status, set()):
        raise ValidationError(
            {
                "status": _("Een vergadering die %(from)s is, kan niet naar %(to)s.")
                % {
                    "from": meeting.get_status_display(),
                    "to": MeetingStatus(status).label if status in MeetingStatus.values else status,
                }
            }
        )
    if status == MeetingStatus.HELD and meeting.starts_at > timezone.now():
        raise ValidationError(
            {
                "status": _(
                    "Deze vergadering is nog niet begonnen; markeer haar daarna als gehouden."
                )
            }
        )
    before = history.snapshot(meeting, ["status"])
    meeting.status = status
    meeting.closed_at = timezone.now()
    meeting.full_clean()
    meeting.save()
    _audit(
        by=by,
        action=AuditAction.UPDATE,
        obj=meeting,
        fields=["status"],
        note=history.change_note(meeting, before),
    )
    if status == MeetingStatus.HELD:
        _register_policy_event(meeting=meeting, by=by, is_demo=is_demo)
    return meeting


def _register_policy_event(*, meeting: Meeting, by, is_demo: bool = False) -> None:
    kind = integrations.policy_event_kind(meeting.series.kind)
    if kind is None:
        return
    policy_services.event_register(
        kind=kind,
        date=timezone.localtime(meeting.starts_at).date(),
        title=str(meeting.series),
        municipality=meeting.series.municipality,
        source_type="meetings.meeting",
        source_id=str(meeting.pk),
        is_demo=is_demo,
        by=by,
    )


# --- Agenda ---------------------------------------------------------------------------------
def _editable_agenda(meeting: Meeting) -> None:
    if meeting.status != MeetingStatus.PLANNED:
        raise ValidationError(
            _("Deze vergadering is %(status)s; de agenda ligt vast.")
            % {"status": meeting.get_status_display()}
        )


def _next_order(meeting: Meeting) -> int:
    return (meeting.items.aggregate(m=Max("order"))["m"] or 0) + 1


def _item_add(*, meeting: Meeting, kind: str, title: str, by, **refs) -> AgendaItem:
    meeting = Meeting.objects.select_for_update().select_related("series").get(pk=meeting.pk)
    _editable_agenda(meeting)
    item = AgendaItem(
        meeting=meeting, order=_next_order(meeting), kind=kind, title=title.strip(), **refs
    )
    item.full_clean()
    item.save()
    _audit(by=by, action=AuditAction.CREATE, obj=item, fields=["kind", "title", *refs])
    return item


@transaction.atomic
def agenda_item_add_topic(*, meeting: Meeting, title: str, by) -> AgendaItem:
    if not title.strip():
        raise ValidationError({"title": _("Vul een titel in voor het onderwerp.")})
    return _item_add(meeting=meeting, kind=ItemKind.TOPIC, title=title, by=by)


@transaction.atomic
def agenda_item_add_signal(*, meeting: Meeting, signal, by) -> AgendaItem:
    """Put a signal of the meeting's gemeente on the agenda (once per meeting)."""
    if signal.municipality_id != meeting.series.municipality_id:
        raise ValidationError({"signal": _("Die melding bestaat niet in deze gemeente.")})
    if meeting.items.filter(signal=signal).exists():
        raise ValidationError({"signal": _("Deze melding staat al op de agenda.")})
    return _item_add(
        meeting=meeting,
        kind=ItemKind.SIGNAL,
        title=integrations.signal_title(signal),
        by=by,
        signal=signal,
    )


@transaction.atomic
def agenda_item_add_dossier(*, meeting: Meeting, dossier, by) -> AgendaItem:
    if dossier.municipality_id != meeting.series.municipality_id:
        raise ValidationError({"dossier": _("Dat dossier bestaat niet in deze gemeente.")})
    if meeting.items.filter(dossier=dossier).exists():
        raise ValidationError({"dossier": _("Dit dossier staat al op de agenda.")})
    return _item_add(
        meeting=meeting,
        kind=ItemKind.DOSSIER,
        title=_("Dossier: %(title)s") % {"title": dossier.title},
        by=by,
        dossier=dossier,
    )


@transaction.atomic
def agenda_item_add_reference(*, meeting: Meeting, municipality, data, by) -> AgendaItem:
    """Add the signal (`signaal`) or dossier (`dossier`) named in `data` (the POST of "melding
    of dossier toevoegen") to the agenda; a number of another gemeente is refused by name."""
    try:
        if data.get("signaal"):
            signal = integrations.signal_get(
                municipality=municipality, signal_id=int(data["signaal"])
            )
            return agenda_item_add_signal(meeting=meeting, signal=signal, by=by)
        if data.get("dossier"):
            dossier = integrations.dossier_get(
                municipality=municipality, dossier_id=int(data["dossier"])
            )
            return agenda_item_add_dossier(meeting=meeting, dossier=dossier, by=by)
    except (Http404, ValueError) as exc:
        raise ValidationError(
            _("Die melding of dat dossier bestaat niet in deze gemeente.")
        ) from exc
    raise ValidationError(_("Kies een melding of een dossier."))


def _is_closing_item(item: AgendaItem) -> bool:
    """The "Rondvraag" that ends an agenda (free topic titled so); proposals go before it."""
    return item.kind == ItemKind.TOPIC and item.title.strip().rstrip(".:").lower() in CLOSING_TITLES


@transaction.atomic
def agenda_propose(*, meeting: Meeting, by) -> list[AgendaItem]:
    """ "Agenda voorstellen": put every signal in state geagendeerd that is not on this LIO
    agenda yet on it, oldest signal first, before the "Rondvraag" (at the end when there is
    none). Running it twice adds nothing."""
    # Lock the meeting first so two simultaneous proposals cannot add the same signal twice.
    meeting = Meeting.objects.select_for_update().select_related("series").get(pk=meeting.pk)
    if meeting.series.kind != SeriesKind.LIO:
        raise ValidationError(_("Agenda voorstellen kan alleen bij een LIO."))
    _editable_agenda(meeting)
    waiting = integrations.signals_for_agenda(
        municipality=meeting.series.municipality, meeting=meeting
    )
    existing = list(meeting.items.order_by("order", "pk"))
    added = [agenda_item_add_signal(meeting=meeting, signal=s, by=by) for s in waiting]
    closing = next((i for i, it in enumerate(existing) if _is_closing_item(it)), None)
    if added and closing is not None:
        _renumber([*existing[:closing], *added, *existing[closing:]])
        for it in added:
            it.refresh_from_db(fields=["order"])
    return added


@transaction.atomic
def agenda_item_move(*, item: AgendaItem, direction: str, by) -> AgendaItem:
    """Swap the item with its neighbour above ("up") or below ("down")."""
    _editable_agenda(item.meeting)
    items = list(item.meeting.items.select_for_update().order_by("order", "pk"))
    index = next(i for i, it in enumerate(items) if it.pk == item.pk)
    other = index - 1 if direction == "up" else index + 1
    if direction not in ("up", "down") or not 0 <= other < len(items):
        return item
    before = history.snapshot(items[index], ["order"])
    items[index], items[other] = items[other], items[index]
    _renumber(items)
    moved = items[other]
    _audit(
        by=by,
        action=AuditAction.UPDATE,
        obj=moved,
        fields=["order"],
        note=history.change_note(moved, before),
    )
    item.refresh_from_db()
    return item


@transaction.atomic
def agenda_item_remove(*, item: AgendaItem, by) -> None:
    _editable_agenda(item.meeting)
    if item.actions.exists():
        raise ValidationError(
            _("Dit punt heeft vervolgacties; laat die eerst vervallen of verwijder ze.")
        )
    _audit(by=by, action=AuditAction.DELETE, obj=item, note=f"van agenda {item.meeting_id}")
    meeting = item.meeting
    item.delete()
    _renumber(meeting.items.order_by("order", "pk"))


@transaction.atomic
def agenda_item_record(*, item: AgendaItem, minutes: str, decisions: str, by) -> AgendaItem:
    """Write the minutes and decisions of an item (before, during or after the meeting)."""
    if item.meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError(_("Deze vergadering is geannuleerd; er is geen verslag."))
    return _apply_changes(item, by=by, minutes=minutes.strip(), decisions=decisions.strip())


# --- Follow-up actions ---------------------------------------------------------------------------
@transaction.atomic
def action_create(
    *,
    item: AgendaItem,
    description: str,
    due_date: date,
    owner_user=None,
    owner_partner: PartnerOrganisation | None = None,
    by,
) -> FollowUpAction:
    if item.meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError(_("Deze vergadering is geannuleerd; voeg geen acties toe."))
    if (owner_user is None) == (owner_partner is None):
        raise ValidationError({"owner": _("Kies één actiehouder: een persoon óf een organisatie.")})
    series = item.meeting.series
    if (
        owner_user is not None
        and not eligible_owner_users(series=series).filter(pk=owner_user.pk).exists()
    ):
        raise ValidationError(
            {
                "owner": _(
                    "Deze persoon neemt niet deel aan dit overleg en kan geen actiehouder zijn."
                )
            }
        )
    if (
        owner_partner is not None
        and not eligible_owner_partners(series=series).filter(pk=owner_partner.pk).exists()
    ):
        raise ValidationError({"owner": _("Deze organisatie neemt niet deel aan dit overleg.")})
    action = FollowUpAction(
        item=item,
        description=description.strip(),
        due_date=due_date,
        owner_user=owner_user,
        owner_partner=owner_partner,
    )
    action.full_clean()
    action.save()
    _audit(
        by=by,
        action=AuditAction.CREATE,
        obj=action,
        fields=["description", "due_date", "owner_user", "owner_partner"],
    )
    return action


@transaction.atomic
def action_status_set(*, action: FollowUpAction, status: str, by) -> FollowUpAction:
    if status not in ActionStatus.values:
        raise ValidationError({"status": _("Kies een geldige status.")})
    action = FollowUpAction.objects.select_for_update().get(pk=action.pk)
    if action.status == status:
        return action
    before = history.snapshot(action, ["status"])
    action.status = status
    action.completed_at = timezone.now() if status != ActionStatus.OPEN else None
    action.full_clean()
    action.save()
    _audit(
        by=by,
        action=AuditAction.UPDATE,
        obj=action,
        fields=["status"],
        note=history.change_note(action, before),
    )
    return action


def meeting_mail_send(*, meeting: Meeting, what: str, by, url: str, host: str) -> None:
    """Mail the agenda (planned meeting, with an .ics invitation) or the minutes (held
    meeting) to the members, in the background; audited as an export."""
    from kompas.core import tasks as queue

    from . import tasks

    allowed = {"agenda": MeetingStatus.PLANNED, "verslag": MeetingStatus.HELD}
    if allowed.get(what) != meeting.status:
        raise ValidationError(
            _("De agenda gaat vóór het overleg rond, het verslag nadat het gehouden is.")
        )
    audit_log(
        user=by,
        action=AuditAction.EXPORT,
        obj=meeting,
        municipality=meeting.series.municipality,
        note=f"{what} per e-mail aan de deelnemers",
    )
    queue.enqueue(tasks.meeting_mail, meeting_id=meeting.pk, what=what, url=url, host=host)
