# SPDX-License-Identifier: EUPL-1.2
"""Dashboard, indicator page (accessible SVG + table), upload with result page, tenancy."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from kompas.monitoring.demo import load_demo
from kompas.monitoring.models import Observation
from kompas.monitoring.services import plan_monitoring_sync

from .conftest import plan_sections

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(heerenveen):
    plan_monitoring_sync(municipality=heerenveen, **plan_sections("GM0074-ivp-2023-2026.yaml"))
    load_demo()


def test_dashboard_shows_targets_with_status_words_and_demo_label(
    client, adviseur_heerenveen, demo
):
    client.force_login(adviseur_heerenveen)
    page = client.get("/heerenveen/monitoring/").content.decode()
    assert "Monitoring Heerenveen" in page
    assert "gegenereerde demodata" in page
    assert "geen data" in page
    assert "Prioriteit 2" in page
    home = client.get("/heerenveen/").content.decode()
    assert "Doelen" in home and "Naar de monitoring" in home


def test_indicator_page_has_accessible_charts_comparison_and_drilldown(
    client, adviseur_heerenveen, demo
):
    client.force_login(adviseur_heerenveen)
    page = client.get("/heerenveen/monitoring/indicator/politie-overlast:E35/").content.decode()
    assert page.count('role="img"') == 2
    assert "<title id=" in page and "<desc id=" in page
    assert "Zuidoost Friesland" in page and "Fryslân (PV)" in page and "Nederland" in page
    assert "Noord-Nederland (RE)" in page and "Gemeenten met 50.000 tot 100.000 inwoners" in page
    assert "Wijk 01 Heerenveen" in page
    buurt = client.get(
        "/heerenveen/monitoring/indicator/politie-misdrijven:0.0.0/?regio=WK007401"
    ).content.decode()
    assert "Centrum" in buurt
    # the wijk has its own trend, like the police table's wijk rows (the sum of its buurten)
    assert "Er zijn geen cijfers" not in buurt and 'role="img"' in buurt
    months = client.get(
        "/heerenveen/monitoring/indicator/politie-overlast:E35/?korrel=month"
    ).content.decode()
    assert "2025-12" in months


def test_other_gemeente_and_foreign_drilldown_are_404(client, adviseur_heerenveen, demo):
    client.force_login(adviseur_heerenveen)
    assert client.get("/weststellingwerf/monitoring/").status_code == 404
    assert (
        client.get(
            "/heerenveen/monitoring/indicator/politie-overlast:E35/?regio=GM0098"
        ).status_code
        == 404
    )


def test_upload_shows_the_report_and_errors(
    client, adviseur_heerenveen, shared_data, heerenveen, django_capture_on_commit_callbacks
):
    """The upload becomes a background job (see test_import_jobs); its page shows the report."""
    client.force_login(adviseur_heerenveen)
    data = (shared_data / "statline_47013NED_gemeenten_2024.csv").read_bytes()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/heerenveen/monitoring/importeren/",
            {"file": SimpleUploadedFile("statline.csv", data), "format": ""},
        )
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Import van statline.csv gelukt" in page and "356" in page
    with django_capture_on_commit_callbacks(execute=True):
        bad = client.post(
            "/heerenveen/monitoring/importeren/",
            {
                "file": SimpleUploadedFile("bad.csv", data.replace(b"Heerenveen", b"Atlantis")),
                "format": "",
            },
        )
    assert bad.status_code == 302
    assert "onbekende regio &#x27;Atlantis&#x27;" in client.get(bad["Location"]).content.decode()
    no_file = client.post("/heerenveen/monitoring/importeren/", {"format": ""})
    assert no_file.status_code == 400 and "form-field--invalid" in no_file.content.decode()


def test_reader_cannot_upload(client, heerenveen, make_member):
    reader = make_member(heerenveen, "lezer")
    client.force_login(reader)
    assert client.get("/heerenveen/monitoring/").status_code == 200
    assert client.get("/heerenveen/monitoring/importeren/").status_code == 404
    assert Observation.objects.count() == 0
