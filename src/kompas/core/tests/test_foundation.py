# SPDX-License-Identifier: EUPL-1.2
"""Health, API schema, lockout, demo data."""

import pytest
from django.core.management import call_command

from kompas.core.models import Membership, Municipality, PartnerOrganisation, Partnership, Region


def test_health_checks_database(client, db):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_openapi_schema_lists_first_endpoints(client, adviseur_heerenveen):
    client.force_login(adviseur_heerenveen)
    schema = client.get("/api/v1/schema/", HTTP_ACCEPT="application/json").json()
    assert "/api/v1/municipalities/" in schema["paths"]
    assert "/api/v1/regions/{code}/" in schema["paths"]
    docs = client.get("/api/v1/docs/")
    assert docs.status_code == 200 and b"swagger" in docs.content.lower()


def test_repeated_failed_logins_lock_the_account(client, adviseur_heerenveen, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/inloggen/", {"username": "adviseur-hv", "password": "fout"})
    response = client.post(
        "/inloggen/", {"username": "adviseur-hv", "password": "geheim-wachtwoord-1"}
    )
    assert response.status_code == 429
    assert "tijdelijk geblokkeerd" in response.content.decode()


def test_security_headers(client, db):
    response = client.get("/inloggen/")
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_reference_data(reference_data):
    assert set(reference_data) >= {"GM0074", "GM0085", "GM0086", "GM0098"}
    zo = Partnership.objects.get(code="zuidoost-friesland")
    assert sorted(zo.members.values_list("code", flat=True)) == [
        "GM0074",
        "GM0085",
        "GM0086",
        "GM0098",
    ]
    assert Partnership.objects.filter(code="howo").exists()
    codes = set(PartnerOrganisation.objects.values_list("code", flat=True))
    assert {
        "politie",
        "om",
        "riec",
        "belastingdienst",
        "fiod",
        "ilt",
        "kmar",
        "ccv",
        "ggd",
        "vrf",
        "zvh",
        "woningcorporaties",
        "halt",
        "vnn",
        "jongerenwerk",
        "vth",
    } <= codes
    assert Region.objects.get(code="BU00740101").parent_id == "WK007401"


@pytest.mark.django_db
def test_demo_twice_keeps_data_without_duplicates(capsys):
    call_command("demo", "--no-serve")
    out = capsys.readouterr().out
    assert "adviseur-heerenveen" in out and "demo-adviseur-heerenveen" in out
    counts = (Municipality.objects.count(), Membership.objects.count(), Region.objects.count())
    call_command("demo", "--no-serve")
    assert (
        Municipality.objects.count(),
        Membership.objects.count(),
        Region.objects.count(),
    ) == counts
    assert counts[0] == 4


def test_login_page_is_dutch(client, db):
    page = client.get("/inloggen/").content.decode()
    assert '<html lang="nl">' in page
    assert "Direct naar de inhoud" in page
    assert "Gebruikersnaam" in page
