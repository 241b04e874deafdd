# SPDX-License-Identifier: EUPL-1.2
"""A real browser without JavaScript: an adviseur registers an integrale controle with two
locations, records a finding on the detail page, and the controle counts for the norm. Every
page has 0 axe violations (axe runs in a second, scripted context on the same pages)."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_adviseur_registers_a_controle_with_two_locations_without_javascript(
    browser_page, live_server, browser_login, axe_check, adviseur_heerenveen
):
    from kompas.ondermijning.demo import load_demo
    from kompas.ondermijning.models import Controle
    from kompas.policy.models import Event

    load_demo()  # also the branches, which transaction=True flushed with the migration's data
    base = f"{live_server.url}/heerenveen/ondermijning"
    context = browser_page.context.browser.new_context(locale="nl-NL", java_script_enabled=False)
    page = context.new_page()
    browser_login(page, "adviseur-hv")
    page.goto(f"{base}/controles/nieuw/")
    page.get_by_label("Omschrijving").fill("Bedrijventerrein Kanaal-Zuid")
    page.get_by_label("Datum", exact=True).fill("2025-10-01")
    page.get_by_label("Branche").select_option(label="Bedrijventerrein")
    page.get_by_label("Aanleiding", exact=True).select_option(value="signalen")
    page.get_by_label("Politie (basisteam, o.a. wijkagenten)").check()
    page.get_by_label("Status").select_option(value="uitgevoerd")
    page.locator('[name="locaties-0-address"]').fill("Kanaalweg 20, Heerenveen")
    page.locator('[name="locaties-1-address"]').fill("Kanaalweg 22, Heerenveen")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_load_state()
    expect(page.locator("body")).to_contain_text("De controle is opgeslagen.")
    expect(page.locator("body")).to_contain_text("Kanaalweg 22, Heerenveen")
    controle = Controle.objects.get(title="Bedrijventerrein Kanaal-Zuid")
    assert controle.locations.count() == 2
    page.get_by_label("Locatie", exact=True).select_option(label="Kanaalweg 20, Heerenveen")
    page.get_by_label("Bevinding", exact=True).select_option(value="waarschuwing")
    page.get_by_label("Toelichting").fill("Opslag zonder vergunning.")
    page.get_by_role("button", name="Bevinding vastleggen").click()
    page.wait_for_load_state()
    expect(page.locator("body")).to_contain_text("De bevinding is vastgelegd.")
    expect(page.locator("body")).to_contain_text("Opslag zonder vergunning.")
    assert Event.objects.filter(
        kind="integrale_controle", source_type="ondermijning.controle", source_id=str(controle.pk)
    ).exists()
    context.close()

    page = browser_page
    browser_login(page, "adviseur-hv")
    day = controle.municipality.undermining_days_hosted.first()
    for url in (
        f"{base}/",
        f"{base}/controles/nieuw/",
        f"{base}/controles/{controle.pk}/",
        f"{base}/controles/{controle.pk}/bewerken/",
        f"{base}/controles/{controle.pk}/verwijderen/",
        f"{base}/dagen/",
        f"{base}/dagen/{day.pk}/",
        f"{base}/dagen/nieuw/",
        f"{base}/samenwerkingsverband/zuidoost-friesland/",
    ):
        assert page.goto(url).status == 200, url
        assert axe_check(page) == [], url
