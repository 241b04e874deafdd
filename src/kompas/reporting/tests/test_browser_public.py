# SPDX-License-Identifier: EUPL-1.2
"""Real browser, as the council member on a 390 px phone without JavaScript: the landing page
leads to the dashboard, the newest year's figure is on screen without scrolling sideways, and
both public pages have 0 axe-core violations."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def published(live_server):
    from kompas.core.demo import load_all
    from kompas.core.models import Municipality
    from kompas.reporting import services
    from kompas.reporting.constants import PublicElement

    load_all()
    heerenveen = Municipality.objects.get(code="GM0074")
    for element in PublicElement.values:
        services.publication_set(municipality=heerenveen, element=element, published=True)
    return heerenveen


def test_phone_390px_landing_page_to_dashboard_newest_year_visible(
    browser_page, live_server, axe_check, published
):
    page = browser_page
    page.context.clear_cookies()
    page.set_viewport_size({"width": 390, "height": 844})
    page.context.set_extra_http_headers({})

    page.goto(f"{live_server.url}/openbaar/")
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.get_by_role("link", name="Meldpunt Heerenveen").is_visible()
    assert axe_check(page) == []
    page.get_by_role("link", name="Dashboard veiligheid Heerenveen").click()
    page.wait_for_load_state()
    assert page.url.endswith("/heerenveen/dashboard/")
    assert page.locator("html").get_attribute("lang") == "nl"
    meldpunt = "Iets gezien? Meld het bij het meldpunt van Heerenveen"
    assert page.get_by_role("link", name=meldpunt).is_visible()
    # Nothing on the public pages needs JavaScript: there is none.
    assert page.locator("script").count() == 0

    table = page.locator("#cijfer-politie-overlast-e35 table.report-dashboard__years")
    newest = table.locator("tbody tr").first
    assert newest.locator("th").inner_text() == "2025"
    for cell in (newest.locator("th"), newest.locator("td").last):
        cell.scroll_into_view_if_needed()
        box = cell.bounding_box()
        assert box is not None
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390, box
    # The page itself does not scroll sideways on the phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert axe_check(page) == []
