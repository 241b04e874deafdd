# SPDX-License-Identifier: EUPL-1.2
"""Acceptance in a real browser (Debian chromium): anonymous report -> code (shown once; a
reload of the thank-you page files nothing) -> staff sees it
as nieuw -> staff asks a question -> reporter reads and answers with the code -> staff sees
the answer. Every public page, including those with form errors, has 0 axe violations."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_report_question_answer_round_trip(
    browser_page, live_server, browser_login, axe_check, adviseur_heerenveen, settings
):
    page = browser_page
    base = live_server.url

    # 1. Public form, first with errors, then correct.
    page.goto(f"{base}/heerenveen/meldpunt/")
    assert axe_check(page) == []
    page.get_by_role("button", name="Versturen").click()
    assert page.get_by_role("alert").first.is_visible()
    expect(page.locator("body")).to_contain_text("Vul in wat u heeft gezien of gehoord.")
    assert axe_check(page) == []
    page.get_by_label(re.compile("^Drugs: teelt")).check()
    page.get_by_label("Wat heeft u gezien of gehoord?").fill(
        "Uit de schuur komt een sterke hennepgeur en de ramen zijn afgeplakt."
    )
    page.get_by_label("Postcode").fill("8441 AB")
    page.get_by_label("Huisnummer").fill("12")
    page.get_by_label("Het gebeurt nog steeds").check()
    page.get_by_role("button", name="Versturen").click()
    assert (
        page.get_by_role("heading", level=1).inner_text() == "Dank u wel. Uw melding is verstuurd."
    )
    code = page.locator("#ontvangstcode code").inner_text()
    assert re.fullmatch(r"\d{4} \d{4} \d{4} \d{4}", code)
    assert page.get_by_label("Dezelfde code om te kopiëren").input_value() == code
    expect(page.locator("body")).to_contain_text("0800-7000")
    assert page.url == f"{base}/heerenveen/meldpunt/verstuurd/"  # POST/redirect/GET
    assert axe_check(page) == []
    # Reloading the thank-you page files nothing again and no longer shows the code.
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text("Uw code is al getoond")
    assert page.locator("#ontvangstcode").count() == 0
    assert code not in page.content()
    assert axe_check(page) == []

    # 2. Follow-up page, with a wrong code first.
    page.goto(f"{base}/heerenveen/meldpunt/opvolgen/")
    assert axe_check(page) == []
    page.get_by_label("Uw ontvangstcode").fill("1111 2222 3333 4444")
    page.get_by_role("button", name="Bekijken").click()
    expect(page.locator("body")).to_contain_text("Deze code kennen we niet")
    assert axe_check(page) == []

    # 3. Staff see the signal as nieuw and ask a question.
    staff = page.context.browser.new_context(locale="nl-NL").new_page()
    browser_login(staff, "adviseur-hv")
    staff.goto(f"{base}/heerenveen/meldingen/")
    assert staff.locator("tbody tr").count() == 1  # one report, whatever was reloaded
    row = staff.locator("tbody tr").first
    assert "nieuw" in row.inner_text()
    row.get_by_role("link").first.click()
    assert "hennepgeur" in staff.locator("#omschrijving").inner_text()
    staff.get_by_label("Vraag aan de melder").fill("Sinds wanneer ruikt u de geur?")
    staff.get_by_role("button", name="Vraag versturen").click()
    assert "wacht op melder" in staff.content()

    # 4. The reporter reads the question with the code and answers.
    page.goto(f"{base}/heerenveen/meldpunt/opvolgen/")
    page.get_by_label("Uw ontvangstcode").fill(code)
    page.get_by_role("button", name="Bekijken").click()
    expect(page.locator("body")).to_contain_text("Sinds wanneer ruikt u de geur?")
    assert "Wij hebben een vraag aan u" in page.locator("#status-tekst").inner_text()
    assert axe_check(page) == []
    page.get_by_role("button", name="Versturen").click()  # empty answer: error page
    expect(page.locator("body")).to_contain_text("Schrijf uw antwoord")
    assert axe_check(page) == []
    page.get_by_label("Uw antwoord of extra informatie").fill("Sinds januari, vooral 's nachts.")
    page.get_by_role("button", name="Versturen").click()
    expect(page.locator("body")).to_contain_text("Wij hebben uw bericht ontvangen")
    assert "Wij zijn met uw melding bezig" in page.locator("#status-tekst").inner_text()
    assert axe_check(page) == []

    # 5. Staff see the answer; the status went back to in behandeling.
    staff.reload()
    assert "Sinds januari, vooral 's nachts." in staff.locator("#berichten").inner_text()
    assert "in behandeling" in staff.content()
    assert axe_check(staff) == []
    staff.context.close()

    # 6. Too many wrong codes: the waiting page is accessible too.
    settings.KOMPAS_MELDPUNT_CODE_FAILURES_PER_HOUR = 1
    for _attempt in range(2):
        page.goto(f"{base}/heerenveen/meldpunt/opvolgen/")
        page.get_by_label("Uw ontvangstcode").fill("5555 6666 7777 8888")
        page.get_by_role("button", name="Bekijken").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Even wachten, alstublieft"
    assert axe_check(page) == []


def test_without_javascript_a_reload_files_the_report_once(browser_page, live_server, heerenveen):
    """A resident with JavaScript off: the report, the code once, a reload of the thank-you
    page files nothing again."""
    from kompas.signals.models import Signal

    context = browser_page.context.browser.new_context(locale="nl-NL", java_script_enabled=False)
    page = context.new_page()
    base = live_server.url
    page.goto(f"{base}/heerenveen/meldpunt/")
    page.get_by_label(re.compile("^Drugs: teelt")).check()
    page.get_by_label("Wat heeft u gezien of gehoord?").fill("Elke nacht een busje bij de loods.")
    page.get_by_role("button", name="Versturen").click()
    expect(page.locator("#ontvangstcode")).to_contain_text(re.compile(r"\d{4} \d{4}"))
    code = page.locator("#ontvangstcode code").inner_text()
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text("Uw code is al getoond")
    assert code not in page.content()
    assert Signal.objects.count() == 1
    context.close()


def test_beheerder_keeps_the_sharing_agreements_and_the_team_shares_under_one(
    browser_page, live_server, browser_login, axe_check, heerenveen, make_member, make_signal
):
    """The beheerder adds an agreement, the adviseur's share form offers exactly that
    organisation; the beheerder ends it after confirming. Every page has 0 axe violations."""
    make_member(heerenveen, "beheerder", username="beheerder-hv")
    make_member(heerenveen, "adviseur", username="adviseur-deelt")
    signal, _code = make_signal()
    page, base = browser_page, live_server.url
    browser_login(page, "beheerder-hv")
    page.goto(f"{base}/heerenveen/")
    page.get_by_role("link", name="Deelafspraken").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Deelafspraken")
    assert axe_check(page) == []
    page.get_by_role("link", name="Deelafspraak toevoegen").click()
    page.get_by_label("Partnerorganisatie").select_option(
        label="Politie (basisteam, o.a. wijkagenten)"
    )
    page.get_by_label("Naam van de afspraak").fill("Convenant LIO Heerenveen")
    page.get_by_label("Datum van de afspraak").fill("2024-02-01")
    page.get_by_label("Grondslag").fill("Convenant LIO, art. 5")
    assert axe_check(page) == []
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("#deelafspraken")).to_contain_text("Convenant LIO Heerenveen")
    assert axe_check(page) == []

    staff = page.context.browser.new_context(locale="nl-NL").new_page()
    browser_login(staff, "adviseur-deelt")
    staff.goto(f"{base}/heerenveen/meldingen/{signal.pk}/")
    options = staff.locator('select[name="agreement"] option').all_inner_texts()
    assert options == [
        "Politie (basisteam, o.a. wijkagenten) (Convenant LIO Heerenveen, 1 februari 2024)"
    ]
    staff.context.close()

    page.get_by_role("link", name=re.compile("^Beëindigen")).click()
    expect(page.locator("body")).to_contain_text("Weet u zeker")
    assert axe_check(page) == []
    page.get_by_role("button", name="Ja, beëindigen").click()
    expect(page.locator("#deelafspraken")).to_contain_text("beëindigd")
