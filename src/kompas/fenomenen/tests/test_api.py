# SPDX-License-Identifier: EUPL-1.2
"""API of fenomenen: the fenomenenkeuze and voorlichting of a gemeente (read, record, Dutch
errors, nothing stored on an error), 404 for partners and other gemeenten, lezer reads but
does not write, and both in the OpenAPI schema."""

import pytest

from kompas.fenomenen.models import Activity, PhenomenonChoice
from kompas.policy.models import Event

pytestmark = pytest.mark.django_db

KEUZE = "/api/v1/ondermijning/GM0074/fenomenenkeuze/"
VOORLICHTING = "/api/v1/ondermijning/heerenveen/voorlichting/"

BODY = {
    "year": 2025,
    "phenomena": ["woonfraude", "drugs_teelt"],
    "free_phenomena": ["Havengebied"],
    "status": "vastgesteld",
    "decision_date": "2025-02-11",
    "decided_by": "driehoek",
    "partner_input": "Politie: hennepteelt buitengebied.",
}
ACTIVITY = {
    "date": "2025-05-13",
    "title": "Bijeenkomst ondernemers",
    "activity_type": "ondernemers",
    "topic": "vastgoed_bedrijf",
    "people": 35,
    "organisations": 18,
    "materials": "folder",
}


def _post(client, url, data):
    return client.post(url, data, content_type="application/json")


def test_adviseur_records_an_adopted_choice_and_reads_it_back(client, heerenveen, make_member):
    client.force_login(make_member(heerenveen, "adviseur"))
    response = _post(client, KEUZE, BODY)
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["phenomena"] == ["drugs_teelt", "woonfraude"]
    assert body["free_phenomena"] == ["Havengebied"]
    keuze = PhenomenonChoice.objects.get()
    assert Event.objects.get(kind="fenomenenkeuze").source_id == str(keuze.pk)
    listed = client.get(KEUZE, {"jaar": "2025"}).json()
    assert [k["id"] for k in listed["results"]] == [keuze.pk]
    assert client.get(KEUZE, {"jaar": "2024"}).json()["results"] == []


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"phenomena": ["kaas"]}, "phenomena", "Onbekend fenomeen: kaas."),
        ({"decision_date": "2025-02-31"}, "decision_date", "Geef een bestaande datum"),
        ({"decision_date": None}, "decision_date", "Vul de datum van het besluit in."),
    ],
)
def test_bad_choice_gets_a_dutch_error_and_stores_nothing(
    client, heerenveen, make_member, change, field, message
):
    client.force_login(make_member(heerenveen, "adviseur"))
    response = _post(client, KEUZE, {**BODY, **change})
    assert response.status_code == 400
    assert message in str(response.json()["errors"][field])
    assert not PhenomenonChoice.objects.exists()
    assert not Event.objects.exists()


def test_voorlichting_is_recorded_and_listed(client, heerenveen, make_member):
    client.force_login(make_member(heerenveen, "adviseur"))
    response = _post(client, VOORLICHTING, ACTIVITY)
    assert response.status_code == 201, response.content
    assert response.json()["gemeente"] == "GM0074"
    bad = _post(client, VOORLICHTING, {**ACTIVITY, "topic": "kaas", "people": -1})
    assert bad.status_code == 400 and set(bad.json()["errors"]) >= {"topic", "people"}
    assert Activity.objects.count() == 1
    listed = client.get(VOORLICHTING).json()["results"]
    assert [a["title"] for a in listed] == ["Bijeenkomst ondernemers"]


def test_access(client, heerenveen, weststellingwerf, make_member, make_keuze):
    make_keuze(heerenveen)
    for user in (
        make_member(heerenveen, "partner", partner_code="politie"),
        make_member(weststellingwerf, "adviseur"),
    ):
        client.force_login(user)
        for url, data in ((KEUZE, BODY), (VOORLICHTING, ACTIVITY)):
            assert client.get(url).status_code == 404
            assert _post(client, url, data).status_code == 404
    client.force_login(make_member(heerenveen, "lezer"))
    assert len(client.get(KEUZE).json()["results"]) == 1
    assert _post(client, VOORLICHTING, ACTIVITY).status_code == 404
    assert not Activity.objects.exists()


def test_openapi_schema_documents_the_fenomenen_api(client):
    text = client.get("/api/v1/schema/").content.decode()
    assert "/api/v1/ondermijning/{gemeente}/fenomenenkeuze/" in text
    assert "/api/v1/ondermijning/{gemeente}/voorlichting/" in text
    assert "KeuzeInput" in text and "ActivityInput" in text


def test_a_year_that_is_no_four_digit_number_is_a_400_not_a_500(client, heerenveen, make_member):
    client.force_login(make_member(heerenveen, "adviseur"))
    for value in ("332828244850280", "２０２５", "20x5"):
        response = client.get("/api/v1/ondermijning/heerenveen/voorlichting/", {"jaar": value})
        assert response.status_code == 400, value
        assert response["Content-Type"].startswith("application/problem+json")
    assert (
        client.get("/api/v1/ondermijning/heerenveen/voorlichting/", {"jaar": "2025"}).status_code
        == 200
    )
