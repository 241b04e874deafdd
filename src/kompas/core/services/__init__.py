# SPDX-License-Identifier: EUPL-1.2
"""Writes for core: the audit log, reference data, regions import, memberships."""

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.contrib.auth import get_user_model
from django.db import models, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from ..audit_labels import change_value
from ..constants import AuditAction, RegionLevel, Role
from ..models import (
    AuditEntry,
    Membership,
    Municipality,
    PartnerOrganisation,
    Partnership,
    Region,
)

DATA = Path(__file__).resolve().parent.parent / "data"


# --- Saving ------------------------------------------------------------------------------------
def validated_save(obj: models.Model, *, exclude: Iterable[str] | None = None, **save_kwargs):
    """`full_clean()` then `save()`: the one way services store a model instance, so field
    choices, lengths and check constraints answer a Dutch ValidationError naming the field
    before the database is asked. Returns obj."""
    obj.full_clean(exclude=exclude)
    obj.save(**save_kwargs)
    return obj


# --- Audit -----------------------------------------------------------------------------------
def audit_log(
    *,
    user,
    action: str,
    obj: models.Model | None = None,
    object_type: str = "",
    object_id: str | int = "",
    municipality: Municipality | None = None,
    fields: Iterable[str] = (),
    changes: Mapping[str, tuple] | None = None,
    note: str = "",
) -> AuditEntry:
    """Append one audit entry. The one function every app calls for who-did-what.

    `obj` fills object type and id; `municipality` defaults to `obj.municipality` when present.
    `changes` records changed values, `{"status": (old, new)}`: stored as people read them (a
    choice's label, a person's name), shown as "status: nieuw → in behandeling"; its fields
    join `fields`. Only for values such as status, priority or handler — never personal data,
    in `changes` or `note`: the log itself must not become a second copy of it.
    """
    if action not in AuditAction.values:
        raise ValueError(f"unknown audit action {action!r}")
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or obj.pk
        if municipality is None:
            municipality = (
                obj if isinstance(obj, Municipality) else getattr(obj, "municipality", None)
            )
            if not isinstance(municipality, Municipality):
                municipality = None
    authenticated = user is not None and getattr(user, "is_authenticated", False)
    changes = {
        name: [change_value(obj, name, old), change_value(obj, name, new)]
        for name, (old, new) in (changes or {}).items()
    }
    return AuditEntry.objects.create(
        user=user if authenticated else None,
        username=user.get_username() if authenticated else "",
        action=action,
        object_type=object_type,
        object_id=str(object_id),
        municipality=municipality,
        fields=sorted(set(fields) | set(changes)),
        changes=changes,
        note=note[:300],
    )


# --- Reference data --------------------------------------------------------------------------
MUNICIPALITIES = [
    ("GM0074", "Heerenveen"),
    ("GM0085", "Ooststellingwerf"),
    ("GM0086", "Opsterland"),
    ("GM0098", "Weststellingwerf"),
]
PARTNERSHIPS = [
    (
        "zuidoost-friesland",
        "Zuidoost Friesland",
        "Samenwerkingsverband van Heerenveen, Ooststellingwerf, Opsterland en Weststellingwerf, "
        "onder meer voor de gezamenlijke ondermijningsdagen.",
    ),
    (
        "howo",
        "HOWO-samenwerking district Zuidoost Fryslân",
        "Districtssamenwerking van Heerenveen, Opsterland, Weststellingwerf en Ooststellingwerf, "
        "onder meer voor de crisisorganisatie (bevolkingszorg, crisiscommunicatie).",
    ),
]


