# SPDX-License-Identifier: EUPL-1.2
"""Import of the lists municipalities keep in spreadsheets today: integrale controles and
opkopers, as CSV (semicolon-separated, UTF-8 with or without byte-order mark, dates as
dd-mm-jjjj, the first line naming the columns; README "Ondermijning" lists them).

All or nothing: every line is checked and saved in one transaction through the ordinary
services (so the same Dutch errors and norm events apply); one error on any line and nothing
is stored. Every error names its line in the file (the header is line 1)."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kompas.core.constants import AuditAction
from kompas.core.services import audit_log

from . import selectors, services
from .constants import ControleReason, ControleStatus, DealerBranche
from .models import Controle, Dealer

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 10_000
DUTCH_DATE = re.compile(r"(\d{1,2})-(\d{1,2})-(\d{4})")

# Per kind: column -> (model field, required). Column names are matched case-insensitively.
COLUMNS = {
    "controles": {
        "datum": ("date", True),
        "omschrijving": ("title", True),
        "branche": ("branche", True),
        "aanleiding": ("reason", True),
        "status": ("status", False),
        "adressen": ("locations", False),
        "partners": ("partners", False),
        "toelichting": ("reason_note", False),
        "vervolg": ("follow_up", False),
    },
    "opkopers": {
        "naam": ("name", True),
        "kvk": ("kvk_number", True),
        "adres": ("address", True),
        "branche": ("branche", True),
        "dor_plicht": ("dor_required", True),
        "in_dor_sinds": ("dor_since", False),
        "toelichting": ("notes", False),
    },
}
KINDS = tuple(COLUMNS)


@dataclass
class ImportResult:
    kind: str
    created: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


class LineError(Exception):
    pass


def _date(value: str, column: str) -> date | None:
    if not value:
        return None
    match = DUTCH_DATE.fullmatch(value)
    try:
        if match is None:
            raise ValueError(value)
        return date(int(match[3]), int(match[2]), int(match[1]))
    except ValueError:
        raise LineError(
            _("kolom %(c)s: “%(v)s” is geen bestaande datum (schrijf dd-mm-jjjj).")
            % {"c": column, "v": value}
        ) from None


def _choice(value: str, column: str, choices) -> str:
    """A choice by its value or its label, case-insensitively."""
    wanted = value.strip().lower()
    for code, label in choices:
        if wanted in (str(code).lower(), str(label).lower()):
            return code
    raise LineError(
        _("kolom %(c)s: “%(v)s” is onbekend; kies uit %(o)s.")
        % {"c": column, "v": value, "o": ", ".join(str(c) for c, _l in choices)}
    )


def _yes_no(value: str, column: str) -> bool:
    wanted = value.strip().lower()
    if wanted in ("ja", "j", "1", "waar"):
        return True
    if wanted in ("nee", "n", "0", "onwaar"):
        return False
    raise LineError(_("kolom %(c)s: “%(v)s” is geen ja of nee.") % {"c": column, "v": value})


def _controle_fields(row: dict, lookups: dict) -> dict:
    branches = lookups["branches"]
    key = row["branche"].strip().lower()
    branche = branches.get(key)
    if branche is None:
        raise LineError(
            _("kolom branche: “%(v)s” is onbekend; kies uit %(o)s.")
            % {"v": row["branche"], "o": ", ".join(sorted({b.code for b in branches.values()}))}
        )
    partners = []
    for code in filter(None, (c.strip() for c in row.get("partners", "").split(","))):
        partner = lookups["partners"].get(code.lower())
        if partner is None:
            raise LineError(_("kolom partners: onbekende partner “%(v)s”.") % {"v": code})
        partners.append(partner)
    return {
        "fields": {
            "date": _date(row["datum"], "datum"),
            "title": row["omschrijving"],
            "branche": branche,
            "reason": _choice(row["aanleiding"], "aanleiding", ControleReason.choices),
            "status": _choice(row["status"], "status", ControleStatus.choices)
            if row.get("status")
            else ControleStatus.PLANNED,
            "reason_note": row.get("toelichting", ""),
            "follow_up": row.get("vervolg", ""),
        },
        "partners": partners,
        "locations": [
            {"address": a.strip()} for a in row.get("adressen", "").split("|") if a.strip()
        ],
    }


def _dealer_fields(row: dict) -> dict:
    return {
        "name": row["naam"],
        "kvk_number": row["kvk"].replace(" ", ""),
        "address": row["adres"],
        "branche": _choice(row["branche"], "branche", DealerBranche.choices),
        "dor_required": _yes_no(row["dor_plicht"], "dor_plicht"),
        "dor_since": _date(row.get("in_dor_sinds", ""), "in_dor_sinds"),
        "notes": row.get("toelichting", ""),
    }


def _explain(exc: ValidationError, kind: str) -> list[str]:
    """A service's ValidationError as messages naming the CSV column."""
    if not hasattr(exc, "error_dict"):
        return list(exc.messages)
    column_of = {f: c for c, (f, _r) in COLUMNS[kind].items()}
    return [
        _("kolom %(c)s: %(m)s") % {"c": column_of.get(name, name), "m": message}
        if name != "__all__"
        else message
        for name, messages in exc.message_dict.items()
        for message in messages
    ]


