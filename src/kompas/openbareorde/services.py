# SPDX-License-Identifier: EUPL-1.2
"""Writes for openbare orde: one transaction and one audit entry each, Dutch errors naming
the field. Risk levels keep their history; demonstrations cannot be announced for a day that
has passed, and their organiser data is erased on its own term; jaarwisseling preparation
actions are actions of the gemeente's plan (policy's action model)."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kompas.cases import services as cases_services
from kompas.core.constants import AuditAction
from kompas.core.services import audit_log
from kompas.policy import selectors as policy_selectors
from kompas.policy import services as policy_services

from . import selectors
from .constants import DEMONSTRATION_RETENTION_DAYS, DemonstrationStatus, RiskKind
from .models import (
    Demonstration,
    DemonstrationAdvice,
    NewYear,
    RiskItem,
    RiskLevelChange,
    RiskPerson,
)

RISK_OBJECT = "openbareorde.riskitem"


@transaction.atomic
def record_save(*, owner, obj, by, fields: dict | None = None, m2m: dict | None = None):
    """Create or change a register record (`owner` is the gemeente), audited."""
    creating = obj.pk is None
    for name, value in (fields or {}).items():
        setattr(obj, name, value)
    if creating:
        obj.municipality = owner
    obj.full_clean()
    obj.save()
    for name, values in (m2m or {}).items():
        getattr(obj, name).set(values)
    audit_log(
        user=by,
        action=AuditAction.CREATE if creating else AuditAction.UPDATE,
        obj=obj,
        municipality=owner,
    )
    return obj


def _check_person_kind(*, obj: RiskItem, fields: dict, person) -> None:
    kind = fields.get("kind", obj.kind)
    if obj.pk is not None:
        was_person = RiskItem.objects.get(pk=obj.pk).kind == RiskKind.PERSON
        if was_person != (kind == RiskKind.PERSON):
            raise ValidationError(
                {"kind": _("Een item over een persoon blijft een persoon, en omgekeerd.")}
            )
        if person is not None:
            raise ValidationError({"kind": _("De persoon van een item ligt vast.")})
    elif kind == RiskKind.PERSON and person is None:
        raise ValidationError({"kind": _("Vul de gegevens van de persoon in.")})
    elif kind != RiskKind.PERSON and person is not None:
        raise ValidationError(
            {"kind": _("Alleen een item van de soort persoon heeft een persoon.")}
        )


def _person_new(*, item: RiskItem, person: cases_services.PersonData) -> RiskPerson:
    """The item's person with the casework's mechanism: identity encrypted, the item's
    title becomes the pseudonym (so every list, export and report shows only that)."""
    number = f"{cases_services.number_prefix(item.municipality)}-RO-{item.pk:03d}"
    holder = RiskPerson.objects.create(
        item=item, number=number, **cases_services.identity_encrypt(person)
    )
    item.title = holder.pseudonym
    RiskItem.objects.filter(pk=item.pk).update(title=item.title)
    return holder


@transaction.atomic
def risk_save(
    *,
    owner,
    obj: RiskItem,
    by,
    fields: dict,
    m2m: dict | None = None,
    person: cases_services.PersonData | None = None,
) -> RiskItem:
    """Create or change a risk item; a new level (or a new item) adds a history row. A new
    item of kind `persoon` takes `person` (validated as in casework: Dutch errors, nothing
    stored); its title is its pseudonym, whatever was typed."""
    previous = None
    if obj.pk:
        previous = RiskItem.objects.select_for_update().get(pk=obj.pk).level
    _check_person_kind(obj=obj, fields=fields, person=person)
    for name in ("signals",):
        for signal in (m2m or {}).get(name, []):
            if signal.municipality_id != owner.pk:
                raise ValidationError({name: _("Die melding hoort niet bij deze gemeente.")})
    if fields.get("kind", obj.kind) == RiskKind.PERSON:
        # Never a name in the title: a new item gets its pseudonym, a kept one keeps it.
        fields = {**fields, "title": obj.title if obj.pk else _("persoon")}
    closed = fields.get("closed", obj.closed)
    if closed and not obj.closed_on:  # the retention term runs from the day of closing
        obj.closed_on = selectors.today()
    elif not closed:
        obj.closed_on = None
    item = record_save(owner=owner, obj=obj, by=by, fields=fields, m2m=m2m)
    if person is not None:
        _person_new(item=item, person=person)
    if previous != item.level:
        RiskLevelChange.objects.create(
            item=item, level=item.level, reasons=item.reasons, changed_by=by
        )
    return item


@transaction.atomic
def risk_person_reveal(*, item: RiskItem, person: RiskPerson, user, reason: str):
    """ "Toon identiteit" on an item: the casework's audited reveal (action `reveal` on the
    item, naming the person and the reason)."""
    return cases_services.identity_reveal(
        user=user,
        reason=reason,
        holders=[person],
        object_type=RISK_OBJECT,
        object_id=item.pk,
        municipality=item.municipality,
    )[0]


@transaction.atomic
def keys_rotate() -> dict[str, int]:
    """Re-encrypt the inventory's persons with the meldpunt's current first key (called by
    `kompas keys rotate` through core.hooks.encrypted_fields_rotate)."""
    return {
        "risicopersonen": cases_services.identities_rotate(RiskPerson.objects.select_for_update())
    }


@transaction.atomic
def demonstration_save(*, owner, obj: Demonstration, by, fields: dict, m2m=None) -> Demonstration:
    if obj.pk is None and fields.get("date") and fields["date"] < selectors.today():
        raise ValidationError(
            {
                "date": _(
                    "Een demonstratie op een datum die al voorbij is, kan niet meer worden "
                    "aangekondigd."
                )
            }
        )
    notified, date = fields.get("notified_on", obj.notified_on), fields.get("date", obj.date)
    if notified and date and notified > date:
        raise ValidationError(
            {"notified_on": _("De kennisgeving kan niet na de demonstratie zijn ontvangen.")}
        )
    if fields.get("legal_ground") and not fields.get("conditions", obj.conditions):
        raise ValidationError(
            {"conditions": _("Beschrijf de voorschriften of beperkingen bij deze grondslag.")}
        )
    return record_save(owner=owner, obj=obj, by=by, fields=fields, m2m=m2m)


@transaction.atomic
def demonstration_advice_add(*, owner, demonstration: Demonstration, partner, advice, given_on, by):
    if demonstration.municipality_id != owner.pk:
        raise ValidationError(_("Die demonstratie hoort niet bij deze gemeente."))
    item = DemonstrationAdvice(
        demonstration=demonstration, partner=partner, advice=advice, given_on=given_on
    )
    item.full_clean()
    item.save()
    if demonstration.status == DemonstrationStatus.ANNOUNCED:
        demonstration.status = DemonstrationStatus.ADVISED
        demonstration.save(update_fields=["status"])
    audit_log(
        user=by, action=AuditAction.UPDATE, obj=demonstration, municipality=owner, note="advies"
    )
    return item


def demonstration_retention_days() -> int:
    return getattr(settings, "DEMONSTRATION_RETENTION_DAYS", DEMONSTRATION_RETENTION_DAYS)


@transaction.atomic
def demonstration_retention_run(*, dry_run: bool = False, on=None) -> list[Demonstration]:
    """Erase organiser name and contact of demonstrations past their term. Returns them."""
    due = list(selectors.demonstrations_past_retention(days=demonstration_retention_days(), on=on))
    if dry_run:
        return due
    today = on or selectors.today()
    for demonstration in due:
        demonstration.organiser_name = ""
        demonstration.organiser_contact = ""
        demonstration.organiser_erased_on = today
        demonstration.save(
            update_fields=["organiser_name", "organiser_contact", "organiser_erased_on"]
        )
        audit_log(
            user=None,
            action=AuditAction.DELETE,
            obj=demonstration,
            municipality=demonstration.municipality,
            note="gegevens organisator gewist (bewaartermijn)",
        )
    return due


@transaction.atomic
def newyear_ensure(*, owner, year: int, by=None, is_demo: bool = False) -> NewYear:
    item, created = NewYear.objects.get_or_create(
        municipality=owner, year=year, defaults={"is_demo": is_demo}
    )
    if created:
        audit_log(user=by, action=AuditAction.CREATE, obj=item, municipality=owner)
    return item


@transaction.atomic
def newyear_action_add(*, owner, newyear: NewYear, title, priority, due, owner_name="", by=None):
    """A preparation action for this jaarwisseling, as an action of the plan in force."""
    plan = policy_selectors.plan_current(municipality=owner)
    if plan is None:
        raise ValidationError(_("Deze gemeente heeft geen beleidsplan om de actie in op te nemen."))
    execution_plan = plan.execution_plans.order_by("-pk").first()
    if execution_plan is None:
        raise ValidationError(_("Het beleidsplan heeft nog geen uitvoeringsplan."))
    action = policy_services.action_create(
        plan=plan,
        priority=priority,
        execution_plan=execution_plan,
        title=title,
        owner=owner_name,
        due=due,
        description=_("Voorbereiding jaarwisseling %(y)s") % {"y": newyear},
        is_demo=newyear.is_demo,
        by=by,
    )
    newyear.actions.add(action)
    return action


@transaction.atomic
def newyear_evaluate(*, owner, newyear: NewYear, evaluation: str, evaluated_on, by) -> NewYear:
    newyear.evaluation, newyear.evaluated_on = evaluation, evaluated_on
    newyear.full_clean()
    newyear.save()
    audit_log(user=by, action=AuditAction.UPDATE, obj=newyear, municipality=owner, note="evaluatie")
    return newyear
