# SPDX-License-Identifier: EUPL-1.2
"""A plan import hands its monitoring sections to kompas.monitoring (a declared dependency,
called with a plain import): the plan's indicators and targets exist after the import. Before
issue 11 the call was a string lookup that silently did nothing when the function was
renamed; now a rename fails at import and this test fails with it."""

from kompas.monitoring import selectors as monitoring_selectors


def test_plan_import_creates_the_plans_indicators_and_targets(ivp, heerenveen):
    doc_indicators = {i["code"] for i in ivp.versions.get(number=1).document["indicators"]}
    for code in doc_indicators:
        assert monitoring_selectors.indicator_get(code=code) is not None, code
    targets = monitoring_selectors.target_list(
        municipality=heerenveen, plan_short_name=ivp.short_name
    )
    assert len(list(targets)) == len(ivp.versions.get(number=1).document["targets"])
