# SPDX-License-Identifier: EUPL-1.2
"""Demo openbare orde for Heerenveen and Weststellingwerf: a risk inventory with one item
overdue for review, three demonstrations, a football season of ten matches (two higher-risk),
incidents, an event and the jaarwisseling with preparation actions; in Heerenveen one person
(pseudonymised, behind the casework's reveal; partner politie named). Invented, labelled
"(demo)", dates relative to today. Idempotent."""

from datetime import timedelta

from kompas.cases.services import PersonData
from kompas.core.models import Municipality, PartnerOrganisation
from kompas.policy import selectors as policy_selectors

from . import services
from .models import Demonstration, Incident, Match, PublicEvent, RiskItem
from .selectors import today

RISKS = [
    # kind, location kind, title, theme, level, review in days from today, partners
    (
        "locatie",
        "azc",
        "Opvanglocatie asielzoekers",
        "polarisatie",
        "midden",
        60,
        ["politie", "coa"],
    ),
    (
        "locatie",
        "gebedshuis",
        "Moskee aan de rand van het centrum",
        "polarisatie",
        "laag",
        -14,
        ["politie"],
    ),
    (
        "locatie",
        "gemeentehuis",
        "Gemeentehuis (raadsvergaderingen)",
        "demonstraties",
        "midden",
        120,
        ["politie"],
    ),
    ("groep", "", "Online groep rond lokale boerenprotesten", "online", "midden", 30, ["politie"]),
    ("groep", "", "Harde kern supporters", "supporters", "hoog", 45, ["politie", "om"]),
]
OPPONENTS = [
    "FC Groningen",
    "PSV",
    "Ajax",
    "AZ",
    "FC Twente",
    "NEC",
    "Go Ahead Eagles",
    "Sparta Rotterdam",
    "Fortuna Sittard",
    "PEC Zwolle",
]


def _risks(municipality) -> None:
    partners = {p.code: p for p in PartnerOrganisation.objects.all()}
    for kind, location_kind, title, theme, level, review, codes in RISKS:
        services.risk_save(
            owner=municipality,
            obj=RiskItem(is_demo=True),
            by=None,
            fields={
                "kind": kind,
                "location_kind": location_kind,
                "title": f"{title} (demo)",
                "theme": theme,
                "level": level,
                "reasons": "Inschatting van het team Veiligheid met de politie (demo).",
                "measures": "Contact met beheerder; extra surveillance bij signalen (demo).",
                "review_on": today() + timedelta(days=review),
            },
            m2m={"partners": [partners[c] for c in codes if c in partners]},
        )


def _person(municipality) -> None:
    """An invented person as an item: only regisseurs, beheerders and the politie see it."""
    services.risk_save(
        owner=municipality,
        obj=RiskItem(is_demo=True),
        by=None,
        fields={
            "kind": "persoon",
            "theme": "radicalisering",
            "level": "midden",
            "reasons": "Zorgelijke uitingen online, besproken met de politie (demo).",
            "measures": "Persoonsgerichte aanpak via het Zorg- en Veiligheidshuis (demo).",
            "review_on": today() + timedelta(days=75),
        },
        m2m={"partners": list(PartnerOrganisation.objects.filter(code="politie"))},
        person=PersonData(name="Sjoerd Verzonnen (demo)", address="Demostraat 1, Heerenveen"),
    )


def _demonstrations(municipality) -> None:
    now = today()
    for days, title, size, status in (
        (-40, "Boerenprotest met trekkers", 150, "geevalueerd"),
        (-10, "Stille tocht", 300, "gehouden"),
        (12, "Manifestatie klimaat", 80, "advies"),
    ):
        services.record_save(
            owner=municipality,
            obj=Demonstration(is_demo=True),
            by=None,
            fields={
                "title": f"{title} (demo)",
                "date": now + timedelta(days=days),
                "place": f"Centrum {municipality.name}",
                "route": "Stationsplein — Raadhuisplein",
                "organiser_name": "Organisator (demo)",
                "expected_size": size,
                "notified_on": now + timedelta(days=days - 21),
                "status": status,
                "conditions": "Route vastgesteld; geen trekkers in het voetgangersgebied."
                if days < 0
                else "",
                "legal_ground": "wom-5-1" if days < 0 else "",
                "evaluation": "Rustig verlopen (demo)." if status == "geevalueerd" else "",
            },
        )


def _football(municipality) -> None:
    now = today()
    incident = services.record_save(
        owner=municipality,
        obj=Incident(is_demo=True),
        by=None,
        fields={
            "date": now - timedelta(days=35),
            "place": "Omgeving stadion",
            "kind": "supporters",
            "description": "Confrontatie tussen supportersgroepen na afloop (demo).",
            "measures": "ME ingezet, twee aanhoudingen (demo).",
            "instruments": "noodbevel (demo)",
        },
    )
    for n, opponent in enumerate(OPPONENTS):
        risk = "C" if opponent in ("FC Groningen", "Ajax") else "A"
        match = services.record_save(
            owner=municipality,
            obj=Match(is_demo=True),
            by=None,
            fields={
                "date": now + timedelta(days=14 * (n - 5)),
                "opponent": opponent,
                "home": n % 2 == 0,
                "risk_class": risk,
                "police_advice": "Verhoogd risico: combiregeling en extra inzet (demo)."
                if risk == "C"
                else "",
                "evaluation": "Rustig (demo)." if n < 5 else "",
            },
        )
        if opponent == "FC Groningen" and match.date < now:
            match.incidents.add(incident)
    services.record_save(
        owner=municipality,
        obj=PublicEvent(is_demo=True),
        by=None,
        fields={
            "name": "Zomerfestival (demo)",
            "date": now + timedelta(days=90),
            "location": "Evenemententerrein",
            "expected_visitors": 8000,
            "risk_class": "B",
            "advice": "Extra EHBO en verkeersregelaars (demo).",
            "permit_reference": "Z-2026-0412",
        },
    )


def _new_year(municipality) -> None:
    plan = policy_selectors.plan_current(municipality=municipality)
    if plan is None or not plan.priorities.exists():
        return
    year = today().year if today().month >= 7 else today().year - 1
    item = services.newyear_ensure(owner=municipality, year=year, is_demo=True)
    priority = plan.priorities.order_by("number").last()
    for title, days in (
        ("Vuurwerkvrije zones vaststellen (demo)", 30),
        ("Overleg met jongerenwerk en politie over de jaarwisseling (demo)", 45),
    ):
        services.newyear_action_add(
            owner=municipality,
            newyear=item,
            title=title,
            priority=priority,
            due=today() + timedelta(days=days),
            owner_name="team Veiligheid",
        )


def load_demo() -> str | None:
    if RiskItem.objects.filter(is_demo=True).exists():
        return None
    done = []
    for code in ("GM0074", "GM0098"):
        municipality = Municipality.objects.filter(code=code).first()
        if municipality is None:
            continue
        _risks(municipality)
        _demonstrations(municipality)
        if code == "GM0074":  # Heerenveen is the BVO-gemeente
            _football(municipality)
            _person(municipality)
        _new_year(municipality)
        done.append(municipality.name)
    if not done:
        return None
    return (
        "openbare orde (demo): risico-inventarisatie, demonstraties en jaarwisseling voor "
        f"{', '.join(done)}; voetbalseizoen Heerenveen"
    )
