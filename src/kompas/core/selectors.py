# SPDX-License-Identifier: EUPL-1.2
"""Reads for core. Every staff query starts from the user's memberships (default deny)."""

from collections.abc import Iterable

from django.db.models import Count, Max, Q, QuerySet
from django.db.models.functions import Substr
from django.http import Http404
from django.utils.translation import gettext as _

from .constants import INTERNAL_ROLES, AuditAction
from .models import (
    AuditEntry,
    Membership,
    Municipality,
    MunicipalityLogo,
    NotificationOptOut,
    PartnerOrganisation,
    Partnership,
    Region,
)


def membership_list(*, user) -> QuerySet[Membership]:
    if not user.is_authenticated:
        return Membership.objects.none()
    return Membership.objects.filter(user=user).select_related("municipality", "partner")


def municipality_list(*, user, roles: Iterable[str] = INTERNAL_ROLES) -> QuerySet[Municipality]:
    """The gemeenten in which the user holds one of `roles`."""
    if not user.is_authenticated:
        return Municipality.objects.none()
    return Municipality.objects.filter(
        memberships__user=user, memberships__role__in=list(roles)
    ).distinct()


def membership_get(*, user, municipality: Municipality) -> Membership | None:
    return membership_list(user=user).filter(municipality=municipality).first()


def _ref_q(ref: str, prefix: str = "") -> Q:
    ref = ref.strip()
    return Q(**{f"{prefix}code": ref.upper()}) | Q(**{f"{prefix}slug": ref.lower()})


def municipality_for_api(
    *, user, ref: str, roles: Iterable[str] = INTERNAL_ROLES
) -> tuple[Municipality, Membership]:
    """The gemeente an API path or parameter names, by GM code (`GM0074`, any case) or slug
    (`heerenveen`), so clients need not know which an endpoint wants (docs/api.md). Only if
    the user holds one of `roles` there; else 404, like municipality_get_for_user."""
    membership = (
        membership_list(user=user)
        .filter(role__in=list(roles))
        .filter(_ref_q(ref, prefix="municipality__"))
        .first()
    )
    if membership is None:
        raise Http404
    return membership.municipality, membership


def municipality_public_for_api(*, ref: str) -> Municipality:
    """The gemeente of a public API path (meldpunt) by GM code or slug; 404 when unknown."""
    municipality = Municipality.objects.filter(_ref_q(ref)).first()
    if municipality is None:
        raise Http404
    return municipality


def municipality_public_get(*, slug: str) -> Municipality | None:
    """The gemeente by its address part, for public pages (meldpunt, dashboard); or None."""
    return Municipality.objects.filter(slug=slug).first()


def municipality_get_for_user(
    *,
    user,
    slug: str | None = None,
    code: str | None = None,
    roles: Iterable[str] = INTERNAL_ROLES,
) -> tuple[Municipality, Membership]:
    """The gemeente by slug or code, only if the user holds one of `roles` there; else 404.

    A gemeente the user has no business with is indistinguishable from one that does not exist.
    """
    lookup = {"municipality__slug": slug} if slug is not None else {"municipality__code": code}
    membership = membership_list(user=user).filter(role__in=list(roles), **lookup).first()
    if membership is None:
        raise Http404
    return membership.municipality, membership


def region_codes_for_municipalities(codes: Iterable[str]) -> QuerySet[Region]:
    return Region.objects.filter(municipality_code__in=list(codes))


def region_search(*, municipality: Municipality, query: str = "") -> QuerySet[Region]:
    """The gemeente's wijken and buurten, by name or code, each wijk followed by its buurten
    ("0074" < "007401" < "00740101" < "007402")."""
    regions = Region.objects.filter(municipality_code=municipality.code)
    if query:
        regions = regions.filter(Q(name__icontains=query) | Q(code__icontains=query))
    return regions.select_related("parent").order_by(Substr("code", 3), "code")


def partnership_list(*, municipality: Municipality) -> QuerySet[Partnership]:
    """The samenwerkingsverbanden the gemeente takes part in."""
    return municipality.partnerships.all()


def otp_device_confirmed_exists(*, user) -> bool:
    """Whether the user has a confirmed second-factor device."""
    from django_otp import devices_for_user

    return any(True for _d in devices_for_user(user, confirmed=True))


def sso_user_list(*, email: str):
    """Active accounts whose e-mail address is `email` (any case): whom an SSO login may be.
    A beheerder's invitation made them; nobody else has one."""
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(is_active=True, email__iexact=email).order_by("pk")


def region_get_for_user(*, user, code: str) -> Region:
    """A region inside one of the user's gemeenten (or the gemeente itself); else 404."""
    codes = list(municipality_list(user=user).values_list("code", flat=True))
    region = Region.objects.filter(code=code, municipality_code__in=codes).first()
    if region is None:
        raise Http404
    return region


