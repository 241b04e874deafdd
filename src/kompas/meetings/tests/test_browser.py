# SPDX-License-Identifier: EUPL-1.2
"""A real browser (Debian's chromium): the advisor's series, meeting, agenda and item pages and
the partner's view have no axe-core (WCAG 2.1 A/AA) violations; the partner reads the signal."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from kompas.core.models import PartnerOrganisation
from kompas.meetings import services
from kompas.signals import services as signal_services
from kompas.signals.constants import Phenomenon, SignalStatus

from .conftest import at

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def lio_with_signal(heerenveen, advisor, police_user, lio):
    signal = signal_services.signal_create(
        municipality=heerenveen,
        phenomenon=Phenomenon.DRUGS_CULTIVATION,
        description="Hennepgeur bij de schuur, ramen afgeplakt.",
    ).signal
    signal_services.signal_transition(signal=signal, to=SignalStatus.IN_PROGRESS, by=advisor)
    signal_services.signal_transition(signal=signal, to=SignalStatus.SCHEDULED, by=advisor)
    meeting = services.meeting_create(series=lio, starts_at=at(5), location="Raadhuis", by=advisor)
    topic = services.agenda_item_add_topic(meeting=meeting, title="Rondvraag", by=advisor)
    services.action_create(
        item=topic,
        description="Pand bezoeken",
        due_date=timezone.localdate() + timedelta(days=7),
        owner_partner=PartnerOrganisation.objects.get(code="politie"),
        by=advisor,
    )
    return meeting


def test_advisor_pages_have_no_axe_violations(
    browser_page, live_server, browser_login, axe_check, lio_with_signal
):
    page, base = browser_page, live_server.url
    meeting = lio_with_signal
    browser_login(page, "adviseur-hv")
    page.goto(f"{base}/heerenveen/overleggen/")
    assert page.get_by_role("heading", level=1).inner_text() == "Overleggen"
    assert axe_check(page) == []
    page.get_by_role("link", name="LIO Heerenveen").click()
    assert axe_check(page) == []
    page.goto(f"{base}/heerenveen/overleggen/vergaderingen/{meeting.pk}/")
    page.get_by_role("button", name="Agenda voorstellen").click()
    expect(page.locator("body")).to_contain_text(
        "geagendeerde signalen zijn aan de agenda toegevoegd"
    )
    assert page.get_by_role("link", name=re.compile(r"^Melding \d+: Drugs: teelt")).count() == 1
    assert axe_check(page) == []
    page.get_by_role("link", name="Agenda bewerken").click()
    assert axe_check(page) == []
    page.get_by_label("Onderwerp").fill("Cameratoezicht")
    page.get_by_role("button", name="Onderwerp toevoegen").click()
    assert page.get_by_role("row", name="Cameratoezicht", exact=False).count() == 1
    page.get_by_role("link", name="Rondvraag", exact=True).click()
    assert axe_check(page) == []
    page.goto(f"{base}/heerenveen/overleggen/nieuw/")
    page.get_by_role("button", name="Opslaan").click()  # empty form: errors
    expect(page.locator("body")).to_contain_text("Dit veld is vereist")
    assert axe_check(page) == []


def test_partner_pages_have_no_axe_violations(
    browser_page, live_server, browser_login, axe_check, lio_with_signal, advisor
):
    page, base = browser_page, live_server.url
    meeting = lio_with_signal
    [item] = services.agenda_propose(meeting=meeting, by=advisor)
    browser_login(page, "politie-hv")
    page.goto(f"{base}/heerenveen/overleggen/")
    assert axe_check(page) == []
    page.goto(f"{base}/heerenveen/overleggen/vergaderingen/{meeting.pk}/")
    assert page.get_by_role("link", name="Agenda bewerken").count() == 0
    assert axe_check(page) == []
    page.get_by_role("link", name=item.title).click()
    expect(page.locator("body")).to_contain_text("Hennepgeur bij de schuur")
    assert axe_check(page) == []
    page.goto(f"{base}/heerenveen/overleggen/mijn-acties/")
    expect(page.locator("body")).to_contain_text("Pand bezoeken")
    assert axe_check(page) == []
    page.get_by_label("Status van “Pand bezoeken”").select_option("gereed")
    page.get_by_role("button", name="Wijzig status: Pand bezoeken").click()
    expect(page.locator("body")).to_contain_text("De status van de actie is bijgewerkt")
