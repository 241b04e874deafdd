# SPDX-License-Identifier: EUPL-1.2
"""Reads for ondermijning. Controles are the gemeente's own: its internal roles read them,
adviseur, beheerder and bibob-coördinator write; partners and other gemeenten get 404.
Ondermijningsdagen belong to a samenwerkingsverband: the staff of every member gemeente see
the days and the summary, but only the controles (and findings) of their own gemeente."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Max, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kompas.core.constants import INTERNAL_ROLES
from kompas.core.models import Membership, Municipality, PartnerOrganisation, Partnership
from kompas.core.selectors import (
    partnership_list,
    register_access,
    register_access_api,
)
from kompas.signals import selectors as signal_selectors

from .constants import (
    COUNTED_STATUSES,
    DAYS_PER_YEAR,
    KVO_EXPIRY_WARNING_DAYS,
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


def today() -> date:
    return timezone.localdate()


def owned_event_kinds() -> list[dict]:
    """For core.hooks.register_event_kinds: the policy event kinds this app records itself."""
    return [
        {"kind": "integrale_controle", "register": _("integrale controles")},
        {"kind": "ondermijningsdag", "register": _("ondermijningsdagen")},
    ]


# --- Access ----------------------------------------------------------------------------------
def gemeente_for_user(*, user, slug: str, write: bool = False) -> tuple[Municipality, Membership]:
    """(municipality, membership) for the gemeente's internal roles; 404 otherwise. `write`
    needs a staff role (a lezer gets 403)."""
    return register_access(user=user, slug=slug, write=write)


def gemeente_for_api(*, user, gemeente: str, write: bool = False):
    """The same for the API, by GM code or slug; a lezer writing gets 404 like any other."""
    return register_access_api(user=user, ref=gemeente, write=write)


def partnership_for_user(*, user, code: str) -> Partnership:
    """A samenwerkingsverband in which the user holds an internal role in a member gemeente."""
    if not user.is_authenticated:
        raise Http404
    partnership = (
        Partnership.objects.filter(
            code=code,
            members__memberships__user=user,
            members__memberships__role__in=list(INTERNAL_ROLES),
        )
        .distinct()
        .first()
    )
    if partnership is None:
        raise Http404
    return partnership


def partnerships_of(*, municipality: Municipality) -> QuerySet[Partnership]:
    return partnership_list(municipality=municipality)


# --- Reference lists -------------------------------------------------------------------------
def branche_list(*, include_inactive: bool = False) -> QuerySet[Branche]:
    qs = Branche.objects.all()
    return qs if include_inactive else qs.filter(active=True)


def partner_list() -> QuerySet[PartnerOrganisation]:
    return PartnerOrganisation.objects.filter(active=True)


def dossier_list(*, municipality: Municipality):
    """The meldpunt's address dossiers of the gemeente, to link a location to."""
    return signal_selectors.dossier_list(municipality=municipality)


# --- Controles -------------------------------------------------------------------------------
def controle_list(
    *,
    municipality: Municipality,
    year: int | None = None,
    status: str = "",
    branche: str = "",
    q: str = "",
    chosen=None,
) -> QuerySet[Controle]:
    """`chosen` (core.phenomena.Chosen): only the controles of its year held for the chosen
    phenomena. A controle has no phenomenon of its own; it counts when its reason is the
    fenomenenkeuze, or when one of its locations is an address dossier of the meldpunt with a
    signal on a chosen phenomenon (README, Ondermijning)."""
    qs = Controle.objects.filter(municipality=municipality)
    if year:
        qs = qs.filter(date__year=year)
    if chosen is not None:
        dossiers = signal_selectors.dossier_ids_with_phenomena(
            municipality=municipality, codes=chosen.codes
        )
        on_chosen = Q(
            pk__in=ControleLocation.objects.filter(dossier_id__in=dossiers).values("controle_id")
        )
        reason = Q(reason=ControleReason.PHENOMENA) if chosen.adopted else Q(pk__in=[])
        qs = qs.filter(date__year=chosen.year).filter(reason | on_chosen)
    if status:
        qs = qs.filter(status=status)
    if branche:
        qs = qs.filter(branche__code=branche)
    if q:
        qs = qs.filter(
            Q(title__icontains=q) | Q(locations__address__icontains=q) | Q(follow_up__icontains=q)
        ).distinct()
    return (
        qs.select_related("branche", "day", "day__host")
        .annotate(n_locations=Count("locations", distinct=True))
        .order_by("-date", "-pk")
    )


def controle_get(*, municipality: Municipality, pk: int) -> Controle:
    controle = (
        Controle.objects.filter(municipality=municipality, pk=pk)
        .select_related("branche", "day", "day__host", "created_by")
        .prefetch_related(
            "partners",
            Prefetch(
                "locations",
                queryset=ControleLocation.objects.select_related("dossier").prefetch_related(
                    "findings"
                ),
            ),
        )
        .first()
    )
    if controle is None:
        raise Http404
    return controle


def finding_get(*, controle: Controle, pk: int) -> Finding:
    finding = Finding.objects.filter(location__controle=controle, pk=pk).first()
    if finding is None:
        raise Http404
    return finding


def controle_years(*, municipality: Municipality) -> list[int]:
    dates = Controle.objects.filter(municipality=municipality).dates("date", "year", order="DESC")
    return [d.year for d in dates]


def controles_counted(*, municipality: Municipality, year: int) -> int:
    return Controle.objects.filter(
        municipality=municipality, date__year=year, status__in=COUNTED_STATUSES
    ).count()


