# SPDX-License-Identifier: EUPL-1.2
"""A real browser without JavaScript: an adviseur adopts the fenomenenkeuze of a year with
the checkbox form, the evidence page shows it and the norm event is registered. Every page
has 0 axe violations (axe runs in a second, scripted context on the same pages)."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_adviseur_adopts_a_fenomenenkeuze_without_javascript(
    browser_page, live_server, browser_login, axe_check, adviseur_heerenveen
):
    from kompas.fenomenen.demo import load_demo
    from kompas.fenomenen.models import Activity, PhenomenonChoice, WhiteSpot
    from kompas.policy.models import Event

    base = f"{live_server.url}/heerenveen/ondermijning"
    context = browser_page.context.browser.new_context(locale="nl-NL", java_script_enabled=False)
    page = context.new_page()
    browser_login(page, "adviseur-hv")
    page.goto(f"{base}/fenomenenkeuze/nieuw/")
    page.get_by_label("Jaar", exact=True).fill("2025")
    page.get_by_label("Woonfraude").check()
    page.get_by_label("Drugs: teelt (bijvoorbeeld een hennepkwekerij)").check()
    page.get_by_label("Andere fenomenen").fill("Havengebied")
    page.get_by_label("Inbreng van partners").fill("Politie: hennepteelt in het buitengebied.")
    page.get_by_label("Status").select_option(value="vastgesteld")
    page.get_by_label("Datum besluit").fill("2025-02-11")
    page.get_by_label("Besloten door").select_option(value="driehoek")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_load_state()
    expect(page.locator("body")).to_contain_text("De fenomenenkeuze is opgeslagen.")
    expect(page.locator("body")).to_contain_text("Onderbouwing: gegevens over 2024")
    expect(page.locator("body")).to_contain_text("Havengebied")
    keuze = PhenomenonChoice.objects.get(year=2025)
    assert keuze.phenomena == ["drugs_teelt", "woonfraude"]
    assert Event.objects.filter(
        kind="fenomenenkeuze", source_type="fenomenen.keuze", source_id=str(keuze.pk)
    ).exists()
    context.close()

    load_demo()  # the other gemeenten's choices and Heerenveen's spots and activities
    spot = WhiteSpot.objects.filter(municipality=keuze.municipality).first()
    activity = Activity.objects.filter(municipality=keuze.municipality).first()
    page = browser_page
    browser_login(page, "adviseur-hv")
    for url in (
        f"{base}/fenomenenkeuze/",
        f"{base}/fenomenenkeuze/nieuw/",
        f"{base}/fenomenenkeuze/{keuze.pk}/",
        f"{base}/fenomenenkeuze/{keuze.pk}/bewerken/",
        f"{base}/fenomenenkeuze/{keuze.pk}/verwijderen/",
        f"{base}/witte-vlekken/",
        f"{base}/witte-vlekken/nieuw/",
        f"{base}/witte-vlekken/{spot.pk}/bewerken/",
        f"{base}/voorlichting/",
        f"{base}/voorlichting/nieuw/",
        f"{base}/voorlichting/{activity.pk}/bewerken/",
    ):
        assert page.goto(url).status == 200, url
        assert axe_check(page) == [], url
