# SPDX-License-Identifier: EUPL-1.2
"""The API: the current plan in the export format, actions with writes for adviseur only,
norms with their computed status; every write is audited."""

import pytest

from kompas.core.models import AuditEntry
from kompas.policy import planfile
from kompas.policy.models import Action
from kompas.policy.services import event_register


@pytest.fixture
def adviseur_api(client, adviseur_heerenveen, seed_plans):
    client.force_login(adviseur_heerenveen)
    return client


@pytest.fixture
def lezer_api(client, heerenveen, make_member, seed_plans):
    client.force_login(make_member(heerenveen, "lezer"))
    return client


NEW_ACTION = {
    "priority": 1,
    "execution_plan": "2025-2026",
    "title": "Bibob-coördinator aanstellen",
    "partners": ["riec"],
    "due": "2025-12-31",
}


def test_plan_endpoint_returns_the_export_format(lezer_api, ivp):
    data = lezer_api.get("/api/v1/plans/GM0074/").json()
    assert data == planfile.canonical(ivp.versions.get().document)
    assert data["short_name"] == "IVP 2023-2026"
    assert [p["number"] for p in data["priorities"]] == [1, 2, 3, 4]


def test_adviseur_creates_and_patches_action_audited(adviseur_api, ivp):
    response = adviseur_api.post(
        "/api/v1/plans/GM0074/actions/", NEW_ACTION, content_type="application/json"
    )
    assert response.status_code == 201, response.content
    pk = response.json()["id"]
    assert AuditEntry.objects.filter(
        object_type="policy.action", object_id=str(pk), action="create"
    ).exists()
    response = adviseur_api.patch(
        f"/api/v1/plans/GM0074/actions/{pk}/", {"status": "lopend"}, content_type="application/json"
    )
    assert response.status_code == 200
    assert response.json()["status"] == "lopend"
    assert response.json()["title"] == NEW_ACTION["title"]
    entry = AuditEntry.objects.get(object_type="policy.action", object_id=str(pk), action="update")
    assert entry.fields == ["status"]
    response = adviseur_api.post(
        f"/api/v1/plans/GM0074/actions/{pk}/updates/",
        {"date": "2025-06-01", "text": "Vacature uitgezet.", "status": "vertraagd"},
        content_type="application/json",
    )
    assert response.status_code == 201
    assert Action.objects.get(pk=pk).status == "vertraagd"
    listed = adviseur_api.get(f"/api/v1/plans/GM0074/actions/{pk}/updates/").json()
    assert listed["results"][0]["text"] == "Vacature uitgezet."


def test_action_input_errors_name_the_field(adviseur_api, ivp):
    bad = {**NEW_ACTION, "priority": 9, "execution_plan": "2030", "partners": ["maffia"]}
    response = adviseur_api.post(
        "/api/v1/plans/GM0074/actions/", bad, content_type="application/json"
    )
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    errors = response.json()["errors"]
    assert "Prioriteit 9 bestaat niet in dit plan." in errors["priority"]
    assert "Uitvoeringsplan 2030 bestaat niet in dit plan." in errors["execution_plan"]
    assert "Onbekende partner: maffia" in errors["partners"]
    assert not Action.objects.exists()


def test_lezer_may_read_but_not_write(lezer_api, ivp):
    assert lezer_api.get("/api/v1/plans/GM0074/actions/").status_code == 200
    response = lezer_api.post(
        "/api/v1/plans/GM0074/actions/", NEW_ACTION, content_type="application/json"
    )
    assert response.status_code == 404
    assert not Action.objects.exists()


def test_norms_endpoint_has_computed_status(lezer_api, heerenveen, ivp):
    event_register(
        kind="voortgangsrapportage", date="2025-03-01", title="T1", municipality=heerenveen
    )
    data = lezer_api.get("/api/v1/plans/GM0074/norms/?peildatum=2025-12-15").json()
    norm = next(n for n in data["results"] if n["code"] == "voortgangsrapportages")
    assert (norm["required"], norm["done"], norm["remaining"]) == (3, 1, 2)
    assert norm["status"] == "achter" and norm["status_label"] == "achter"
    assert data["plan_flag"]["flagged"] is False
    assert lezer_api.get("/api/v1/plans/GM0074/norms/?peildatum=gisteren").status_code == 400


def test_events_endpoint_registers_for_partnership(adviseur_api):
    response = adviseur_api.post(
        "/api/v1/plans/GM0074/events/",
        {
            # ondermijningsdag is the ondermijning register's own kind (register_event_kinds)
            "kind": "portefeuillehouderoverleg",
            "date": "2025-04-01",
            "title": "Portefeuillehouders Zuidoost Friesland",
            "partnership": "zuidoost-friesland",
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["partnership"] == "zuidoost-friesland"
    assert response.json()["municipality"] is None


def test_openapi_schema_documents_the_plan_api(lezer_api):
    response = lezer_api.get("/api/v1/schema/")
    assert response.status_code == 200
    text = response.content.decode()
    for path in ["/api/v1/plans/{gemeente}/", "/api/v1/plans/{gemeente}/actions/{id}/updates/"]:
        assert path in text
