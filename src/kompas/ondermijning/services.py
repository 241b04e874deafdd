# SPDX-License-Identifier: EUPL-1.2
"""Writes for ondermijning. Each service validates (Dutch errors naming the field), saves in
one transaction and writes an audit entry; a failed save stores nothing.

The registers record their norm events themselves through `policy.services.event_register`
with a source, so a repeated save updates the one event: a controle that is uitgevoerd or
afgerond registers `integrale_controle` for its gemeente (source ondermijning.controle), a
held ondermijningsdag registers `ondermijningsdag` for the samenwerkingsverband (source
ondermijning.dag). Back to gepland, or deleted, withdraws the event."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kompas.core.constants import AuditAction
from kompas.core.registers import record_fill, record_owner_check
from kompas.core.services import audit_log, validated_save
from kompas.policy import services as policy_services
from kompas.policy.constants import EventKind

from .constants import (
    CONTROLE_SOURCE,
    COUNTED_STATUSES,
    DAY_SOURCE,
    DEFAULT_BRANCHES,
    ControleReason,
    DayStatus,
)
from .models import (
    Branche,
    Controle,
    ControleLocation,
    Dealer,
    DealerCheck,
    Finding,
    KvoPark,
    UnderminingDay,
)
from .selectors import partnerships_of, today


def _day(value) -> str:
    return value.strftime("%d-%m-%Y")


def branches_ensure() -> int:
    """The starting list of branches, when missing (a flushed test database, an old install).
    Idempotent; answers how many were added."""
    added = 0
    for code, name in DEFAULT_BRANCHES:
        _b, new = Branche.objects.get_or_create(code=code, defaults={"name": name})
        added += new
    return added


# --- Controles -------------------------------------------------------------------------------
def _controle_check(controle: Controle) -> None:
    errors = {}
    if controle.status in COUNTED_STATUSES and controle.date and controle.date > today():
        errors["status"] = _(
            "Een controle op %(d)s ligt in de toekomst en kan nog niet uitgevoerd zijn."
        ) % {"d": _day(controle.date)}
    if controle.day_id:
        day = controle.day
        if (
            not partnerships_of(municipality=controle.municipality)
            .filter(pk=day.partnership_id)
            .exists()
        ):
            errors["day"] = _(
                "Deze ondermijningsdag hoort niet bij een samenwerkingsverband van de gemeente."
            )
        elif controle.date and controle.date != day.date:
            errors["date"] = _(
                "Een controle op de ondermijningsdag van %(d)s heeft ook die datum."
            ) % {"d": _day(day.date)}
    elif controle.reason == ControleReason.DAY:
        errors["day"] = _("Kies de ondermijningsdag waarop de controle is gehouden.")
    if errors:
        raise ValidationError(errors)


def _controle_event(controle: Controle, *, by) -> None:
    policy_services.event_sync(
        counts=controle.status in COUNTED_STATUSES,
        kind=EventKind.INTEGRAL_INSPECTION,
        source_type=CONTROLE_SOURCE,
        source_id=controle.pk,
        by=by,
        date=controle.date,
        title=_("Integrale controle %(b)s: %(t)s") % {"b": controle.branche, "t": controle.title},
        municipality=controle.municipality,
        is_demo=controle.is_demo,
    )


def _locations_save(controle: Controle, locations: list[dict]) -> None:
    """`locations`: [{'id': int|None, 'address': str, 'dossier': Dossier|None,
    'delete': bool}]; a row without address and id is skipped."""
    for row in locations:
        location = None
        if row.get("id"):
            location = controle.locations.filter(pk=row["id"]).first()
            if location is None:
                raise ValidationError(_("Deze locatie hoort niet bij de controle."))
            if row.get("delete"):
                location.delete()
                continue
        if not (row.get("address") or "").strip():
            if location is not None:
                raise ValidationError({"address": _("Vul het adres in of verwijder de locatie.")})
            continue
        dossier = row.get("dossier")
        if dossier is not None and dossier.municipality_id != controle.municipality_id:
            raise ValidationError({"dossier": _("Dit dossier hoort niet bij de gemeente.")})
        location = location or ControleLocation(controle=controle)
        location.address = row["address"].strip()
        location.dossier = dossier
        validated_save(location)


@transaction.atomic
def controle_save(
    *,
    municipality,
    controle: Controle,
    by,
    fields: dict,
    partners=None,
    locations: list[dict] | None = None,
    is_demo: bool = False,
) -> Controle:
    """Create or change a controle with its partners and locations, and keep its norm event
    in step with its status."""
    previous = (
        None if controle.pk is None else Controle.objects.select_for_update().get(pk=controle.pk)
    )
    creating = record_fill(
        controle,
        fields,
        owner=municipality,
        by=by,
        is_demo=is_demo,
        message=_("Deze controle hoort niet bij de gemeente."),
    )
    controle.full_clean()
    _controle_check(controle)
    controle.save()
    if partners is not None:
        controle.partners.set(partners)
    _locations_save(controle, locations or [])
    changes = {}
    if previous is not None and previous.status != controle.status:
        changes["status"] = (previous.status, controle.status)
    audit_log(
        user=by,
        action=AuditAction.CREATE if creating else AuditAction.UPDATE,
        obj=controle,
        changes=changes,
    )
    _controle_event(controle, by=by)
    return controle


@transaction.atomic
def controle_save_with_findings(
    *, municipality, controle: Controle, by, fields: dict, partners, locations, findings
) -> Controle:
    """A new controle with its locations and, per location (same order), its findings
    [{'outcome', 'text'}]: the API's one call. All or nothing."""
    controle = controle_save(
        municipality=municipality,
        controle=controle,
        by=by,
        fields=fields,
        partners=partners,
        locations=locations,
    )
    for location, rows in zip(controle.locations.order_by("pk"), findings, strict=True):
        for row in rows:
            finding_add(
                controle=controle,
                location=location,
                outcome=row["outcome"],
                text=row.get("text", ""),
                by=by,
            )
    return controle


