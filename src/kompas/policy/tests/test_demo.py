# SPDX-License-Identifier: EUPL-1.2
"""The demo loads all three seed plans with demo actions and events, labelled, idempotent."""

from kompas.policy.demo import load_demo
from kompas.policy.models import Action, ActionUpdate, Event, Plan, PlanVersion


def test_demo_is_idempotent_and_labelled(reference_data):
    note = load_demo()
    counts = (
        Plan.objects.count(),
        PlanVersion.objects.count(),
        Action.objects.count(),
        ActionUpdate.objects.count(),
        Event.objects.count(),
    )
    assert counts[0] == 3 and counts[2] >= 6 and counts[4] >= 5
    assert "3 beleidsplannen" in note
    load_demo()
    assert counts == (
        Plan.objects.count(),
        PlanVersion.objects.count(),
        Action.objects.count(),
        ActionUpdate.objects.count(),
        Event.objects.count(),
    )
    assert all(a.is_demo for a in Action.objects.all())
    # every invented event is labelled; the plans' own adoption and execution-plan events are
    # facts from the plan files, not demo
    facts = ["policy.plan", "policy.execution_plan"]
    assert all(e.is_demo for e in Event.objects.exclude(source_type__in=facts))
    assert Event.objects.filter(source_type="policy.plan", is_demo=False).count() == 3
    ivp = Plan.objects.get(short_name="IVP 2023-2026")
    assert ivp.predecessor.short_name == "Samen Veilig, Samen Doen!"
    # integrale controles and ondermijningsdagen come from the ondermijning registers' demo,
    # not typed in here, so the norms are not counted twice
    assert not Event.objects.filter(kind__in=["integrale_controle", "ondermijningsdag"]).exists()


def test_demo_retires_the_events_it_used_to_type_in(reference_data):
    from kompas.policy.services import event_register

    event_register(
        kind="integrale_controle",
        date="2025-03-12",
        title="Integrale controle horeca Wolvega",
        municipality=reference_data["GM0098"],
        source_type="demo",
        source_id="policy-0",
        is_demo=True,
    )
    load_demo()
    assert not Event.objects.filter(source_type="demo", source_id="policy-0").exists()
    assert Event.objects.filter(source_type="demo", source_id="policy-7").exists()
