# SPDX-License-Identifier: EUPL-1.2
"""The wijken-en-buurten page: searchable by name or code, each wijk followed by its buurten."""

import re


def _codes(page: str) -> list[str]:
    return re.findall(r"<tr><td>((?:GM|WK|BU)\d+)</td>", page)


def test_regions_listed_wijk_then_its_buurten(client, adviseur_heerenveen):
    client.force_login(adviseur_heerenveen)
    codes = _codes(client.get("/heerenveen/regios/").content.decode())
    assert codes[:3] == ["GM0074", "WK007401", "BU00740100"]
    assert all(c.startswith(("GM0074", "WK0074", "BU0074")) for c in codes)


def test_region_search_by_name_or_code(client, adviseur_heerenveen):
    client.force_login(adviseur_heerenveen)
    assert _codes(client.get("/heerenveen/regios/", {"q": "centrum"}).content.decode()) == [
        "BU00740101"
    ]
    assert _codes(client.get("/heerenveen/regios/", {"q": "WK007401"}).content.decode()) == [
        "WK007401"
    ]
