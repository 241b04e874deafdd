# SPDX-License-Identifier: EUPL-1.2
"""Every API path (or parameter) that names a gemeente takes its GM code (any case) or its
slug, through core.selectors.municipality_for_api; still only the caller's gemeenten
(issue 11 item 7)."""

import pytest

# One endpoint per app that takes a gemeente; {g} is replaced by the form under test.
ENDPOINTS = [
    "/api/v1/municipalities/{g}/",
    "/api/v1/plans/{g}/events/",
    "/api/v1/reports/{g}/",
    "/api/v1/meetings/{g}/series/",
    "/api/v1/cases/{g}/",
    "/api/v1/crisis/{g}/oto/",
    "/api/v1/openbareorde/{g}/risicos/",
    "/api/v1/ondermijning/{g}/controles/",
    "/api/v1/ondermijning/{g}/opkopers/",
    "/api/v1/ondermijning/{g}/fenomenenkeuze/",
    "/api/v1/targets/?gemeente={g}",
]
OWN = ["GM0074", "gm0074", "heerenveen", "Heerenveen"]
FOREIGN = ["GM0085", "weststellingwerf"]


@pytest.fixture
def hv_client(client, heerenveen, weststellingwerf, make_member):
    # A beheerder: the one role every endpoint here answers (cases included).
    client.force_login(make_member(heerenveen, "beheerder"))
    return client


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_code_and_slug_name_the_same_gemeente(hv_client, endpoint):
    answers = [hv_client.get(endpoint.format(g=ref)) for ref in OWN]
    assert [a.status_code for a in answers] == [200] * len(OWN), endpoint
    assert len({a.content for a in answers}) == 1, endpoint


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_other_gemeenten_stay_404_in_either_form(hv_client, endpoint):
    for ref in FOREIGN:
        assert hv_client.get(endpoint.format(g=ref)).status_code == 404, (endpoint, ref)


def test_public_meldpunt_takes_code_or_slug(client, heerenveen):
    for ref in OWN:
        response = client.get(f"/api/v1/meldpunt/{ref}/challenge/")
        assert response.status_code == 200, ref
    assert client.get("/api/v1/meldpunt/GM9999/challenge/").status_code == 404


def test_schema_says_every_gemeente_parameter_takes_code_or_slug(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    seen = 0
    for item in schema["paths"].values():
        for operation in item.values():
            for parameter in operation.get("parameters", []):
                if parameter["name"] == "gemeente":
                    seen += 1
                    assert "GM-code" in parameter["description"]
                    assert "slug" in parameter["description"]
    assert seen >= 20
