# SPDX-License-Identifier: EUPL-1.2
"""A real browser: the crisis pages have 0 axe violations, and an adviseur adds a
qualification through the plain HTML forms."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_crisis_pages_have_no_axe_violations_and_forms_work(
    browser_page, live_server, browser_login, axe_check, adviseur_heerenveen
):
    from kompas.core.services import reference_data_load
    from kompas.crisis.demo import load_demo
    from kompas.crisis.models import CrisisMember

    reference_data_load()
    load_demo()
    page = browser_page
    browser_login(page, "adviseur-hv")
    base = f"{live_server.url}/heerenveen/crisis"
    member = CrisisMember.objects.get(name="Gerrit Bouma (demo)")
    pages = {
        f"{base}/": "Paraatheid crisisorganisatie Heerenveen",
        f"{base}/district/howo/": (
            "Paraatheid crisisorganisatie HOWO-samenwerking district Zuidoost Fryslân"
        ),
        f"{base}/leden/": "Leden crisisorganisatie",
        f"{base}/leden/{member.pk}/": "Gerrit Bouma (demo)",
        f"{base}/functies/": "Sleutelfuncties",
        f"{base}/oto/": "Opleiden, trainen en oefenen (OTO)",
        f"{base}/oto/nieuw/": "Nieuwe OTO-activiteit",
        f"{base}/voorzieningen/": "Voorzieningen",
        f"{base}/deelplannen/": "Deelplannen",
        f"{base}/brandweer/": "Brandweerposten (VRF)",
    }
    for url, heading in pages.items():
        response = page.goto(url)
        assert response.status == 200, url
        assert page.get_by_role("heading", level=1).inner_text() == heading
        assert axe_check(page) == [], url
    # Gerrit's qualification has expired: renew it, and the function is no longer red
    page.goto(f"{base}/leden/{member.pk}/")
    form = page.locator("section", has=page.get_by_role("heading", name="Kwalificatie toevoegen"))
    form.get_by_label("Sleutelfunctie").select_option(label="Gemeentesecretaris in crisis")
    form.get_by_label("Kwalificatie").fill("Herhaling gemeentesecretaris")
    form.get_by_label("Behaald op").fill("2026-01-10")
    form.get_by_role("button", name="Toevoegen").click()
    page.wait_for_load_state()
    expect(page.locator("body")).to_contain_text("Opgeslagen.")
    page.goto(f"{base}/")
    row = page.get_by_role("row", name="Gemeentesecretaris in crisis")
    assert "oranje" in row.inner_text()
    assert axe_check(page) == []