def _read(data: bytes, kind: str) -> tuple[list[tuple[int, dict]], list[str]]:
    """(line number, {column: value}) per non-empty data line, or the file's errors."""
    if len(data) > MAX_BYTES:
        return [], [_("Het bestand is groter dan 5 MB.")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return [], [
            _("Regel %(n)s: het bestand is geen UTF-8; sla het op als “CSV UTF-8”.") % {"n": line}
        ]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";")
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        return [], [_("Het bestand is leeg.")]
    columns = COLUMNS[kind]
    errors = []
    if len(header) == 1 and "," in header[0]:
        errors.append(_("Regel 1: gebruik een puntkomma (;) als scheidingsteken."))
    else:
        unknown = [h for h in header if h not in columns]
        missing = [c for c, (_f, req) in columns.items() if req and c not in header]
        doubled = sorted({h for h in header if header.count(h) > 1})
        if unknown:
            errors.append(_("Regel 1: onbekende kolom(men): %(c)s.") % {"c": ", ".join(unknown)})
        if missing:
            errors.append(
                _("Regel 1: verplichte kolom(men) ontbreken: %(c)s.") % {"c": ", ".join(missing)}
            )
        if doubled:
            errors.append(_("Regel 1: dubbele kolom(men): %(c)s.") % {"c": ", ".join(doubled)})
    if errors:
        return [], errors
    rows = []
    start = reader.line_num + 1
    for cells in reader:
        line, start = start, reader.line_num + 1
        if not any(c.strip() for c in cells):
            continue
        if len(rows) >= MAX_ROWS:
            return [], [_("Meer dan %(n)s regels; splits het bestand.") % {"n": MAX_ROWS}]
        if len(cells) != len(header):
            rows.append((line, {}))
            errors.append(
                _("Regel %(n)s: %(got)s kolommen, de kopregel heeft er %(want)s.")
                % {"n": line, "got": len(cells), "want": len(header)}
            )
            continue
        rows.append((line, {h: c.strip() for h, c in zip(header, cells, strict=True)}))
    return rows, errors


def _lookups() -> dict:
    services.branches_ensure()
    branches = {}
    for b in selectors.branche_list():
        branches[b.code.lower()] = b
        branches[b.name.lower()] = b
    partners = {p.code.lower(): p for p in selectors.partner_list()}
    return {"branches": branches, "partners": partners}


def _save_line(*, municipality, kind: str, row: dict, lookups: dict, by) -> None:
    for column, (_f, required) in COLUMNS[kind].items():
        if required and not row.get(column):
            raise LineError(_("kolom %(c)s is verplicht.") % {"c": column})
    if kind == "controles":
        parts = _controle_fields(row, lookups)
        services.controle_save(municipality=municipality, controle=Controle(), by=by, **parts)
    else:
        services.dealer_save(
            municipality=municipality, dealer=Dealer(), by=by, fields=_dealer_fields(row)
        )


def _line_of(message: str) -> int:
    """The line number an error starts with ("Regel 12: …"), for sorting."""
    number = message.split(":", 1)[0].rsplit(" ", 1)[-1]
    return int(number) if number.isdigit() else 0


def import_csv(*, municipality, kind: str, data: bytes, by) -> ImportResult:
    """Read and store a CSV of `kind` ('controles' or 'opkopers') for the gemeente: all lines
    or, on any error, none. The result holds the count or the errors, each with its line."""
    if kind not in COLUMNS:
        raise ValueError(f"unknown import kind {kind!r}")
    result = ImportResult(kind=kind)
    rows, result.errors = _read(data, kind)
    if result.errors and not rows:
        return result
    if not rows:
        result.errors.append(_("Het bestand bevat geen regels onder de kopregel."))
        return result
    lookups = _lookups()
    with transaction.atomic():
        for line, row in rows:
            if not row:  # its number of columns is wrong, already reported
                continue
            try:
                with transaction.atomic():
                    _save_line(
                        municipality=municipality, kind=kind, row=row, lookups=lookups, by=by
                    )
            except LineError as exc:
                result.errors.append(_("Regel %(n)s: %(m)s") % {"n": line, "m": exc})
            except ValidationError as exc:
                result.errors += [
                    _("Regel %(n)s: %(m)s") % {"n": line, "m": m} for m in _explain(exc, kind)
                ]
            else:
                result.created += 1
        if result.errors:
            result.errors.sort(key=_line_of)
            result.created = 0
            transaction.set_rollback(True)
            return result
        audit_log(
            user=by,
            action=AuditAction.CREATE,
            object_type=f"ondermijning.import.{kind}",
            municipality=municipality,
            note=_("%(n)s regels geïmporteerd") % {"n": result.created},
        )
    return result
