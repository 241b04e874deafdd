# SPDX-License-Identifier: EUPL-1.2
"""Hypothesis on the plan importer (issue 15 item 3): any text, and any damaged copy of a real
plan file, gives a PlanFileError (a Dutch message with a line) or a clean import; never
another exception and never half an import."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kompas.policy.planfile import PLANS_DIR
from kompas.policy.planfile.loading import PlanFileError
from kompas.policy.services import plan_import

SEED = (PLANS_DIR / "GM0098-ivb-2024-2027.yaml").read_text(encoding="utf-8")
FUZZ = settings(
    max_examples=25,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)


def _rows():
    from kompas.policy.models import Action, Norm, Plan, PlanVersion, Priority

    return [m.objects.count() for m in (Plan, PlanVersion, Priority, Action, Norm)]


def _import_or_dutch_error(text: str):
    before = _rows()
    try:
        plan_import(text=text, name="fuzz.yaml")
    except PlanFileError as error:
        assert error.errors, "een PlanFileError zonder melding"
        assert all(e.message and "regel" in str(e) for e in error.errors)
        assert _rows() == before, "half geïmporteerd"


@pytest.mark.django_db
@FUZZ
@given(st.binary(max_size=400))
def test_any_bytes_give_a_dutch_error_or_an_import(reference_data, data):
    _import_or_dutch_error(data.decode("utf-8", errors="replace"))


@pytest.mark.django_db
@FUZZ
@given(
    st.integers(0, len(SEED)),
    st.integers(0, 200),
    st.text(alphabet=" :-\n\t'\"[]{}#&*!|>%@`0123456789abc", max_size=20),
)
def test_a_damaged_plan_file_gives_a_dutch_error_or_an_import(reference_data, start, cut, insert):
    _import_or_dutch_error(SEED[:start] + insert + SEED[start + cut :])
