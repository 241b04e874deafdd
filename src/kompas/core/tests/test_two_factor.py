# SPDX-License-Identifier: EUPL-1.2
"""In production, beheerders and adviseurs reach staff pages only after a second factor."""

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice


@pytest.fixture(autouse=True)
def enforce_2fa(settings):
    settings.KOMPAS_REQUIRE_2FA = True


def _login(client, username):
    response = client.post("/inloggen/", {"username": username, "password": "geheim-wachtwoord-1"})
    assert response.status_code == 302, "login failed"


def test_adviseur_without_second_factor_cannot_reach_staff_pages(client, adviseur_heerenveen):
    _login(client, "adviseur-hv")
    response = client.get("/heerenveen/")
    assert response.status_code == 302
    assert response["Location"].startswith("/tweestapsverificatie/instellen/")
    assert client.get("/api/v1/municipalities/").status_code == 403


def test_setting_up_totp_opens_staff_pages(client, adviseur_heerenveen):
    _login(client, "adviseur-hv")
    page = client.get("/tweestapsverificatie/instellen/?next=/heerenveen/")
    assert page.status_code == 200 and b"<svg" in page.content
    device = TOTPDevice.objects.get(user=adviseur_heerenveen)
    wrong = client.post(
        "/tweestapsverificatie/instellen/", {"token": "000000", "next": "/heerenveen/"}
    )
    assert "Deze code klopt niet" in wrong.content.decode()
    # a wrong code throttles the device for a second; a person would simply wait
    device.refresh_from_db()
    assert device.throttling_failure_count == 1
    device.throttle_reset()
    token = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
    response = client.post(
        "/tweestapsverificatie/instellen/", {"token": token, "next": "/heerenveen/"}
    )
    assert response["Location"] == "/heerenveen/"
    assert client.get("/heerenveen/").status_code == 200


def test_next_login_asks_for_code_of_confirmed_device(client, adviseur_heerenveen):
    device = TOTPDevice.objects.create(user=adviseur_heerenveen, name="app", confirmed=True)
    _login(client, "adviseur-hv")
    response = client.get("/heerenveen/")
    assert response["Location"].startswith("/tweestapsverificatie/controleren/")
    token = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
    client.post("/tweestapsverificatie/controleren/", {"token": token, "next": "/heerenveen/"})
    assert client.get("/heerenveen/").status_code == 200


def test_lezer_needs_no_second_factor(client, heerenveen, make_member):
    make_member(heerenveen, "lezer", username="burgemeester")
    _login(client, "burgemeester")
    assert client.get("/heerenveen/").status_code == 200


def test_offsite_next_is_ignored(client, adviseur_heerenveen):
    device = TOTPDevice.objects.create(user=adviseur_heerenveen, name="app", confirmed=True)
    _login(client, "adviseur-hv")
    token = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
    response = client.post(
        "/tweestapsverificatie/controleren/",
        {"token": token, "next": "https://kwaadwillend.example/"},
    )
    assert response["Location"] == "/"


def test_page_with_query_string_is_reached_after_second_factor(client, adviseur_heerenveen):
    """The page asked for, query string and all, survives the detour through the second factor:
    `next` is URL-encoded, so `&username=...` is not lost to the redirect's own query."""
    from urllib.parse import parse_qs, urlsplit

    device = TOTPDevice.objects.create(user=adviseur_heerenveen, name="app", confirmed=True)
    _login(client, "adviseur-hv")
    wanted = "/heerenveen/regios/?q=Centrum&pagina=2"
    response = client.get(wanted)
    location = urlsplit(response["Location"])
    assert location.path == "/tweestapsverificatie/controleren/"
    assert parse_qs(location.query) == {"next": [wanted]}
    token = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
    response = client.post(location.path, {"token": token, "next": wanted})
    assert response["Location"] == wanted


def test_setup_page_of_user_with_device_forwards_next_encoded(client, adviseur_heerenveen):
    from urllib.parse import parse_qs, urlsplit

    TOTPDevice.objects.create(user=adviseur_heerenveen, name="app", confirmed=True)
    _login(client, "adviseur-hv")
    wanted = "/heerenveen/regios/?q=Centrum&pagina=2"
    response = client.get("/tweestapsverificatie/instellen/", {"next": wanted})
    assert parse_qs(urlsplit(response["Location"]).query) == {"next": [wanted]}
