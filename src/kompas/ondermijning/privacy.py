# SPDX-License-Identifier: EUPL-1.2
"""Ondermijning's entries in the verwerkingsregister (kompas.core.privacy)."""

from django.utils.translation import gettext_lazy as _

from kompas.core import privacy as p

BASIS = _(
    "AVG art. 6 lid 1 sub e en art. 10; Gemeentewet art. 174; Wetboek van Strafrecht art. 437 "
    "en de APV (opkopers)"
)
MANUAL = p.fixed(_("Geen automatische termijn: verwijderd door een medewerker."))


def declare() -> None:
    p.declare(
        "ondermijning.Dealer",
        ["name", "kvk_number", "address", "notes"],
        category=p.BUSINESS,
        basis=BASIS,
        retention=MANUAL,
        purpose=_("Toezicht op opkopers en hun registratie in het Digitaal Opkopers Register."),
    )
    p.declare(
        "ondermijning.DealerCheck",
        ["text"],
        category=p.FREE_TEXT,
        basis=BASIS,
        retention=MANUAL,
        purpose=_("Wat een controle bij een opkoper opleverde."),
    )
    p.declare(
        "ondermijning.Controle",
        ["reason_note", "follow_up"],
        category=p.FREE_TEXT,
        basis=BASIS,
        retention=MANUAL,
        purpose=_("Aanleiding en vervolg van een integrale controle."),
    )
    p.declare(
        "ondermijning.ControleLocation",
        ["address"],
        category=p.BUSINESS,
        basis=BASIS,
        retention=MANUAL,
        purpose=_("Het gecontroleerde adres (bedrijf of pand)."),
    )
    p.declare(
        "ondermijning.Finding",
        ["text"],
        category=p.FREE_TEXT,
        basis=BASIS,
        retention=MANUAL,
        purpose=_("Bevindingen van een integrale controle."),
    )
    p.not_personal("ondermijning.Branche", ["name"], reason="name of a branch of business")
    p.not_personal(
        "ondermijning.KvoPark",
        ["name", "notes"],
        reason="a business park and its Keurmerk Veilig Ondernemen certificate",
    )
