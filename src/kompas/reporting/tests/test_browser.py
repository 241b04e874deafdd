# SPDX-License-Identifier: EUPL-1.2
"""Real browser: the public dashboard (all elements published, demo data) and the staff
report pages have 0 axe-core violations and work without JavaScript."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_published(live_server):
    from kompas.core.demo import load_all
    from kompas.core.models import Municipality
    from kompas.reporting import services
    from kompas.reporting.constants import PublicElement
    from kompas.reporting.periods import parse_period

    load_all()
    heerenveen = Municipality.objects.get(code="GM0074")
    for element in PublicElement.values:
        services.publication_set(municipality=heerenveen, element=element, published=True)
    sent = services.report_send(
        report=services.report_create(
            municipality=heerenveen, kind="voortgang", period=parse_period("2025-T2")
        )
    )
    concept = services.report_create(
        municipality=heerenveen,
        kind="tussenevaluatie",
        period=parse_period("2023-01-01..2024-12-31"),
    )
    return {"sent": sent, "concept": concept}


def test_public_dashboard_and_report_pages_have_no_axe_violations(
    browser_page, live_server, axe_check, browser_login, demo_published
):
    page = browser_page
    page.context.set_extra_http_headers({})
    page.goto(f"{live_server.url}/heerenveen/dashboard/")
    assert page.get_by_role("heading", level=1).inner_text() == "Veiligheid in Heerenveen"
    assert page.get_by_role("heading", name="Waar werken we aan?").is_visible()
    assert page.get_by_role("heading", name="Belangrijke cijfers").is_visible()
    assert page.get_by_role("link", name=f"PDF van {demo_published['sent'].title}").is_visible()
    assert axe_check(page) == []

    browser_login(page, "adviseur-heerenveen", password="demo-adviseur-heerenveen")
    for path in (
        "/heerenveen/",  # start page with the Rapportages panel
        "/heerenveen/rapportages/",
        "/heerenveen/rapportages/nieuw/",
        "/heerenveen/rapportages/publicatie/",
        f"/heerenveen/rapportages/{demo_published['sent'].pk}/",
        f"/heerenveen/rapportages/{demo_published['concept'].pk}/",
        f"/heerenveen/rapportages/{demo_published['concept'].pk}/teksten/",
        f"/heerenveen/rapportages/{demo_published['concept'].pk}/verzenden/",
    ):
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, path
        assert axe_check(page) == [], path
    # A form error page too.
    page.goto(f"{live_server.url}/heerenveen/rapportages/nieuw/")
    page.get_by_label("Voortgangsrapportage").check()
    page.get_by_label("Periode").fill("2025-T9")
    page.get_by_role("button", name="Concept maken").click()
    expect(page.locator("body")).to_contain_text("is niet te lezen")
    assert axe_check(page) == []
