# SPDX-License-Identifier: EUPL-1.2
from pathlib import Path

import pytest
import yaml

PLANS = Path(__file__).resolve().parents[2] / "policy" / "plans"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def plan_sections(name: str) -> dict:
    """The monitoring sections of a plan file written by the policy app."""
    plan = yaml.safe_load((PLANS / name).read_text(encoding="utf-8"))
    return {
        "plan_short_name": plan["short_name"],
        "indicators": plan.get("indicators") or [],
        "targets": plan.get("targets") or [],
        "observations": plan.get("observations") or [],
    }


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def statline_imported(reference_data, shared_data):
    from kompas.monitoring.services import data_import

    for name in (
        "statline_47013NED_gemeenten_2022_2023.csv",
        "statline_47013NED_gemeenten_2024.csv",
        "47018NED_2023_buurten_zo_friesland.csv",
    ):
        data_import(path=shared_data / name)
    return shared_data
