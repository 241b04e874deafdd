# SPDX-License-Identifier: EUPL-1.2
"""A real browser: the plan, priority, action list and norms pages have 0 axe violations."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_policy_pages_have_no_axe_violations(
    browser_page, live_server, browser_login, axe_check, adviseur_heerenveen
):
    from kompas.core.services import reference_data_load
    from kompas.policy.demo import load_demo

    reference_data_load()
    load_demo()
    page = browser_page
    browser_login(page, "adviseur-hv")
    base = f"{live_server.url}/heerenveen/beleid"
    from kompas.policy.models import Action, Plan

    plan = Plan.objects.get(short_name="IVP 2023-2026")
    action = Action.objects.filter(plan=plan).first()
    pages = {
        f"{base}/": "Integraal Veiligheidsplan 2023-2026",
        f"{base}/plannen/{plan.pk}/prioriteiten/1/": "Prioriteit 1: Ondermijnende criminaliteit",
        f"{base}/acties/": "Acties — IVP 2023-2026",
        f"{base}/normen/?peildatum=2025-11-01": "Normen van Heerenveen",
        f"{base}/acties/{action.pk}/": action.title,
        f"{base}/register/": "Register van gebeurtenissen",
        f"{base}/plannen/{plan.pk}/versies/1/": "IVP 2023-2026, versie 1",
        f"{base}/plannen/{plan.pk}/versies/": "Versies van IVP 2023-2026",
        f"{base}/normen/voortgangsrapportages/": "Drie beknopte voortgangsrapportages per jaar",
        f"{base}/acties/nieuw/": "Actie toevoegen",
        f"{base}/register/nieuw/": "Gebeurtenis registreren",
    }
    for url, heading in pages.items():
        response = page.goto(url)
        assert response.status == 200, url
        assert page.get_by_role("heading", level=1).inner_text() == heading
        assert axe_check(page) == [], url
    # a form with errors stays accessible
    page.goto(f"{base}/register/nieuw/")
    page.get_by_role("button", name="Registreren").click()
    page.wait_for_load_state()
    assert page.locator(".error").count() >= 2
    assert axe_check(page) == []
