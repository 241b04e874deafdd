# SPDX-License-Identifier: EUPL-1.2
"""Dashboard and indicator page in a real browser: no WCAG 2.1 A/AA violations (axe)."""

import pytest

from kompas.monitoring.demo import load_demo
from kompas.monitoring.services import plan_monitoring_sync

from .conftest import plan_sections

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_dashboard_and_indicator_page_have_no_axe_violations(
    browser_page, live_server, browser_login, axe_check, adviseur_heerenveen, heerenveen
):
    plan_monitoring_sync(municipality=heerenveen, **plan_sections("GM0074-ivp-2023-2026.yaml"))
    load_demo()
    page = browser_page
    browser_login(page, "adviseur-hv")
    page.goto(f"{live_server.url}/heerenveen/monitoring/")
    assert page.get_by_role("heading", level=1).inner_text() == "Monitoring Heerenveen"
    assert axe_check(page) == []
    page.get_by_role("link", name="Melding overlast jeugd").first.click()
    page.wait_for_load_state()
    assert page.get_by_role("img").count() == 2
    assert axe_check(page) == []
    page.get_by_role("link", name="Wijk 01 Heerenveen").click()
    page.wait_for_load_state()
    assert "Wijk 01 Heerenveen" in page.get_by_role("heading", level=1).inner_text()
    assert axe_check(page) == []
