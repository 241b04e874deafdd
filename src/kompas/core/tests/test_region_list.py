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


def test_next_page_keeps_the_search(client, adviseur_heerenveen):
    """Page 2 of a search is page 2 of the same search (the link once dropped `q`)."""
    from kompas.core.models import Region

    wijk = Region.objects.create(
        code="WK007460",
        name="Testwijk",
        level="wijk",
        parent_id="GM0074",
        municipality_code="GM0074",
    )
    Region.objects.bulk_create(
        Region(
            code=f"BU007460{i:02d}",
            name=f"Testbuurt {i}",
            level="buurt",
            parent=wijk,
            municipality_code="GM0074",
        )
        for i in range(100)
    )
    client.force_login(adviseur_heerenveen)
    page = client.get("/heerenveen/regios/", {"q": "Test"}).content.decode()
    link = re.search(r'href="([^"]*)" rel="next"', page).group(1).replace("&amp;", "&")
    assert link == "?q=Test&pagina=2"
    second = client.get("/heerenveen/regios/" + link).content.decode()
    assert "Pagina 2 van 2" in second
    assert all(c.startswith("BU007460") for c in _codes(second))
