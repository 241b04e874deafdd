# SPDX-License-Identifier: EUPL-1.2
"""Reads for openbare orde. The registers (demonstrations, incidents, matches, events,
jaarwisseling) are for the gemeente's internal roles. The risk inventory is need-to-know:
adviseurs, beheerders and regisseurs of the gemeente see its locations and groups; items of
kind `persoon` only those whose role sees the casework's persons (regisseur, beheerder:
`kompas.cases.selectors.sees_persons`); a partner member sees only the items that name their
organisation (persons included, by pseudonym until revealed); everyone else (lezers included)
gets 404."""

from __future__ import annotations

from datetime import date, timedelta

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from kompas.cases import selectors as cases_selectors
from kompas.core.constants import INTERNAL_ROLES, STAFF_ROLES, Role
from kompas.core.selectors import municipality_for_api, municipality_get_for_user

from .constants import RiskKind
from .models import (
    Demonstration,
    Incident,
    Match,
    NewYear,
    PublicEvent,
    RiskItem,
)

# The gemeente's team on the risk inventory (read and write); partners only read.
INVENTORY_STAFF_ROLES = (*STAFF_ROLES, Role.REGISSEUR)
INVENTORY_ROLES = (*INVENTORY_STAFF_ROLES, Role.PARTNER)


def today() -> date:
    return timezone.localdate()


def sees_persons(membership) -> bool:
    """May this member of the gemeente's team see the inventory's persons (pseudonyms, and
    the identity after "toon identiteit")? The casework's rule, not a second one."""
    return cases_selectors.sees_persons(role=membership.role)


def inventory_can_write(membership) -> bool:
    return membership.role in INVENTORY_STAFF_ROLES


def gemeente_for_user(*, user, slug: str, write: bool = False, inventory: bool = False):
    """(municipality, membership) for the registers (internal roles) or the risk inventory
    (staff and partners); 404 otherwise. `write` needs a staff role."""
    roles = INVENTORY_ROLES if inventory else INTERNAL_ROLES
    municipality, membership = municipality_get_for_user(user=user, slug=slug, roles=roles)
    writers = INVENTORY_STAFF_ROLES if inventory else STAFF_ROLES
    if write and membership.role not in writers:
        raise PermissionDenied
    return municipality, membership


def gemeente_for_api(*, user, gemeente: str, inventory: bool = False):
    roles = INVENTORY_ROLES if inventory else INTERNAL_ROLES
    return municipality_for_api(user=user, ref=gemeente, roles=roles)


def staff_users(*, municipality):
    """Users who may own a risk item: the gemeente's adviseurs and beheerders."""
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(
            memberships__municipality=municipality,
            memberships__role__in=list(INVENTORY_STAFF_ROLES),
        )
        .order_by("last_name", "username")
        .distinct()
    )


# --- Risk inventory --------------------------------------------------------------------------
def risk_list(*, municipality, membership, include_closed: bool = False) -> QuerySet[RiskItem]:
    qs = RiskItem.objects.filter(municipality=municipality)
    if membership.role in INVENTORY_STAFF_ROLES:
        if not sees_persons(membership):
            qs = qs.exclude(kind=RiskKind.PERSON)
    elif membership.role == Role.PARTNER and membership.partner_id:
        qs = qs.filter(partners=membership.partner_id)
    else:
        qs = qs.none()
    if not include_closed:
        qs = qs.filter(closed=False)
    return (
        qs.select_related("owner", "person")
        .prefetch_related("partners")
        .order_by("review_on", "pk")
    )


def risk_get(*, municipality, membership, pk: int) -> RiskItem:
    item = risk_list(municipality=municipality, membership=membership, include_closed=True)
    item = item.filter(pk=pk).first()
    if item is None:
        raise Http404
    return item


def risk_stale(*, municipality, on: date | None = None, membership=None) -> QuerySet[RiskItem]:
    """Open items whose review date has passed: the inventory is no longer current there.
    With `membership` only the items that member sees (start page); without it all of them
    (reports: they name persons by pseudonym only)."""
    on = on or today()
    qs = (
        risk_list(municipality=municipality, membership=membership)
        if membership is not None
        else risk_list_all(municipality=municipality)
    )
    return qs.filter(review_on__lt=on).order_by("review_on", "pk")


def risk_list_all(*, municipality) -> QuerySet[RiskItem]:
    """All open items of the gemeente, for counts in reports (no member: no screen)."""
    return RiskItem.objects.filter(municipality=municipality, closed=False)


def risk_person_get(*, item: RiskItem):
    """The person behind a visible item of kind `persoon` (identity still encrypted); 404 for
    other items."""
    person = getattr(item, "person", None) if item.kind == RiskKind.PERSON else None
    if person is None:
        raise Http404
    return person


def is_stale(item: RiskItem, on: date | None = None) -> bool:
    return not item.closed and item.review_on < (on or today())


def risk_history(*, item: RiskItem):
    return item.history.select_related("changed_by")


# --- Registers -------------------------------------------------------------------------------
def demonstration_list(*, municipality, q: str = "") -> QuerySet[Demonstration]:
    qs = Demonstration.objects.filter(municipality=municipality)
    if q:
        qs = qs.filter(Q(title__icontains=q) | Q(place__icontains=q))
    return qs


def demonstration_get(*, municipality, pk: int) -> Demonstration:
    return _get(demonstration_list(municipality=municipality), pk)


def demonstrations_past_retention(*, municipality=None, days: int, on: date | None = None):
    """Demonstrations whose organiser data is kept longer than `days` after the date."""
    on = on or today()
    qs = Demonstration.objects.filter(date__lt=on - timedelta(days=days)).exclude(
        organiser_name="", organiser_contact=""
    )
    return qs.filter(municipality=municipality) if municipality else qs


def incident_list(*, municipality) -> QuerySet[Incident]:
    return Incident.objects.filter(municipality=municipality)


def incident_get(*, municipality, pk: int) -> Incident:
    return _get(incident_list(municipality=municipality), pk)


def match_list(*, municipality) -> QuerySet[Match]:
    return Match.objects.filter(municipality=municipality).prefetch_related("incidents")


def match_get(*, municipality, pk: int) -> Match:
    return _get(match_list(municipality=municipality), pk)


def event_list(*, municipality) -> QuerySet[PublicEvent]:
    return PublicEvent.objects.filter(municipality=municipality)


def event_get(*, municipality, pk: int) -> PublicEvent:
    return _get(event_list(municipality=municipality), pk)


def newyear_list(*, municipality) -> QuerySet[NewYear]:
    return NewYear.objects.filter(municipality=municipality).prefetch_related("actions")


def newyear_get(*, municipality, year: int) -> NewYear | None:
    return newyear_list(municipality=municipality).filter(year=year).first()


def _get(qs, pk):
    obj = qs.filter(pk=pk).first()
    if obj is None:
        raise Http404
    return obj
