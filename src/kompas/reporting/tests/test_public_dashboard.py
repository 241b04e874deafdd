# SPDX-License-Identifier: EUPL-1.2
"""The public dashboard: no login, only what the gemeente publishes, only aggregates, and
never a query on the meldpunt's tables (signal content or personal data)."""

import inspect

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kompas.reporting import dashboard, services, sources
from kompas.reporting.constants import PublicElement
from kompas.reporting.periods import parse_period


def _publish(municipality, **elements):
    for element in PublicElement.values:
        services.publication_set(
            municipality=municipality, element=element, published=elements.get(element, False)
        )


@pytest.fixture
def sent_report(demo_heerenveen):
    report = services.report_create(
        municipality=demo_heerenveen, kind="digitaal", period=parse_period("2025")
    )
    return services.report_send(report=report)


def test_nothing_is_public_until_the_gemeente_publishes(client, demo_heerenveen, sent_report):
    _publish(demo_heerenveen)  # the demo publishes everything; switch it all off
    response = client.get("/heerenveen/dashboard/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "De gemeente heeft nog niets openbaar gemaakt." in html
    assert "Waar werken we aan?" not in html
    assert "Belangrijke cijfers" not in html
    assert client.get(f"/heerenveen/dashboard/rapportages/{sent_report.pk}.pdf").status_code == 404


def test_only_published_elements_are_shown(client, demo_heerenveen, sent_report):
    _publish(demo_heerenveen, rapportages=True)
    html = client.get("/heerenveen/dashboard/").content.decode()
    assert sent_report.title in html
    assert "Waar werken we aan?" not in html
    assert "Belangrijke cijfers" not in html
    pdf = client.get(f"/heerenveen/dashboard/rapportages/{sent_report.pk}.pdf")
    assert pdf.status_code == 200
    assert b"".join(pdf.streaming_content if pdf.streaming else [pdf.content]) == bytes(
        sent_report.pdf
    )

    _publish(demo_heerenveen, prioriteiten=True, indicatoren=True)
    html = client.get("/heerenveen/dashboard/").content.decode()
    assert sent_report.title not in html
    assert "Waar werken we aan?" in html
    for title in ("Ondermijnende criminaliteit", "Digitale veiligheid"):
        assert title in html
    assert "Belangrijke cijfers" in html
    assert "<svg" in html


def test_a_concept_is_never_public(client, demo_heerenveen):
    _publish(demo_heerenveen, rapportages=True)
    concept = services.report_create(
        municipality=demo_heerenveen, kind="voortgang", period=parse_period("2025-T2")
    )
    assert concept.title not in client.get("/heerenveen/dashboard/").content.decode()
    assert client.get(f"/heerenveen/dashboard/rapportages/{concept.pk}.pdf").status_code == 404


def test_dashboard_never_queries_the_meldpunt(client, demo_heerenveen, sent_report):
    # The demo has signals for Heerenveen; the dashboard must not touch them at all.
    assert (
        sources.signal_statistics(
            municipality=demo_heerenveen,
            start=parse_period("2020").start,
            end=parse_period("2030").end,
        )["total"]
        > 0
    )
    _publish(demo_heerenveen, prioriteiten=True, indicatoren=True, rapportages=True)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/heerenveen/dashboard/")
    assert response.status_code == 200
    touched = [q["sql"] for q in ctx.captured_queries if "signals_" in q["sql"].lower()]
    assert touched == []
    # And by construction: the dashboard's sources are aggregate-only functions.
    assert sources.signal_statistics not in dashboard.PUBLIC_SOURCES
    assert "kompas.signals" not in inspect.getsource(dashboard)


def test_unknown_gemeente_is_404(client, db):
    assert client.get("/bestaat-niet/dashboard/").status_code == 404


def test_real_open_data_is_attributed_and_generated_years_are_marked(client, demo_heerenveen):
    """The demo's crime totals of 2022-2024 are 47013NED's (open data, attributed); the
    other years are generated and say so in the table."""
    _publish(demo_heerenveen, prioriteiten=True, indicatoren=True)
    html = client.get("/heerenveen/dashboard/").content.decode()
    assert "Bron: CBS / Politie, CC BY 4.0" in html
    data = dashboard.public_dashboard_data(municipality=demo_heerenveen)
    rows = [r for i in data["indicators"] for r in i["rows"]]
    assert rows and any(r["demo"] for r in rows)
    totals = sources.series(indicator_code="politie-misdrijven:0.0.0", region_code="GM0074")
    assert {"period": "2023", "value": 1707} in totals
