# SPDX-License-Identifier: EUPL-1.2
"""Demo data for policy: the three seed plans (real texts) and, labelled as demo data, some
actions with progress updates and hand-registered events. Idempotent."""

from django.db import transaction

from kompas.core.demo import demo_date
from kompas.core.models import Municipality, Partnership

from .constants import ActionStatus, EventKind
from .models import Action, Event
from .planfile import PLANS_DIR
from .services import (
    action_create,
    action_update_add,
    event_delete,
    event_register,
    plan_import,
)

SEED_PLANS = [
    # predecessor first, so the IVP links to it
    "GM0074-samen-veilig-samen-doen-2017.yaml",
    "GM0074-ivp-2023-2026.yaml",
    "GM0098-ivb-2024-2027.yaml",
]

# (gemeente, plan short name, key, priority, execution plan, title, owner, partners, start,
#  due, status, [(date, status, text)])
DEMO_ACTIONS = [
    (
        "GM0074",
        "IVP 2023-2026",
        "demo-lio",
        1,
        "2023-2024",
        "Lokaal Informatieoverleg (LIO) maandelijks laten plaatsvinden",
        "Team Veiligheid",
        ["politie", "vth"],
        "2023-03-01",
        "2024-12-31",
        ActionStatus.DONE,
        [
            (
                "2023-06-15",
                ActionStatus.RUNNING,
                "Eerste drie LIO's gehouden; vaste agenda afgesproken.",
            ),
            ("2024-12-10", ActionStatus.DONE, "LIO is een vast maandelijks overleg geworden."),
        ],
    ),
    (
        "GM0074",
        "IVP 2023-2026",
        "demo-meldpunt",
        1,
        "2025-2026",
        "Verkennen van een gemeentelijk meldpunt ondermijnende signalen",
        "Team Veiligheid",
        ["riec", "politie"],
        "2025-01-15",
        "2025-12-31",
        ActionStatus.RUNNING,
        [("2025-04-01", ActionStatus.RUNNING, "Verkenning gestart; gesprek met RIEC gepland.")],
    ),
    (
        "GM0074",
        "IVP 2023-2026",
        "demo-bibob",
        1,
        "2025-2026",
        "Herschreven Bibob-beleid ter vaststelling aan het college",
        "Team Veiligheid",
        ["riec"],
        "2025-02-01",
        "2025-09-30",
        ActionStatus.DELAYED,
        [
            (
                "2025-09-20",
                ActionStatus.DELAYED,
                "Juridische toets duurt langer; nieuwe planning Q1 2026.",
            )
        ],
    ),
    (
        "GM0074",
        "IVP 2023-2026",
        "demo-buurtpreventie",
        2,
        "2025-2026",
        "Buurtpreventieteams ondersteunen in twee wijken",
        "Wijkmanager Heerenveen-Noord",
        ["wijkmanagers", "inwoners", "politie"],
        "2025-03-01",
        "2026-06-30",
        ActionStatus.RUNNING,
        [],
    ),
    (
        "GM0074",
        "IVP 2023-2026",
        "demo-cyber",
        3,
        "2025-2026",
        "Voorlichting digitale veiligheid voor ondernemers",
        "Team Veiligheid",
        ["ondernemers", "politie"],
        "2025-09-01",
        "2026-03-31",
        ActionStatus.PLANNED,
        [],
    ),
    (
        "GM0074",
        "IVP 2023-2026",
        "demo-onrust",
        4,
        "2025-2026",
        "Draaiboek maatschappelijke onrust actualiseren",
        "Team Veiligheid",
        ["politie", "vrf"],
        "2025-06-01",
        "2026-12-31",
        ActionStatus.PLANNED,
        [],
    ),
    (
        "GM0098",
        "IVB 2024-2027",
        "demo-controles",
        1,
        "speerpunt-1",
        "Twee integrale controles per jaar plannen met politie en VTH",
        "Team OOV",
        ["politie", "vth"],
        "2024-01-01",
        "2027-12-31",
        ActionStatus.RUNNING,
        [("2025-03-12", ActionStatus.RUNNING, "Eerste controle 2025: horeca Wolvega.")],
    ),
    (
        "GM0098",
        "IVB 2024-2027",
        "demo-weerbaar",
        2,
        "speerpunt-2",
        "Weerbaarheidstraining digitale criminaliteit voor medewerkers",
        "Team OOV",
        ["gemeente"],
        "2024-09-01",
        "2025-06-30",
        ActionStatus.DONE,
        [("2025-06-20", ActionStatus.DONE, "Training gegeven aan 80 medewerkers.")],
    ),
    (
        "GM0098",
        "IVB 2024-2027",
        "demo-zorg",
        3,
        "speerpunt-3",
        "Werkafspraken zorg en veiligheid met het Zorg- en Veiligheidshuis",
        "Team OOV",
        ["zvh", "ggd"],
        "2025-01-01",
        "2026-12-31",
        ActionStatus.RUNNING,
        [],
    ),
]

