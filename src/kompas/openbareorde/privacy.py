# SPDX-License-Identifier: EUPL-1.2
"""Openbare orde's entries in the verwerkingsregister (kompas.core.privacy). The organiser's
term is `services.demonstration_retention_days()`, the one `kompas openbareorde retentie`
applies (KOMPAS_DEMONSTRATION_RETENTION_DAYS); the risk items' and incidents' terms are the
ones `retention.retention_run` applies in `kompas retention run`."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from kompas.cases.privacy import declare_identity
from kompas.core import privacy as p

from .retention import incident_retention_years, risk_item_retention_months
from .services import demonstration_retention_days

BASIS = _lazy("AVG art. 6 lid 1 sub e; Gemeentewet art. 172 en 174 (openbare orde)")
RUN = "kompas retention run"


def _risk_term(_municipality) -> str:
    return _(
        "%(months)s maanden na het afsluiten van het risico-item verwijderd, met de persoon en "
        "de geschiedenis van het risiconiveau (KOMPAS_RISK_ITEM_RETENTION_MONTHS)."
    ) % {"months": risk_item_retention_months()}


def _incident_term(_municipality) -> str:
    return _(
        "%(years)s jaar na de datum van het incident gewist; datum, plaats, soort en "
        "maatregelen blijven (KOMPAS_INCIDENT_RETENTION_YEARS)."
    ) % {"years": incident_retention_years()}


RISK_TERM = p.Retention(describe=_risk_term, enforced_by=RUN)
INCIDENT_TERM = p.Retention(describe=_incident_term, enforced_by=RUN)


def _organiser_term(_municipality) -> str:
    return _(
        "%(days)s dagen na de datum van de demonstratie gewist (naam en contact van de "
        "organisator)."
    ) % {"days": demonstration_retention_days()}


ORGANISER_TERM = p.Retention(describe=_organiser_term, enforced_by="kompas openbareorde retentie")


def declare() -> None:
    declare_identity(
        "openbareorde.RiskPerson",
        basis=BASIS,
        retention=RISK_TERM,
        purpose=_lazy(
            "Een persoon op de risico-inventarisatie maatschappelijke onrust; elders alleen "
            "als pseudoniem getoond."
        ),
    )
    p.declare(
        "openbareorde.RiskItem",
        ["reasons", "measures"],
        category=p.FREE_TEXT,
        basis=BASIS,
        retention=RISK_TERM,
        purpose=_lazy(
            "Waarom een risico (ook van een persoon) dit niveau heeft, en wat er gebeurt."
        ),
    )
    p.declare(
        "openbareorde.RiskLevelChange",
        ["reasons"],
        record=_lazy("wijziging risiconiveau"),
        category=p.FREE_TEXT,
        basis=BASIS,
        retention=RISK_TERM,
        purpose=_lazy("Geschiedenis van het risiconiveau."),
    )
    p.declare(
        "openbareorde.Demonstration",
        ["organiser_name", "organiser_contact"],
        category=p.CONTACT,
        basis=_lazy("AVG art. 6 lid 1 sub e; Wet openbare manifestaties art. 4 en 5"),
        retention=ORGANISER_TERM,
        purpose=_lazy("Overleg met de organisator over de kennisgeving en de voorschriften."),
    )
    p.declare(
        "openbareorde.Incident",
        ["description"],
        category=p.FREE_TEXT,
        basis=BASIS,
        retention=INCIDENT_TERM,
        purpose=_lazy("Wat er bij een incident gebeurde (zonder namen te noteren)."),
    )
    p.not_personal(
        "openbareorde.Demonstration",
        ["route", "conditions", "evaluation"],
        reason="the route, the conditions and the evaluation of the event itself",
    )
    p.not_personal(
        "openbareorde.DemonstrationAdvice", ["advice"], reason="a partner's advice on the event"
    )
    p.not_personal(
        "openbareorde.Incident",
        ["measures", "instruments"],
        reason="measures and powers used (from a fixed vocabulary of instruments)",
    )
    p.not_personal(
        "openbareorde.Match",
        ["police_advice", "measures", "evaluation"],
        reason="advice, measures and evaluation of a football match as an event",
    )
    p.not_personal(
        "openbareorde.PublicEvent",
        ["name", "advice", "evaluation"],
        reason="name, advice and evaluation of a public event",
    )
    p.not_personal(
        "openbareorde.NewYear", ["evaluation"], reason="evaluation of a jaarwisseling as a whole"
    )
