# SPDX-License-Identifier: EUPL-1.2
"""Writes for the crisis organisation. Each service validates (Dutch errors naming the
field), saves in one transaction and writes an audit entry. A held OTO activity registers a
`crisisoefening` event in the policy register (idempotent: source crisis.otoactivity)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kompas.core.constants import AuditAction
from kompas.core.services import audit_log
from kompas.policy import services as policy_services
from kompas.policy.constants import EventKind

from .constants import DEFAULT_FUNCTIONS, OtoStatus
from .models import (
    Absence,
    Assignment,
    CrisisMember,
    KeyFunction,
    OtoActivity,
    PiketSlot,
    Qualification,
)
from .selectors import Owner, today

OTO_SOURCE = "crisis.otoactivity"


def _audit(*, by, action, obj, owner: Owner, note: str = "") -> None:
    audit_log(user=by, action=action, obj=obj, municipality=owner.context_municipality, note=note)


@transaction.atomic
def record_save(*, obj, owner: Owner, by, fields: dict | None = None, m2m: dict | None = None):
    """Create or update one owned record (function, member, facility, deelplan, ...): set
    `fields`, bind it to `owner`, full_clean, save, set many-to-many values, audit."""
    creating = obj.pk is None
    for name, value in (fields or {}).items():
        setattr(obj, name, value)
    if hasattr(obj, "municipality_id") and creating:
        obj.municipality = owner.municipality
        obj.partnership = owner.partnership
    if isinstance(obj, CrisisMember):  # the retention term runs from the day they left
        obj.left_on = None if obj.active else (obj.left_on or today())
    obj.full_clean()
    obj.save()
    for name, values in (m2m or {}).items():
        getattr(obj, name).set(values)
    _audit(
        by=by, action=AuditAction.CREATE if creating else AuditAction.UPDATE, obj=obj, owner=owner
    )
    return obj


def function_defaults_ensure(*, owner: Owner, by=None, is_demo: bool = False) -> int:
    """Give a gemeente or district the usual key functions when it has none yet."""
    if KeyFunction.objects.filter(**owner.filter).exists():
        return 0
    for code, name in DEFAULT_FUNCTIONS:
        record_save(obj=KeyFunction(code=code, name=str(name), is_demo=is_demo), owner=owner, by=by)
    return len(DEFAULT_FUNCTIONS)


def _same_owner(owner: Owner, *objs) -> None:
    for obj in objs:
        if (obj.municipality_id, obj.partnership_id) != (
            getattr(owner.municipality, "pk", None),
            getattr(owner.partnership, "pk", None),
        ):
            raise ValidationError(_("Dat hoort niet bij deze crisisorganisatie."))


@transaction.atomic
def assignment_add(*, owner: Owner, member: CrisisMember, function: KeyFunction, backup: bool, by):
    _same_owner(owner, member, function)
    if Assignment.objects.filter(member=member, function=function).exists():
        raise ValidationError(
            {"function": _("%(m)s is al ingedeeld als %(f)s.") % {"m": member, "f": function}}
        )
    assignment = Assignment.objects.create(member=member, function=function, backup=backup)
    _audit(by=by, action=AuditAction.UPDATE, obj=member, owner=owner, note=f"+{function.code}")
    return assignment


@transaction.atomic
def assignment_remove(*, owner: Owner, assignment: Assignment, by) -> None:
    _same_owner(owner, assignment.member)
    _audit(
        by=by,
        action=AuditAction.UPDATE,
        obj=assignment.member,
        owner=owner,
        note=f"-{assignment.function.code}",
    )
    assignment.delete()


@transaction.atomic
def qualification_add(*, owner: Owner, member: CrisisMember, function: KeyFunction, by, **data):
    _same_owner(owner, member, function)
    qualification = Qualification(member=member, function=function, **data)
    if qualification.expires_on and qualification.expires_on <= qualification.obtained_on:
        raise ValidationError(
            {
                "expires_on": _(
                    "Een kwalificatie kan niet verlopen vóór of op de dag dat ze is behaald."
                )
            }
        )
    qualification.full_clean()
    qualification.save()
    _audit(
        by=by,
        action=AuditAction.UPDATE,
        obj=member,
        owner=owner,
        note=f"kwalificatie {function.code}",
    )
    return qualification


def _period_check(starts_on, ends_on) -> None:
    if ends_on < starts_on:
        raise ValidationError({"ends_on": _("De einddatum ligt vóór de begindatum.")})


@transaction.atomic
def piket_add(*, owner: Owner, member: CrisisMember, function: KeyFunction, starts_on, ends_on, by):
    """Put a member on call for a function. The same member twice in an overlapping slot of
    the same function is refused."""
    _same_owner(owner, member, function)
    _period_check(starts_on, ends_on)
    if not Assignment.objects.filter(member=member, function=function).exists():
        raise ValidationError(
            {"member": _("%(m)s is niet ingedeeld als %(f)s.") % {"m": member, "f": function}}
        )
    # Lock the member's slots so two simultaneous requests cannot both pass the check.
    list(PiketSlot.objects.select_for_update().filter(member=member))
    overlap = PiketSlot.objects.filter(
        member=member, function=function, starts_on__lte=ends_on, ends_on__gte=starts_on
    ).first()
    if overlap:
        raise ValidationError(
            {
                "starts_on": _(
                    "%(m)s staat al ingeroosterd voor deze piketdienst (%(a)s tot en met %(b)s)."
                )
                % {
                    "m": member,
                    "a": overlap.starts_on.strftime("%d-%m-%Y"),
                    "b": overlap.ends_on.strftime("%d-%m-%Y"),
                }
            }
        )
    slot = PiketSlot.objects.create(
        member=member, function=function, starts_on=starts_on, ends_on=ends_on
    )
    _audit(by=by, action=AuditAction.UPDATE, obj=member, owner=owner, note=f"piket {function.code}")
    return slot


@transaction.atomic
def absence_add(*, owner: Owner, member: CrisisMember, starts_on, ends_on, by) -> Absence:
    _same_owner(owner, member)
    _period_check(starts_on, ends_on)
    absence = Absence.objects.create(member=member, starts_on=starts_on, ends_on=ends_on)
    _audit(by=by, action=AuditAction.UPDATE, obj=member, owner=owner, note="afwezigheid")
    return absence


def _oto_event(activity: OtoActivity, *, by) -> None:
    policy_services.event_register(
        kind=EventKind.CRISIS_EXERCISE,
        date=activity.date,
        title=f"{activity.get_kind_display()}: {activity.title} ({activity.get_level_display()})",
        municipality=activity.municipality,
        partnership=activity.partnership,
        source_type=OTO_SOURCE,
        source_id=str(activity.pk),
        is_demo=activity.is_demo,
        by=by,
    )


@transaction.atomic
def oto_save(*, owner: Owner, activity: OtoActivity, by, fields: dict, m2m: dict | None = None):
    """Create or change an OTO activity. Held is final; a held activity (not in the future)
    registers the crisisoefening event, and changing it later updates that event."""
    previous = None
    if activity.pk:
        previous = OtoActivity.objects.select_for_update().get(pk=activity.pk).status
    status = fields.get("status", activity.status)
    if previous == OtoStatus.HELD and status != OtoStatus.HELD:
        raise ValidationError({"status": _("Een gehouden activiteit blijft gehouden.")})
    date = fields.get("date", activity.date)
    if status == OtoStatus.HELD and date and date > today():
        raise ValidationError(
            {"status": _("Een activiteit in de toekomst kan nog niet gehouden zijn.")}
        )
    activity = record_save(obj=activity, owner=owner, by=by, fields=fields, m2m=m2m)
    if activity.status == OtoStatus.HELD:
        _oto_event(activity, by=by)
    return activity
