# SPDX-License-Identifier: EUPL-1.2
"""Developer script: cut the open-data extracts that `kompas demo` loads from the real
police/CBS files.

    python src/kompas/monitoring/data/build_opendata.py ../shared/data/politie

Writes into `opendata/` next to this script (see opendata/README.md), keeping only the rows of
the four demo gemeenten (Heerenveen GM0074, Ooststellingwerf GM0085, Opsterland GM0086,
Weststellingwerf GM0098), the other gemeenten of Fryslân (so the province, summed from its
gemeenten, is real too), the police unit Noord-Nederland and Nederland:

- 47013NED_totaal_misdrijven_2022_2023.csv, 47013NED_totaal_misdrijven_2024.csv: the StatLine
  CSV exports of 47013NED (total registered crimes per gemeente), lines kept verbatim (title and
  header lines, the selected region lines, the closing `Bron: Politie`), so the product's
  StatLine importer reads them as it reads a download;
- 47018NED_2023_buurten.csv: the buurt figures of 47018NED for 2023 (R client CSV), rows of
  the four gemeenten kept verbatim;
- 47022NED_nederland_misdrijven_per_jaar.csv, 47024NED_nederland_overlast_per_jaar.csv: the
  national yearly totals per crime type / nuisance code (from 47022NED/47024NED) for the types
  the demo shows, from 2018, rewritten in the column names of the OData/R client CSV
  (SoortMisdrijf or SoortOverlast, RegioS, Perioden, measure) so the client-CSV importer reads
  them. Values are copied unchanged.

Deterministic: the same inputs give byte-identical outputs. The product never reads ../shared.
"""

import csv
import io
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "opendata"
DEMO_GEMEENTEN = ("GM0074", "GM0085", "GM0086", "GM0098")
PROVINCE = "PV21"  # Fryslân
EXTRA_REGIONS = ("Nederland", "Noord-Nederland (RE)")
# The crime types and nuisance codes the demo shows (kompas.monitoring.demo CRIMES/NUISANCE).
CRIME_TYPES = ("0.0.0 1.1.1 1.3.1 1.6.3 2.4.1 3.1.1 3.7.4 3.9.1 3.9.2 3.9.3").split()
NUISANCE_TYPES = ("E33", "E35", "E38")
FIRST_YEAR = 2018


def _regions() -> list[dict]:
    with (HERE / "regions_nl.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def statline_names() -> set[str]:
    """StatLine region names to keep: the gemeenten of Fryslân, its police unit and NL."""
    names = {
        r["name"] for r in _regions() if r["level"] == "gemeente" and r["province"] == PROVINCE
    }
    return names | set(EXTRA_REGIONS)


def cut_statline(src: Path, dst: Path, names: set[str]) -> int:
    """Keep the title/header lines, the lines of `names` and the closing source line."""
    text = src.read_text(encoding="utf-8-sig")
    kept, rows, in_data = [], 0, False
    for line in text.splitlines(keepends=True):
        cells = next(csv.reader([line], delimiter=";"), [])
        first = cells[0].strip() if cells else ""
        if not in_data:
            kept.append(line)
            in_data = first.casefold() in ("regio's", "regios")
            continue
        if len(cells) == 1 and first.casefold().startswith("bron"):
            kept.append(line)
            break
        if first in names:
            kept.append(line)
            rows += 1
    dst.write_text("".join(kept), encoding="utf-8", newline="")
    return rows


def cut_buurten(src: Path, dst: Path) -> int:
    """Rows of 47018NED whose buurt lies in one of the demo gemeenten, kept verbatim."""
    prefixes = tuple(f"BU{g[2:]}" for g in DEMO_GEMEENTEN)
    text = src.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    header = next(csv.reader([lines[0]]))
    col = header.index("WijkenEnBuurten")
    kept = [lines[0]]
    for line in lines[1:]:
        cells = next(csv.reader([line]))
        if cells[col].strip().startswith(prefixes):
            kept.append(line)
    dst.write_text("".join(kept), encoding="utf-8", newline="")
    return len(kept) - 1


def _type_names(file_name: str) -> dict[str, str]:
    with (HERE / file_name).open(encoding="utf-8", newline="") as fh:
        return {r["name"].strip(): r["code"].strip() for r in csv.DictReader(fh)}


def national_yearly(
    src: Path,
    dst: Path,
    *,
    types: tuple[str, ...],
    names: dict[str, str],
    column: str,
    measure: str,
) -> int:
    """incident_type_code,year,incident_count -> {column},RegioS,Perioden,{measure} for NL01."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([column, "RegioS", "Perioden", measure])
    rows = []
    with src.open(encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh):
            label = " ".join(rec["incident_type_code"].split())
            code = names.get(label) or label.split(" ", 1)[0]
            if code not in types or int(rec["year"]) < FIRST_YEAR:
                continue
            rows.append((types.index(code), int(rec["year"]), code, rec["incident_count"]))
    for _i, year, code, count in sorted(rows):
        writer.writerow([code, "NL01", f"{year}JJ00", count])
    dst.write_text(out.getvalue(), encoding="utf-8", newline="")
    return len(rows)


def main(source: Path, out: Path = OUT) -> dict[str, int]:
    """Write the extracts into `out`; rows kept per file."""
    out.mkdir(exist_ok=True)
    names = statline_names()
    report = {
        "47013NED_totaal_misdrijven_2022_2023.csv": cut_statline(
            source / "statline_47013NED_gemeenten_2022_2023.csv",
            out / "47013NED_totaal_misdrijven_2022_2023.csv",
            names,
        ),
        "47013NED_totaal_misdrijven_2024.csv": cut_statline(
            source / "statline_47013NED_gemeenten_2024.csv",
            out / "47013NED_totaal_misdrijven_2024.csv",
            names,
        ),
        "47018NED_2023_buurten.csv": cut_buurten(
            source / "47018NED_2023_buurten_zo_friesland.csv", out / "47018NED_2023_buurten.csv"
        ),
        "47022NED_nederland_misdrijven_per_jaar.csv": national_yearly(
            source / "nl_misdrijven_per_soort_per_jaar.csv",
            out / "47022NED_nederland_misdrijven_per_jaar.csv",
            types=tuple(CRIME_TYPES),
            names={"Totaal misdrijven": "0.0.0"},
            column="SoortMisdrijf",
            measure="GeregistreerdeMisdrijven_1",
        ),
        "47024NED_nederland_overlast_per_jaar.csv": national_yearly(
            source / "nl_overlast_per_soort_per_jaar.csv",
            out / "47024NED_nederland_overlast_per_jaar.csv",
            types=NUISANCE_TYPES,
            names=_type_names("nuisance_types.csv"),
            column="SoortOverlast",
            measure="RegistratiesOverlast_1",
        ),
    }
    return report


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    for name, count in main(Path(sys.argv[1])).items():
        print(f"{name}: {count} rows, {(OUT / name).stat().st_size} bytes")
