# SPDX-License-Identifier: EUPL-1.2
"""OData JSON (one response and a folder of pages), the R/Python client CSV, Excel."""

import json
import zipfile

import openpyxl
import pytest
from openpyxl import Workbook

from kompas.monitoring.importers import ParseError, parse_xlsx
from kompas.monitoring.models import Observation
from kompas.monitoring.selectors import indicator_get, series
from kompas.monitoring.services import MonitoringError, data_import, indicator_upsert

pytestmark = pytest.mark.django_db


def page(values, next_link=None):
    doc = {
        "odata.metadata": "https://dataderden.cbs.nl/ODataApi/OData/47022NED/$metadata#Cbs.OData.WebAPI.TypedDataSet",
        "value": values,
    }
    if next_link:
        doc["odata.nextLink"] = next_link
    return doc


def rec(i, region, period, value, code="0.0.0 "):
    return {
        "ID": i,
        "SoortMisdrijf": code,
        "WijkenEnBuurten": region.ljust(10),
        "Perioden": period,
        "GeregistreerdeMisdrijven_1": value,
    }


def test_odata_folder_of_monthly_pages_sums_to_years(reference_data, tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    months = [rec(i, "GM0074", f"2023MM{i:02d}", 100 + i) for i in range(1, 13)]
    (folder / "page-001.json").write_text(json.dumps(page(months[:6], "next")))
    (folder / "page-002.json").write_text(json.dumps(page(months[6:])))
    report = data_import(path=folder)
    assert report.inserted == 12
    ind = indicator_get(code="politie-misdrijven:0.0.0")
    assert series(indicator=ind, region_code="GM0074") == [{"period": "2023", "value": 1278}]
    quarters = series(indicator=ind, region_code="GM0074", grain="quarter")
    assert quarters[0] == {"period": "2023-K1", "value": 306}


def test_odata_unknown_code_names_page_and_row(reference_data, tmp_path):
    path = tmp_path / "one.json"
    path.write_text(
        json.dumps(page([rec(1, "GM0074", "2023MM01", 3), rec(2, "GM9999", "2023MM01", 3)]))
    )
    with pytest.raises(ParseError, match="one.json: regel 2.*GM9999"):
        data_import(path=path)
    assert Observation.objects.count() == 0


def test_client_csv_as_the_r_client_writes_it(reference_data, shared_data):
    report = data_import(path=shared_data / "47018NED_2023_buurten_zo_friesland.csv")
    assert (report.rows_read, report.inserted) == (204, 204)


def test_client_csv_non_numeric(reference_data, tmp_path):
    path = tmp_path / "r.csv"
    path.write_text(
        '"","SoortMisdrijf","WijkenEnBuurten","Perioden","GeregistreerdeMisdrijven_1"\n'
        '"1","0.0.0 ","BU00740101","2023JJ00",abc\n'
    )
    with pytest.raises(
        ParseError, match="regel 2, GeregistreerdeMisdrijven_1: 'abc' is geen getal"
    ):
        data_import(path=path)


def _xlsx(tmp_path, rows):
    wb = Workbook()
    ws = wb.active
    ws.append(["indicator", "regio", "periode", "waarde"])
    for row in rows:
        ws.append(row)
    path = tmp_path / "eigen.xlsx"
    wb.save(path)
    return path


def test_excel_own_registration(reference_data, tmp_path):
    indicator_upsert(
        code="eigen-registratie:ondermijningsdagen",
        name="Ondermijningsdagen",
        unit="aantal",
        source="eigen-registratie",
        definition=["dagen"],
        better="higher",
    )
    path = _xlsx(
        tmp_path,
        [
            ["eigen-registratie:ondermijningsdagen", "Heerenveen", 2024, 3],
            ["eigen-registratie:ondermijningsdagen", "GM0074", "2025KW01", 1],
        ],
    )
    report = data_import(path=path)
    assert report.inserted == 2
    again = data_import(path=path)
    assert (again.inserted, again.unchanged) == (0, 2)


def test_excel_unknown_indicator_and_bad_value(reference_data, tmp_path):
    path = _xlsx(tmp_path, [["eigen-registratie:bestaat-niet", "GM0074", 2024, 3]])
    with pytest.raises(MonitoringError, match="regel 2.*onbekende indicator"):
        data_import(path=path)
    path = _xlsx(tmp_path, [["eigen-registratie:x", "GM0074", 2024, "drie"]])
    with pytest.raises(ParseError, match="regel 2, waarde: 'drie' is geen getal"):
        data_import(path=path)
    assert Observation.objects.count() == 0


def _corrupt_sheet(path):
    """The same workbook with its sheet's XML cut in half after the header row."""
    broken = path.with_name("kapot.xlsx")
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(broken, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[: data.index(b"</row>") + len(b"</row>") + 20]
            zout.writestr(item, data)
    return broken


def _empty_sheet(tmp_path):
    path = tmp_path / "leeg.xlsx"
    Workbook().save(path)
    return path


def _missing_column(tmp_path):
    wb = Workbook()
    wb.active.append(["indicator", "regio", "periode"])
    path = tmp_path / "kolom.xlsx"
    wb.save(path)
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (_empty_sheet, "het werkblad is leeg"),
        (_missing_column, "kolom(men) ontbreken: waarde"),
        (
            lambda tmp_path: _corrupt_sheet(_xlsx(tmp_path, [["x", "GM0074", 2024, 1]] * 50)),
            "regel 2, bestand: geen leesbaar Excel-bestand",
        ),
        (lambda tmp_path: _xlsx(tmp_path, [["x", "GM0074", 2024, "drie"]]), "geen getal"),
    ],
    ids=["empty", "missing-column", "corrupt-sheet", "bad-value"],
)
def test_excel_workbook_is_closed_on_every_error(tmp_path, monkeypatch, make, message):
    path = make(tmp_path)
    opened = []
    real_load = openpyxl.load_workbook

    def recording_load(*args, **kwargs):
        opened.append(real_load(*args, **kwargs))
        return opened[-1]

    monkeypatch.setattr(openpyxl, "load_workbook", recording_load)
    with pytest.raises(ParseError) as exc:
        parse_xlsx(path)
    assert message in str(exc.value)
    assert len(opened) == 1
    assert opened[0]._archive.fp is None  # read-only mode holds the file open until close()