@transaction.atomic
def reference_data_load() -> dict[str, int]:
    """Load the gemeenten, partnerships and partner organisations. Idempotent."""
    created = {"gemeenten": 0, "samenwerkingsverbanden": 0, "ketenpartners": 0}
    for code, name in MUNICIPALITIES:
        _m, new = Municipality.objects.get_or_create(
            code=code, defaults={"name": name, "slug": slugify(name)}
        )
        created["gemeenten"] += new
    members = list(Municipality.objects.filter(code__in=[c for c, _n in MUNICIPALITIES]))
    for code, name, description in PARTNERSHIPS:
        partnership, new = Partnership.objects.get_or_create(
            code=code, defaults={"name": name, "description": description}
        )
        created["samenwerkingsverbanden"] += new
        if new:
            partnership.members.set(members)
    for row in yaml.safe_load((DATA / "partners.yaml").read_text(encoding="utf-8")):
        _p, new = PartnerOrganisation.objects.get_or_create(
            code=row["code"], defaults={"name": row["name"], "kind": row.get("kind", "overig")}
        )
        created["ketenpartners"] += new
    return created


# --- Regions import --------------------------------------------------------------------------
class RegionImportError(Exception):
    """A region file with errors. `errors` lists (line, field, message); nothing was imported."""

    def __init__(self, errors: list[tuple[int, str, str]]):
        self.errors = errors
        super().__init__(
            "; ".join(
                _("regel %(line)s, veld %(field)s: %(msg)s")
                % {"line": line, "field": fld, "msg": msg}
                for line, fld, msg in errors[:20]
            )
        )


@dataclass
class ImportReport:
    read: int = 0
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list = field(default_factory=list)


REGION_COLUMNS = ("Key", "Title", "Municipality")
_LEVEL_BY_PREFIX = {
    "NL": RegionLevel.COUNTRY,
    "GM": RegionLevel.MUNICIPALITY,
    "WK": RegionLevel.DISTRICT,
    "BU": RegionLevel.NEIGHBOURHOOD,
}


def _parse_region_rows(text: str) -> tuple[list[dict], list[tuple[int, str, str]]]:
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in REGION_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        return [], [(1, ", ".join(missing), _("kolom ontbreekt in de kopregel"))]
    rows, errors, seen = [], [], set()
    for row in reader:
        line = reader.line_num
        code = (row["Key"] or "").strip()
        name = (row["Title"] or "").strip()
        prefix = code[:2]
        level = _LEVEL_BY_PREFIX.get(prefix)
        if level is None or not code[2:].isalnum() or (prefix != "NL" and not code[2:6].isdigit()):
            errors.append((line, "Key", _("onbekende regiocode %(code)r") % {"code": code}))
            continue
        expected = {"NL": None, "GM": 4, "WK": 6, "BU": 8}[prefix]
        if expected is not None and len(code) - 2 != expected:
            errors.append(
                (line, "Key", _("regiocode %(code)r heeft niet de juiste lengte") % {"code": code})
            )
            continue
        if not name:
            errors.append((line, "Title", _("naam ontbreekt")))
            continue
        if code in seen:
            errors.append(
                (line, "Key", _("regiocode %(code)r komt twee keer voor") % {"code": code})
            )
            continue
        seen.add(code)
        municipality = (row.get("Municipality") or "").strip()
        if level != RegionLevel.COUNTRY and level != RegionLevel.MUNICIPALITY:
            if municipality != "GM" + code[2:6]:
                errors.append(
                    (
                        line,
                        "Municipality",
                        _("gemeentecode %(m)r past niet bij regiocode %(code)r")
                        % {"m": municipality, "code": code},
                    )
                )
                continue
        rows.append({"code": code, "name": name, "level": level, "line": line})
    return rows, errors


def _region_parent(code: str) -> str | None:
    prefix = code[:2]
    if prefix == "GM":
        return "NL00"
    if prefix == "WK":
        return "GM" + code[2:6]
    if prefix == "BU":
        return "WK" + code[2:8]
    return None