# (stable id, gemeente code or None, partnership code or None, kind, date, title). The
# integrale controles and ondermijningsdagen are no longer typed in here: the ondermijning
# app's demo registers (ondermijning/demo.py) record those events themselves. The ids keep
# the numbers these events had before, so a database with an older demo gets no duplicates.
RETIRED_DEMO_EVENTS = [f"policy-{i}" for i in range(7)]
DEMO_EVENTS = [
    (
        "policy-7",
        "GM0074",
        None,
        EventKind.PROGRESS_REPORT,
        "2025-04-30",
        "Voortgangsrapportage IVP eerste tertaal 2025",
    ),
    (
        "policy-8",
        "GM0074",
        None,
        EventKind.PROGRESS_REPORT,
        "2026-05-28",
        "Voortgangsrapportage IVP eerste tertaal 2026",
    ),
    (
        "policy-9",
        "GM0074",
        None,
        EventKind.PORTFOLIO_MEETING,
        "2026-03-10",
        "Portefeuillehouderoverleg veiligheid Zuidoost Friesland",
    ),
]


def load_demo() -> str:
    results = [plan_import(path=PLANS_DIR / name) for name in SEED_PLANS]
    with transaction.atomic():
        # Before issue 13 this demo typed in integrale controles and ondermijningsdagen
        # (policy-0 … policy-6); the ondermijning registers' demo records those now.
        for old in Event.objects.filter(source_type="demo", source_id__in=RETIRED_DEMO_EVENTS):
            event_delete(event=old)
        gemeenten = {m.code: m for m in Municipality.objects.all()}
        plans = {(r.plan.municipality.code, r.plan.short_name): r.plan for r in results}
        added = 0
        for (
            code,
            short,
            key,
            number,
            ep,
            title,
            owner,
            partners,
            start,
            due,
            status,
            updates,
        ) in DEMO_ACTIONS:
            plan = plans[(code, short)]
            if Action.objects.filter(plan=plan, key=key).exists():
                continue
            action = action_create(
                plan=plan,
                priority=plan.priorities.get(number=number),
                execution_plan=plan.execution_plans.get(key=ep),
                title=title,
                owner=owner,
                partners=partners,
                start=demo_date(start),
                due=demo_date(due),
                status=ActionStatus.PLANNED,
                key=key,
                is_demo=True,
            )
            for day, update_status, text in updates:
                action_update_add(
                    action=action, date=demo_date(day), text=text, status=update_status
                )
            if action.status != status:
                action.status = status
                action.save(update_fields=["status"])
            added += 1
        for key, code, partnership, kind, day, title in DEMO_EVENTS:
            event_register(
                kind=kind,
                date=demo_date(day),
                title=title,
                municipality=gemeenten.get(code) if code else None,
                partnership=Partnership.objects.get(code=partnership) if partnership else None,
                source_type="demo",
                source_id=key,
                is_demo=True,
            )
    return (
        f"Beleid: {len(results)} beleidsplannen geladen, {added} demo-acties toegevoegd, "
        f"{len(DEMO_EVENTS)} demo-gebeurtenissen in het register."
    )
