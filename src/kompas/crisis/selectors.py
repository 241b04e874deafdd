# SPDX-License-Identifier: EUPL-1.2
"""Reads for the crisis organisation. Every read starts from an owner (a gemeente the user
works in, or the HOWO district of such a gemeente) that `owner_for_user` resolved; anything
else is 404. Partners (ketenpartners) never see crisis records."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from kompas.core.constants import INTERNAL_ROLES, STAFF_ROLES
from kompas.core.models import Municipality, Partnership
from kompas.core.selectors import municipality_for_api, municipality_get_for_user

from .constants import EXPIRY_WARNING_DAYS, FACILITY_CHECK_DAYS, Readiness
from .models import (
    Absence,
    Assignment,
    CrisisMember,
    Facility,
    FireStation,
    KeyFunction,
    OtoActivity,
    PiketSlot,
    Qualification,
    SubPlan,
)


def today() -> date:
    return timezone.localdate()


@dataclass(frozen=True)
class Owner:
    """Whose crisis organisation a page shows: a gemeente or a samenwerkingsverband."""

    municipality: Municipality | None = None
    partnership: Partnership | None = None
    can_write: bool = False
    # The gemeente in whose menu the page sits (for a district: the user's gemeente).
    context_municipality: Municipality | None = None

    @property
    def filter(self) -> dict:
        if self.municipality is not None:
            return {"municipality": self.municipality}
        return {"partnership": self.partnership}

    @property
    def name(self) -> str:
        return (self.municipality or self.partnership).name

    @property
    def is_district(self) -> bool:
        return self.partnership is not None


def owner_for_user(*, user, slug: str, district: str | None = None) -> tuple[Owner, object]:
    """The gemeente `slug` (internal roles), or the samenwerkingsverband `district` it takes
    part in. Staff (adviseur, beheerder) write; lezers read; partners and strangers get 404.
    Returns (owner, membership)."""
    municipality, membership = municipality_get_for_user(user=user, slug=slug, roles=INTERNAL_ROLES)
    can_write = membership.role in STAFF_ROLES
    if district is None:
        return (
            Owner(
                municipality=municipality, can_write=can_write, context_municipality=municipality
            ),
            membership,
        )
    partnership = municipality.partnerships.filter(code=district).first()
    if partnership is None:
        raise Http404
    return (
        Owner(partnership=partnership, can_write=can_write, context_municipality=municipality),
        membership,
    )


def owner_for_api(*, user, gemeente: str, write: bool = False) -> Owner:
    """API: the gemeente by GM code or slug; 404 outside the user's internal roles."""
    roles = STAFF_ROLES if write else INTERNAL_ROLES
    _municipality, membership = municipality_for_api(user=user, ref=gemeente, roles=roles)
    return Owner(
        municipality=membership.municipality,
        can_write=membership.role in STAFF_ROLES,
        context_municipality=membership.municipality,
    )


def district_list(*, municipality: Municipality) -> QuerySet[Partnership]:
    return municipality.partnerships.order_by("name")


# --- Lists -----------------------------------------------------------------------------------
def function_list(*, owner: Owner) -> QuerySet[KeyFunction]:
    return KeyFunction.objects.filter(**owner.filter).order_by("name")


def function_get(*, owner: Owner, pk: int) -> KeyFunction:
    return _get(function_list(owner=owner), pk)


def member_list(*, owner: Owner, q: str = "", include_inactive: bool = True):
    qs = CrisisMember.objects.filter(**owner.filter).order_by("name")
    if not include_inactive:
        qs = qs.filter(active=True)
    if q:
        qs = qs.filter(Q(name__icontains=q) | Q(organisation__icontains=q))
    return qs


def member_get(*, owner: Owner, pk: int) -> CrisisMember:
    return _get(member_list(owner=owner), pk)


def member_detail(*, member: CrisisMember) -> dict:
    return {
        "assignments": list(member.assignments.select_related("function").order_by("function")),
        "qualifications": list(member.qualifications.select_related("function")),
        "piket": list(member.piket.select_related("function").order_by("-starts_on")[:20]),
        "absences": list(member.absences.order_by("-starts_on")[:20]),
    }


def assignment_get(*, member: CrisisMember, pk: int) -> Assignment:
    return _get(member.assignments.select_related("function"), pk)


def oto_list(*, owner: Owner, year: int | None = None) -> QuerySet[OtoActivity]:
    qs = OtoActivity.objects.filter(**owner.filter).prefetch_related("functions")
    if year:
        qs = qs.filter(date__year=year)
    return qs.order_by("-date", "-pk")


def oto_get(*, owner: Owner, pk: int) -> OtoActivity:
    return _get(oto_list(owner=owner), pk)


