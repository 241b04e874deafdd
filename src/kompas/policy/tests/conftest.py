# SPDX-License-Identifier: EUPL-1.2
import pytest

from kompas.policy.planfile import PLANS_DIR

SEEDS = [
    "GM0074-samen-veilig-samen-doen-2017.yaml",
    "GM0074-ivp-2023-2026.yaml",
    "GM0098-ivb-2024-2027.yaml",
]


@pytest.fixture
def seed_plans(reference_data):
    """The three seed plans imported: {short_name: Plan}."""
    from kompas.policy.services import plan_import

    return {r.plan.short_name: r.plan for r in (plan_import(path=PLANS_DIR / n) for n in SEEDS)}


@pytest.fixture
def ivb(seed_plans):
    return seed_plans["IVB 2024-2027"]


@pytest.fixture
def ivp(seed_plans):
    return seed_plans["IVP 2023-2026"]
