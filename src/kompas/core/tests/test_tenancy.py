# SPDX-License-Identifier: EUPL-1.2
"""A Heerenveen member never sees Weststellingwerf: pages and API answer 404."""

import pytest


@pytest.fixture
def hv_client(client, adviseur_heerenveen):
    client.force_login(adviseur_heerenveen)
    return client


@pytest.mark.parametrize(
    "path", ["/weststellingwerf/", "/weststellingwerf/regios/", "/weststellingwerf/auditlog/"]
)
def test_pages_of_other_gemeente_are_404(hv_client, weststellingwerf, path):
    assert hv_client.get(path).status_code == 404


def test_own_start_page_shows_own_gemeente_only(hv_client, weststellingwerf):
    response = hv_client.get("/heerenveen/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Gemeente Heerenveen" in text
    assert "Weststellingwerf" not in text.split("Samenwerkingsverbanden")[0]


def test_single_gemeente_user_lands_on_own_start_page(hv_client):
    response = hv_client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/heerenveen/"


@pytest.mark.parametrize(
    "path",
    ["/api/v1/municipalities/GM0098/", "/api/v1/regions/GM0098/", "/api/v1/regions/WK009801/"],
)
def test_api_objects_of_other_gemeente_are_404(hv_client, weststellingwerf, path):
    assert hv_client.get(path).status_code == 404


def test_api_lists_only_own_gemeente(hv_client, weststellingwerf):
    data = hv_client.get("/api/v1/municipalities/").json()
    assert [m["code"] for m in data["results"]] == ["GM0074"]


def test_api_region_detail_has_parent_and_children(hv_client):
    data = hv_client.get("/api/v1/regions/WK007401/").json()
    assert data["level"] == "wijk"
    assert data["parent"]["code"] == "GM0074"
    assert "BU00740101" in [c["code"] for c in data["children"]]


def test_api_requires_authentication(client, reference_data):
    # anonymous: 401 with a challenge the client can answer, not 403 (issue 11 item 7)
    for url in (
        "/api/v1/municipalities/",
        "/api/v1/meetings/heerenveen/meetings/",
        "/api/v1/openbareorde/GM0074/risicos/",
        "/api/v1/reports/GM0074/",
        "/api/v1/targets/",
    ):
        response = client.get(url)
        assert response.status_code == 401, url
        assert response["WWW-Authenticate"] == "Token", url


def test_api_token_authentication(client, adviseur_heerenveen):
    from rest_framework.authtoken.models import Token

    token = Token.objects.create(user=adviseur_heerenveen)
    response = client.get("/api/v1/municipalities/", HTTP_AUTHORIZATION=f"Token {token.key}")
    assert response.status_code == 200
    assert response.json()["count"] == 1


def test_anonymous_is_sent_to_login(client, reference_data):
    response = client.get("/heerenveen/")
    assert response.status_code == 302
    assert response["Location"].startswith("/inloggen/")


def test_gemeente_switcher_for_member_of_several(client, heerenveen, weststellingwerf, make_member):
    from kompas.core.models import Membership

    user = make_member(heerenveen, "adviseur")
    Membership.objects.create(user=user, municipality=weststellingwerf, role="lezer")
    client.force_login(user)
    page = client.get("/").content.decode()
    assert "Heerenveen" in page and "Weststellingwerf" in page
    assert client.get("/?gemeente=weststellingwerf")["Location"] == "/weststellingwerf/"
    # a gemeente the user is not a member of is not offered and not followed
    assert client.get("/?gemeente=opsterland").status_code == 200


def test_partner_menu_offers_no_internal_pages(client, heerenveen, make_member):
    partner = make_member(heerenveen, "partner", partner_code="politie")
    client.force_login(partner)
    page = client.get("/heerenveen/").content.decode()
    assert "Wijken en buurten" not in page
    assert client.get("/heerenveen/regios/").status_code == 404
