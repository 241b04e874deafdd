# SPDX-License-Identifier: EUPL-1.2
"""Going live from an empty database (`kompas setup`): every gemeente of the CBS code list,
the samenwerkingsverbanden, the partner organisations and the first beheerder. Idempotent:
a second run finds everything in place and changes nothing."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from ..constants import Role
from ..models import Membership, Municipality
from . import DATA, reference_data_load
from .beheer import invitation_path, user_invite

# Every gemeente of the CBS/politie region dimension 47018NED (gemeentelijke indeling 2024),
# derived from its WijkenEnBuurten table (CC BY 4.0, CBS and politie).
GEMEENTEN_FILE = DATA / "gemeenten_cbs_2024.csv"


@dataclass
class SetupReport:
    created: dict[str, int] = field(default_factory=dict)
    totals: dict[str, int] = field(default_factory=dict)
    beheerder: str = ""  # "", "nieuw", "rol", "bestaat"
    beheerder_link: str = ""  # path of the page to choose a password; "" once one is chosen

    @property
    def changed(self) -> bool:
        return any(self.created.values()) or self.beheerder in {"nieuw", "rol"}


def municipalities_load() -> int:
    """Every gemeente of the CBS code list that is not there yet; answers how many were new.
    Existing gemeenten keep their name and address (a beheerder may have set the branding)."""
    with GEMEENTEN_FILE.open(encoding="utf-8", newline="") as fh:
        rows = [(r["code"].strip(), r["naam"].strip()) for r in csv.DictReader(fh)]
    known = set(Municipality.objects.values_list("code", flat=True))
    slugs = set(Municipality.objects.values_list("slug", flat=True))
    new = []
    for code, name in rows:
        if code in known:
            continue
        slug = slugify(name)
        if slug in slugs:  # two gemeenten of one name: the code keeps the address unique
            slug = f"{slug}-{code.lower()}"
        slugs.add(slug)
        new.append(Municipality(code=code, name=name, slug=slug))
    Municipality.objects.bulk_create(new)
    return len(new)


def _beheerder_ensure(report: SetupReport, *, gemeente_code: str, email: str) -> None:
    municipality = Municipality.objects.filter(code=gemeente_code.strip().upper()).first()
    if municipality is None:
        raise ValidationError(
            _("Gemeente %(code)s staat niet in de CBS-codelijst.") % {"code": gemeente_code}
        )
    email = get_user_model().objects.normalize_email(email.strip()).lower()
    user = get_user_model().objects.filter(email__iexact=email).order_by("pk").first()
    membership = (
        Membership.objects.filter(user=user, municipality=municipality).first() if user else None
    )
    if membership is not None and membership.role != Role.ADMIN:
        raise ValidationError(
            _(
                "%(email)s heeft in %(gemeente)s al de rol %(role)s; wijzig die rol op de "
                "beheerpagina's."
            )
            % {"email": email, "gemeente": municipality.name, "role": membership.get_role_display()}
        )
    if membership is None:
        membership, created = user_invite(
            municipality=municipality,
            email=email,
            first_name="",
            last_name="",
            role=Role.ADMIN,
            by=None,
        )
        user = membership.user
        report.beheerder = "nieuw" if created else "rol"
    else:
        report.beheerder = "bestaat"
    if not user.has_usable_password():
        report.beheerder_link = invitation_path(user)


@transaction.atomic
def installation_setup(*, gemeente_code: str = "", beheerder_email: str = "") -> SetupReport:
    """Reference data and, when both are given, the gemeente's first beheerder (an account
    without a usable password; they choose it through the invitation link)."""
    if bool(gemeente_code) != bool(beheerder_email):
        raise ValidationError(_("Geef --gemeente en --beheerder-email samen op."))
    report = SetupReport()
    report.created = reference_data_load()
    report.created["gemeenten"] += municipalities_load()
    report.totals = {"gemeenten": Municipality.objects.count()}
    if gemeente_code:
        _beheerder_ensure(report, gemeente_code=gemeente_code, email=beheerder_email)
    return report
