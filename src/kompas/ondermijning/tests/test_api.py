# SPDX-License-Identifier: EUPL-1.2
"""API of ondermijning: controles of a gemeente (read, register with locations and findings,
Dutch errors, nothing stored on an error), the days of a samenwerkingsverband, 404 for
partners and other gemeenten, and both in the OpenAPI schema."""

from datetime import date

import pytest

from kompas.ondermijning.models import Controle, Finding
from kompas.policy.models import Event

pytestmark = pytest.mark.django_db

URL = "/api/v1/ondermijning/GM0074/controles/"
DAYS = "/api/v1/ondermijning/samenwerkingsverbanden/zuidoost-friesland/dagen/"


def _post(client, data):
    return client.post(URL, data, content_type="application/json")


BODY = {
    "date": "2025-05-20",
    "title": "Garages De Kavels",
    "branche": "autobedrijven",
    "reason": "signalen",
    "status": "uitgevoerd",
    "partners": ["politie", "vth"],
    "locations": [
        {"address": "De Kavels 3", "findings": [{"outcome": "maatregel", "text": "Dwangsom"}]},
        {"address": "De Kavels 5"},
    ],
}


def test_adviseur_registers_a_controle_and_reads_it_back(client, heerenveen, make_member):
    client.force_login(make_member(heerenveen, "adviseur"))
    response = _post(client, BODY)
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["branche"] == "autobedrijven" and sorted(body["partners"]) == ["politie", "vth"]
    assert [loc["address"] for loc in body["locations"]] == ["De Kavels 3", "De Kavels 5"]
    assert body["locations"][0]["findings"][0]["outcome"] == "maatregel"
    event = Event.objects.get(kind="integrale_controle")
    assert (event.source_type, event.source_id) == ("ondermijning.controle", str(body["id"]))
    listed = client.get(URL, {"jaar": 2025}).json()
    assert [c["id"] for c in listed["results"]] == [body["id"]]
    assert client.get(URL, {"jaar": 2024}).json()["count"] == 0


def test_dutch_errors_and_nothing_stored(client, heerenveen, make_member):
    client.force_login(make_member(heerenveen, "adviseur"))
    response = _post(client, {**BODY, "date": "2025-02-30", "branche": "kermis"})
    assert response.status_code == 400
    errors = response.json()["errors"]  # problem+json (docs/api.md)
    assert errors["date"] == ["Geef een bestaande datum als JJJJ-MM-DD."]
    assert errors["branche"] == ["Onbekende branche: kermis."]
    response = _post(client, {**BODY, "partners": ["onbekend"]})
    assert response.json()["errors"]["partners"] == ["Onbekende partner: onbekend."]
    response = _post(
        client, {**BODY, "locations": [{"address": "X 1", "findings": [{"outcome": "boete"}]}]}
    )
    assert response.status_code == 400
    response = _post(client, {**BODY, "date": "2099-01-01"})
    assert "kan nog niet uitgevoerd zijn" in response.json()["errors"]["status"][0]
    assert not Controle.objects.exists() and not Finding.objects.exists()
    assert not Event.objects.exists()


def test_who_may_use_the_controles_api(client, heerenveen, weststellingwerf, make_member):
    for user in (
        make_member(heerenveen, "partner", partner_code="politie"),
        make_member(weststellingwerf, "adviseur"),
    ):
        client.force_login(user)
        assert client.get(URL).status_code == 404
        assert _post(client, BODY).status_code == 404
    client.force_login(make_member(heerenveen, "lezer"))
    assert client.get(URL).status_code == 200
    assert _post(client, BODY).status_code == 404
    assert not Controle.objects.exists()


def test_days_of_the_partnership(client, reference_data, make_member, make_day, make_controle):
    hv, ws = reference_data["GM0074"], reference_data["GM0098"]
    day = make_day(hv, on=date(2025, 4, 9), place="Heerenveen")
    make_controle(hv, on=date(2025, 4, 9), reason="ondermijningsdag", day=day, title="Geheim")
    make_day(ws, on=date(2024, 4, 9))
    client.force_login(make_member(ws, "lezer"))
    body = client.get(DAYS, {"jaar": 2025}).json()
    assert body["count"] == 1
    row = body["results"][0]
    assert (row["host"], row["controles"], row["status"]) == ("GM0074", 1, "gehouden")
    assert "Geheim" not in str(body)
    assert client.get(DAYS).json()["count"] == 2
    client.force_login(make_member(ws, "partner", partner_code="politie"))
    assert client.get(DAYS).status_code == 404
    client.logout()
    assert client.get(DAYS).status_code in (401, 403)


def test_openapi_schema_documents_the_ondermijning_api(client, heerenveen, make_member):
    client.force_login(make_member(heerenveen, "lezer"))
    text = client.get("/api/v1/schema/").content.decode()
    assert "/api/v1/ondermijning/{gemeente}/controles/" in text
    assert "/api/v1/ondermijning/samenwerkingsverbanden/{code}/dagen/" in text
    assert "ControleInput" in text and "Day" in text


@pytest.mark.parametrize("jaar", ["332828244850280", "２０２６", "20261"])
def test_a_year_that_is_not_four_digits_is_a_400_not_a_500(client, heerenveen, make_member, jaar):
    """Found by the API fuzzing (core test_api_fuzz): a huge year overflowed to a 500."""
    client.force_login(make_member(heerenveen, "adviseur"))
    for url in (
        "/api/v1/ondermijning/heerenveen/controles/",
        "/api/v1/ondermijning/samenwerkingsverbanden/zuidoost-friesland/dagen/",
    ):
        assert client.get(url, {"jaar": jaar}).status_code == 400
