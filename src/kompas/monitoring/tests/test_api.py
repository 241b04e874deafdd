# SPDX-License-Identifier: EUPL-1.2
"""API shape and tenancy."""

import pytest
from rest_framework.test import APIClient

from kompas.monitoring.services import (
    indicator_upsert,
    observation_upsert_many,
    plan_monitoring_sync,
)

from .conftest import plan_sections

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(adviseur_heerenveen):
    client = APIClient()
    client.force_authenticate(adviseur_heerenveen)
    return client


def test_series_shape_and_grain(api, heerenveen):
    observation_upsert_many(
        indicator_code="politie-overlast:E35",
        rows=[("GM0074", f"2023MM{m:02d}", 10) for m in range(1, 13)] + [("GM0074", "2024MM01", 7)],
        provenance="test",
    )
    data = api.get(
        "/api/v1/series/",
        {"indicator": "politie-overlast:E35", "region": "GM0074", "grain": "year"},
    ).json()
    assert data == {
        "indicator": "politie-overlast:E35",
        "region": "GM0074",
        "grain": "year",
        "per_1000": False,
        "source": "import",
        "points": [{"period": "2023", "value": 120}, {"period": "2024", "value": 7}],
    }
    months = api.get(
        "/api/v1/series/",
        {
            "indicator": "politie-overlast:E35",
            "region": "GM0074",
            "grain": "month",
            "from": 2024,
            "to": 2024,
        },
    ).json()
    assert months["points"] == [{"period": "2024-01", "value": 7}]
    rate = api.get(
        "/api/v1/series/",
        {"indicator": "politie-overlast:E35", "region": "GM0074", "per_1000": "true", "to": 2023},
    ).json()
    assert rate["points"] == [{"period": "2023", "value": round(120 / 51790 * 1000, 2)}]


def test_other_gemeenten_only_open_data_and_only_via_own_gemeente(
    api, heerenveen, weststellingwerf
):
    indicator_upsert(
        code="eigen-registratie:signalen-drugs",
        name="Signalen drugs",
        unit="aantal",
        source="eigen-registratie",
        definition=["drugs"],
        better="lower",
    )
    observation_upsert_many(
        indicator_code="eigen-registratie:signalen-drugs",
        rows=[("GM0098", "2024KW01", 4), ("GM0074", "2024KW01", 2)],
        provenance="signals",
    )
    observation_upsert_many(
        indicator_code="politie-overlast:E35", rows=[("GM0098", "2024JJ00", 40)], provenance="test"
    )
    own = api.get(
        "/api/v1/series/", {"indicator": "eigen-registratie:signalen-drugs", "region": "GM0074"}
    )
    assert own.status_code == 200
    assert (
        api.get(
            "/api/v1/series/", {"indicator": "eigen-registratie:signalen-drugs", "region": "GM0098"}
        ).status_code
        == 404
    )
    assert (
        api.get(
            "/api/v1/series/",
            {
                "indicator": "eigen-registratie:signalen-drugs",
                "region": "GM0098",
                "gemeente": "GM0074",
            },
        ).status_code
        == 404
    )
    assert (
        api.get(
            "/api/v1/series/", {"indicator": "politie-overlast:E35", "region": "GM0098"}
        ).status_code
        == 404
    )
    public = api.get(
        "/api/v1/series/",
        {"indicator": "politie-overlast:E35", "region": "GM0098", "gemeente": "GM0074"},
    )
    assert public.json()["points"] == [{"period": "2024", "value": 40}]
    assert (
        api.get(
            "/api/v1/series/",
            {"indicator": "politie-overlast:E35", "region": "GM0098", "gemeente": "GM0098"},
        ).status_code
        == 404
    )


def test_targets_with_status_and_explanation(api, heerenveen, weststellingwerf):
    plan_monitoring_sync(municipality=heerenveen, **plan_sections("GM0074-ivp-2023-2026.yaml"))
    data = api.get("/api/v1/targets/", {"gemeente": "GM0074"}).json()
    assert len(data) == 3
    assert set(data[0]) >= {
        "code",
        "plan",
        "priority",
        "goal",
        "indicator",
        "region",
        "status",
        "explanation",
    }
    assert all(
        t["status"] == "geen data" and t["explanation"].startswith("Geen data") for t in data
    )
    assert api.get("/api/v1/targets/", {"gemeente": "GM0098"}).status_code == 404


def test_anonymous_gets_nothing(heerenveen):
    assert APIClient().get("/api/v1/targets/").status_code in (401, 403)


@pytest.mark.parametrize(
    "query",
    [
        {},
        {"indicator": "", "region": ""},
        {"indicator": "politie-overlast:E35"},
        {"region": "GM0074"},
        {"indicator": " ", "region": "GM0074"},
        {"indicator": "politie-overlast:E35", "region": ""},
        {"indicator": "politie-overlast:E35", "region": "GM0074", "grain": "eeuw"},
        {"indicator": "politie-overlast:E35", "region": "GM0074", "from": "vorig jaar"},
        {"indicator": "politie-overlast:E35", "region": "GM0074", "from": 2024, "to": 2020},
    ],
)
def test_series_without_usable_parameters_is_a_400_problem(api, heerenveen, query):
    response = api.get("/api/v1/series/", query)
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == 400 and body["invalid-params"]
    names = {p["name"] for p in body["invalid-params"]}
    assert names <= {"indicator", "region", "grain", "from", "to"}, names


def test_series_400_is_documented(api):
    schema = api.get("/api/v1/openapi.json").json()
    documented = schema["paths"]["/api/v1/series/"]["get"]["responses"]["400"]
    assert "invalid-params" in documented["description"]
    assert "application/problem+json" in documented["content"]


def test_series_empty_optional_parameters_count_as_absent(api, heerenveen):
    observation_upsert_many(
        indicator_code="politie-overlast:E35", rows=[("GM0074", "2023JJ00", 5)], provenance="t"
    )
    response = api.get(
        "/api/v1/series/",
        {
            "indicator": "politie-overlast:E35",
            "region": "GM0074",
            "gemeente": "",
            "from": "",
            "to": "",
            "grain": "",
            "per_1000": "",
        },
    )
    assert response.status_code == 200, response.content
    assert response.json()["grain"] == "year"
