# SPDX-License-Identifier: EUPL-1.2
"""NL API Design Rules the API follows (docs/api.md): API-Version header, OpenAPI document at
/api/v1/openapi.json (issue 11 item 7)."""

import pytest


@pytest.fixture
def hv_client(client, adviseur_heerenveen):
    client.force_login(adviseur_heerenveen)
    return client


def test_every_api_response_carries_the_full_version(hv_client, settings):
    assert settings.KOMPAS_API_VERSION == settings.SPECTACULAR_SETTINGS["VERSION"]
    for url in ("/api/v1/municipalities/", "/api/v1/reports/GM0085/", "/api/v1/bestaat-niet/"):
        assert hv_client.get(url)["API-Version"] == settings.KOMPAS_API_VERSION, url
    assert "API-Version" not in hv_client.get("/heerenveen/")  # pages are not the API


def test_openapi_document_is_public_json_at_the_standard_place(client, db, settings):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.oai.openapi+json")
    assert response["Access-Control-Allow-Origin"] == "*"
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert schema["info"]["version"] == settings.KOMPAS_API_VERSION
    assert "/api/v1/municipalities/" in schema["paths"]
    yaml = client.get("/api/v1/openapi.yaml")
    assert yaml.status_code == 200 and b"openapi: 3." in yaml.content
