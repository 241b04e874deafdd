# SPDX-License-Identifier: EUPL-1.2
"""Developer script: derive the product's own code lists from the real CBS/politie files.

    python src/kompas/monitoring/data/build_codelists.py ../shared/data/politie

Writes, next to this script:
- regions_nl.csv: every land/landsdeel/provincie/politie-eenheid/gemeente (RegioS) and every
  gemeente/wijk/buurt of 47018NED_WijkenEnBuurten (indeling 2024), with the population on
  1 January 2024 (CBS 85984NED per buurt, summed to wijk, gemeente and the country; provinces and
  police units where the member gemeenten are listed in NORTH below).
- crime_types.csv (47018NED_SoortMisdrijf) and nuisance_types.csv (47024NED overlast codes).

The product reads only these derived files at run time, never ../shared.
"""

import csv
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent

# Province and police unit of the gemeenten of politie-eenheid Noord-Nederland (RE01):
# Fryslân (PV21), Groningen (PV20), Drenthe (PV22), indeling 2024. Other gemeenten carry no
# province/unit in this list (comparisons with their unit are then not offered).
NORTH = {
    "PV21": "GM0059 GM0060 GM1891 GM1940 GM0072 GM0074 GM0080 GM1970 GM0085 GM0086 GM0088 "
    "GM0090 GM1900 GM0093 GM0737 GM0096 GM1949 GM0098",
    "PV20": "GM1979 GM0014 GM1966 GM1952 GM1895 GM0765 GM0037 GM0047 GM1969 GM1950",
    "PV22": "GM1680 GM0106 GM1681 GM0109 GM1690 GM0114 GM0118 GM0119 GM1731 GM1699 GM1730 GM1701",
}
LEVEL = {
    "NL": "land",
    "LD": "landsdeel",
    "PV": "provincie",
    "RE": "politie-eenheid",
    "GM": "gemeente",
    "WK": "wijk",
    "BU": "buurt",
}


def main(src: Path) -> None:
    population: dict[str, int] = defaultdict(int)
    with open(src / "cbs85984NED_bevolking_buurt_2024.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            code, pop = row["nhood_id"].strip(), row["population"].strip()
            if not pop or pop in (".", "NA"):
                continue
            n = int(float(pop))
            population[code] += n
            population["WK" + code[2:8]] += n
            population["GM" + code[2:6]] += n
            population["NL01"] += n
    province_of = {gm: pv for pv, gms in NORTH.items() for gm in gms.split()}
    for gm, pv in province_of.items():
        population[pv] += population.get(gm, 0)
        population["RE01"] += population.get(gm, 0)

    rows: dict[str, dict] = {}
    with open(src / "RegioS_codes.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            code = row["Key"].strip()
            rows[code] = {"code": code, "name": row["Title"].strip(), "level": LEVEL[code[:2]]}
    with open(src / "47018NED_WijkenEnBuurten.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            code = row["Key"].strip()
            if code.startswith("NL"):
                continue  # the country is NL01 (RegioS) in this product
            entry = rows.setdefault(code, {"code": code, "level": LEVEL[code[:2]]})
            if code.startswith("GM") and "name" in entry:
                # RegioS disambiguates ("Groningen (gemeente)"); keep the plain 2024 name too.
                entry["alt_name"] = (
                    row["Title"].strip() if row["Title"].strip() != entry["name"] else ""
                )
            else:
                entry["name"] = row["Title"].strip()
            entry["municipality_code"] = row["Municipality"].strip()
    out = []
    for code, entry in rows.items():
        gm = code if code.startswith("GM") else entry.get("municipality_code", "")
        out.append(
            {
                "code": code,
                "name": entry["name"],
                "alt_name": entry.get("alt_name", ""),
                "level": entry["level"],
                "municipality_code": gm,
                "province": province_of.get(code, "") if code.startswith("GM") else "",
                "police_unit": "RE01" if code in province_of else "",
                "population": population.get(code, ""),
            }
        )
    with open(HERE / "regions_nl.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(out[0]))
        writer.writeheader()
        writer.writerows(out)

    for name, target in (
        ("47018NED_SoortMisdrijf.csv", "crime_types.csv"),
        ("47024NED_Overlast_codes.csv", "nuisance_types.csv"),
    ):
        with (
            open(src / name, encoding="utf-8") as fh,
            open(HERE / target, "w", encoding="utf-8", newline="") as out_fh,
        ):
            writer = csv.writer(out_fh)
            writer.writerow(["code", "name"])
            for row in csv.DictReader(fh):
                code, title = row["Key"].strip(), row["Title"].strip()
                if title.startswith(code + " "):
                    title = title[len(code) + 1 :]
                writer.writerow([code, title])


if __name__ == "__main__":
    main(Path(sys.argv[1]))
