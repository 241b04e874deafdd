# SPDX-License-Identifier: EUPL-1.2
"""Beheer in the product: the beheerder invites people, changes their role, removes them
from the gemeente and keeps the gemeente's public branding. Every write is audited.

A person's account is shared by all gemeenten they work for; a beheerder only manages the
membership in their own gemeente. Removing someone's last membership deactivates the
account, so nobody keeps a login that no gemeente vouches for.
"""

from __future__ import annotations

import io

from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from ..constants import AuditAction, Role
from ..models import Membership, Municipality, MunicipalityLogo, PartnerOrganisation
from . import audit_log, validated_save

LOGO_MAX_BYTES = 1_000_000
LOGO_MAX_SIZE = (600, 200)


def _check_role(role: str, partner: PartnerOrganisation | None) -> None:
    if role not in Role.values:
        raise ValidationError({"role": _("Kies een rol uit de lijst.")})
    if role == Role.PARTNER and partner is None:
        raise ValidationError({"partner": _("Kies de organisatie van deze ketenpartner.")})
    if role != Role.PARTNER and partner is not None:
        raise ValidationError(
            {"partner": _("Alleen een ketenpartner hoort bij een partnerorganisatie.")}
        )


def _changed(obj, old: dict) -> dict:
    """{field: (old, new)} for the fields whose value changed, for audit_log(changes=)."""
    return {k: (v, getattr(obj, k)) for k, v in old.items() if v != getattr(obj, k)}


def _other_admins(membership: Membership) -> bool:
    return (
        Membership.objects.filter(municipality=membership.municipality, role=Role.ADMIN)
        .exclude(pk=membership.pk)
        .filter(user__is_active=True)
        .exists()
    )


def invitation_path(user) -> str:
    """The path of the page where an invited person chooses a password (Django's password
    reset token: valid for PASSWORD_RESET_TIMEOUT, void once a password is set)."""
    from django.urls import reverse

    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return reverse("core:invite_accept", kwargs={"uidb64": uid, "token": token})


@transaction.atomic
def user_invite(
    *,
    municipality: Municipality,
    email: str,
    first_name: str,
    last_name: str,
    role: str,
    partner: PartnerOrganisation | None = None,
    by,
) -> tuple[Membership, bool]:
    """Give the person with this e-mail address a role in the gemeente; a new account when
    there is none (without a password until they follow the invitation). Answers the
    membership and whether the account is new."""
    _check_role(role, partner)
    email = get_user_model().objects.normalize_email(email.strip()).lower()
    User = get_user_model()
    user = User.objects.filter(email__iexact=email).order_by("pk").first()
    created = user is None
    if created:
        if User.objects.filter(username__iexact=email).exists():
            raise ValidationError({"email": _("Er bestaat al een account met deze naam.")})
        user = User(username=email, email=email, first_name=first_name, last_name=last_name)
        user.set_unusable_password()
        validated_save(user, exclude=["password"])
    elif Membership.objects.filter(user=user, municipality=municipality).exists():
        raise ValidationError(
            {"email": _("Deze persoon heeft al een rol in deze gemeente; wijzig die rol.")}
        )
    if not user.is_active:
        user.is_active = True
        user.save(update_fields=["is_active"])
    membership = validated_save(
        Membership(user=user, municipality=municipality, role=role, partner=partner)
    )
    audit_log(
        user=by,
        action=AuditAction.CREATE,
        obj=membership,
        municipality=municipality,
        fields=["role", "partner"],
        note=_("uitgenodigd als %(role)s") % {"role": membership.get_role_display()},
    )
    return membership, created


