# SPDX-License-Identifier: EUPL-1.2
"""The national DuckDB store: monthly rows become yearly sums; a bad row changes nothing."""

import pytest

from kompas.monitoring.analytics import AnalyticsLoadError, NationalStore

HEAD = "SoortMisdrijf,WijkenEnBuurten,Perioden,GeregistreerdeMisdrijven_1\n"


def rows(region, value=2):
    return "".join(f'"0.0.0 ","{region.ljust(10)}","2024MM{m:02d}",{value}\n' for m in range(1, 13))


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


def test_bad_row_names_the_line_and_keeps_the_old_table(tmp_path):
    store = NationalStore(tmp_path / "a.duckdb")
    good = tmp_path / "good.csv"
    good.write_text(HEAD + rows("GM0074"))
    store.load_client_csv(good)
    bad = tmp_path / "bad.csv"
    bad.write_text(HEAD + rows("GM0074") + '"0.0.0 ","GM9999    ","2024MM01",3\n')
    with pytest.raises(
        AnalyticsLoadError, match="regel 14, WijkenEnBuurten: onbekende regiocode GM9999"
    ):
        store.load_client_csv(bad)
    dup = tmp_path / "dup.csv"
    dup.write_text(HEAD + rows("GM0074") + '"0.0.0 ","GM0074    ","2024MM01",3\n')
    with pytest.raises(AnalyticsLoadError, match="dubbele rij"):
        store.load_client_csv(dup)
    assert store.gemeente_comparison(gemeente="GM0074", type_code="0.0.0", year=2024)["series"] == [
        (2024, 24)
    ]