@transaction.atomic
def controle_delete(*, municipality, controle: Controle, by) -> None:
    if controle.municipality_id != municipality.pk:
        raise ValidationError(_("Deze controle hoort niet bij de gemeente."))
    policy_services.event_withdraw(
        kind=EventKind.INTEGRAL_INSPECTION,
        source_type=CONTROLE_SOURCE,
        source_id=str(controle.pk),
        by=by,
    )
    audit_log(user=by, action=AuditAction.DELETE, obj=controle, note=_day(controle.date))
    controle.delete()


@transaction.atomic
def finding_add(*, controle: Controle, location: ControleLocation, outcome: str, text: str, by):
    if location.controle_id != controle.pk:
        raise ValidationError({"location": _("Deze locatie hoort niet bij de controle.")})
    finding = validated_save(Finding(location=location, outcome=outcome, text=text.strip()))
    audit_log(user=by, action=AuditAction.UPDATE, obj=controle, note=f"bevinding {outcome}")
    return finding


@transaction.atomic
def finding_delete(*, controle: Controle, finding: Finding, by) -> None:
    if finding.location.controle_id != controle.pk:
        raise ValidationError(_("Deze bevinding hoort niet bij de controle."))
    audit_log(
        user=by, action=AuditAction.UPDATE, obj=controle, note=f"bevinding -{finding.outcome}"
    )
    finding.delete()


# --- Ondermijningsdagen ----------------------------------------------------------------------
def _day_event(day: UnderminingDay, *, by) -> None:
    policy_services.event_sync(
        counts=day.status == DayStatus.HELD,
        kind=EventKind.UNDERMINING_DAY,
        source_type=DAY_SOURCE,
        source_id=day.pk,
        by=by,
        date=day.date,
        title=_("Ondermijningsdag %(g)s: %(t)s") % {"g": day.host, "t": day.theme},
        partnership=day.partnership,
        is_demo=day.is_demo,
    )


@transaction.atomic
def day_save(
    *, municipality, day: UnderminingDay, by, fields: dict, partners=None, is_demo: bool = False
) -> UnderminingDay:
    """Create or change an ondermijningsdag. The staff of the host gemeente keep it; a held
    day (not in the future) registers the samenwerkingsverband's event."""
    creating = record_fill(
        day,
        fields,
        owner=municipality,
        by=by,
        is_demo=is_demo,
        owner_field="host",
        message=_("Alleen de gastgemeente wijzigt deze ondermijningsdag."),
    )
    errors = {}
    if (
        day.partnership_id
        and not partnerships_of(municipality=municipality).filter(pk=day.partnership_id).exists()
    ):
        errors["partnership"] = _("De gemeente neemt niet deel aan dit samenwerkingsverband.")
    if day.status == DayStatus.HELD and day.date and day.date > today():
        errors["status"] = _(
            "Een ondermijningsdag op %(d)s ligt in de toekomst en kan nog niet gehouden zijn."
        ) % {"d": _day(day.date)}
    if errors:
        raise ValidationError(errors)
    day.full_clean()
    day.save()
    if partners is not None:
        day.partners.set(partners)
    moved = day.controles.exclude(date=day.date)
    if moved.exists():
        raise ValidationError(
            {"date": _("Op deze dag staan controles met de oude datum; wijzig die eerst.")}
        )
    audit_log(
        user=by,
        action=AuditAction.CREATE if creating else AuditAction.UPDATE,
        obj=day,
        municipality=municipality,
    )
    _day_event(day, by=by)
    return day


