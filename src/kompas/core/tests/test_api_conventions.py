# SPDX-License-Identifier: EUPL-1.2
"""NL API Design Rules the API follows (docs/api.md): API-Version header, OpenAPI document at
/api/v1/openapi.json (issue 11 item 7)."""

import json

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


def _operations(schema):
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            if method in {"get", "post", "put", "patch", "delete"}:
                yield f"{method.upper()} {path}", operation


def test_every_operation_documents_its_problem_responses(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["components"]["schemas"]["Problem"]["required"] == ["type", "title", "status"]
    operations = dict(_operations(schema))
    assert len(operations) >= 25
    for name, operation in operations.items():
        responses = operation["responses"]
        public = all(not r for r in operation.get("security", [{}]))
        expected = {"404"} if public else {"401", "403", "404"}
        has_query = any(p["in"] == "query" for p in operation.get("parameters", []))
        if has_query or "requestBody" in operation:
            expected.add("400")
        assert expected <= set(responses), name
        for code in expected:
            assert "application/problem+json" in responses[code]["content"], (name, code)
    assert not all(all(not r for r in op.get("security", [{}])) for op in operations.values())
    submit = operations["POST /api/v1/meldpunt/{gemeente}/signals/"]["responses"]
    assert {"400", "404", "429", "503"} <= set(submit) and "401" not in submit
    assert "400" in operations["GET /api/v1/series/"]["responses"]


def test_redirect_to_the_slash_form_carries_the_version_too(client, db, settings):
    # We keep trailing slashes (docs/api.md, API-48): the slash-less form is redirected.
    response = client.get("/api/v1/openapi.json/")
    assert response.status_code == 404
    redirect = client.get("/api/v1/municipalities")
    assert redirect.status_code == 301 and redirect["Location"].endswith("/api/v1/municipalities/")
    assert redirect["API-Version"] == settings.KOMPAS_API_VERSION


def test_a_server_error_under_api_is_a_problem_document(rf):
    from kompas.core import errors

    response = errors.server_error(rf.get("/api/v1/plans/GM0074/"))
    assert response.status_code == 500
    assert response["Content-Type"] == "application/problem+json"
    assert json.loads(response.content)["title"] == "Interne fout"
    page = errors.server_error(rf.get("/heerenveen/"))
    assert page["Content-Type"].startswith("text/html")


def test_schema_generates_without_warnings_and_with_readable_enum_names(tmp_path, db):
    """Clients generate code from the document: an enum named `Status6d6Enum` (a hash, changed
    by any new choice anywhere) breaks their builds. --fail-on-warn turns every drf-spectacular
    warning, such as an unresolved enum-name collision, into an error."""
    from django.core.management import call_command

    target = tmp_path / "schema.json"
    call_command("spectacular", "--fail-on-warn", "--format", "openapi-json", "--file", target)
    names = set(json.loads(target.read_text())["components"]["schemas"])
    assert {"ActionStatusEnum", "CaseStatusEnum", "PlannedHeldStatusEnum"} <= names
    assert not [n for n in names if n.endswith("Enum") and any(c.isdigit() for c in n)]