def regions_import(path: Path | str) -> ImportReport:
    """Import the CBS/politie `WijkenEnBuurten` dimension (keys padded to 10 characters).

    All of it in one transaction: a file with any bad line imports nothing and raises
    RegionImportError naming line and field. A second run of the same file changes nothing.
    """
    text = Path(path).read_text(encoding="utf-8-sig")
    rows, errors = _parse_region_rows(text)
    codes = {r["code"] for r in rows}
    existing = dict(Region.objects.values_list("code", "name"))
    existing_levels = dict(Region.objects.values_list("code", "level"))
    for r in rows:
        parent = _region_parent(r["code"])
        if parent and parent not in codes and parent not in existing:
            # A wijk's parent gemeente may be absent from a partial file only if already known.
            errors.append(
                (r["line"], "Key", _("bovenliggende regio %(p)s ontbreekt") % {"p": parent})
            )
        r["parent"] = parent if (parent in codes or parent in existing) else None
    if errors:
        raise RegionImportError(sorted(errors))

    report = ImportReport(read=len(rows))
    order = {
        RegionLevel.COUNTRY: 0,
        RegionLevel.MUNICIPALITY: 1,
        RegionLevel.DISTRICT: 2,
        RegionLevel.NEIGHBOURHOOD: 3,
    }
    rows.sort(key=lambda r: order[r["level"]])
    to_create, to_update = [], []
    for r in rows:
        municipality_code = "" if r["level"] == RegionLevel.COUNTRY else "GM" + r["code"][2:6]
        region = Region(
            code=r["code"],
            name=r["name"],
            level=r["level"],
            parent_id=r["parent"],
            municipality_code=municipality_code,
        )
        if r["code"] not in existing:
            to_create.append(region)
        elif existing[r["code"]] != r["name"] or existing_levels[r["code"]] != r["level"]:
            to_update.append(region)
        else:
            report.unchanged += 1
    with transaction.atomic():
        Region.objects.bulk_create(to_create, batch_size=2000)
        Region.objects.bulk_update(to_update, ["name", "level", "parent"], batch_size=2000)
    report.inserted, report.updated = len(to_create), len(to_update)
    return report


# --- Users and memberships -------------------------------------------------------------------
@transaction.atomic
def membership_set(
    *,
    user,
    municipality: Municipality,
    role: str,
    partner: PartnerOrganisation | None = None,
    by=None,
) -> Membership:
    if role == Role.PARTNER and partner is None:
        raise ValueError("a partner membership names its organisation")
    membership = (
        Membership.objects.select_for_update().filter(user=user, municipality=municipality).first()
    ) or Membership(user=user, municipality=municipality)
    membership.role, membership.partner = role, partner
    validated_save(membership)
    audit_log(
        user=by,
        action=AuditAction.UPDATE,
        obj=membership,
        municipality=municipality,
        fields=["role", "partner"],
    )
    return membership


def user_ensure(
    *, username: str, password: str, first_name: str = "", last_name: str = "", email: str = ""
):
    """Create a user if absent (demo data); never overwrite an existing user's password."""
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=username,
        defaults={"first_name": first_name, "last_name": last_name, "email": email},
    )
    if created:
        user.set_password(password)
        user.save(update_fields=["password"])
    return user, created


# --- Second factor (TOTP) ----------------------------------------------------------------------
def otp_device_pending_get_or_create(*, user):
    """The user's unconfirmed TOTP device being set up; a new one when there is none."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)
    return device


@transaction.atomic
def otp_device_confirm(*, user, device, token: str) -> bool:
    """Confirm the device being set up with its first code; audited. False for a wrong code."""
    if device.user_id != user.pk or not device.verify_token(token):
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    audit_log(
        user=user,
        action=AuditAction.CREATE,
        obj=device,
        object_type="otp_totp.totpdevice",
        note="tweede factor ingesteld",
    )
    return True


def otp_token_verify(*, user, token: str):
    """The confirmed device that accepts `token`, or None (a wrong code is audited)."""
    from django_otp import devices_for_user

    for device in devices_for_user(user, confirmed=True):
        if device.verify_token(token):
            return device
    audit_log(
        user=user,
        action=AuditAction.FAILED_LOGIN,
        obj=user,
        object_type="auth.user",
        note="tweede factor onjuist",
    )
    return None
