# SPDX-License-Identifier: EUPL-1.2
"""Casework's entries in the verwerkingsregister (kompas.core.privacy). The term is read from
`services.retention_years`, the same years per case type `kompas retention run` applies."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from kompas.core import privacy as p

from .constants import CaseType
from .models import IDENTITY_FIELDS
from .services import retention_years
from .services.measure_retention import measure_retention_years

RUN = "kompas retention run"
BASIS = _lazy(
    "AVG art. 6 lid 1 sub e en art. 9 lid 2 sub g; Gemeentewet art. 172; convenant Zorg- en "
    "Veiligheidshuis (gegevensdeling in het casusoverleg)"
)


def _case_term(municipality) -> str:
    years = retention_years(municipality=municipality)
    per_type = "; ".join(f"{label} {years[value]}" for value, label in CaseType.choices)
    return _(
        "Verwijderd met de casus, jaren na afsluiten per soort casus: %(per_type)s. Een "
        "statistiekregel zonder persoonsgegevens blijft."
    ) % {"per_type": per_type}


CASE_TERM = p.Retention(describe=_case_term, enforced_by=RUN)

MEASURE_BASIS = _lazy(
    "AVG art. 6 lid 1 sub e en art. 10; Gemeentewet art. 151b, 172a; Opiumwet art. 13b; "
    "Wet Bibob art. 3"
)


def _measure_term(_municipality) -> str:
    return _(
        "%(years)s jaar na het vervallen van het besluit (einddatum, heropening, anders de "
        "datum van het besluit) gewist, met de koppeling aan casus, adresdossier en meldingen; "
        "het besluit zelf blijft in het register (Archiefwet, Selectielijst gemeenten 2020) "
        "(KOMPAS_MEASURE_RETENTION_YEARS)."
    ) % {"years": measure_retention_years()}


MEASURE_TERM = p.Retention(describe=_measure_term, enforced_by=RUN)


IDENTITY_LABELS = {
    "name_enc": _lazy("naam (versleuteld)"),
    "birth_date_enc": _lazy("geboortedatum (versleuteld)"),
    "address_enc": _lazy("adres (versleuteld)"),
    "bsn_enc": _lazy("BSN (versleuteld)"),
}


def declare_identity(model: str, *, basis, retention: p.Retention, purpose) -> None:
    """The fields of `models.EncryptedIdentity` (used by cases and openbareorde)."""
    p.declare(
        model,
        [name for name in IDENTITY_FIELDS if name != "bsn_enc"],
        category=p.IDENTITY,
        basis=basis,
        retention=retention,
        purpose=purpose,
        encrypted=True,
        labels=IDENTITY_LABELS,
    )
    p.declare(
        model,
        ["bsn_enc"],
        category=p.BSN,
        basis=_("%(basis)s; Wet algemene bepalingen burgerservicenummer art. 10")
        % {"basis": basis},
        retention=retention,
        purpose=purpose,
        encrypted=True,
        labels=IDENTITY_LABELS,
    )


def declare() -> None:
    declare_identity(
        "cases.Person",
        basis=BASIS,
        retention=CASE_TERM,
        purpose=_lazy("De persoon om wie de casus gaat; elders alleen als pseudoniem getoond."),
    )
    p.declare(
        "cases.Person",
        ["role"],
        category=p.CASE_CONTENT,
        basis=BASIS,
        retention=CASE_TERM,
        purpose=_lazy("De rol van de persoon in de casus."),
    )
    p.declare(
        "cases.Case",
        ["summary_enc"],
        category=p.CASE_CONTENT,
        basis=BASIS,
        retention=CASE_TERM,
        purpose=_lazy("De aanleiding van de casus."),
        encrypted=True,
    )
    p.declare(
        "cases.Case",
        ["group_description"],
        category=p.CASE_CONTENT,
        basis=BASIS,
        retention=CASE_TERM,
        purpose=_lazy("De groep waar een groepscasus om gaat (zonder namen)."),
    )
    p.declare(
        "cases.Case",
        ["regisseur_name"],
        category=p.STAFF_NAME,
        basis=BASIS,
        retention=CASE_TERM,
        purpose=_lazy("Wie de regie over de casus voert."),
    )
    for model, field, label, record, purpose in (
        (
            "cases.CaseDiscussion",
            "decision_enc",
            _lazy("besluit (versleuteld)"),
            _lazy("bespreking van een casus"),
            _lazy("Afspraken uit het casusoverleg."),
        ),
        (
            "cases.WeegploegAssessment",
            "reasons_enc",
            _lazy("redenen (versleuteld)"),
            _lazy("weging door de weegploeg"),
            _lazy("Of een casus voldoet aan de criteria van de weegploeg, en waarom."),
        ),
    ):
        p.declare(
            model,
            [field],
            category=p.CASE_CONTENT,
            basis=BASIS,
            retention=CASE_TERM,
            purpose=purpose,
            encrypted=True,
            labels={field: label},
            record=record,
        )
    p.declare(
        "cases.CaseStatusChange",
        ["note"],
        category=p.CASE_CONTENT,
        basis=BASIS,
        retention=CASE_TERM,
        purpose=_lazy("Toelichting bij een statuswijziging."),
        record=_lazy("statuswijziging van een casus"),
    )
    p.declare(
        "cases.Intervention",
        ["description", "result"],
        category=p.CASE_CONTENT,
        basis=BASIS,
        retention=CASE_TERM,
        purpose=_lazy("Interventies in de casus en hun resultaat."),
    )
    p.declare(
        "cases.Measure",
        ["description", "bibob_application", "bibob_permit"],
        category=p.FREE_TEXT,
        basis=MEASURE_BASIS,
        retention=MEASURE_TERM,
        purpose=_lazy("Register van bestuurlijke maatregelen (zonder namen in de omschrijving)."),
    )
    p.declare(
        "cases.Measure",
        ["decided_by"],
        category=p.STAFF_NAME,
        basis=MEASURE_BASIS,
        retention=p.fixed(
            _lazy(
                "Bewaard met het besluit (Archiefwet 1995): het bestuursorgaan dat besloot "
                "hoort bij het besluit."
            )
        ),
        purpose=_lazy("Wie het besluit nam (meestal de burgemeester als bestuursorgaan)."),
    )
    p.not_personal(
        "cases.Case",
        ["legal_ground_name"],
        reason="the name of the legal ground (a convenant or a decision), no person",
    )
    p.not_personal(
        "cases.CaseStatistic",
        ["close_reason"],
        reason="the code of the closing reason kept for statistics after deletion",
    )