@transaction.atomic
def day_delete(*, municipality, day: UnderminingDay, by) -> None:
    if day.host_id != municipality.pk:
        raise ValidationError(_("Alleen de gastgemeente verwijdert deze ondermijningsdag."))
    if day.controles.exists():
        raise ValidationError(
            _("Op deze dag staan controles; koppel die eerst los of verwijder ze.")
        )
    policy_services.event_withdraw(
        kind=EventKind.UNDERMINING_DAY, source_type=DAY_SOURCE, source_id=str(day.pk), by=by
    )
    audit_log(user=by, action=AuditAction.DELETE, obj=day, municipality=municipality)
    day.delete()


# --- Opkopers (DOR/DOL) and KVO-B -----------------------------------------------------------
def _mine(obj, municipality) -> None:
    record_owner_check(obj, municipality)


def _dealer_check(dealer: Dealer) -> None:
    if dealer.dor_since and dealer.dor_since > today():
        raise ValidationError({"dor_since": _("De datum van inschrijving ligt in de toekomst.")})
    if dealer.dor_since and not dealer.dor_required:
        raise ValidationError(
            {"dor_since": _("Een opkoper zonder DOR-plicht heeft geen datum van inschrijving.")}
        )


@transaction.atomic
def dealer_save(*, municipality, dealer: Dealer, by, fields: dict, is_demo: bool = False):
    """Create or change an opkoper; the KvK number is eight digits and unique per gemeente."""
    creating = record_fill(dealer, fields, owner=municipality, by=by, is_demo=is_demo, strip=True)
    dealer.full_clean()
    _dealer_check(dealer)
    dealer.save()
    audit_log(user=by, action=AuditAction.CREATE if creating else AuditAction.UPDATE, obj=dealer)
    return dealer


@transaction.atomic
def dealer_delete(*, municipality, dealer: Dealer, by) -> None:
    _mine(dealer, municipality)
    audit_log(user=by, action=AuditAction.DELETE, obj=dealer, note=dealer.kvk_number)
    dealer.delete()


@transaction.atomic
def dealer_check_add(*, dealer: Dealer, on, outcome: str, text: str, by) -> DealerCheck:
    if on and on > today():
        raise ValidationError(
            {"date": _("Een controle in de toekomst kan nog niet gehouden zijn.")}
        )
    check = validated_save(DealerCheck(dealer=dealer, date=on, outcome=outcome, text=text.strip()))
    audit_log(user=by, action=AuditAction.UPDATE, obj=dealer, note=f"controle {outcome}")
    return check


@transaction.atomic
def dealer_check_delete(*, dealer: Dealer, check: DealerCheck, by) -> None:
    if check.dealer_id != dealer.pk:
        raise ValidationError(_("Deze controle hoort niet bij de opkoper."))
    audit_log(user=by, action=AuditAction.UPDATE, obj=dealer, note=f"controle -{check.outcome}")
    check.delete()


def _kvo_check(park: KvoPark) -> None:
    errors = {}
    if park.certified_on and park.expires_on and park.expires_on <= park.certified_on:
        errors["expires_on"] = _("Het certificaat verloopt na de datum waarop het is behaald.")
    if park.certified_on and park.certified_on > today():
        errors["certified_on"] = _("Het certificaat kan nog niet in de toekomst behaald zijn.")
    if park.certified_on and park.next_review and park.next_review < park.certified_on:
        errors["next_review"] = _("De volgende evaluatie ligt na de certificering.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def kvo_save(*, municipality, park: KvoPark, by, fields: dict, is_demo: bool = False):
    """Create or change a KVO-B business park; the certificate expires after it was obtained."""
    creating = record_fill(park, fields, owner=municipality, by=by, is_demo=is_demo, strip=True)
    park.full_clean()
    _kvo_check(park)
    park.save()
    audit_log(user=by, action=AuditAction.CREATE if creating else AuditAction.UPDATE, obj=park)
    return park


@transaction.atomic
def kvo_delete(*, municipality, park: KvoPark, by) -> None:
    _mine(park, municipality)
    audit_log(user=by, action=AuditAction.DELETE, obj=park)
    park.delete()
