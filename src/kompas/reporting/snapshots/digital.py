# SPDX-License-Identifier: EUPL-1.2
"""The jaarrapportage digitale criminaliteit: cybercrime figures per year beside the
comparison areas, victimisation, and the awareness activities of the year."""

from __future__ import annotations

from .. import sources
from ..constants import ReportKind
from ..periods import Period
from .common import _base, _sources

CYBER_CODES = [
    "politie-misdrijven:3.7.4",
    "politie-misdrijven:3.9.1",
    "politie-misdrijven:3.9.2",
    "politie-misdrijven:3.9.3",
]
VICTIM_CODES = [
    "veiligheidsmonitor:slachtoffer-online-criminaliteit",
    "veiligheidsmonitor:slachtoffer-traditionele-criminaliteit",
]
AWARENESS_KINDS = ["voorlichting"]
YEARS_BACK = 7


def build_digital(*, municipality, period: Period, title: str, texts: dict) -> dict:
    snap = _base(
        kind=ReportKind.DIGITAL,
        municipality=municipality,
        period=period,
        title=title,
        texts=texts,
    )
    region = municipality.code
    year = period.end.year
    snap["year"] = year
    catalogue = sources.indicator_catalogue(codes=CYBER_CODES)
    crime = []
    for i in catalogue:
        chart = sources.trend_chart(
            indicator_code=i["code"],
            region_code=region,
            year_from=year - YEARS_BACK,
            year_to=year,
        )
        if chart is not None:
            chart["points"] = [p for p in chart["points"] if int(p["period"][:4]) <= year]
        years = [int(p["period"][:4]) for p in (chart or {}).get("points", [])]
        per_year = {}
        for y in years:
            comp = sources.comparison(indicator_code=i["code"], municipality=municipality, year=y)
            if comp and comp["rows"]:
                per_year[y] = comp
        regions = []
        for y in years:
            for row in per_year.get(y, {}).get("rows", []):
                if row["label"] not in regions:
                    regions.append(row["label"])
        table = [
            {
                "region": label,
                "values": [
                    next(
                        (
                            r["value"]
                            for r in per_year.get(y, {}).get("rows", [])
                            if r["label"] == label
                        ),
                        None,
                    )
                    for y in years
                ],
            }
            for label in regions
        ]
        latest = per_year.get(max(years)) if years else None
        crime.append(
            {
                "code": i["code"],
                "name": i["name"],
                "chart": chart if chart and chart["points"] else None,
                "comparison": latest,
                "years": years,
                "rate_rows": table,
                # one sentence per source: the years may come from different ones
                "sources": sorted({c.get("source", "") for c in per_year.values()} - {""}),
            }
        )
    snap["crime"] = crime
    victims = []
    for i in sources.indicator_catalogue(codes=VICTIM_CODES):
        points = [
            p
            for p in sources.series(indicator_code=i["code"], region_code=region)
            if p.get("value") is not None and int(p["period"][:4]) <= year
        ]
        if points:
            victims.append({"code": i["code"], "name": i["name"], "points": points})
    snap["victimisation"] = victims
    activities = sources.events(
        municipality=municipality, kinds=AWARENESS_KINDS, start=period.start, end=period.end
    )
    snap["activities"] = activities
    _sources(snap, CYBER_CODES + VICTIM_CODES, municipality)
    return snap
