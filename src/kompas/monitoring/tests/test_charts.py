# SPDX-License-Identifier: EUPL-1.2
"""Chart specs are built once per set of figures (charts._memoised) and stay correct."""

from kompas.monitoring import charts


def _points(value):
    return [{"period": "2023", "value": 10.0}, {"period": "2024", "value": value}]


def test_spec_follows_the_figures_and_a_caller_cannot_change_the_next_one():
    first = charts.trend_spec(title="Inbraken", points=_points(12.0), unit_label="aantal")
    first["title"] = "aangepast door een pagina"
    first["layer"][0]["encoding"]["y"]["axis"] = {"format": ",d"}
    again = charts.trend_spec(title="Inbraken", points=_points(12.0), unit_label="aantal")
    assert again["title"] == "Inbraken"
    assert "axis" not in again["layer"][0]["encoding"]["y"]
    other = charts.trend_spec(title="Inbraken", points=_points(99.0), unit_label="aantal")
    assert 99.0 in [p["value"] for p in other["data"]["values"]]
