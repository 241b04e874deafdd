# SPDX-License-Identifier: EUPL-1.2
"""API errors are application/problem+json (RFC 9457) with Dutch titles (issue 11 item 7)."""

import pytest

PROBLEM = "application/problem+json"


@pytest.fixture
def hv_client(client, adviseur_heerenveen):
    client.force_login(adviseur_heerenveen)
    return client


def test_anonymous_gets_a_401_problem_with_the_token_challenge(client, reference_data):
    response = client.get("/api/v1/municipalities/")
    assert response.status_code == 401
    assert response["Content-Type"] == PROBLEM
    assert response["WWW-Authenticate"] == "Token"
    body = response.json()
    assert body["status"] == 401 and body["title"] == "Niet geauthenticeerd"
    assert body["instance"] == "/api/v1/municipalities/" and body["detail"]


def test_unverified_second_factor_gets_a_403_problem(client, adviseur_heerenveen, settings):
    settings.KOMPAS_REQUIRE_2FA = True
    client.force_login(adviseur_heerenveen)
    response = client.get("/api/v1/municipalities/")
    assert response.status_code == 403 and response["Content-Type"] == PROBLEM
    assert response.json()["title"] == "Geen toegang"


def test_not_found_and_wrong_method_are_problems(hv_client):
    foreign = hv_client.get("/api/v1/reports/GM0085/")
    assert foreign.status_code == 404 and foreign["Content-Type"] == PROBLEM
    assert foreign.json()["title"] == "Niet gevonden"
    unknown = hv_client.get("/api/v1/bestaat-niet/")  # Django's 404, not DRF's
    assert unknown.status_code == 404 and unknown["Content-Type"] == PROBLEM
    assert unknown.json()["status"] == 404
    wrong = hv_client.delete("/api/v1/municipalities/")
    assert wrong.status_code == 405 and wrong["Content-Type"] == PROBLEM
    assert wrong.json()["title"] == "Methode niet toegestaan"


def test_field_errors_name_each_field(hv_client, reference_data):
    response = hv_client.get("/api/v1/crisis/GM0074/functies/?peildatum=morgen")
    assert response.status_code == 400 and response["Content-Type"] == PROBLEM
    body = response.json()
    assert body["title"] == "Ongeldig verzoek"
    assert body["invalid-params"] == [
        {"name": "peildatum", "reason": "Geef een datum als JJJJ-MM-DD."}
    ]
    assert body["errors"] == {"peildatum": ["Geef een datum als JJJJ-MM-DD."]}


def test_meldpunt_limit_is_a_429_problem(client, heerenveen, monkeypatch):
    from kompas.signals import antiabuse

    monkeypatch.setattr(antiabuse, "limit_reached", lambda *a, **k: True)
    response = client.post(
        "/api/v1/meldpunt/heerenveen/signals/", {}, content_type="application/json"
    )
    assert response.status_code == 429 and response["Content-Type"] == PROBLEM
    assert response.json()["title"] == "Te veel verzoeken"
    assert "over een uur" in response.json()["detail"]
