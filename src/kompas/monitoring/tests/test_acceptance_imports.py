# SPDX-License-Identifier: EUPL-1.2
"""Acceptance: the real StatLine and 47018NED files, through the API and the gemeente page."""

import csv

import pytest
from rest_framework.test import APIClient

from kompas.monitoring import codelists
from kompas.monitoring.services import data_import

pytestmark = pytest.mark.django_db


def _names(path):
    with open(path, encoding="utf-8") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    return {r[0]: r[1:] for r in rows[6:-1]}


def test_statline_imports_give_every_gemeente_a_2022_2024_series(
    statline_imported, adviseur_heerenveen
):
    first = _names(statline_imported / "statline_47013NED_gemeenten_2022_2023.csv")
    second = _names(statline_imported / "statline_47013NED_gemeenten_2024.csv")
    client = APIClient()
    client.force_authenticate(adviseur_heerenveen)
    checked = 0
    for name, (v2022, v2023) in first.items():
        codes = codelists.resolve_region_name(name)
        assert len(codes) == 1, name
        if not codes[0].startswith("GM"):
            continue
        response = client.get(
            "/api/v1/series/",
            {"indicator": "politie-misdrijven:0.0.0", "region": codes[0], "gemeente": "GM0074"},
        )
        assert response.status_code == 200, name
        expected = [
            {"period": str(y), "value": None if v == "." else int(v)}
            for y, v in ((2022, v2022), (2023, v2023), (2024, second[name][0]))
        ]
        assert response.json()["points"] == expected, name
        checked += 1
    assert checked >= 340
    heerenveen = client.get(
        "/api/v1/series/", {"indicator": "politie-misdrijven:0.0.0", "region": "GM0074"}
    ).json()
    assert heerenveen["points"][1] == {"period": "2023", "value": 1707}


def test_importing_again_changes_nothing(statline_imported):
    report = data_import(path=statline_imported / "statline_47013NED_gemeenten_2024.csv")
    assert (report.inserted, report.updated, report.unchanged) == (0, 0, 356)


def test_buurt_values_and_the_gemeente_page_explains_the_difference(
    statline_imported, adviseur_heerenveen, client
):
    from kompas.monitoring.models import Observation

    centrum = Observation.objects.get(
        indicator__code="politie-misdrijven:0.0.0", region_code="BU00740101", period="2023JJ00"
    )
    assert centrum.value == 496
    client.force_login(adviseur_heerenveen)
    page = client.get("/heerenveen/monitoring/").content.decode()
    assert "1.700" in page and "1.707" in page  # sum of 31 buurten beside the 47013NED total
    assert "31 buurten" in page
    assert "zonder bekend adres" in page
    detail = client.get(
        "/heerenveen/monitoring/indicator/politie-misdrijven:0.0.0/"
    ).content.decode()
    assert "Som van de buurten" in detail
    drill = client.get(
        "/heerenveen/monitoring/indicator/politie-misdrijven:0.0.0/?regio=WK007401"
    ).content.decode()
    assert "Centrum" in drill and "496" in drill
