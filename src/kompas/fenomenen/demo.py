# SPDX-License-Identifier: EUPL-1.2
"""Demo fenomenen (invented, labelled demodata): an adopted fenomenenkeuze 2025 for each
gemeente of Zuidoost Friesland, a witte vlek for Heerenveen and Weststellingwerf, and a few
voorlichting activities in 2025. Dates are written as seen from 2026 (core.demo.demo_date),
so the `fenomenenkeuze` norm of 2025 reads from this register. Idempotent."""

from kompas.core.demo import demo_date
from kompas.core.models import Municipality

from . import services
from .constants import ActivityType, DecisionBody, KeuzeStatus, SpotKind, SpotStatus
from .models import Activity, PhenomenonChoice, WhiteSpot

# (gemeente, decision date, body, phenomena, free phenomena, partner input)
KEUZES = [
    (
        "GM0074",
        "2025-02-11",
        DecisionBody.TRIANGLE,
        ["drugs_teelt", "woonfraude", "vastgoed_bedrijf"],
        "Ondermijning in het havengebied",
        "Politie: toename hennepteelt in het buitengebied. RIEC: signalen over vastgoed.",
    ),
    (
        "GM0098",
        "2025-02-25",
        DecisionBody.TRIANGLE,
        ["drugs_teelt", "mensenhandel", "zorgfraude"],
        "",
        "Politie en RIEC: uitbuiting van arbeidsmigranten; zorgfraude uit het sociaal domein.",
    ),
    (
        "GM0085",
        "2025-03-04",
        DecisionBody.COLLEGE,
        ["drugs_opslag", "vastgoed_bedrijf"],
        "Leegstaand agrarisch vastgoed",
        "Politie: opslag in leegstaande stallen.",
    ),
    (
        "GM0086",
        "2025-03-18",
        DecisionBody.COLLEGE,
        ["drugs_teelt", "witwassen"],
        "",
        "RIEC: witwassen via vakantieparken.",
    ),
]

# (gemeente, kind, subject, reason, plan, status, review date)
SPOTS = [
    (
        "GM0074",
        SpotKind.AREA,
        "Havengebied",
        "Ondermijningsbeeld 2018: weinig zicht op de bedrijven in de haven.",
        "Integrale controle op een ondermijningsdag en een informatiebijeenkomst voor "
        "ondernemers; signalen over de haven in het LIO.",
        SpotStatus.BUSY,
        "2026-02-10",
    ),
    (
        "GM0098",
        SpotKind.SECTOR,
        "Vakantieparken",
        "Weinig meldingen terwijl de branche gevoelig is.",
        "Eigenaren bezoeken met politie en VTH; bewonersregistratie nagaan.",
        SpotStatus.OPEN,
        "2026-02-24",
    ),
]

# (gemeente, date, title, type, topic, people, organisations, materials)
ACTIVITIES = [
    (
        "GM0074",
        "2025-03-20",
        "Training signalen herkennen voor VTH en Burgerzaken",
        ActivityType.CIVIL_SERVANTS,
        "woonfraude",
        24,
        1,
        "presentatie RIEC, signalenkaart",
    ),
    (
        "GM0074",
        "2025-05-13",
        "Bijeenkomst ondernemersvereniging Kanaal",
        ActivityType.BUSINESSES,
        "vastgoed_bedrijf",
        35,
        18,
        "folder 'Ondermijning herkennen'",
    ),
    (
        "GM0074",
        "2025-10-07",
        "Gastles digitale veiligheid",
        ActivityType.SCHOOLS,
        "digitale_veiligheid",
        120,
        2,
        "lespakket HackShield",
    ),
    (
        "GM0098",
        "2025-04-15",
        "Bestuurlijke sessie ondermijning raad",
        ActivityType.ADMINISTRATIVE,
        "algemeen",
        21,
        1,
        "presentatie ondermijningsbeeld",
    ),
    (
        "GM0098",
        "2025-06-03",
        "Voorlichting makelaars en notarissen",
        ActivityType.BROKERS_NOTARIES,
        "witwassen",
        14,
        9,
        "handreiking vastgoed en witwassen",
    ),
    (
        "GM0098",
        "2025-09-30",
        "Informatieavond buitengebied",
        ActivityType.RESIDENTS,
        "drugs_teelt",
        60,
        0,
        "folder hennepteelt, flyer Meld Misdaad Anoniem",
    ),
]


def load_demo() -> str:
    gemeenten = {m.code: m for m in Municipality.objects.all()}
    keuzes = spots = activities = 0
    for code, iso, body, phenomena, free, partner_input in KEUZES:
        municipality = gemeenten.get(code)
        on = demo_date(iso)
        if (
            municipality is None
            or PhenomenonChoice.objects.filter(municipality=municipality, year=on.year).exists()
        ):
            continue
        services.keuze_save(
            municipality=municipality,
            keuze=PhenomenonChoice(),
            by=None,
            fields={
                "year": on.year,
                "phenomena": phenomena,
                "free_phenomena": free,
                "partner_input": partner_input,
                "status": KeuzeStatus.ADOPTED,
                "decision_date": on,
                "decided_by": body,
            },
            is_demo=True,
        )
        keuzes += 1
    for code, kind, subject, reason, plan, status, iso in SPOTS:
        municipality = gemeenten.get(code)
        if (
            municipality is None
            or WhiteSpot.objects.filter(
                municipality=municipality, is_demo=True, subject=subject
            ).exists()
        ):
            continue
        services.spot_save(
            municipality=municipality,
            spot=WhiteSpot(),
            by=None,
            fields={
                "kind": kind,
                "subject": subject,
                "reason": reason,
                "plan": plan,
                "status": status,
                "review_date": demo_date(iso),
            },
            is_demo=True,
        )
        spots += 1
    for code, iso, title, kind, topic, people, organisations, materials in ACTIVITIES:
        municipality = gemeenten.get(code)
        if (
            municipality is None
            or Activity.objects.filter(
                municipality=municipality, is_demo=True, title=title
            ).exists()
        ):
            continue
        services.activity_save(
            municipality=municipality,
            activity=Activity(),
            by=None,
            fields={
                "date": demo_date(iso),
                "title": title,
                "activity_type": kind,
                "topic": topic,
                "people": people,
                "organisations": organisations,
                "materials": materials,
            },
            is_demo=True,
        )
        activities += 1
    return (
        f"Fenomenen: {keuzes} fenomenenkeuzes, {spots} witte vlekken, "
        f"{activities} voorlichtingsactiviteiten toegevoegd."
    )
