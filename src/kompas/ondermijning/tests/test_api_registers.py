# SPDX-License-Identifier: EUPL-1.2
"""API of opkopers and KVO-B: register and read back, Dutch errors with nothing stored, 404
for partners and other gemeenten, both in the OpenAPI schema."""

import pytest

from kompas.ondermijning.models import Dealer, KvoPark

pytestmark = pytest.mark.django_db

DEALERS = "/api/v1/ondermijning/GM0074/opkopers/"
KVO = "/api/v1/ondermijning/heerenveen/kvo-b/"
DEALER = {
    "name": "Goudhandel Dracht",
    "kvk_number": "12345678",
    "address": "Dracht 10",
    "branche": "edelmetaal",
    "dor_since": "2024-02-01",
}
PARK = {
    "name": "Kanaal",
    "level": "ster2",
    "certified_on": "2024-03-01",
    "expires_on": "2027-03-01",
}


def _post(client, url, data):
    return client.post(url, data, content_type="application/json")


def test_opkopers_api(client, heerenveen, make_member):
    client.force_login(make_member(heerenveen, "adviseur"))
    bad = _post(client, DEALERS, {**DEALER, "kvk_number": "1234 567"})
    assert bad.status_code == 400
    assert "precies 8 cijfers" in bad.json()["errors"]["kvk_number"][0]
    bad = _post(client, DEALERS, {**DEALER, "dor_since": "2024-02-30"})
    assert bad.json()["errors"]["dor_since"] == ["Geef een bestaande datum als JJJJ-MM-DD."]
    assert not Dealer.objects.exists()
    created = _post(client, DEALERS, DEALER)
    assert created.status_code == 201, created.content
    assert created.json()["gemeente"] == "GM0074" and created.json()["checks"] == []
    again = _post(client, DEALERS, DEALER)
    assert again.status_code == 400 and "al een opkoper" in again.json()["detail"]
    listed = client.get(DEALERS, {"q": "Dracht"}).json()
    assert [d["kvk_number"] for d in listed["results"]] == ["12345678"]
    assert client.get(DEALERS, {"q": "niemand"}).json()["count"] == 0


def test_kvo_api(client, heerenveen, make_member):
    client.force_login(make_member(heerenveen, "adviseur"))
    bad = _post(client, KVO, {**PARK, "expires_on": "2024-01-01"})
    assert bad.status_code == 400 and "expires_on" in bad.json()["errors"]
    assert not KvoPark.objects.exists()
    assert _post(client, KVO, PARK).status_code == 201
    assert client.get(KVO).json()["results"][0]["level"] == "ster2"


def test_who_may_use_them(client, heerenveen, weststellingwerf, make_member):
    for user in (
        make_member(heerenveen, "partner", partner_code="politie"),
        make_member(weststellingwerf, "adviseur"),
    ):
        client.force_login(user)
        for url, body in ((DEALERS, DEALER), (KVO, PARK)):
            assert client.get(url).status_code == 404
            assert _post(client, url, body).status_code == 404
    client.force_login(make_member(heerenveen, "lezer"))
    assert client.get(DEALERS).status_code == 200
    assert _post(client, DEALERS, DEALER).status_code == 404
    assert not Dealer.objects.exists()


def test_in_the_openapi_schema(client, heerenveen, make_member):
    client.force_login(make_member(heerenveen, "lezer"))
    text = client.get("/api/v1/schema/").content.decode()
    assert "/api/v1/ondermijning/{gemeente}/opkopers/" in text
    assert "/api/v1/ondermijning/{gemeente}/kvo-b/" in text
    assert "DealerInput" in text and "KvoInput" in text
