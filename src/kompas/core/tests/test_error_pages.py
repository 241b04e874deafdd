# SPDX-License-Identifier: EUPL-1.2
"""Error pages in Dutch, in the product's layout, with a way back; with DEBUG off, as in
production."""

import re

import pytest
from django.test import Client


@pytest.fixture(autouse=True)
def debug_off(settings):
    settings.DEBUG = False


def _links(page: str) -> list[str]:
    block = page.split('class="error-ways-back"', 1)[1].split("</ul>", 1)[0]
    return re.findall(r'href="([^"]+)"', block)


def _assert_dutch_error_page(response, status: int, title: str) -> str:
    assert response.status_code == status
    page = response.content.decode()
    assert '<html lang="nl">' in page
    assert f"<h1>{title}</h1>" in page
    assert "Direct naar de inhoud" in page and "utrecht-page-header" in page  # the layout
    assert "Not Found" not in page and "Server Error" not in page and "Forbidden" not in page
    return page


def test_unknown_public_address_offers_the_gemeentes_meldpunt(client, heerenveen):
    response = client.get("/heerenveen/meldpunt/bestaat-niet/")
    page = _assert_dutch_error_page(response, 404, "Deze pagina bestaat niet")
    assert _links(page) == ["/heerenveen/meldpunt/", "/heerenveen/dashboard/", "/inloggen/"]


def test_staff_404_in_a_foreign_gemeente_leads_back_to_own_start(client, adviseur_heerenveen):
    client.force_login(adviseur_heerenveen)
    response = client.get("/weststellingwerf/", HTTP_REFERER="http://testserver/heerenveen/")
    page = _assert_dutch_error_page(response, 404, "Deze pagina bestaat niet")
    assert _links(page) == ["http://testserver/heerenveen/", "/"]
    assert "Uitloggen" in page  # the staff layout, with its user menu


def test_referer_of_another_site_is_not_offered(client, heerenveen):
    response = client.get("/nergens/te/vinden/", HTTP_REFERER="https://elders.example/")
    assert "elders.example" not in response.content.decode()


def test_bad_host_gets_a_dutch_400(client, db):
    response = client.get("/inloggen/", HTTP_HOST="aanvaller.example")
    page = _assert_dutch_error_page(response, 400, "Dit verzoek kunnen wij niet verwerken")
    assert "aanvaller.example" not in page


@pytest.mark.urls("kompas.core.tests.error_urls")
def test_permission_denied_is_a_dutch_403(client, adviseur_heerenveen):
    client.force_login(adviseur_heerenveen)
    response = client.get("/test-fout/verboden/")
    page = _assert_dutch_error_page(response, 403, "U heeft geen toegang tot deze pagina")
    assert "beheerder van uw gemeente" in page


@pytest.mark.urls("kompas.core.tests.error_urls")
def test_server_error_is_a_dutch_500_without_details(db):
    client = Client(raise_request_exception=False)
    response = client.get("/test-fout/crash/")
    page = _assert_dutch_error_page(response, 500, "Er ging iets mis")
    assert "opzettelijke fout" not in page and "Traceback" not in page
    assert _links(page) == ["/"]


def test_expired_login_form_gets_a_dutch_csrf_page(db):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/inloggen/", {"username": "x", "password": "y"})
    page = _assert_dutch_error_page(response, 403, "Het formulier is verlopen")
    assert "laad de pagina opnieuw" in page


def test_meldpunt_form_without_csrf_token_explains_and_links_back(heerenveen):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/heerenveen/meldpunt/", {"description": "iets"})
    page = _assert_dutch_error_page(response, 403, "Het formulier is verlopen")
    assert "/heerenveen/meldpunt/" in _links(page)
