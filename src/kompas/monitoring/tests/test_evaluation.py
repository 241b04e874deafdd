# SPDX-License-Identifier: EUPL-1.2
"""Every rule kind x direction x missing data, evaluated as a user reads it."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kompas.monitoring.evaluation import Rule, evaluate, rollup

LOWER, HIGHER = "lower", "higher"


def run(rule, series, better=LOWER, reference=None, deadline=2026, unit="aantal"):
    return evaluate(
        rule=rule,
        indicator_name="Jeugdoverlast",
        unit=unit,
        source="politie-overlast",
        better=better,
        series=series,
        region_name="Heerenveen",
        reference_series=reference,
        reference_region_name="Heerenveen",
        deadline_year=deadline,
    )


def test_the_example_sentence_of_the_issue():
    e = run(
        Rule("baseline_mean", baseline_years=(2018, 2019)),
        {2018: 290, 2019: 306, 2024: 312},
        deadline=2024,
    )
    assert e.status == "niet behaald"
    assert e.sentence == (
        "Jeugdoverlast 2024: 312 meldingen; het niveau van voor de coronajaren (gemiddelde "
        "2018-2019) is 298. Doel niet gehaald: 5% boven dat niveau."
    )


@pytest.mark.parametrize(
    "better,current,expected",
    [
        (LOWER, 290, "behaald"),
        (LOWER, 310, "niet behaald"),
        (HIGHER, 310, "behaald"),
        (HIGHER, 290, "niet behaald"),
    ],
)
def test_baseline_mean_is_direction_aware(better, current, expected):
    e = run(
        Rule("baseline_mean", baseline_years=(2018, 2019)),
        {2018: 300, 2019: 300, 2025: current},
        better=better,
        deadline=2025,
    )
    assert e.status == expected


@pytest.mark.parametrize(
    "better,current,expected",
    [
        (LOWER, 90, "behaald"),
        (LOWER, 110, "niet behaald"),
        (HIGHER, 110, "behaald"),
        (HIGHER, 90, "niet behaald"),
    ],
)
def test_threshold(better, current, expected):
    e = run(Rule("threshold", threshold=100), {2025: current}, better=better, deadline=2025)
    assert e.status == expected
    assert "de streefwaarde is 100" in e.sentence


def test_relative_to_year_strict_needs_a_real_drop():
    rule = Rule("relative_to_year", year=2022, strict=True)
    assert run(rule, {2022: 200, 2025: 200}, deadline=2025).status == "niet behaald"
    assert run(rule, {2022: 200, 2025: 199}, deadline=2025).status == "behaald"
    assert (
        run(Rule("relative_to_year", year=2022), {2022: 200, 2025: 200}, deadline=2025).status
        == "behaald"
    )
    assert run(rule, {2022: 200, 2025: 210}, better=HIGHER, deadline=2025).status == "behaald"


def test_relative_to_region_compares_the_same_year():
    rule = Rule("relative_to_region", reference_region="GM0074")
    e = run(rule, {2023: 20.0}, reference={2023: 17.0, 2021: 25.0}, unit="procent", deadline=2023)
    assert e.status == "niet behaald"
    assert "in Heerenveen is het 17%" in e.sentence
    assert "3 procentpunt boven dat niveau" in e.sentence
    assert (
        run(rule, {2023: 30}, reference={2023: 25}, better=HIGHER, unit="procent").status
        == "behaald"
    )


def test_percent_change_moves_in_the_better_direction():
    rule = Rule("percent_change", year=2022, percent=10)
    assert run(rule, {2022: 200, 2025: 180}, deadline=2025).status == "behaald"
    assert run(rule, {2022: 200, 2025: 190}, deadline=2025).status == "niet behaald"
    assert run(rule, {2022: 200, 2025: 220}, better=HIGHER, deadline=2025).status == "behaald"
    assert run(rule, {2022: 200, 2025: 210}, better=HIGHER, deadline=2025).status == "niet behaald"


def test_band():
    rule = Rule("band", threshold=7.7, tolerance=0.2)
    assert run(rule, {2023: 7.6}, better=HIGHER, unit="rapportcijfer").status == "behaald"
    assert run(rule, {2023: 8.2}, better=HIGHER, unit="rapportcijfer").status == "behaald"
    assert (
        run(rule, {2023: 7.3}, better=HIGHER, unit="rapportcijfer", deadline=2023).status
        == "niet behaald"
    )
    assert run(rule, {2023: 7.3}, better=LOWER, unit="rapportcijfer").status == "behaald"
    assert "7,5 tot 7,9" in run(rule, {2023: 7.6}, better=HIGHER, unit="rapportcijfer").sentence


def test_before_the_deadline_progress_is_op_koers_or_aandacht():
    rule = Rule("threshold", threshold=100)
    assert run(rule, {2023: 130, 2024: 120}, deadline=2026).status == "op koers"
    assert run(rule, {2023: 110, 2024: 120}, deadline=2026).status == "aandacht"
    assert (
        run(Rule("threshold", threshold=100, tolerance=5), {2026: 104}, deadline=2026).status
        == "aandacht"
    )


@pytest.mark.parametrize(
    "rule,series,reference,reason",
    [
        (
            Rule("threshold", threshold=1),
            {},
            None,
            "er zijn geen cijfers van Jeugdoverlast voor Heerenveen",
        ),
        (Rule("threshold", threshold=1), {2023: None}, None, "er zijn geen cijfers"),
        (
            Rule("baseline_mean", baseline_years=(2018, 2019)),
            {2019: 3, 2024: 4},
            None,
            "geen cijfer voor 2018",
        ),
        (Rule("relative_to_year", year=2022), {2024: 4}, None, "geen cijfer voor 2022"),
        (Rule("percent_change", year=2022, percent=5), {2024: 4}, None, "geen cijfer voor 2022"),
        (
            Rule("relative_to_region", reference_region="GM0074"),
            {2024: 4},
            {2023: 3},
            "geen cijfer van Heerenveen over 2024",
        ),
        (Rule("band", threshold=None), {2024: 4}, None, "streefwaarde ontbreekt"),
    ],
)
def test_missing_data_gives_geen_data_with_the_reason(rule, series, reference, reason):
    e = run(rule, series, reference=reference)
    assert e.status == "geen data"
    assert reason in e.sentence


@given(
    base=st.integers(min_value=1, max_value=10_000),
    current=st.integers(min_value=0, max_value=10_000),
)
def test_mirrored_direction_mirrors_the_verdict(base, current):
    """Lower-is-better on x equals higher-is-better on -x for a threshold rule."""
    low = run(Rule("threshold", threshold=base), {2026: current}, better=LOWER)
    high = evaluate(
        rule=Rule("threshold", threshold=-base),
        indicator_name="x",
        unit="aantal",
        source="",
        better=HIGHER,
        series={2026: -current},
        region_name="r",
        deadline_year=2026,
    )
    assert low.status == high.status


def test_rollup_takes_the_worst_status():
    assert rollup(["behaald", "aandacht", "op koers"]) == "aandacht"
    assert rollup(["behaald", "geen data"]) == "behaald"
    assert rollup(["geen data"]) == "geen data"
    assert rollup(["niet behaald", "behaald"]) == "niet behaald"