def year_figures(*, municipality: Municipality, year: int) -> dict:
    """Counts of the year: controles carried out, their addresses, days hosted and held."""
    counted = Controle.objects.filter(
        municipality=municipality, date__year=year, status__in=COUNTED_STATUSES
    )
    return {
        "controles": counted.count(),
        "locations": ControleLocation.objects.filter(controle__in=counted).count(),
        "days_hosted": UnderminingDay.objects.filter(
            host=municipality, date__year=year, status=DayStatus.HELD
        ).count(),
    }


# --- Ondermijningsdagen ----------------------------------------------------------------------
def day_list(
    *, partnerships, year: int | None = None, status: str = ""
) -> QuerySet[UnderminingDay]:
    qs = UnderminingDay.objects.filter(partnership__in=partnerships)
    if year:
        qs = qs.filter(date__year=year)
    if status:
        qs = qs.filter(status=status)
    return (
        qs.select_related("host", "partnership")
        .prefetch_related("partners")
        .annotate(n_controles=Count("controles"))
        .order_by("date", "pk")
    )


def day_next(*, municipality: Municipality, on: date) -> UnderminingDay | None:
    """The first planned day from `on` in the gemeente's samenwerkingsverbanden."""
    return (
        UnderminingDay.objects.filter(
            partnership__in=partnerships_of(municipality=municipality),
            date__gte=on,
            status=DayStatus.PLANNED,
        )
        .select_related("host")
        .order_by("date", "pk")
        .first()
    )


def day_get(*, municipality: Municipality, pk: int) -> UnderminingDay:
    day = day_list(partnerships=partnerships_of(municipality=municipality)).filter(pk=pk).first()
    if day is None:
        raise Http404
    return day


def day_choices(*, municipality: Municipality) -> QuerySet[UnderminingDay]:
    """The days a controle of this gemeente can be held on: its partnerships' days."""
    return UnderminingDay.objects.filter(
        partnership__in=partnerships_of(municipality=municipality)
    ).select_related("host")


def day_controles(*, day: UnderminingDay, municipality: Municipality) -> dict:
    """The controles held on a day: the gemeente's own in full; of other gemeenten only how
    many (their findings stay with them)."""
    own = list(day.controles.filter(municipality=municipality).select_related("branche"))
    others = (
        day.controles.exclude(municipality=municipality)
        .values("municipality__name")
        .annotate(n=Count("pk"))
        .order_by("municipality__name")
    )
    return {"own": own, "others": [(r["municipality__name"], r["n"]) for r in others]}


@dataclass
class GemeenteDays:
    municipality: Municipality
    held: int
    planned: int
    places: list[str]


def partnership_summary(*, partnership: Partnership, year: int) -> dict:
    """The coordinator's page: per member gemeente the days held and planned in `year` (as
    host) and where they took place, against the "10-tal per jaar". Two queries."""
    days = list(day_list(partnerships=[partnership], year=year))
    rows = []
    for municipality in partnership.members.order_by("name"):
        own = [d for d in days if d.host_id == municipality.pk]
        rows.append(
            GemeenteDays(
                municipality=municipality,
                held=sum(1 for d in own if d.status == DayStatus.HELD),
                planned=sum(1 for d in own if d.status == DayStatus.PLANNED),
                places=[d.place or d.host.name for d in own if d.status == DayStatus.HELD],
            )
        )
    held = sum(r.held for r in rows)
    planned = sum(r.planned for r in rows)
    return {
        "partnership": partnership,
        "year": year,
        "rows": rows,
        "days": days,
        "held": held,
        "planned": planned,
        "target": DAYS_PER_YEAR,
        "reached": held >= DAYS_PER_YEAR,
        "expected": held + planned,
    }


# --- Opkopers (DOR/DOL) and KVO-B -----------------------------------------------------------
def dealer_list(*, municipality: Municipality, q: str = "") -> QuerySet[Dealer]:
    """The gemeente's opkopers by name; `q` searches name, KvK number and address. Each with
    `n_checks` and `last_check` (the date of the latest check)."""
    qs = Dealer.objects.filter(municipality=municipality)
    if q:
        qs = qs.filter(Q(name__icontains=q) | Q(kvk_number__contains=q) | Q(address__icontains=q))
    return qs.annotate(n_checks=Count("checks"), last_check=Max("checks__date")).order_by(
        "name", "pk"
    )


def dealer_get(*, municipality: Municipality, pk: int) -> Dealer:
    dealer = Dealer.objects.filter(municipality=municipality, pk=pk).first()
    if dealer is None:
        raise Http404
    return dealer


def dealer_check_get(*, dealer: Dealer, pk: int) -> DealerCheck:
    check = dealer.checks.filter(pk=pk).first()
    if check is None:
        raise Http404
    return check


def kvo_list(*, municipality: Municipality) -> QuerySet[KvoPark]:
    """The gemeente's KVO-B business parks, the first to expire first."""
    return KvoPark.objects.filter(municipality=municipality)


def kvo_get(*, municipality: Municipality, pk: int) -> KvoPark:
    park = KvoPark.objects.filter(municipality=municipality, pk=pk).first()
    if park is None:
        raise Http404
    return park


def kvo_expiring(*, municipality: Municipality, on: date) -> QuerySet[KvoPark]:
    """Certificates that expire within KVO_EXPIRY_WARNING_DAYS of `on` (or have expired in
    that window's past 90 days, so a lapse stays visible for a while)."""
    window = timedelta(days=KVO_EXPIRY_WARNING_DAYS)
    return kvo_list(municipality=municipality).filter(
        expires_on__gte=on - window, expires_on__lte=on + window
    )