def audit_entry_list(
    *,
    municipalities: Iterable[Municipality],
    action: str = "",
    object_type: str = "",
    object_id: str = "",
    username: str = "",
    date_from=None,
    date_to=None,
) -> QuerySet[AuditEntry]:
    municipalities = list(municipalities)
    # Entries about a gemeente, plus log-ins of that gemeente's own members (they carry no
    # gemeente of their own).
    qs = AuditEntry.objects.filter(
        Q(municipality__in=municipalities)
        | Q(municipality__isnull=True, user__memberships__municipality__in=municipalities)
    ).distinct()
    if action:
        qs = qs.filter(action=action)
    if object_type:
        qs = qs.filter(object_type=object_type)
    if object_id:
        qs = qs.filter(object_id=object_id)
    if username:
        qs = qs.filter(username__icontains=username)
    if date_from:
        qs = qs.filter(at__date__gte=date_from)
    if date_to:
        qs = qs.filter(at__date__lte=date_to)
    return qs.select_related("municipality")


def audit_viewer_list(*, obj, municipality: Municipality | None = None) -> list[dict]:
    """Who has looked at `obj` ("Wie heeft dit ingezien?"): one row per person with how often
    and when last, newest first. Read from the audit log's view entries for this object in its
    gemeente; the caller decides who may see the list."""
    from django.db.models import Count, Max

    if municipality is None:
        municipality = obj if isinstance(obj, Municipality) else getattr(obj, "municipality", None)
    rows = (
        AuditEntry.objects.filter(
            action=AuditAction.VIEW,
            object_type=obj._meta.label_lower,
            object_id=str(obj.pk),
            municipality=municipality,
        )
        .values("user_id", "username")
        .annotate(times=Count("id"), last_at=Max("at"))
        .order_by("-last_at")
    )
    names = _full_names({r["user_id"] for r in rows if r["user_id"]})
    return [
        {
            "name": names.get(r["user_id"]) or r["username"] or _("onbekend"),
            "username": r["username"],
            "times": r["times"],
            "last_at": r["last_at"],
        }
        for r in rows
    ]


def _full_names(user_ids: set[int]) -> dict[int, str]:
    from django.contrib.auth import get_user_model

    users = get_user_model().objects.filter(pk__in=user_ids)
    return {u.pk: u.get_full_name() for u in users}


# --- Beheer ------------------------------------------------------------------------------------
def member_list(
    *, municipality: Municipality, query: str = "", role: str = ""
) -> QuerySet[Membership]:
    """The gemeente's people with their role, for the beheerder; searchable by name, account
    name or e-mail address."""
    qs = Membership.objects.filter(municipality=municipality).select_related("user", "partner")
    if query:
        qs = qs.filter(
            Q(user__first_name__icontains=query)
            | Q(user__last_name__icontains=query)
            | Q(user__username__icontains=query)
            | Q(user__email__icontains=query)
        )
    if role:
        qs = qs.filter(role=role)
    return qs.order_by("user__last_name", "user__first_name", "user__username")


def member_get(*, municipality: Municipality, pk: int) -> Membership:
    """One membership of this gemeente, else 404 (another gemeente's people stay unseen)."""
    membership = member_list(municipality=municipality).filter(pk=pk).first()
    if membership is None:
        raise Http404
    return membership


def partner_organisation_choices() -> QuerySet[PartnerOrganisation]:
    return PartnerOrganisation.objects.filter(active=True).order_by("name")


def municipality_logo_get(*, slug: str) -> MunicipalityLogo | None:
    return MunicipalityLogo.objects.filter(municipality__slug=slug).first()


def notification_opt_outs(*, user) -> set[str]:
    return set(NotificationOptOut.objects.filter(user=user).values_list("kind", flat=True))


# --- Access to a gemeente's registers (ondermijning, fenomenen, ...) ----------------------------
def register_access(*, user, slug: str, write: bool = False) -> tuple[Municipality, Membership]:
    """A register page of the gemeente: its internal roles read (else 404); `write` needs a
    staff role, so a lezer who tries gets 403 instead of a form that cannot be saved."""
    from django.core.exceptions import PermissionDenied

    from .constants import STAFF_ROLES

    municipality, membership = municipality_get_for_user(user=user, slug=slug)
    if write and membership.role not in STAFF_ROLES:
        raise PermissionDenied
    return municipality, membership


def register_access_api(*, user, ref: str, write: bool = False) -> tuple[Municipality, Membership]:
    """The same for the API by GM code or slug; a lezer writing gets 404 like any outsider."""
    from .constants import STAFF_ROLES

    return municipality_for_api(user=user, ref=ref, roles=STAFF_ROLES if write else INTERNAL_ROLES)


def partnership_fingerprint() -> tuple:
    """A cheap fingerprint of the samenwerkingsverbanden and their members (caches of public
    pages that compare a gemeente with its partnerships)."""
    members = Partnership.members.through.objects.aggregate(n=Count("id"), id=Max("id"))
    regions = Region.objects.aggregate(n=Count("pk"))
    return (
        tuple(Partnership.objects.aggregate(n=Count("id"), id=Max("id")).values()),
        tuple(members.values()),
        regions["n"],
    )
