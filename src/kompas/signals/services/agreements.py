# SPDX-License-Identifier: EUPL-1.2
"""Sharing agreements: the beheerder's list of partner organisations the gemeente may share
signals with, each with the agreement's name, date and legal ground. Every change is audited."""

from django.db import transaction

from kompas.core.constants import AuditAction
from kompas.core.models import Municipality
from kompas.core.services import audit_log

from ..models import SharingAgreement

_FIELDS = ("partner", "name", "signed_on", "legal_ground")


@transaction.atomic
def sharing_agreement_save(
    *, municipality: Municipality, by, agreement: SharingAgreement | None = None, **values
) -> SharingAgreement:
    """Add an agreement (agreement None) or change one of the gemeente's own."""
    if agreement is not None and agreement.municipality_id != municipality.pk:
        raise ValueError("agreement of another gemeente")
    creating = agreement is None
    agreement = agreement or SharingAgreement(municipality=municipality)
    old = {f: getattr(agreement, f, None) for f in _FIELDS} if not creating else {}
    for name in _FIELDS:
        if name in values:
            setattr(agreement, name, values[name])
    agreement.full_clean()
    agreement.save()
    if creating:
        audit_log(user=by, action=AuditAction.CREATE, obj=agreement, fields=_FIELDS)
    else:
        changed = {
            f: (old[f], getattr(agreement, f)) for f in _FIELDS if old[f] != getattr(agreement, f)
        }
        if changed:
            audit_log(user=by, action=AuditAction.UPDATE, obj=agreement, changes=changed)
    return agreement


@transaction.atomic
def sharing_agreement_deactivate(*, agreement: SharingAgreement, by) -> SharingAgreement:
    """End an agreement: it is no longer offered when sharing; past forwardings keep it."""
    if agreement.active:
        agreement.active = False
        agreement.save(update_fields=["active"])
        audit_log(
            user=by,
            action=AuditAction.UPDATE,
            obj=agreement,
            changes={"active": ("actief", "beëindigd")},
            note="deelafspraak beëindigd",
        )
    return agreement