def facility_list(*, owner: Owner) -> QuerySet[Facility]:
    return Facility.objects.filter(**owner.filter)


def facility_get(*, owner: Owner, pk: int) -> Facility:
    return _get(facility_list(owner=owner), pk)


def subplan_list(*, owner: Owner) -> QuerySet[SubPlan]:
    return SubPlan.objects.filter(**owner.filter)


def subplan_get(*, owner: Owner, pk: int) -> SubPlan:
    return _get(subplan_list(owner=owner), pk)


def firestation_list(*, owner: Owner) -> QuerySet[FireStation]:
    return FireStation.objects.filter(**owner.filter)


def firestation_get(*, owner: Owner, pk: int) -> FireStation:
    return _get(firestation_list(owner=owner), pk)


def _get(qs, pk):
    obj = qs.filter(pk=pk).first()
    if obj is None:
        raise Http404
    return obj


# --- Readiness -------------------------------------------------------------------------------
@dataclass
class FunctionReadiness:
    function: KeyFunction
    required: int
    qualified_available: int = 0
    assigned: int = 0
    on_piket: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # why assigned people do not count

    @property
    def status(self) -> str:
        if self.qualified_available >= self.required:
            return Readiness.GREEN
        if self.qualified_available > 0:
            return Readiness.AMBER
        return Readiness.RED

    @property
    def status_label(self) -> str:
        return Readiness(self.status).label


def readiness(*, owner: Owner, on: date | None = None) -> list[FunctionReadiness]:
    """Per key function: how many assigned, active people hold a qualification for it that is
    valid on `on` and are not absent on `on`. Four queries whatever the size."""
    on = on or today()
    functions = list(function_list(owner=owner))
    by_function = {f.pk: FunctionReadiness(function=f, required=f.required) for f in functions}
    assignments = Assignment.objects.filter(function__in=functions).values_list(
        "function_id", "member_id", "member__active", "member__name"
    )
    valid = set(
        Qualification.objects.filter(function__in=functions, obtained_on__lte=on)
        .filter(Q(expires_on__isnull=True) | Q(expires_on__gte=on))
        .values_list("function_id", "member_id")
    )
    absent = set(
        Absence.objects.filter(
            member__in=CrisisMember.objects.filter(**owner.filter),
            starts_on__lte=on,
            ends_on__gte=on,
        ).values_list("member_id", flat=True)
    )
    for function_id, member_id, active, name in assignments:
        row = by_function[function_id]
        row.assigned += 1
        if not active:
            row.missing.append(_("%(n)s: niet actief") % {"n": name})
        elif (function_id, member_id) not in valid:
            row.missing.append(_("%(n)s: geen geldige kwalificatie") % {"n": name})
        elif member_id in absent:
            row.missing.append(_("%(n)s: afwezig") % {"n": name})
        else:
            row.qualified_available += 1
    for function_id, name in PiketSlot.objects.filter(
        function__in=functions, starts_on__lte=on, ends_on__gte=on
    ).values_list("function_id", "member__name"):
        by_function[function_id].on_piket.append(name)
    return [by_function[f.pk] for f in functions]


def readiness_summary(*, owner: Owner, on: date | None = None) -> dict:
    rows = readiness(owner=owner, on=on)
    counts = defaultdict(int)
    for row in rows:
        counts[row.status] += 1
    return {
        "rows": rows,
        "green": counts[Readiness.GREEN],
        "amber": counts[Readiness.AMBER],
        "red": counts[Readiness.RED],
        "total": len(rows),
    }


def qualifications_expiring(*, owner: Owner, on: date | None = None, days=EXPIRY_WARNING_DAYS):
    """Qualifications of active members that expire within `days` of `on` (or have expired
    while the member is still assigned to that function)."""
    on = on or today()
    return (
        Qualification.objects.filter(
            member__in=CrisisMember.objects.filter(**owner.filter, active=True),
            expires_on__isnull=False,
            expires_on__gte=on,
            expires_on__lte=on + timedelta(days=days),
        )
        .select_related("member", "function")
        .order_by("expires_on")
    )


def facilities_due(*, owner: Owner, on: date | None = None) -> list[Facility]:
    on = on or today()
    limit = on - timedelta(days=FACILITY_CHECK_DAYS)
    return [
        f
        for f in facility_list(owner=owner)
        if f.last_checked_on is None or f.last_checked_on < limit
    ]


def owned_event_kinds() -> list[dict]:
    """For core.hooks.register_event_kinds: held OTO activities record `crisisoefening`
    themselves, so the event register no longer offers it for hand entry."""
    from django.utils.translation import gettext as _

    from kompas.policy.constants import EventKind

    return [{"kind": EventKind.CRISIS_EXERCISE.value, "register": _("OTO-activiteiten")}]
