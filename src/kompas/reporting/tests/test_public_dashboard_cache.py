# SPDX-License-Identifier: EUPL-1.2
"""The public dashboard's body is cached per gemeente and data version: a repeat visit costs
a few aggregate queries instead of the whole dashboard, and every change of what it shows
(an import, publishing, the plan, the gemeente's name) is visible on the very next request."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from kompas.core.models import Municipality
from kompas.core.services.beheer import branding_update
from kompas.monitoring.services import observation_upsert_many
from kompas.policy import planfile
from kompas.policy.selectors import plan_current
from kompas.policy.services import plan_document, plan_import
from kompas.reporting import dashboard, services
from kompas.reporting.constants import PublicElement
from kompas.reporting.periods import parse_period

URL = "/heerenveen/dashboard/"


def _publish_all(municipality):
    for element in PublicElement.values:
        services.publication_set(municipality=municipality, element=element, published=True)


def _get(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_a_second_visit_is_served_from_the_cache(client, demo_heerenveen):
    _publish_all(demo_heerenveen)
    first, first_queries = _get(client)
    second, second_queries = _get(client)
    assert second == first
    assert "Waar werken we aan?" in second
    # The version check is a handful of aggregates; the dashboard itself needs many more.
    assert second_queries <= 20 < first_queries


def test_publishing_and_unpublishing_show_at_once(client, demo_heerenveen):
    _publish_all(demo_heerenveen)
    assert "Waar werken we aan?" in _get(client)[0]
    services.publication_set(
        municipality=demo_heerenveen, element=PublicElement.PRIORITIES, published=False
    )
    assert "Waar werken we aan?" not in _get(client)[0]
    services.publication_set(
        municipality=demo_heerenveen, element=PublicElement.PRIORITIES, published=True
    )
    assert "Waar werken we aan?" in _get(client)[0]


def test_a_new_import_shows_at_once(client, demo_heerenveen):
    _publish_all(demo_heerenveen)
    assert "98.765" not in _get(client)[0]
    shown = dashboard.public_dashboard_data(municipality=demo_heerenveen)["indicators"]
    indicator = next(
        i for i in shown if i["unit"] == "aantal" and any(r["demo"] for r in i["rows"])
    )
    year = next(r["period"] for r in indicator["rows"] if r["demo"])
    observation_upsert_many(
        indicator_code=indicator["code"],
        rows=[("GM0074", f"{year}JJ00", 98765)],
        provenance="correctie",
    )
    assert "98.765" in _get(client)[0]


def test_a_sent_report_shows_at_once(client, demo_heerenveen):
    _publish_all(demo_heerenveen)
    before = _get(client)[0]
    report = services.report_create(
        municipality=demo_heerenveen, kind="digitaal", period=parse_period("2025")
    )
    services.report_send(report=report)
    after = _get(client)[0]
    assert f"/heerenveen/dashboard/rapportages/{report.pk}.pdf" not in before
    assert f"/heerenveen/dashboard/rapportages/{report.pk}.pdf" in after


def test_a_plan_change_shows_at_once(client, demo_heerenveen):
    _publish_all(demo_heerenveen)
    plan = plan_current(municipality=demo_heerenveen)
    assert plan.title in _get(client)[0]
    doc = plan_document(plan=plan)
    doc["title"] = "Veilig Heerenveen, herziene versie"
    assert plan_import(text=planfile.to_yaml(doc), name="herzien.yaml").changed
    assert "Het plan: Veilig Heerenveen, herziene versie." in _get(client)[0]


def test_a_new_name_shows_at_once(client, demo_heerenveen, adviseur_heerenveen):
    _publish_all(demo_heerenveen)
    _get(client)
    municipality = Municipality.objects.get(pk=demo_heerenveen.pk)
    branding_update(
        municipality=municipality,
        public_name="Gemeente It Hearrenfean",
        privacy_url="",
        by=adviseur_heerenveen,
    )
    # A copy: the demo's object is shared by the module's tests (its row is rolled back).
    municipality.refresh_from_db()
    municipality.name = "It Hearrenfean"
    municipality.save(update_fields=["name"])
    assert "Veiligheid in It Hearrenfean" in _get(client)[0]