@transaction.atomic
def membership_change(
    *, membership: Membership, role: str, partner: PartnerOrganisation | None, by
) -> Membership:
    """Change a person's role in the gemeente; never the last beheerder's."""
    _check_role(role, partner)
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.role == Role.ADMIN and role != Role.ADMIN and not _other_admins(membership):
        raise ValidationError(
            {"role": _("Dit is de enige beheerder van de gemeente; wijs eerst een ander aan.")}
        )
    old = {"role": membership.role, "partner": membership.partner}
    membership.role, membership.partner = role, partner
    validated_save(membership)
    changes = _changed(membership, old)
    if changes:
        audit_log(
            user=by,
            action=AuditAction.UPDATE,
            obj=membership,
            municipality=membership.municipality,
            changes=changes,
        )
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership, by) -> bool:
    """Take the person's role in this gemeente away. Answers True when that was their last
    membership, so the account is deactivated too."""
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.role == Role.ADMIN and not _other_admins(membership):
        raise ValidationError(
            _("Dit is de enige beheerder van de gemeente; wijs eerst een ander aan.")
        )
    user, municipality = membership.user, membership.municipality
    audit_log(
        user=by,
        action=AuditAction.DELETE,
        obj=membership,
        municipality=municipality,
        note=_("rol %(role)s ingetrokken") % {"role": membership.get_role_display()},
    )
    membership.delete()
    last = not Membership.objects.filter(user=user).exists()
    if last and user.is_active:
        user.is_active = False
        user.save(update_fields=["is_active"])
        audit_log(
            user=by,
            action=AuditAction.UPDATE,
            obj=user,
            municipality=municipality,
            changes={"is_active": (True, False)},
            note=_("account gedeactiveerd: geen rol meer in een gemeente"),
        )
    return last


def _logo_png(upload) -> tuple[bytes, int, int]:
    from PIL import Image, UnidentifiedImageError

    if upload.size > LOGO_MAX_BYTES:
        raise ValidationError({"logo": _("Het logo is groter dan 1 MB.")})
    try:
        image = Image.open(upload)
        if image.format not in {"PNG", "JPEG"}:
            raise ValidationError({"logo": _("Kies een PNG- of JPEG-bestand.")})
        image.load()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as exc:
        raise ValidationError({"logo": _("Dit bestand is geen leesbare afbeelding.")}) from exc
    image = image.convert("RGBA")
    image.thumbnail(LOGO_MAX_SIZE)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)  # re-encoded: no metadata survives
    return out.getvalue(), image.width, image.height


@transaction.atomic
def branding_update(
    *,
    municipality: Municipality,
    public_name: str,
    privacy_url: str,
    logo=None,
    remove_logo: bool = False,
    by,
) -> Municipality:
    """Store the gemeente's public name, privacy statement address and logo."""
    municipality = Municipality.objects.select_for_update().get(pk=municipality.pk)
    old = {"public_name": municipality.public_name, "privacy_url": municipality.privacy_url}
    municipality.public_name, municipality.privacy_url = public_name.strip(), privacy_url.strip()
    changes = _changed(municipality, old)
    if logo is not None:
        png, width, height = _logo_png(logo)
        MunicipalityLogo.objects.update_or_create(
            municipality=municipality, defaults={"png": png, "width": width, "height": height}
        )
        municipality.logo_updated_at = timezone.now()
        logo_note = _("nieuw logo")
    elif remove_logo and municipality.logo_updated_at:
        MunicipalityLogo.objects.filter(municipality=municipality).delete()
        municipality.logo_updated_at = None
        logo_note = _("logo verwijderd")
    else:
        logo_note = ""
    validated_save(municipality)
    if changes or logo_note:
        audit_log(
            user=by,
            action=AuditAction.UPDATE,
            obj=municipality,
            municipality=municipality,
            changes=changes,
            fields=["logo"] if logo_note else [],
            note=logo_note or _("huisstijl en privacy"),
        )
    return municipality


def invitation_send(*, user, municipality: Municipality, base_url: str, by) -> None:
    """Mail the invitation link (through the task queue, after the commit). The mail holds
    the gemeente's name, the inviter's name and the link; nothing else."""
    from .. import tasks

    url = base_url.rstrip("/") + invitation_path(user)
    inviter = (by.get_full_name() or by.get_username()) if by is not None else ""
    tasks.enqueue(
        tasks.invitation_mail,
        email=user.email,
        url=url,
        municipality_name=municipality.name,
        inviter=inviter,
    )
