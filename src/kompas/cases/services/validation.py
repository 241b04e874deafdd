# SPDX-License-Identifier: EUPL-1.2
"""Checks on a person's identity, shared by the forms (field errors) and the services (nothing
stored on bad input). Messages in Dutch, naming the field."""

import re
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _


@dataclass
class PersonData:
    name: str
    birth_date: date | None = None
    address: str = ""
    bsn: str = ""
    role: str = ""


@dataclass
class InterventionData:
    description: str
    due_date: date
    owner_partner: object | None = None


def bsn_normalise(raw: str) -> str:
    return re.sub(r"[\s.\-]", "", raw or "")


def bsn_is_valid(bsn: str) -> bool:
    """The 11-proef of a burgerservicenummer: 9 digits, weights 9..2 and -1, sum divisible by 11
    (and not all zeros)."""
    if len(bsn) != 9 or not bsn.isdigit() or set(bsn) == {"0"}:
        return False
    total = sum(int(d) * w for d, w in zip(bsn[:8], range(9, 1, -1), strict=True))
    return (total - int(bsn[8])) % 11 == 0


def person_errors(data: PersonData) -> dict[str, str]:
    errors = {}
    if not (data.name or "").strip():
        errors["name"] = _("Vul de naam van de persoon in.")
    elif len(data.name) > 200:
        errors["name"] = _("De naam is te lang (hoogstens 200 tekens).")
    if data.birth_date is not None:
        if data.birth_date > timezone.localdate():
            errors["birth_date"] = _("De geboortedatum ligt in de toekomst.")
        elif data.birth_date.year < 1900:
            errors["birth_date"] = _("De geboortedatum ligt vóór 1900.")
    if data.bsn and not bsn_is_valid(bsn_normalise(data.bsn)):
        errors["bsn"] = _(
            "Dit is geen geldig burgerservicenummer (9 cijfers die aan de elfproef voldoen)."
        )
    if len(data.address or "") > 300:
        errors["address"] = _("Het adres is te lang (hoogstens 300 tekens).")
    return errors


def person_validate(data: PersonData, *, label: str = "") -> None:
    errors = person_errors(data)
    if errors:
        if label:
            raise ValidationError(
                {
                    "persons": [
                        _("Persoon %(l)s: %(m)s") % {"l": label, "m": m} for m in errors.values()
                    ]
                }
            )
        raise ValidationError(errors)


def reason_clean(reason: str) -> str:
    reason = (reason or "").strip()
    if len(reason) < 5:
        raise ValidationError(
            {"reason": _("Geef een reden op (minstens 5 tekens): waarom is dit nodig?")}
        )
    return reason[:300]
