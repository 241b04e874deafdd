# SPDX-License-Identifier: EUPL-1.2
"""A real browser (Debian's chromium via Playwright): log in, see own gemeente, 0 axe issues."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_login_and_start_page_have_no_axe_violations(
    browser_page, live_server, browser_login, axe_check, adviseur_heerenveen, weststellingwerf
):
    page = browser_page
    page.goto(f"{live_server.url}/inloggen/")
    assert axe_check(page) == []
    browser_login(page, "adviseur-hv")
    assert page.url == f"{live_server.url}/heerenveen/"
    assert page.get_by_role("heading", level=1).inner_text() == "Gemeente Heerenveen"
    assert axe_check(page) == []
    # the skip link is the first thing a keyboard user reaches
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Direct naar de inhoud"
    response = page.goto(f"{live_server.url}/weststellingwerf/")
    assert response.status == 404


def test_login_error_page_has_no_axe_violations(
    browser_page, live_server, browser_login, axe_check, adviseur_heerenveen
):
    browser_login(browser_page, "adviseur-hv", password="verkeerd")
    assert "/inloggen/" in browser_page.url
    assert axe_check(browser_page) == []


def test_error_page_has_no_axe_violations(browser_page, live_server, axe_check, heerenveen):
    response = browser_page.goto(f"{live_server.url}/heerenveen/meldpunt/bestaat-niet/")
    assert response.status == 404
    assert browser_page.get_by_role("heading", level=1).inner_text() == "Deze pagina bestaat niet"
    assert axe_check(browser_page) == []


def test_beheer_pages_have_no_axe_violations_and_invite_works_without_javascript(
    browser_page, live_server, browser_login, axe_check, heerenveen, make_member
):
    from playwright.sync_api import expect

    from kompas.core.models import Membership

    make_member(heerenveen, "beheerder", username="beheerder-hv")
    page = browser_page
    browser_login(page, "beheerder-hv")
    page.goto(f"{live_server.url}/heerenveen/")
    page.get_by_role("link", name="Beheer", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Beheer")
    assert axe_check(page) == []
    page.get_by_role("link", name="Gebruikers en rollen").click()
    page.get_by_role("link", name="Iemand uitnodigen").click()
    page.get_by_role("button", name="Uitnodigen").click()  # empty form: errors
    expect(page.locator("body")).to_contain_text("Dit veld is vereist")
    assert axe_check(page) == []
    page.get_by_label("E-mailadres").fill("nieuw@heerenveen.nl")
    page.get_by_label("Voornaam").fill("Nienke")
    page.get_by_label("Achternaam").fill("de Vries")
    page.get_by_label("Rol").select_option("lezer")
    page.get_by_role("button", name="Uitnodigen").click()
    expect(page.locator("body")).to_contain_text(
        "De uitnodiging is verstuurd naar nieuw@heerenveen.nl"
    )
    assert axe_check(page) == []
    membership = Membership.objects.get(user__email="nieuw@heerenveen.nl")
    for path in (
        f"/heerenveen/beheer/gebruikers/{membership.pk}/",
        f"/heerenveen/beheer/gebruikers/{membership.pk}/verwijderen/",
        "/heerenveen/beheer/huisstijl/",
        "/heerenveen/beheer/verwerkingsregister/",
    ):
        assert page.goto(f"{live_server.url}{path}").status == 200, path
        assert axe_check(page) == [], path
