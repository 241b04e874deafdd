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


def test_upload_and_import_job_pages_have_no_axe_violations(
    browser_page, live_server, browser_login, axe_check, adviseur_heerenveen, shared_data
):
    from kompas.core import tasks
    from kompas.monitoring.constants import ImportJobStatus
    from kompas.monitoring.models import ImportJob

    page = browser_page
    browser_login(page, "adviseur-hv")
    page.goto(f"{live_server.url}/heerenveen/monitoring/importeren/")
    assert axe_check(page) == []
    page.get_by_label("Bestand").set_input_files(
        str(shared_data / "statline_47013NED_gemeenten_2024.csv")
    )
    page.get_by_role("button", name="Importeren").click()
    page.wait_for_load_state()
    # Tests run tasks at once, so the job page shows the finished import.
    assert "/monitoring/imports/" in page.url
    assert page.get_by_text("Import van statline_47013NED_gemeenten_2024.csv gelukt").is_visible()
    assert axe_check(page) == []

    # A running job: progress bar with a label, refreshed by the page's script.
    job = ImportJob.objects.create(
        municipality=adviseur_heerenveen.memberships.get().municipality,
        user=adviseur_heerenveen,
        file_name="groot.csv",
        status=ImportJobStatus.RUNNING,
    )
    tasks.state_put(job.progress_key, {"phase": "lezen", "rows": 1200, "percent": 40})
    page.goto(f"{live_server.url}/heerenveen/monitoring/imports/{job.pk}/")
    progress = page.get_by_role("progressbar", name="Voortgang")
    assert progress.get_attribute("value") == "40"
    assert page.get_by_role("link", name="Vernieuwen").is_visible()
    assert axe_check(page) == []
    ImportJob.objects.filter(pk=job.pk).update(
        status=ImportJobStatus.FAILED,
        problem_count=1,
        problems=[{"line": 7, "field": "regio", "message": "onbekende regio", "file": "groot.csv"}],
    )
    page.get_by_text("Er is 1 fout gevonden; er is niets geïmporteerd.").wait_for(timeout=10000)
    assert page.locator("#import-job-announce").inner_text() == "mislukt"
    assert page.get_by_role("link", name="Vernieuwen").count() == 0
    assert axe_check(page) == []

    # The national loads' outcomes, with their errors, in the same page.
    from kompas.monitoring.models import NationalLoad

    NationalLoad.objects.create(
        file_name="/srv/landelijk.csv", status=ImportJobStatus.DONE, rows=155, seconds=1.5
    )
    NationalLoad.objects.create(
        file_name="/srv/kapot.csv",
        background=True,
        status=ImportJobStatus.FAILED,
        message="1 fout(en); de landelijke tabel is niet gewijzigd.",
        problems=[[3, "WijkenEnBuurten", "onbekende regiocode GM9999"]],
        problem_count=1,
    )
    page.goto(f"{live_server.url}/heerenveen/monitoring/imports/")
    assert page.get_by_role("link", name="groot.csv").is_visible()
    table = page.get_by_role("table", name="Landelijke tabel: laatste ladingen")
    assert table.get_by_text("regel 3, WijkenEnBuurten: onbekende regiocode GM9999").is_visible()
    assert axe_check(page) == []
