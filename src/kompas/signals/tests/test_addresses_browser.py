# SPDX-License-Identifier: EUPL-1.2
"""A resident in a real browser without JavaScript reports about an address in another
gemeente: the form asks gently, keeps what was filled in, and files the report when sent
again. The question page has 0 axe violations (axe runs in a second, scripted context)."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

QUESTION = (
    "Dit adres (Stationsweg 7, Leeuwarden) ligt in gemeente Leeuwarden, niet in gemeente "
    "Heerenveen. Klopt het adres? Verstuur opnieuw om het toch te melden."
)


def _fill(page):
    page.get_by_label(re.compile("^Drugs: teelt")).check()
    page.get_by_label("Wat heeft u gezien of gehoord?").fill(
        "In het pand komt 's nachts steeds een busje dozen afleveren."
    )
    page.get_by_label("Postcode").fill("8911 AC")
    page.get_by_label("Huisnummer").fill("7")


def test_resident_confirms_an_address_in_another_gemeente_without_javascript(
    browser_page, live_server, axe_check, heerenveen, pdok
):
    from kompas.signals.models import Signal

    url = f"{live_server.url}/heerenveen/meldpunt/"
    context = browser_page.context.browser.new_context(locale="nl-NL", java_script_enabled=False)
    page = context.new_page()
    page.goto(url)
    _fill(page)
    page.get_by_role("button", name="Versturen").click()
    expect(page.get_by_role("alert")).to_contain_text(QUESTION)
    assert page.get_by_label("Postcode").input_value() == "8911 AC"
    assert not Signal.objects.exists()
    page.get_by_role("button", name="Versturen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Dank u wel. Uw melding is verstuurd."
    )
    assert Signal.objects.get().buurt_code == ""
    context.close()

    # The same question page, checked with axe in a scripted context.
    browser_page.goto(url)
    _fill(browser_page)
    browser_page.get_by_role("button", name="Versturen").click()
    expect(browser_page.get_by_role("alert")).to_contain_text("Klopt het adres?")
    assert axe_check(browser_page) == []
