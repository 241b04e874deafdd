# SPDX-License-Identifier: EUPL-1.2
"""Writes for fenomenen. Each service validates (Dutch errors naming the field), saves in one
transaction and writes an audit entry; a failed save stores nothing.

An adopted fenomenenkeuze (vastgesteld, with its decision date) registers the gemeente's
`fenomenenkeuze` event through `policy.services.event_register` with source fenomenen.keuze,
so saving it again updates the one event; back to concept, or deleted, withdraws it.
Voorlichting registers no event: no norm of the plans counts voorlichting (its figures reach
the jaarverslag through core.hooks.annual_figures)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kompas.core.constants import AuditAction
from kompas.core.registers import record_fill, record_owner_check
from kompas.core.services import audit_log
from kompas.policy import services as policy_services
from kompas.policy.constants import EventKind
from kompas.signals.constants import Phenomenon

from .constants import KEUZE_SOURCE, KeuzeStatus
from .models import Activity, PhenomenonChoice, WhiteSpot
from .selectors import today


def _day(value) -> str:
    return value.strftime("%d-%m-%Y")


def _owner_check(obj, municipality) -> None:
    record_owner_check(obj, municipality)


def _set_fields(obj, fields: dict, *, municipality, by, is_demo: bool) -> bool:
    return record_fill(obj, fields, owner=municipality, by=by, is_demo=is_demo)


# --- Fenomenenkeuze --------------------------------------------------------------------------
def _keuze_check(keuze: PhenomenonChoice) -> None:
    errors = {}
    unknown = [p for p in keuze.phenomena if p not in Phenomenon.values]
    if unknown:
        errors["phenomena"] = _("Onbekend fenomeen: %(p)s.") % {"p": ", ".join(unknown)}
    if keuze.status == KeuzeStatus.ADOPTED:
        if not keuze.decision_date:
            errors["decision_date"] = _("Vul de datum van het besluit in.")
        elif keuze.decision_date > today():
            errors["decision_date"] = _(
                "Een besluit op %(d)s ligt in de toekomst; zet de keuze nog op concept."
            ) % {"d": _day(keuze.decision_date)}
        if not keuze.decided_by:
            errors["decided_by"] = _("Kies wie de keuze heeft vastgesteld.")
        if not keuze.phenomena and not keuze.free_list:
            errors["phenomena"] = _("Kies ten minste één fenomeen.")
    if (
        keuze.year
        and PhenomenonChoice.objects.filter(municipality=keuze.municipality, year=keuze.year)
        .exclude(pk=keuze.pk)
        .exists()
    ):
        errors["year"] = _("Voor %(y)s is er al een fenomenenkeuze.") % {"y": keuze.year}
    if errors:
        raise ValidationError(errors)


def _keuze_event(keuze: PhenomenonChoice, *, by) -> None:
    policy_services.event_sync(
        counts=keuze.status == KeuzeStatus.ADOPTED,
        kind=EventKind.PHENOMENON_CHOICE,
        source_type=KEUZE_SOURCE,
        source_id=keuze.pk,
        by=by,
        date=keuze.decision_date,
        title=_("Fenomenenkeuze %(y)s vastgesteld (%(b)s)")
        % {"y": keuze.year, "b": keuze.get_decided_by_display()},
        municipality=keuze.municipality,
        is_demo=keuze.is_demo,
    )


@transaction.atomic
def keuze_save(
    *, municipality, keuze: PhenomenonChoice, by, fields: dict, is_demo: bool = False
) -> PhenomenonChoice:
    """Create or change the fenomenenkeuze of a year and keep its norm event in step."""
    previous = (
        None if keuze.pk is None else PhenomenonChoice.objects.select_for_update().get(pk=keuze.pk)
    )
    creating = _set_fields(keuze, fields, municipality=municipality, by=by, is_demo=is_demo)
    keuze.phenomena = [p for p in Phenomenon.values if p in set(keuze.phenomena or [])] + [
        p for p in (keuze.phenomena or []) if p not in Phenomenon.values
    ]
    keuze.full_clean(exclude=["phenomena"], validate_constraints=False)
    _keuze_check(keuze)
    keuze.save()
    changes = {}
    if previous is not None and previous.status != keuze.status:
        changes["status"] = (previous.status, keuze.status)
    audit_log(
        user=by,
        action=AuditAction.CREATE if creating else AuditAction.UPDATE,
        obj=keuze,
        changes=changes,
    )
    _keuze_event(keuze, by=by)
    return keuze


@transaction.atomic
def keuze_delete(*, municipality, keuze: PhenomenonChoice, by) -> None:
    _owner_check(keuze, municipality)
    policy_services.event_withdraw(
        kind=EventKind.PHENOMENON_CHOICE, source_type=KEUZE_SOURCE, source_id=str(keuze.pk), by=by
    )
    audit_log(user=by, action=AuditAction.DELETE, obj=keuze, note=str(keuze.year))
    keuze.delete()


# --- Witte vlekken ---------------------------------------------------------------------------
@transaction.atomic
def spot_save(
    *, municipality, spot: WhiteSpot, by, fields: dict, is_demo: bool = False
) -> WhiteSpot:
    creating = _set_fields(spot, fields, municipality=municipality, by=by, is_demo=is_demo)
    spot.full_clean()
    spot.save()
    audit_log(user=by, action=AuditAction.CREATE if creating else AuditAction.UPDATE, obj=spot)
    return spot


@transaction.atomic
def spot_delete(*, municipality, spot: WhiteSpot, by) -> None:
    _owner_check(spot, municipality)
    audit_log(user=by, action=AuditAction.DELETE, obj=spot, note=spot.subject)
    spot.delete()


# --- Voorlichting ----------------------------------------------------------------------------
@transaction.atomic
def activity_save(
    *, municipality, activity: Activity, by, fields: dict, is_demo: bool = False
) -> Activity:
    creating = _set_fields(activity, fields, municipality=municipality, by=by, is_demo=is_demo)
    activity.full_clean()
    if activity.date > today():
        raise ValidationError(
            {
                "date": _(
                    "Een activiteit op %(d)s ligt in de toekomst; leg haar vast als ze is gehouden."
                )
                % {"d": _day(activity.date)}
            }
        )
    activity.save()
    audit_log(user=by, action=AuditAction.CREATE if creating else AuditAction.UPDATE, obj=activity)
    return activity


@transaction.atomic
def activity_delete(*, municipality, activity: Activity, by) -> None:
    _owner_check(activity, municipality)
    audit_log(user=by, action=AuditAction.DELETE, obj=activity, note=_day(activity.date))
    activity.delete()
