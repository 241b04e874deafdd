# SPDX-License-Identifier: EUPL-1.2
"""The monitoring overview reads the figures of all the gemeente's indicators at once: its
query count does not grow with the number of indicators, and each indicator's latest figure
and demo mark are those of its own series and demo periods."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kompas.monitoring import codelists, selectors
from kompas.monitoring.demo import load_demo
from kompas.monitoring.models import Observation
from kompas.monitoring.services import observation_upsert_many, plan_monitoring_sync

from .conftest import plan_sections

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(heerenveen):
    plan_monitoring_sync(municipality=heerenveen, **plan_sections("GM0074-ivp-2023-2026.yaml"))
    load_demo()


def test_all_indicators_at_once_equal_one_by_one(heerenveen, demo):
    listed = list(selectors.indicators_for_municipality(municipality=heerenveen))
    assert len(listed) > 3
    figures = selectors.yearly_series_with_demo(indicators=listed, region_code="GM0074")
    assert any(demo for _points, demo in figures.values())  # the demo marks generated years
    for ind in listed:
        assert figures[ind.pk] == (
            selectors.series(indicator=ind, region_code="GM0074"),
            selectors.demo_periods(indicator=ind, region_code="GM0074"),
        ), ind.code


def _page_queries(client) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/heerenveen/monitoring/")
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_overview_queries_do_not_grow_with_the_indicators(client, adviseur_heerenveen, demo):
    client.force_login(adviseur_heerenveen)
    _page, before = _page_queries(client)
    shown = set(
        Observation.objects.filter(region_code="GM0074").values_list("indicator__code", flat=True)
    )
    new = [
        f"politie-misdrijven:{key}"
        for key in codelists.type_names("politie-misdrijven")
        if f"politie-misdrijven:{key}" not in shown
    ][:3]
    for code in new:
        observation_upsert_many(
            indicator_code=code, rows=[("GM0074", "2024JJ00", 7)], provenance="test"
        )
    page, after = _page_queries(client)
    for code in new:
        assert code in page or selectors.indicator_get(code=code).name in page
    assert after == before
