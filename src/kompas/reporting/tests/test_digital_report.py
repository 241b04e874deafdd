# SPDX-License-Identifier: EUPL-1.2
"""Jaarrapportage digitale criminaliteit: cybercrime and fraud over the years beside the
region and NL, online vs traditional victimisation (Veiligheidsmonitor 2021: 17% vs 11%), the
year's awareness activities from the register, and the focus for next year."""

from datetime import date

from kompas.policy.services import event_register
from kompas.reporting import services
from kompas.reporting.periods import parse_period


def test_digital_report_content(demo_heerenveen, pdf_text):
    event_register(
        kind="voorlichting",
        date=date(2025, 3, 12),
        title="Voorlichting phishing voor senioren in de bibliotheek",
        municipality=demo_heerenveen,
    )
    event_register(
        kind="voorlichting",
        date=date(2024, 3, 12),
        title="Voorlichting van vorig jaar",
        municipality=demo_heerenveen,
    )
    report = services.report_create(
        municipality=demo_heerenveen,
        kind="digitaal",
        period=parse_period("2025"),
        texts={"focus": "Volgend jaar: WhatsApp-fraude bij ouderen."},
    )
    snap = services.report_snapshot(report=report)
    names = [c["name"] for c in snap["crime"]]
    assert names[0] == "Cybercrime"
    assert len(names) == 4  # 3.7.4 and the three fraud types 3.9.1-3.9.3
    cyber = snap["crime"][0]
    assert cyber["years"][-1] == 2025
    regions = [r["region"] for r in cyber["rate_rows"]]
    assert regions[0] == "Heerenveen" and "Nederland" in regions and "Zuidoost Friesland" in regions
    victims = {v["name"]: v["points"] for v in snap["victimisation"]}
    assert victims["Slachtoffer van online criminaliteit"] == [{"period": "2021", "value": 17}]
    assert victims["Slachtoffer van traditionele criminaliteit"] == [
        {"period": "2021", "value": 11}
    ]
    assert [a["title"] for a in snap["activities"]] == [
        "Voorlichting phishing voor senioren in de bibliotheek"
    ]
    text = pdf_text(services.report_pdf(report=report))
    for expected in (
        "Cybercrime in Heerenveen",
        "17%",
        "11%",
        "Voorlichting phishing voor senioren",
        "WhatsApp-fraude bij ouderen",
    ):
        assert expected in text
    assert "Voorlichting van vorig jaar" not in text
    # the comparison says where its figures come from (nothing national is loaded here)
    assert cyber["sources"] == ["Bron: geïmporteerde cijfers in Veiligheidskompas."]
    assert "Bron: geïmporteerde cijfers in Veiligheidskompas." in text


def test_comparison_from_the_national_store_says_so(demo_heerenveen, tmp_path):
    """With `kompas data landelijk` loaded, the report's comparison of cybercrime (3.7.4) uses
    the national police table and names it, with its load date, in the frozen snapshot."""
    from django.core.management import call_command

    rows = "SoortMisdrijf,WijkenEnBuurten,Perioden,GeregistreerdeMisdrijven_1\n"
    for region, value in {"GM0074": 4321, "GM0098": 900, "GM0085": 800, "GM0086": 700}.items():
        rows += f'"3.7.4 ","{region.ljust(10)}","2025JJ00",{value}\n'
    path = tmp_path / "landelijk.csv"
    path.write_text(rows, encoding="utf-8")
    call_command("data", "landelijk", str(path))

    report = services.report_create(
        municipality=demo_heerenveen, kind="digitaal", period=parse_period("2025")
    )
    cyber = services.report_snapshot(report=report)["crime"][0]
    # 2025 from the store, the earlier years from the imported observations: both are named
    assert cyber["sources"][0] == "Bron: geïmporteerde cijfers in Veiligheidskompas."
    assert cyber["sources"][1].startswith("Bron: landelijke politietabel (geladen op ")
    assert cyber["comparison"]["source"] == cyber["sources"][1]
    own = next(r for r in cyber["comparison"]["rows"] if r["own"])
    assert own["count"] == 4321  # the store's figure, not the demo observation
