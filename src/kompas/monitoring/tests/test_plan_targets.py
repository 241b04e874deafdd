# SPDX-License-Identifier: EUPL-1.2
"""Plans' monitoring sections (the policy app's YAML) and Heerenveen's three targets on demo
data."""

import pytest

from kompas.monitoring.demo import load_demo
from kompas.monitoring.models import Indicator, Observation, Target
from kompas.monitoring.selectors import (
    goal_status_rollup,
    priority_status_rollup,
    target_evaluations,
)
from kompas.monitoring.services import plan_monitoring_sync

from .conftest import plan_sections

pytestmark = pytest.mark.django_db


def test_sync_is_idempotent_and_keeps_the_cited_figures(heerenveen):
    sections = plan_sections("GM0074-ivp-2023-2026.yaml")
    first = plan_monitoring_sync(municipality=heerenveen, **sections)
    second = plan_monitoring_sync(municipality=heerenveen, **sections)
    assert first["targets_created"] == 3 and second["targets_created"] == 0
    assert second["observations"] == 0
    assert Target.objects.filter(municipality=heerenveen).count() == 3
    grade = Observation.objects.get(
        indicator__code="veiligheidsmonitor:rapportcijfer-leefbaarheid-veiligheid",
        region_code="GM0074",
    )
    assert grade.value == 7.7 and grade.period == "2021JJ00"
    assert "Veiligheidsmonitor 2021" in grade.source_import.file_name


def test_target_removed_from_the_plan_is_removed(heerenveen):
    sections = plan_sections("GM0074-ivp-2023-2026.yaml")
    plan_monitoring_sync(municipality=heerenveen, **sections)
    sections["targets"] = sections["targets"][:1]
    counts = plan_monitoring_sync(municipality=heerenveen, **sections)
    assert counts["targets_removed"] == 2


def test_weststellingwerf_gets_the_indicators_its_text_implies(weststellingwerf):
    plan_monitoring_sync(
        municipality=weststellingwerf, **plan_sections("GM0098-ivb-2024-2027.yaml")
    )
    codes = set(Indicator.objects.values_list("code", flat=True))
    assert {
        "politie-misdrijven:3.7.4",
        "politie-misdrijven:3.1.1",
        "politie-misdrijven:1.6.3",
        "politie-misdrijven:fraude",
        "politie-misdrijven:1.1.1",
    } <= codes


def test_heerenveens_three_targets_evaluate_on_demo_data(heerenveen):
    plan_monitoring_sync(municipality=heerenveen, **plan_sections("GM0074-ivp-2023-2026.yaml"))
    load_demo()
    results = {r.target.code: r for r in target_evaluations(municipality=heerenveen)}
    youth = results["jeugdoverlast-niveau-voor-corona"]
    assert youth.status in ("behaald", "op koers", "aandacht")
    assert "het niveau van voor de coronajaren (gemiddelde 2018-2019)" in youth.sentence
    assert youth.sentence.startswith("Melding overlast jeugd 2025: ")
    confused = results["verwarde-personen-daling"]
    assert confused.status != "geen data"
    assert "het niveau van 2022 is" in confused.sentence
    centre = results["centrum-veiligheidsgevoel"]
    assert centre.status == "geen data"
    assert (
        "geen cijfers van Voelt zich wel eens onveilig in de eigen buurt voor Centrum"
        in centre.sentence
    )
    rollup = priority_status_rollup(municipality=heerenveen, plan_short_name="IVP 2023-2026")
    assert set(rollup) == {2}
    assert rollup[2] in ("behaald", "op koers", "aandacht", "niet behaald")
    assert set(goal_status_rollup(municipality=heerenveen, plan_short_name="IVP 2023-2026")) == {
        "2.1",
        "2.2",
        "2.3",
    }


def test_demo_is_idempotent_and_labelled(heerenveen):
    load_demo()
    n = Observation.objects.count()
    load_demo()
    assert Observation.objects.count() == n
    assert Observation.objects.filter(source_import__is_demo=True).count() > 1000


def test_composite_indicator_sums_its_codes(weststellingwerf):
    from kompas.monitoring.selectors import indicator_get, series

    plan_monitoring_sync(
        municipality=weststellingwerf, **plan_sections("GM0098-ivb-2024-2027.yaml")
    )
    load_demo()
    parts = [
        series(indicator=indicator_get(code=f"politie-misdrijven:3.9.{n}"), region_code="GM0098")
        for n in (1, 2, 3)
    ]
    total = series(indicator=indicator_get(code="politie-misdrijven:fraude"), region_code="GM0098")
    assert total[-1]["value"] == sum(p[-1]["value"] for p in parts)
