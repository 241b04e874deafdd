# SPDX-License-Identifier: EUPL-1.2
"""The person mechanism of casework, for every app that holds a person: the identity (name,
date of birth, address, BSN) encrypted with the meldpunt's keys (kompas.signals.crypto) in the
fields of `cases.models.EncryptedIdentity`, shown as a pseudonym ("HV-2026-014 persoon A")
everywhere, and revealed only for a reason with an audit entry of action `reveal`.

A holder is any model instance with the `EncryptedIdentity` fields, a `label` and a
`pseudonym` (and optionally a `role`): cases' `Person`, openbare orde's risk person.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from django.db import transaction

from kompas.core.constants import AuditAction
from kompas.core.services import audit_log
from kompas.signals import crypto

from ..models import IDENTITY_FIELDS, pseudonym
from .validation import PersonData, bsn_normalise, person_validate, reason_clean

__all__ = [
    "IDENTITY_FIELDS",
    "Identity",
    "identities_rotate",
    "identity_decrypt",
    "identity_encrypt",
    "identity_reveal",
    "pseudonym",
]


@dataclass
class Identity:
    pseudonym: str
    label: str
    name: str
    birth_date: date | None
    address: str
    bsn: str
    role: str = ""


def identity_encrypt(data: PersonData, *, label: str = "") -> dict[str, str]:
    """Validate `data` (Dutch errors naming the field, or 'Persoon A: ...' with a label) and
    answer the encrypted values for the `EncryptedIdentity` fields."""
    person_validate(data, label=label)
    return {
        "name_enc": crypto.encrypt(data.name.strip()),
        "birth_date_enc": crypto.encrypt(data.birth_date.isoformat() if data.birth_date else ""),
        "address_enc": crypto.encrypt((data.address or "").strip()),
        "bsn_enc": crypto.encrypt(bsn_normalise(data.bsn)),
    }


def identity_decrypt(holder) -> Identity:
    """Decrypt one holder (no audit: callers audit; pages use `identity_reveal`)."""
    birth = crypto.decrypt(holder.birth_date_enc)
    return Identity(
        pseudonym=holder.pseudonym,
        label=holder.label,
        name=crypto.decrypt(holder.name_enc),
        birth_date=date.fromisoformat(birth) if birth else None,
        address=crypto.decrypt(holder.address_enc),
        bsn=crypto.decrypt(holder.bsn_enc),
        role=getattr(holder, "role", ""),
    )


@transaction.atomic
def identity_reveal(
    *,
    user,
    reason: str,
    holders: Sequence,
    object_type: str,
    object_id,
    municipality,
) -> list[Identity]:
    """The identities behind the holders' pseudonyms, for a reason (at least 5 characters,
    else a Dutch ValidationError on `reason` and nothing audited). One audit entry of action
    `reveal` on the record (`object_type`/`object_id`) names the persons and the reason."""
    reason = reason_clean(reason)
    audit_log(
        user=user,
        action=AuditAction.REVEAL,
        object_type=object_type,
        object_id=object_id,
        municipality=municipality,
        fields=[f"persoon {h.label}" for h in holders],
        note=reason,
    )
    return [identity_decrypt(h) for h in holders]


def identities_rotate(holders: Iterable) -> int:
    """Re-encrypt the identity fields of `holders` (a queryset, locked by the caller's
    transaction) with the meldpunt's current first key; answers how many."""
    count = 0
    for holder in holders:
        for f in IDENTITY_FIELDS:
            setattr(holder, f, crypto.rotate_text(getattr(holder, f)))
        holder.save(update_fields=list(IDENTITY_FIELDS))
        count += 1
    return count
