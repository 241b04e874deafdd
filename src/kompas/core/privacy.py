# SPDX-License-Identifier: EUPL-1.2
"""The AVG art. 30 register (verwerkingsregister), declared next to the code.

Each app declares in its own `<app>/privacy.py` (imported once from its `AppConfig.ready()`)
every model field that holds personal data: the kind of data (category), the legal basis, the
purpose, how long it is kept and whether it is stored encrypted. A field whose name suggests
personal data but that holds none is listed with `not_personal(...)` and the reason why.
`core/tests/test_privacy_register.py` fails when a model field that looks personal (name,
e-mail, phone, address, birth date, BSN, free text) has neither, when a declaration names a
field that does not exist, and when `encrypted` disagrees with how the field is stored.

A `Retention` answers its text per gemeente from a function of the app that also enforces the
term (the meldpunt's settings of the gemeente, the casework's years per case type, the
demonstrations' setting), so the register shows the term the retention run applies, never a
copy of it. The beheerder's page `/<gemeente>/beheer/verwerkingsregister/` and its CSV and PDF
are generated from `register_rows()`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.apps import apps
from django.utils.translation import gettext_lazy as _

# --- Categories and common legal bases (shared words, so the register reads consistently) ----
IDENTITY = _("Identificatiegegevens (naam, geboortedatum, adres)")
BSN = _("Burgerservicenummer (BSN)")
CONTACT = _("Contactgegevens")
ACCOUNT = _("Accountgegevens medewerker")
STAFF_NAME = _("Naam van een medewerker")
FREE_TEXT = _("Vrije tekst die personen kan betreffen")
SIGNAL_CONTENT = _("Inhoud van een melding (kan bijzondere of strafrechtelijke gegevens bevatten)")
CASE_CONTENT = _("Casusinformatie (kan bijzondere of strafrechtelijke gegevens bevatten)")
PSEUDONYMOUS = _("Gepseudonimiseerd kenmerk")
BUSINESS = _("Gegevens van een (eenmanszaak)ondernemer")
LOGGING = _("Loggegevens (wie deed wat wanneer)")

PUBLIC_TASK = _("AVG art. 6 lid 1 sub e (taak van algemeen belang / openbaar gezag)")


@dataclass(frozen=True)
class Retention:
    """How long a field is kept. `describe(municipality)` answers the term in words, read from
    the same setting the enforcement uses; `enforced_by` names the command that applies it
    (empty: nothing deletes it automatically, a person removes it)."""

    describe: Callable[..., str]
    enforced_by: str = ""

    def text(self, municipality) -> str:
        return str(self.describe(municipality))


def fixed(text, *, enforced_by: str = "") -> Retention:
    """A term that does not depend on a gemeente's settings."""
    return Retention(describe=lambda _municipality: text, enforced_by=enforced_by)


@dataclass(frozen=True)
class PersonalDataField:
    model: str  # "app_label.ModelName"
    field: str
    category: str
    basis: str
    retention: Retention
    encrypted: bool
    purpose: str
    label: str = ""  # for a field without a Dutch verbose_name of its own
    record: str = ""  # for a model without a Dutch verbose_name of its own


_declared: dict[tuple[str, str], PersonalDataField] = {}
_excluded: dict[tuple[str, str], str] = {}


def declare(
    model: str,
    fields: Iterable[str],
    *,
    category,
    basis,
    retention: Retention,
    purpose,
    encrypted: bool = False,
    labels: dict | None = None,
    record=None,
) -> None:
    """Declare the personal data in `fields` of `model` ("app_label.ModelName"); `labels`
    names fields that have no Dutch verbose_name, `record` the model when it has none.
    Declaring a field twice with different contents is a programming error."""
    for name in fields:
        label = (labels or {}).get(name, "")
        item = PersonalDataField(
            model, name, category, basis, retention, encrypted, purpose, label, record or ""
        )
        existing = _declared.get((model, name))
        if existing is not None and existing != item:
            raise ValueError(f"{model}.{name} is declared twice in the verwerkingsregister")
        _declared[(model, name)] = item


def not_personal(model: str, fields: Iterable[str], *, reason: str) -> None:
    """Fields whose name suggests personal data but that hold none, with the reason."""
    for name in fields:
        _excluded[(model, name)] = reason


def declarations() -> list[PersonalDataField]:
    return list(_declared.values())


def exclusions() -> dict[tuple[str, str], str]:
    return dict(_excluded)


def declaration_get(model: str, field: str) -> PersonalDataField | None:
    return _declared.get((model, field))


# --- The register as people read it ---------------------------------------------------------
REGISTER_HEADER = (
    _("onderdeel"),
    _("gegeven"),
    _("veld"),
    _("categorie"),
    _("doel"),
    _("grondslag"),
    _("bewaartermijn"),
    _("uitgevoerd door"),
    _("versleuteld"),
)


@dataclass(frozen=True)
class RegisterRow:
    app: str
    record: str
    field: str
    field_label: str
    category: str
    purpose: str
    basis: str
    retention: str
    enforced_by: str
    encrypted: bool

    def cells(self) -> list[str]:
        return [
            self.app,
            self.record,
            f"{self.field_label} ({self.field})",
            self.category,
            self.purpose,
            self.basis,
            self.retention,
            self.enforced_by or str(_("handmatig (geen automatische verwijdering)")),
            str(_("ja")) if self.encrypted else str(_("nee")),
        ]


def register_rows(*, municipality) -> list[RegisterRow]:
    """Every declared field, with its term as it applies to `municipality`, ordered by app,
    kind of record and field."""
    rows = []
    terms: dict[int, str] = {}
    for item in _declared.values():
        model = apps.get_model(item.model)
        field = model._meta.get_field(item.field)
        key = id(item.retention)
        if key not in terms:
            terms[key] = item.retention.text(municipality)
        rows.append(
            RegisterRow(
                app=str(model._meta.app_config.verbose_name),
                record=str(item.record or model._meta.verbose_name),
                field=item.field,
                field_label=str(item.label or field.verbose_name),
                category=str(item.category),
                purpose=str(item.purpose),
                basis=str(item.basis),
                retention=terms[key],
                enforced_by=item.retention.enforced_by,
                encrypted=item.encrypted,
            )
        )
    return sorted(rows, key=lambda r: (r.app, r.record, r.field))


def register_groups(*, municipality) -> list[RegisterRow]:
    """`register_rows` with the fields of one kind of record that share every answer merged
    into one row (field labels joined), as a printed register reads best."""
    groups: dict[tuple, RegisterRow] = {}
    for row in register_rows(municipality=municipality):
        key = (
            row.app,
            row.record,
            row.category,
            row.purpose,
            row.basis,
            row.retention,
            row.enforced_by,
            row.encrypted,
        )
        if key in groups:
            first = groups[key]
            groups[key] = RegisterRow(
                **{
                    **first.__dict__,
                    "field": f"{first.field}, {row.field}",
                    "field_label": f"{first.field_label}, {row.field_label}",
                }
            )
        else:
            groups[key] = row
    return list(groups.values())
