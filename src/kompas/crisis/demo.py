# SPDX-License-Identifier: EUPL-1.2
"""Demo crisis organisation for Heerenveen, Weststellingwerf and the HOWO district: invented
people (labelled as demodata), dates relative to today, so that at least one key function is
red, one amber and others green. Idempotent."""

from datetime import timedelta

from kompas.core.models import Municipality, Partnership

from . import services
from .constants import FacilityKind, OtoKind, OtoLevel, OtoStatus, SubPlanKind, SubPlanStatus
from .models import CrisisMember, Facility, FireStation, KeyFunction, OtoActivity, SubPlan
from .selectors import Owner, today

# Invented people per gemeente: name, organisation, functions (code, backup?), qualification
# state per function: "geldig", "verloopt" (within 60 days), "verlopen", or None (none).
PEOPLE = {
    "GM0074": [
        ("Hanna Dijkstra (demo)", "Team Veiligheid", [("ovd-bz", False)], "geldig"),
        ("Jelle Postma (demo)", "Publiekszaken", [("ovd-bz", True), ("tl-bz", False)], "geldig"),
        ("Sietske Hoekstra (demo)", "Communicatie", [("comm", False)], "verloopt"),
        ("Rients de Jong (demo)", "Communicatie", [("comm", True)], "geldig"),
        ("Gerrit Bouma (demo)", "Bestuursondersteuning", [("gemsec", False)], "verlopen"),
        ("Anneke Visser (demo)", "Bestuur", [("loco-bgm", False)], "geldig"),
        ("Tjeerd Wiersma (demo)", "Bestuur", [("loco-bgm", True)], "geldig"),
    ],
    "GM0098": [
        ("Marrit Zijlstra (demo)", "Team OOV", [("ovd-bz", False)], "geldig"),
        ("Klaas Mulder (demo)", "Burgerzaken", [("tl-bz", False)], "verloopt"),
        ("Ytsje Kuipers (demo)", "Communicatie", [("comm", False)], "geldig"),
    ],
}
DISTRICT_PEOPLE = [
    ("Douwe Terpstra (demo)", "Heerenveen", [("acbz", False)], "geldig"),
    ("Froukje Veenstra (demo)", "Opsterland", [("acbz", True)], "geldig"),
    ("Wiebe Hoogland (demo)", "Ooststellingwerf", [("acbz", True)], "verlopen"),
]


def _qualify(owner, member, function, state, by=None) -> None:
    now = today()
    if state is None:
        return
    expires = {
        "geldig": now + timedelta(days=400),
        "verloopt": now + timedelta(days=30),
        "verlopen": now - timedelta(days=20),
    }[state]
    services.qualification_add(
        owner=owner,
        member=member,
        function=function,
        by=by,
        name=f"Vakbekwaam {function.name} (demo)",
        obtained_on=expires - timedelta(days=3 * 365),
        expires_on=expires,
    )


def _people(owner: Owner, people) -> None:
    functions = {f.code: f for f in KeyFunction.objects.filter(**owner.filter)}
    for name, organisation, roles, state in people:
        member = services.record_save(
            obj=CrisisMember(name=name, organisation=organisation, is_demo=True),
            owner=owner,
            by=None,
        )
        for code, backup in roles:
            services.assignment_add(
                owner=owner, member=member, function=functions[code], backup=backup, by=None
            )
            _qualify(owner, member, functions[code], state)
        code, backup = roles[0]
        if not backup:  # the first-line person of each function is on piket this week
            start = today() - timedelta(days=today().weekday())
            services.piket_add(
                owner=owner,
                member=member,
                function=functions[code],
                starts_on=start,
                ends_on=start + timedelta(days=6),
                by=None,
            )


def _records(owner: Owner, label: str) -> None:
    now = today()
    functions = list(KeyFunction.objects.filter(**owner.filter)[:3])
    for days, title, kind, level, status in (
        (
            -200,
            "Oefening actiecentrum bevolkingszorg",
            OtoKind.EXERCISE,
            OtoLevel.LOCAL,
            OtoStatus.HELD,
        ),
        (-60, "Training crisiscommunicatie", OtoKind.TRAINING, OtoLevel.DISTRICT, OtoStatus.HELD),
        (
            45,
            "Regionale oefening natuurbrand",
            OtoKind.EXERCISE,
            OtoLevel.REGIONAL,
            OtoStatus.PLANNED,
        ),
    ):
        services.oto_save(
            owner=owner,
            activity=OtoActivity(is_demo=True),
            by=None,
            fields={
                "title": f"{title} {label} (demo)",
                "kind": kind,
                "level": level,
                "date": now + timedelta(days=days),
                "status": status,
            },
            m2m={"functions": functions},
        )
    for name, kind, capacity, checked in (
        (f"Crisisruimte gemeentehuis {label}", FacilityKind.CRISIS_ROOM, None, -100),
        (f"Noodstroomaggregaat gemeentehuis {label}", FacilityKind.POWER, None, -500),
        (f"Sporthal {label} (opvang)", FacilityKind.SHELTER, 250, -30),
    ):
        services.record_save(
            obj=Facility(is_demo=True),
            owner=owner,
            by=None,
            fields={
                "name": f"{name} (demo)",
                "kind": kind,
                "capacity": capacity,
                "last_checked_on": now + timedelta(days=checked),
            },
        )
    services.record_save(
        obj=FireStation(is_demo=True),
        owner=owner,
        by=None,
        fields={
            "name": f"Brandweerpost {label} (demo)",
            "contact_name": "Postcommandant (demo)",
            "last_contact_on": now - timedelta(days=90),
        },
    )


def load_demo() -> str | None:
    municipalities = {m.code: m for m in Municipality.objects.filter(code__in=PEOPLE)}
    howo = Partnership.objects.filter(code="howo").first()
    if not municipalities or KeyFunction.objects.filter(is_demo=True).exists():
        return None
    for code, people in PEOPLE.items():
        municipality = municipalities.get(code)
        if municipality is None:
            continue
        owner = Owner(municipality=municipality, context_municipality=municipality)
        services.function_defaults_ensure(owner=owner, is_demo=True)
        _people(owner, people)
        _records(owner, municipality.name)
    if howo is not None:
        owner = Owner(partnership=howo)
        services.record_save(
            obj=KeyFunction(
                code="acbz", name="Algemeen Commandant Bevolkingszorg (district)", is_demo=True
            ),
            owner=owner,
            by=None,
        )
        _people(owner, DISTRICT_PEOPLE)
        for kind, title, version, status, adopted in (
            (
                SubPlanKind.POPULATION_CARE,
                "Deelplan Bevolkingszorg HOWO",
                "2.0",
                SubPlanStatus.IMPLEMENTING,
                -150,
            ),
            (
                SubPlanKind.CRISIS_COMMUNICATION,
                "Deelplan Crisiscommunicatie HOWO",
                "1.1",
                SubPlanStatus.ADOPTED,
                -40,
            ),
        ):
            services.record_save(
                obj=SubPlan(is_demo=True),
                owner=owner,
                by=None,
                fields={
                    "kind": kind,
                    "title": f"{title} (demo)",
                    "version": version,
                    "status": status,
                    "adopted_on": today() + timedelta(days=adopted),
                },
            )
    return "crisisorganisatie: sleutelfuncties, leden, OTO, voorzieningen en deelplannen (demo)"
