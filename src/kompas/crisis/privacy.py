# SPDX-License-Identifier: EUPL-1.2
"""The crisis organisation's entries in the verwerkingsregister (kompas.core.privacy)."""

from django.utils.translation import gettext as _str
from django.utils.translation import gettext_lazy as _

from kompas.core import privacy as p

from .retention import contact_retention_months, member_retention_months

BASIS = _("AVG art. 6 lid 1 sub c en e; Wet veiligheidsregio's art. 2 en 16")
RUN = "kompas retention run"


def _member_term(_municipality) -> str:
    return _str(
        "%(months)s maanden nadat de persoon de crisisorganisatie verliet (op inactief gezet) "
        "verwijderd, met functies, piket, afwezigheid en kwalificaties "
        "(KOMPAS_CRISIS_MEMBER_RETENTION_MONTHS)."
    ) % {"months": member_retention_months()}


def _contact_term(_municipality) -> str:
    return _str(
        "%(months)s maanden na het laatste overleg gewist (KOMPAS_CRISIS_CONTACT_RETENTION_"
        "MONTHS); zonder datum laatste overleg wist een medewerker de gegevens."
    ) % {"months": contact_retention_months()}


MEMBER_TERM = p.Retention(describe=_member_term, enforced_by=RUN)
CONTACT_TERM = p.Retention(describe=_contact_term, enforced_by=RUN)


def declare() -> None:
    p.declare(
        "crisis.CrisisMember",
        ["name", "organisation", "phone", "email"],
        category=p.CONTACT,
        basis=BASIS,
        retention=MEMBER_TERM,
        purpose=_("Alarmeren en bezetten van sleutelfuncties (werkgegevens, geen privénummers)."),
    )
    p.declare(
        "crisis.Qualification",
        ["name"],
        category=_("Opleiding en kwalificaties"),
        basis=BASIS,
        retention=MEMBER_TERM,
        purpose=_("Vakbekwaamheid van wie een sleutelfunctie vervult."),
    )
    p.declare(
        "crisis.FireStation",
        ["contact_name", "contact_phone"],
        category=p.CONTACT,
        basis=BASIS,
        retention=CONTACT_TERM,
        purpose=_("Contact met de brandweerpost (werkgegevens)."),
    )
    p.not_personal(
        "crisis.KeyFunction", ["name", "description"], reason="a function, not its holder"
    )
    p.not_personal(
        "crisis.Facility",
        ["name", "address", "notes"],
        reason="a building (opvanglocatie, gemeentehuis) and the arrangements about it",
    )
    p.not_personal(
        "crisis.FireStation", ["name", "notes"], reason="the station and arrangements with it"
    )
    p.not_personal(
        "crisis.OtoActivity",
        ["evaluation"],
        reason="evaluation of an exercise of the organisation; the form asks for no names",
    )
