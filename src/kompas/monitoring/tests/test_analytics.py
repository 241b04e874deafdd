# SPDX-License-Identifier: EUPL-1.2
"""The national DuckDB store: monthly rows become yearly sums; a bad row changes nothing and
the error names its line."""

import re

import pytest

from kompas.monitoring import codelists
from kompas.monitoring.analytics import AnalyticsLoadError, NationalStore

HEAD = "SoortMisdrijf,WijkenEnBuurten,Perioden,GeregistreerdeMisdrijven_1\n"


def rows(region, value=2, type_code="0.0.0", year=2024):
    return "".join(
        f'"{type_code.ljust(6)}","{region.ljust(10)}","{year}MM{m:02d}",{value}\n'
        for m in range(1, 13)
    )


@pytest.fixture
def store(tmp_path):
    store = NationalStore(tmp_path / "a.duckdb")
    good = tmp_path / "good.csv"
    good.write_text(HEAD + rows("GM0074"))
    store.load_client_csv(good)
    yield store
    store.close()


def series(store):
    return store.gemeente_comparison(gemeente="GM0074", type_code="0.0.0", year=2024)["series"]


def test_load_and_query(tmp_path):
    csv = tmp_path / "n.csv"
    csv.write_text(HEAD + rows("GM0074") + rows("GM0098", 1) + rows("BU00740101") + rows("NL00"))
    store = NationalStore(tmp_path / "a.duckdb")
    report = store.load_client_csv(csv)
    assert report.rows == 48
    result = store.gemeente_comparison(gemeente="GM0074", type_code="0.0.0", year=2024)
    assert result["series"] == [(2024, 24)]
    assert (result["rank"], result["of"]) == (1, 2)
    assert store.buurt_drilldown(gemeente="GM0074", type_code="0.0.0", year=2024)[0][:2] == (
        "BU00740101",
        24,
    )
    # NL00 of the police tables is stored as the CBS code NL01
    assert store.con.execute(
        "SELECT y.value FROM crime_year y JOIN regions r ON r.id = y.region WHERE r.code = 'NL01'"
    ).fetchall() == [(24,)]


def test_secret_values_are_null_and_yearly_values_prefer_months(tmp_path):
    csv = tmp_path / "n.csv"
    csv.write_text(
        HEAD
        + '"0.0.0 ","GM0074    ","2023JJ00",100\n'  # only a year: the yearly value
        + '"0.0.0 ","GM0074    ","2024JJ00",999\n'  # year and months: the sum of the months
        + '"0.0.0 ","GM0074    ","2024MM01",5\n'
        + '"0.0.0 ","GM0074    ","2024MM02",.\n'
        + '"0.0.0 ","GM0074    ","2024MM03",\n'
        + '"0.0.0 ","GM0074    ","2024MM04",NA\n'
        + '"0.0.0 ","GM0074    ","2025KW01",3\n'  # quarters only: their sum
        + '"0.0.0 ","GM0074    ","2025KW02",4\n'
        + '"2.2.1 ","GM0074    ","2024MM01",.\n'  # secret only: null
    )
    store = NationalStore(tmp_path / "a.duckdb")
    assert store.load_client_csv(csv).rows == 9
    assert series(store) == [(2023, 100), (2024, 5), (2025, 7)]
    assert store.gemeente_comparison(gemeente="GM0074", type_code="2.2.1", year=2024) == {
        "series": [(2024, None)],
        "rates": [],
        "rank": None,
        "of": 0,
    }


def test_other_columns_and_order_are_accepted(tmp_path):
    csv = tmp_path / "n.csv"
    lines = "".join(f"{i},2024MM{m:02d},7,GM0074,0.0.0\n" for i, m in enumerate(range(1, 13)))
    csv.write_text("ID,Perioden,GeregistreerdeMisdrijven_1,WijkenEnBuurten,SoortMisdrijf\n" + lines)
    store = NationalStore(tmp_path / "a.duckdb")
    store.load_client_csv(csv)
    assert series(store) == [(2024, 84)]


