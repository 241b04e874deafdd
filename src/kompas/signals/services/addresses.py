# SPDX-License-Identifier: EUPL-1.2
"""The gemeente's own address list (the fallback of the meldpunt's address lookup): a CSV
import that replaces the list, all or nothing, with errors that name the line."""

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from kompas.core.constants import AuditAction
from kompas.core.models import Municipality
from kompas.core.services import audit_log

from ..models import Address
from ..selectors import buurt_names

REQUIRED_COLUMNS = ("postcode", "huisnummer", "straat", "woonplaats")
OPTIONAL_COLUMNS = ("toevoeging", "buurtcode")
_POSTCODE = re.compile(r"^(\d{4})\s?([A-Za-z]{2})$")


class AddressImportError(Exception):
    """The file was not imported; `errors` holds (line, message) pairs."""

    def __init__(self, errors: list[tuple[int, str]]):
        super().__init__(f"{len(errors)} fout(en)")
        self.errors = errors


@dataclass
class AddressImportReport:
    imported: int
    replaced: int


def _header(text: str) -> tuple[str, list[str]]:
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    return delimiter, [c.strip().lower() for c in first.split(delimiter)]


def _row_errors(row: dict, *, buurten: dict[str, str], municipality) -> tuple[list[str], dict]:
    """Messages for one row, and the cleaned values."""
    errors = []
    for column in REQUIRED_COLUMNS:
        if not (row.get(column) or "").strip():
            errors.append(_("%(column)s ontbreekt") % {"column": column})
    postcode_raw = (row.get("postcode") or "").strip()
    match = _POSTCODE.match(postcode_raw)
    if postcode_raw and not match:
        errors.append(
            _("postcode '%(value)s' is geen postcode (4 cijfers en 2 letters, zoals 8441 ES)")
            % {"value": postcode_raw}
        )
    number_raw = (row.get("huisnummer") or "").strip()
    if number_raw and (not number_raw.isdigit() or int(number_raw) == 0):
        errors.append(
            _("huisnummer '%(value)s' is geen getal; letters gaan in de kolom toevoeging")
            % {"value": number_raw}
        )
    addition = re.sub(r"[^0-9A-Za-z]", "", row.get("toevoeging") or "").upper()
    if len(addition) > 10:
        errors.append(_("toevoeging '%(value)s' is te lang") % {"value": addition})
    buurt = (row.get("buurtcode") or "").strip().upper()
    if buurt and buurt not in buurten:
        errors.append(
            _("buurtcode '%(value)s' is geen CBS-buurt van %(gemeente)s")
            % {"value": buurt, "gemeente": municipality.name}
        )
    cleaned = {
        "postcode": f"{match.group(1)}{match.group(2).upper()}" if match else "",
        "number": int(number_raw) if number_raw.isdigit() else 0,
        "addition": addition,
        "street": (row.get("straat") or "").strip()[:200],
        "town": (row.get("woonplaats") or "").strip()[:100],
        "buurt_code": buurt,
    }
    return errors, cleaned


def address_list_parse(*, municipality: Municipality, text: str) -> list[dict]:
    """The rows of an address CSV (header: postcode, huisnummer, toevoeging, straat,
    woonplaats, buurtcode; ';' or ','), or AddressImportError naming every bad line."""
    delimiter, columns = _header(text)
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        raise AddressImportError(
            [(1, _("kolom ontbreekt in de kopregel: %(c)s") % {"c": ", ".join(missing)})]
        )
    buurten = buurt_names(municipality=municipality)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    next(reader)  # the header, read above
    errors: list[tuple[int, str]] = []
    rows, seen = [], {}
    for values in reader:
        line = reader.line_num
        if not any(v.strip() for v in values):
            continue
        row = dict(zip(columns, values, strict=False))
        row_errors, cleaned = _row_errors(row, buurten=buurten, municipality=municipality)
        key = (cleaned["postcode"], cleaned["number"], cleaned["addition"])
        if not row_errors and key in seen:
            row_errors.append(
                _("adres %(pc)s %(nr)s%(add)s staat ook op regel %(other)s")
                % {"pc": key[0], "nr": key[1], "add": key[2], "other": seen[key]}
            )
        seen.setdefault(key, line)
        errors += [(line, message) for message in row_errors]
        rows.append(cleaned)
    if errors:
        raise AddressImportError(errors)
    if not rows:
        raise AddressImportError([(1, _("het bestand bevat geen adressen"))])
    return rows


def address_list_import(
    *, municipality: Municipality, path: Path | str, by=None
) -> AddressImportReport:
    """Replace the gemeente's address list with the file's addresses; a file with any bad
    line changes nothing."""
    text = Path(path).read_text(encoding="utf-8-sig")
    return address_list_replace(municipality=municipality, text=text, by=by)


def address_list_replace(*, municipality: Municipality, text: str, by=None) -> AddressImportReport:
    """Replace the gemeente's address list with the addresses of a CSV text (all or nothing)."""
    rows = address_list_parse(municipality=municipality, text=text)
    with transaction.atomic():
        replaced, _detail = Address.objects.filter(municipality=municipality).delete()
        Address.objects.bulk_create(
            [Address(municipality=municipality, **row) for row in rows], batch_size=2000
        )
        audit_log(
            user=by,
            action=AuditAction.UPDATE,
            obj=municipality,
            note=f"adressenlijst meldpunt ingelezen: {len(rows)} adressen",
        )
    return AddressImportReport(imported=len(rows), replaced=replaced)
