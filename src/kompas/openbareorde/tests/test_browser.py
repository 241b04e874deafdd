# SPDX-License-Identifier: EUPL-1.2
"""A real browser without JavaScript: an adviseur registers a demonstration's kennisgeving,
records the police's advice and the conditions with their legal ground. Every page has 0 axe
violations (axe runs in a second, scripted context on the same pages)."""

from datetime import timedelta

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_adviseur_prepares_a_demonstration_advice_without_javascript(
    browser_page, live_server, browser_login, axe_check, adviseur_heerenveen
):
    from django.utils import timezone

    from kompas.core.services import reference_data_load
    from kompas.openbareorde.demo import load_demo
    from kompas.openbareorde.models import Demonstration
    from kompas.policy.demo import load_demo as policy_demo

    reference_data_load()
    policy_demo()
    load_demo()
    base = f"{live_server.url}/heerenveen/openbare-orde"
    day = timezone.localdate() + timedelta(days=20)
    context = browser_page.context.browser.new_context(locale="nl-NL", java_script_enabled=False)
    page = context.new_page()
    browser_login(page, "adviseur-hv")
    page.goto(f"{base}/demonstraties/nieuw/")
    page.get_by_label("Onderwerp").fill("Protest tegen windmolens")
    page.get_by_label("Datum", exact=True).fill(day.isoformat())
    page.get_by_label("Plaats").fill("Raadhuisplein")
    page.get_by_label("Verwacht aantal deelnemers").fill("120")
    page.get_by_label("Kennisgeving ontvangen op").fill(timezone.localdate().isoformat())
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_load_state()
    expect(page.locator("body")).to_contain_text("Opgeslagen.")
    demonstration = Demonstration.objects.get(title="Protest tegen windmolens")
    page.goto(f"{base}/demonstraties/{demonstration.pk}/advies/")
    page.get_by_label("Partner").select_option(label="Politie (basisteam, o.a. wijkagenten)")
    page.get_by_label("Advies", exact=True).fill(
        "Route via de Fok; geen toegang tot het gemeentehuis."
    )
    page.get_by_label("Datum advies").fill(timezone.localdate().isoformat())
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_load_state()
    expect(page.locator("body")).to_contain_text("Advies vastgelegd.")
    expect(page.locator("body")).to_contain_text("Route via de Fok")
    # conditions without content are refused in Dutch, then accepted with them
    page.get_by_label("Grondslag").select_option(value="wom-5-1")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_load_state()
    expect(page.locator("body")).to_contain_text("Beschrijf de voorschriften of beperkingen")
    page.get_by_label("Voorschriften of beperkingen").fill("Route via de Fok, tussen 14 en 16 uur.")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_load_state()
    demonstration.refresh_from_db()
    assert (demonstration.status, demonstration.legal_ground) == ("advies", "wom-5-1")
    context.close()

    page = browser_page
    browser_login(page, "adviseur-hv")
    for url in (
        f"{base}/",
        f"{base}/risicos/",
        f"{base}/demonstraties/",
        f"{base}/demonstraties/{demonstration.pk}/",
        f"{base}/wedstrijden/",
        f"{base}/jaarwisseling/{timezone.localdate().year}/",
    ):
        assert page.goto(url).status == 200, url
        assert axe_check(page) == [], url
