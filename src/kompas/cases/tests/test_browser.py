# SPDX-License-Identifier: EUPL-1.2
"""A real browser (Debian's chromium) with JavaScript off: the regisseur walks one case from
aanmelding to afgesloten. axe-core needs JavaScript, so every page on the way is then checked
for WCAG 2.1 A/AA violations in a second, JavaScript-enabled page with the same session (a
result of a POST is checked in the state its address shows on GET)."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from kompas.cases.models import Case

from .conftest import earlier_today

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def pages(browser_page):
    """(page without JavaScript, axe(url) on a JavaScript page sharing its cookies)."""
    context = browser_page.context.browser.new_context(locale="nl-NL", java_script_enabled=False)
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()


def test_regisseur_walks_a_case_from_aanmelding_to_afgesloten_without_javascript(
    pages, browser_page, live_server, browser_login, axe_check, regisseur, ovo, adviseur_heerenveen
):
    from kompas.meetings import services as meetings_services

    meeting = meetings_services.meeting_create(
        series=ovo, starts_at=earlier_today(30), by=adviseur_heerenveen
    )
    page, base = pages, live_server.url
    browser_login(page, "regisseur-hv")
    checked = []

    def axe(_page):
        """Check the no-JS page's current address in the JavaScript page (same session)."""
        if not checked:
            browser_page.context.add_cookies(page.context.cookies())
        browser_page.goto(page.url)
        checked.append(page.url)
        return axe_check(browser_page)

    page.goto(f"{base}/heerenveen/casussen/")
    assert axe(page) == []
    page.get_by_role("link", name="Nieuwe casus aanmelden").click()
    assert axe(page) == []
    page.get_by_label("Soort casus").select_option("zorgmijder")
    page.get_by_label("Grondslag voor het delen").select_option("convenant")
    page.get_by_label("Naam van de grondslag").fill("Convenant ZVH Fryslân")
    page.get_by_label("Datum van de grondslag").fill("2023-01-01")
    page.get_by_label("OVO Heerenveen").check()
    page.locator("#id_persoon-0-name").fill("Wiebe Testsma")
    page.locator("#id_persoon-0-bsn").fill("123456789")  # fails the 11-proef
    page.get_by_role("button", name="Casus aanmelden").click()
    expect(page.locator("body")).to_contain_text("geen geldig burgerservicenummer")
    assert Case.objects.count() == 0
    assert axe(page) == []
    page.locator("#id_persoon-0-bsn").fill("123456782")
    page.locator("#id_interventie-0-description").fill("Huisbezoek GGD")
    page.locator("#id_interventie-0-owner_partner").select_option(label="GGD (o.a. wijk-GGD'ers)")
    page.locator("#id_interventie-0-due_date").fill(
        (timezone.localdate() + timedelta(days=28)).isoformat()
    )
    page.get_by_role("button", name="Casus aanmelden").click()
    case = Case.objects.get()
    expect(page.locator("body")).to_contain_text(f"Casus {case.number} is aangemeld.")
    expect(page.locator("body")).not_to_contain_text("Wiebe Testsma")
    expect(page.locator("body")).to_contain_text(f"{case.number} persoon A")
    assert axe(page) == []

    page.get_by_role("link", name="Toon identiteit").click()
    page.get_by_label("Reden").fill("Voorbereiding OVO")
    page.get_by_role("button", name="Toon identiteit").click()
    expect(page.locator("body")).to_contain_text("Wiebe Testsma")
    assert axe(page) == []

    page.goto(f"{base}/heerenveen/casussen/vergaderingen/{meeting.pk}/")
    assert axe(page) == []
    page.get_by_role("link", name=f"Besluit over {case.number} vastleggen").click()
    page.get_by_label("Besluit").fill("GGD legt een huisbezoek af.")
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.locator("body")).to_contain_text("Het besluit over")

    page.goto(f"{base}/heerenveen/casussen/{case.pk}/")
    for to, reason in (("in_aanpak", ""), ("afgesloten", "reguliere_zorg")):
        page.get_by_role("link", name="Status wijzigen").click()
        assert axe(page) == []
        page.get_by_label("Nieuwe status").select_option(to)
        if reason:
            page.get_by_label("Reden van afsluiten").select_option(reason)
        page.get_by_role("button", name="Status wijzigen").click()
    expect(page.locator("body")).to_contain_text("De status is nu: afgesloten.")
    case.refresh_from_db()
    assert (case.status, case.close_reason) == ("afgesloten", "reguliere_zorg")
    assert list(case.status_changes.values_list("to_status", flat=True)) == [
        "aangemeld",
        "besproken",
        "in_aanpak",
        "afgesloten",
    ]
    page.goto(f"{base}/heerenveen/instrumenten/")
    assert axe(page) == []
