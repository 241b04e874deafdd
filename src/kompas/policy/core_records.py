# SPDX-License-Identifier: EUPL-1.2
"""Reads of core's records that policy needs (partner organisations, staff, samenwerkingsverbanden,
gemeenten by code); re-exported by policy.selectors, where callers find them."""

from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from kompas.core.constants import STAFF_ROLES
from kompas.core.models import Municipality, PartnerOrganisation, Partnership


def partner_names() -> dict[str, str]:
    """Partner organisation code -> name (all, also inactive: old plans name them)."""
    return dict(PartnerOrganisation.objects.values_list("code", "name"))


def partner_choices() -> list[tuple[str, str]]:
    """(code, name) of the active partner organisations, for a form."""
    return list(PartnerOrganisation.objects.filter(active=True).values_list("code", "name"))


def partner_codes_unknown(codes) -> list[str]:
    """The codes among `codes` that name no partner organisation."""
    known = set(
        PartnerOrganisation.objects.filter(code__in=list(codes)).values_list("code", flat=True)
    )
    return [c for c in codes if c not in known]


def staff_user_list(*, municipality: Municipality):
    """Users with a staff role in the gemeente (candidates to own an action)."""
    return (
        get_user_model()
        .objects.filter(
            memberships__municipality=municipality, memberships__role__in=list(STAFF_ROLES)
        )
        .distinct()
        .order_by("last_name", "username")
    )


def partnership_list(*, municipality: Municipality) -> QuerySet[Partnership]:
    """The samenwerkingsverbanden the gemeente takes part in."""
    return municipality.partnerships.all()


def partnership_find(*, municipality: Municipality, code: str) -> Partnership | None:
    """One of the gemeente's samenwerkingsverbanden by code, else None."""
    return partnership_list(municipality=municipality).filter(code=code).first()


def municipality_by_code(*, code: str) -> Municipality | None:
    """A gemeente of this installation by CBS code (for the command line; no user scope)."""
    return Municipality.objects.filter(code=code.upper()).first()
