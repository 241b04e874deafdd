# SPDX-License-Identifier: EUPL-1.2
"""A Heerenveen member never sees Weststellingwerf's plan; a partner sees nothing of policy."""

import pytest


@pytest.fixture
def hv_client(client, adviseur_heerenveen, seed_plans):
    client.force_login(adviseur_heerenveen)
    return client


def _paths(ivb, action_pk):
    return [
        "/weststellingwerf/beleid/",
        f"/weststellingwerf/beleid/plannen/{ivb.pk}/",
        f"/weststellingwerf/beleid/plannen/{ivb.pk}/prioriteiten/1/",
        f"/weststellingwerf/beleid/plannen/{ivb.pk}/versies/",
        f"/weststellingwerf/beleid/plannen/{ivb.pk}/versies/1/",
        "/weststellingwerf/beleid/acties/",
        f"/weststellingwerf/beleid/acties/{action_pk}/",
        "/weststellingwerf/beleid/normen/",
        "/weststellingwerf/beleid/normen/integrale-controles/",
        "/weststellingwerf/beleid/register/",
        "/api/v1/plans/GM0098/",
        "/api/v1/plans/GM0098/actions/",
        f"/api/v1/plans/GM0098/actions/{action_pk}/",
        "/api/v1/plans/GM0098/norms/",
        "/api/v1/plans/GM0098/events/",
    ]


def _ivb_action(ivb):
    from kompas.policy.services import action_create

    return action_create(
        plan=ivb,
        priority=ivb.priorities.get(number=1),
        execution_plan=ivb.execution_plans.get(key="speerpunt-1"),
        title="Controle Wolvega",
    )


def test_other_gemeente_pages_and_api_are_404(hv_client, ivb):
    action = _ivb_action(ivb)
    for path in _paths(ivb, action.pk):
        assert hv_client.get(path).status_code == 404, path
    # an object of another gemeente under one's own gemeente is 404 too
    assert hv_client.get(f"/heerenveen/beleid/acties/{action.pk}/").status_code == 404
    assert hv_client.get(f"/heerenveen/beleid/plannen/{ivb.pk}/").status_code == 404
    assert hv_client.get(f"/api/v1/plans/GM0074/actions/{action.pk}/").status_code == 404
    response = hv_client.patch(
        f"/api/v1/plans/GM0098/actions/{action.pk}/",
        {"status": "gereed"},
        content_type="application/json",
    )
    assert response.status_code == 404
    action.refresh_from_db()
    assert action.status == "gepland"


def test_partner_sees_nothing_of_policy(client, heerenveen, make_member, seed_plans):
    client.force_login(make_member(heerenveen, "partner", partner_code="politie"))
    for path in ["/heerenveen/beleid/", "/heerenveen/beleid/normen/", "/api/v1/plans/GM0074/"]:
        assert client.get(path).status_code == 404, path
    start = client.get("/heerenveen/").content.decode()
    assert "Normen die achterlopen" not in start and "/beleid/" not in start


def test_unknown_gemeente_code_is_404(hv_client):
    assert hv_client.get("/api/v1/plans/GM9999/").status_code == 404
