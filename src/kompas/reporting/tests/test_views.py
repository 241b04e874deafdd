# SPDX-License-Identifier: EUPL-1.2
"""Staff pages: adviseurs write, lezers read, other gemeenten get 404; sending asks for
confirmation; a sent report cannot be edited."""

import pytest

from kompas.reporting import services
from kompas.reporting.models import Report
from kompas.reporting.periods import parse_period

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(heerenveen):
    return services.report_create(
        municipality=heerenveen,
        kind="tussenevaluatie",
        period=parse_period("2023-01-01..2024-12-31"),
    )


def login(client, user):
    client.force_login(user)
    return client


def test_adviseur_creates_a_concept_and_sees_the_preview(client, adviseur_heerenveen):
    login(client, adviseur_heerenveen)
    response = client.get("/heerenveen/rapportages/")
    assert response.status_code == 200
    assert "Nieuwe rapportage" in response.content.decode()
    response = client.post(
        "/heerenveen/rapportages/nieuw/", {"kind": "voortgang", "periode": "2025-T2", "title": ""}
    )
    report = Report.objects.get()
    assert response.status_code == 302
    assert report.period_label == "2025-T2 (mei t/m augustus 2025)"
    page = client.get(f"/heerenveen/rapportages/{report.pk}/").content.decode()
    assert "Voortgangsrapportage 2025-T2" in page
    assert "Vaststellen en verzenden" in page
    assert "CONCEPT" in page


def test_bad_period_is_a_dutch_error_on_the_field(client, adviseur_heerenveen):
    login(client, adviseur_heerenveen)
    response = client.post(
        "/heerenveen/rapportages/nieuw/", {"kind": "voortgang", "periode": "2025-T7"}
    )
    assert response.status_code == 200
    assert "is niet te lezen" in response.content.decode()
    assert not Report.objects.exists()


def test_texts_edit_then_send_with_confirmation_then_frozen(client, adviseur_heerenveen, report):
    login(client, adviseur_heerenveen)
    base = f"/heerenveen/rapportages/{report.pk}"
    assert client.get(f"{base}/teksten/").status_code == 200
    client.post(
        f"{base}/teksten/",
        {"title": report.title, "summary": "Samenvatting", "adjustments": "Bijstellen"},
    )
    report.refresh_from_db()
    assert report.texts == {"summary": "Samenvatting", "adjustments": "Bijstellen"}
    confirm = client.get(f"{base}/verzenden/")
    assert "Ja, vaststellen en verzenden" in confirm.content.decode()
    report.refresh_from_db()
    assert not report.is_frozen  # a GET never sends
    client.post(f"{base}/verzenden/")
    report.refresh_from_db()
    assert report.is_frozen and report.sha256
    response = client.get(f"{base}/teksten/")
    assert response.status_code == 302
    client.post(f"{base}/teksten/", {"title": "Anders", "summary": "Anders"})
    report.refresh_from_db()
    assert report.texts["summary"] == "Samenvatting"
    pdf = client.get(f"{base}/pdf/")
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content == bytes(report.pdf)


def test_lezer_reads_but_does_not_write(client, heerenveen, make_member, report):
    login(client, make_member(heerenveen, "lezer"))
    base = f"/heerenveen/rapportages/{report.pk}"
    assert client.get("/heerenveen/rapportages/").status_code == 200
    page = client.get(f"{base}/").content.decode()
    assert "Vaststellen en verzenden" not in page
    assert client.get(f"{base}/pdf/").status_code == 200
    assert client.get("/heerenveen/rapportages/nieuw/").status_code == 404
    assert client.get(f"{base}/teksten/").status_code == 404
    assert client.post(f"{base}/verzenden/").status_code == 404
    assert client.get("/heerenveen/rapportages/publicatie/").status_code == 404
    report.refresh_from_db()
    assert not report.is_frozen


def test_other_gemeente_and_partner_get_404(
    client, weststellingwerf, heerenveen, make_member, report
):
    login(client, make_member(weststellingwerf, "adviseur"))
    assert client.get(f"/heerenveen/rapportages/{report.pk}/").status_code == 404
    assert client.get(f"/weststellingwerf/rapportages/{report.pk}/").status_code == 404
    client.logout()
    login(client, make_member(heerenveen, "partner", partner_code="politie"))
    assert client.get("/heerenveen/rapportages/").status_code == 404


def test_publication_settings_page(client, adviseur_heerenveen, heerenveen):
    login(client, adviseur_heerenveen)
    assert client.get("/heerenveen/rapportages/publicatie/").status_code == 200
    client.post("/heerenveen/rapportages/publicatie/", {"prioriteiten": "on"})
    from kompas.reporting.selectors import publication_settings

    assert publication_settings(municipality=heerenveen) == {
        "prioriteiten": True,
        "indicatoren": False,
        "rapportages": False,
    }


def test_nav_entry_and_start_page_panel(client, adviseur_heerenveen, report):
    login(client, adviseur_heerenveen)
    html = client.get("/heerenveen/").content.decode()
    assert 'href="/heerenveen/rapportages/"' in html
    assert "Nog geen rapportage verzonden." in html
    assert report.title in html


def test_new_report_for_a_period_with_an_open_concept_opens_that_concept(
    client, adviseur_heerenveen
):
    """Issue 17 item 4: "Nieuwe rapportage" twice for the same kind and period (a double
    click, a reload of the POST) leaves one concept; both answers open it."""
    login(client, adviseur_heerenveen)
    data = {"kind": "voortgang", "periode": "2025-T2", "title": ""}
    first = client.post("/heerenveen/rapportages/nieuw/", data)
    second = client.post("/heerenveen/rapportages/nieuw/", data)
    report = Report.objects.get()
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"] == f"/heerenveen/rapportages/{report.pk}/"
    page = client.get(second["Location"]).content.decode()
    assert "er is geen tweede gemaakt" in page
    # another kind or period still gets its own concept
    client.post("/heerenveen/rapportages/nieuw/", {**data, "periode": "2025-T3"})
    assert Report.objects.count() == 2


def test_new_report_after_the_concept_was_sent_starts_a_new_concept(
    client, adviseur_heerenveen, heerenveen
):
    sent = services.report_send(
        report=services.report_create(
            municipality=heerenveen, kind="voortgang", period=parse_period("2025-T2")
        )
    )
    login(client, adviseur_heerenveen)
    client.post("/heerenveen/rapportages/nieuw/", {"kind": "voortgang", "periode": "2025-T2"})
    new = Report.objects.exclude(pk=sent.pk).get()
    assert (new.status, new.version) == ("concept", 2)


def test_new_version_with_an_open_concept_opens_that_concept(
    client, adviseur_heerenveen, heerenveen
):
    sent = services.report_send(
        report=services.report_create(
            municipality=heerenveen, kind="voortgang", period=parse_period("2025-T2")
        )
    )
    login(client, adviseur_heerenveen)
    url = f"/heerenveen/rapportages/{sent.pk}/nieuwe-versie/"
    first, second = client.post(url), client.post(url)
    concept = Report.objects.get(status="concept")
    assert (concept.version, concept.previous_id) == (2, sent.pk)
    assert first["Location"] == second["Location"] == f"/heerenveen/rapportages/{concept.pk}/"
    assert "al een open concept" in client.get(second["Location"]).content.decode()
