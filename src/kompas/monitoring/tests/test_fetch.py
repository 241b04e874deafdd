# SPDX-License-Identifier: EUPL-1.2
"""`kompas data fetch politie` against recorded OData responses (no network)."""

import io
import urllib.parse

import pytest
from django.core.management import call_command

from kompas.monitoring import fetch
from kompas.monitoring.selectors import indicator_get, series

pytestmark = pytest.mark.django_db


def test_fetch_follows_next_link_and_imports_pages(reference_data, fixtures, monkeypatch):
    pages = [
        (fixtures / "odata" / "47024NED_GM0074_page1.json").read_bytes(),
        (fixtures / "odata" / "47024NED_GM0074_page2.json").read_bytes(),
    ]
    requested = []

    def fake_urlopen(url, timeout):
        requested.append(url)
        return io.BytesIO(pages[len(requested) - 1])

    monkeypatch.setattr(fetch, "urlopen", fake_urlopen)
    out = io.StringIO()
    call_command(
        "data",
        "fetch",
        "politie",
        "--table",
        "47024NED",
        "--gemeente",
        "GM0074",
        "--since",
        "2018",
        stdout=out,
    )
    assert len(requested) == 2
    first = urllib.parse.unquote(requested[0])
    assert first.startswith("https://dataderden.cbs.nl/ODataApi/OData/47024NED/TypedDataSet?")
    assert "WijkenEnBuurten eq 'GM0074    '" in first  # padded to 10
    assert "Perioden ge '2018'" in first
    assert "$skiptoken=6" in requested[1]
    assert "13 nieuw" in out.getvalue()
    e35 = indicator_get(code="politie-overlast:E35")
    assert series(indicator=e35, region_code="GM0074") == [
        {"period": "2024", "value": 270}
    ]  # 2 x (20+...+25); the secret buurt value stays out


def test_regios_dimension_is_padded_to_six():
    url = urllib.parse.unquote(fetch.build_url("47013NED", "GM0074"))
    assert "RegioS eq 'GM0074'" in url
