# SPDX-License-Identifier: EUPL-1.2
"""The demo's monitoring shows the real police/CBS figures of the shipped open-data extracts,
imported through the product's own importers; only what no extract covers is generated, and
each generated figure stays marked. The extracts are reproducible from the full files."""

import csv
import importlib.util
import re
from pathlib import Path

import pytest
from django.db import transaction

from kompas.monitoring import demo as monitoring_demo
from kompas.monitoring.demo import OPEN_DATA, OPEN_DATA_FILES, load_demo
from kompas.monitoring.models import DataImport, Observation

pytestmark = pytest.mark.django_db

TOTAL = "politie-misdrijven:0.0.0"
ATTRIBUTION = "Bron: CBS / Politie, CC BY 4.0"


def _extract_totals(region_name: str) -> dict[int, int]:
    """{year: total registered crimes} of a region, read from the shipped 47013NED extracts."""
    out = {}
    for name in ("47013NED_totaal_misdrijven_2022_2023.csv", "47013NED_totaal_misdrijven_2024.csv"):
        lines = list(csv.reader((OPEN_DATA / name).open(encoding="utf-8"), delimiter=";"))
        years = next(cells[1:] for cells in lines if cells and cells[0] == "Perioden")
        values = next(cells[1:] for cells in lines if cells and cells[0] == region_name)
        out.update({int(y): int(v) for y, v in zip(years, values, strict=True)})
    return out


@pytest.fixture(scope="module")
def _loaded(django_db_setup, django_db_blocker):
    """The monitoring demo, loaded once for this module in a transaction rolled back after
    it (each test runs in a savepoint of it)."""
    from kompas.core.services import DATA, reference_data_load, regions_import

    with django_db_blocker.unblock():
        with transaction.atomic():
            reference_data_load()
            regions_import(DATA / "regions_zuidoost_friesland.csv")
            load_demo()
            yield
            transaction.set_rollback(True)


@pytest.fixture
def demo(_loaded, heerenveen):
    return heerenveen


def _figure(region, year):
    return Observation.objects.select_related("source_import").get(
        indicator__code=TOTAL, region_code=region, period=f"{year}JJ00"
    )


def test_heerenveen_shows_the_real_registered_crime_totals_2022_2024(demo):
    expected = _extract_totals("Heerenveen")
    assert sorted(expected) == [2022, 2023, 2024]
    # Checked by hand in ../shared/data/politie/statline_47013NED_gemeenten_2022_2023.csv,
    # line 126: "Heerenveen";"1691";"1707".
    assert expected[2023] == 1707
    for year, value in expected.items():
        obs = _figure("GM0074", year)
        assert obs.value == value
        assert not obs.source_import.is_demo
        assert "CBS / Politie" in obs.source_import.file_name
    # Nederland's total is 47013NED's too; the years before the real ones stay generated,
    # none after them (the newest figure of a real series is real).
    assert _figure("NL01", 2024).value == _extract_totals("Nederland")[2024]
    assert _figure("GM0074", 2021).source_import.is_demo
    assert not Observation.objects.filter(
        indicator__code=TOTAL, region_code="GM0074", period="2025JJ00"
    ).exists()
    # The 2023 buurten are the real ones; no generated wijk figure of 2023 competes with them.
    buurten = Observation.objects.filter(
        indicator__code=TOTAL, region_code__startswith="BU0074", period="2023JJ00"
    )
    assert buurten.get(region_code="BU00740101").value == 496  # Centrum, 47018NED
    assert not buurten.filter(source_import__is_demo=True).exists()
    assert not Observation.objects.filter(
        indicator__code=TOTAL, region_code__startswith="WK0074", period="2023JJ00"
    ).exists()


def test_loading_twice_imports_nothing_twice(demo):
    imports = DataImport.objects.count()
    assert load_demo() is None
    assert DataImport.objects.count() == imports
    real = DataImport.objects.filter(is_demo=False, file_name__contains="CBS / Politie")
    assert real.count() == len(OPEN_DATA_FILES)


def _row(page: str, header: str) -> str:
    """The table row whose header cell is `header`."""
    match = re.search(rf'<th scope="row">{re.escape(header)}</th>(.*?)</tr>', page)
    assert match, header
    return match.group(1)


def test_pages_mark_generated_figures_and_attribute_the_open_data(
    client, adviseur_heerenveen, demo
):
    client.force_login(adviseur_heerenveen)
    page = client.get(f"/heerenveen/monitoring/indicator/{TOTAL}/").content.decode()
    assert ATTRIBUTION in page
    assert "1.707" in _row(page, "2023") and "demodata" not in _row(page, "2023")
    assert "demodata" in _row(page, "2021")
    # The comparison shows 2024: Heerenveen's real figure, not marked; the size class sums
    # generated gemeenten and is marked.
    assert "Vergelijking 2024" in page
    assert "demodata" not in _row(page, "<strong>Heerenveen</strong>")
    assert "demodata" in _row(page, "Gemeenten met 50.000 tot 100.000 inwoners")
    dashboard = client.get("/heerenveen/monitoring/").content.decode()
    assert ATTRIBUTION in dashboard
    assert "gegenereerde demodata" in dashboard


def test_the_extracts_are_rebuilt_byte_for_byte_from_the_full_files(shared_data, tmp_path):
    path = Path(monitoring_demo.__file__).parent / "data" / "build_opendata.py"
    spec = importlib.util.spec_from_file_location("build_opendata", path)
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    builder.main(shared_data, tmp_path)
    for name in OPEN_DATA_FILES:
        assert (tmp_path / name).read_bytes() == (OPEN_DATA / name).read_bytes(), name
    assert sum((OPEN_DATA / n).stat().st_size for n in OPEN_DATA_FILES) < 100_000