@pytest.mark.parametrize(
    ("bad_line", "expected"),
    [
        (
            '"0.0.0 ","GM9999    ","2024MM01",3\n',
            "regel 14, WijkenEnBuurten: onbekende regiocode GM9999",
        ),
        ('"0.0.0 ","GM0074    ","2024MM13",3\n', "regel 14, Perioden: onbekende periode 2024MM13"),
        ('"0.0.0 ","GM0074    ","2024",3\n', "regel 14, Perioden: onbekende periode 2024"),
        (
            '"9.9.9 ","GM0074    ","2023MM01",3\n',
            "regel 14, SoortMisdrijf: onbekende soort misdrijf 9.9.9",
        ),
        (
            '"0.0.0 ","GM0074    ","2023MM01",drie\n',
            "regel 14, GeregistreerdeMisdrijven_1: drie is geen geheel getal",
        ),
        (
            '"0.0.0 ","GM0074    ","2023MM01",3.5\n',
            "regel 14, GeregistreerdeMisdrijven_1: 3.5 is geen geheel getal",
        ),
        (
            '"0.0.0 ","GM0074    ","2024MM01",3\n',
            "regel 14, sleutel: dubbele rij 0.0.0 GM0074 2024MM01 (ook op regel 2)",
        ),
        (
            '"0.0.0 ","NL01      ","2024MM01",3\n"0.0.0 ","NL00      ","2024MM01",4\n',
            "regel 15, sleutel: dubbele rij 0.0.0 NL01 2024MM01 (ook op regel 14)",
        ),
        ('"0.0.0 ","GM0074    ","2023MM01"\n', "regel 14, regel: verwacht 4 kolommen, gevonden 3"),
        (
            '"0.0.0 ","GM0074    ","2023MM01",3,4\n',
            "regel 14, regel: verwacht 4 kolommen, gevonden 5",
        ),
    ],
)
def test_bad_row_names_the_line_and_changes_nothing(store, tmp_path, bad_line, expected):
    bad = tmp_path / "bad.csv"
    # the same gemeente with other values first, so a half-done load would show
    bad.write_text(HEAD + rows("GM0074", value=5) + bad_line + rows("GM0098", type_code="1.1.1"))
    with pytest.raises(AnalyticsLoadError) as caught:
        store.load_client_csv(bad)
    assert str(caught.value).startswith(expected)
    assert caught.value.problems[0][0] == int(expected.split()[1].rstrip(","))
    assert series(store) == [(2024, 24)]
    assert store.con.execute("SELECT count(*) FROM crime").fetchone()[0] == 12
    assert (
        store.gemeente_comparison(gemeente="GM0098", type_code="1.1.1", year=2024)["series"] == []
    )


def test_every_bad_line_is_named_in_file_order(store, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(
        HEAD
        + rows("GM0074")
        + '"0.0.0 ","GM0074    ","2021MM00",3\n'
        + '"0.0.0 ","WK999999  ","2021MM01",3\n'
        + '"0.9.9 ","BU00740101","2021MM01",3\n'
    )
    with pytest.raises(AnalyticsLoadError) as caught:
        store.load_client_csv(bad)
    assert [(line, field) for line, field, _msg in caught.value.problems] == [
        (14, "Perioden"),
        (15, "WijkenEnBuurten"),
        (16, "SoortMisdrijf"),
    ]
    assert series(store) == [(2024, 24)]


def test_first_load_that_fails_leaves_no_tables(tmp_path):
    store = NationalStore(tmp_path / "a.duckdb")
    bad = tmp_path / "bad.csv"
    bad.write_text(HEAD + rows("GM0074") + '"0.0.0 ","GM9999    ","2024MM01",3\n')
    with pytest.raises(AnalyticsLoadError):
        store.load_client_csv(bad)
    assert store.con.execute("SELECT count(*) FROM duckdb_tables()").fetchone()[0] == 0
    assert (
        store.con.execute("SELECT count(*) FROM duckdb_types() WHERE NOT internal").fetchone()[0]
        == 0
    )


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            "SoortMisdrijf;WijkenEnBuurten;Perioden;GeregistreerdeMisdrijven_1\n"
            '"0.0.0 ";"GM0074    ";"2024MM01";3\n',
            "regel 1, kop: kolommen SoortMisdrijf, WijkenEnBuurten, Perioden, "
            "GeregistreerdeMisdrijven_1 ontbreken (is het scheidingsteken een komma?)",
        ),
        (
            "SoortMisdrijf,WijkenEnBuurten,Perioden\n",
            "regel 1, kop: kolom GeregistreerdeMisdrijven_1 ontbreekt",
        ),
        (HEAD, "regel 2, bestand: geen gegevensregels"),
    ],
)
def test_bad_file_changes_nothing(store, tmp_path, content, expected):
    bad = tmp_path / "bad.csv"
    bad.write_text(content)
    with pytest.raises(AnalyticsLoadError, match=re.escape(expected)):
        store.load_client_csv(bad)
    assert series(store) == [(2024, 24)]


def test_line_numbers_hold_in_a_larger_file(store, tmp_path):
    """Tens of thousands of rows: the second read with line numbers follows the file."""
    bad = tmp_path / "big.csv"
    gemeenten = [g.code for g in codelists.gemeenten()[:20]]
    body = [
        f'"{t.ljust(6)}","{g.ljust(10)}","{y}MM{m:02d}",{(len(g) + m) % 7}\n'
        for t in ("0.0.0", "1.1.1", "1.2.1")
        for g in gemeenten
        for y in range(2012, 2026)
        for m in range(1, 13)
    ]
    body[9000] = body[9000].replace("MM", "XX")
    body[1234] = body[77]
    bad.write_text(HEAD + "".join(body))
    with pytest.raises(AnalyticsLoadError) as caught:
        store.load_client_csv(bad)
    assert caught.value.problems[0][:2] == (9002, "Perioden")
    body[9000] = body[9000].replace("XX", "MM")
    bad.write_text(HEAD + "".join(body))
    with pytest.raises(AnalyticsLoadError) as caught:
        store.load_client_csv(bad)
    assert caught.value.problems[0][:2] == (1236, "sleutel")
    assert "(ook op regel 79)" in caught.value.problems[0][2]
    assert series(store) == [(2024, 24)]
