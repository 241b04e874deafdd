# SPDX-License-Identifier: EUPL-1.2
"""Demo data for monitoring: real open data where the shipped extracts cover a figure,
generated (realistic in shape, labelled as demo provenance) everywhere else.

The extracts in data/opendata/ (47013NED gemeente totals 2022-2024 of Fryslân, Noord-Nederland
and Nederland; 47018NED buurten 2023 of the four demo gemeenten; national yearly totals per
type) are imported through the product's own importers (`data_import`), as an upload would be:
those figures are real, CC BY 4.0, CBS / Politie. Generated: police figures for every other
gemeente and year, monthly nuisance registrations and the other buurt years of the four demo
gemeenten, and a few Veiligheidsmonitor percentages. Deterministic and idempotent. The product
never reads the full files in ../shared at demo time (see data/build_opendata.py)."""

import random
from pathlib import Path

import yaml

from kompas.core.models import Municipality

from . import codelists
from .constants import ImportFormat
from .importers import ParsedRow, ParseResult, parse_path
from .models import DataImport, Target
from .services import data_import, import_parsed, plan_monitoring_sync

DEMO_NAME = "Demodata monitoring (gegenereerd, geen echte cijfers)"
OPEN_DATA = Path(__file__).resolve().parent / "data" / "opendata"
# Imported in this order; where two files give the same figure the later one wins (the
# Nederland total of 47013NED over the sum of 47022NED).
OPEN_DATA_FILES = (
    "47022NED_nederland_misdrijven_per_jaar.csv",
    "47024NED_nederland_overlast_per_jaar.csv",
    "47013NED_totaal_misdrijven_2022_2023.csv",
    "47013NED_totaal_misdrijven_2024.csv",
    "47018NED_2023_buurten.csv",
)
OPEN_DATA_LABEL = "Open data CBS / Politie (CC BY 4.0): %s"
DEMO_GEMEENTEN = ("GM0074", "GM0085", "GM0086", "GM0098")
YEARS = range(2018, 2026)
# Yearly registrations per 1,000 inhabitants (roughly the national level) and the shape over
# the years (corona bump for nuisance, slow decline for burglary, rise of cybercrime).
CRIMES = {
    "0.0.0": (45.0, [1.0, 1.03, 1.02, 0.95, 1.0, 1.01, 1.0, 0.99]),
    "1.1.1": (1.6, [1.0, 0.95, 0.8, 0.7, 0.72, 0.7, 0.68, 0.66]),
    "1.3.1": (4.5, [1.0, 1.0, 0.85, 0.9, 0.95, 0.97, 0.98, 0.97]),
    "1.6.3": (0.05, [1.0, 1.1, 0.9, 1.0, 1.2, 1.1, 1.15, 1.2]),
    "2.4.1": (1.4, [1.0, 1.02, 1.15, 1.12, 1.05, 1.03, 1.0, 0.98]),
    "3.1.1": (0.35, [1.0, 1.05, 1.1, 1.0, 0.95, 1.0, 1.02, 0.98]),
    "3.7.4": (0.9, [1.0, 1.3, 1.6, 1.8, 1.9, 2.0, 2.1, 2.2]),
    "3.9.1": (0.3, [1.0, 1.05, 1.1, 1.15, 1.1, 1.12, 1.15, 1.2]),
    "3.9.2": (0.2, [1.0, 1.05, 1.1, 1.1, 1.05, 1.1, 1.12, 1.1]),
    "3.9.3": (0.25, [1.0, 1.1, 1.2, 1.2, 1.15, 1.2, 1.25, 1.3]),
}
NUISANCE = {
    "E33": (4.0, [0.85, 0.95, 1.1, 1.15, 1.0, 0.96, 0.92, 0.9]),
    "E35": (5.8, [1.0, 0.98, 1.45, 1.4, 1.22, 1.1, 1.05, 1.0]),
    "E38": (1.3, [1.0, 1.0, 1.2, 1.15, 1.05, 1.0, 0.98, 0.97]),
}
TOTAL = "politie-misdrijven:0.0.0"
SEASON = [0.8, 0.8, 0.9, 1.0, 1.1, 1.15, 1.2, 1.15, 1.0, 1.0, 0.95, 0.95]


def _rng(*parts) -> random.Random:
    return random.Random("|".join(str(p) for p in parts))


def _open_rows() -> list[ParsedRow]:
    """The rows of the open-data extracts, read by the product's own parsers."""
    return [r for name in OPEN_DATA_FILES for r in parse_path(OPEN_DATA / name).rows]


def _generated_rows() -> list[ParsedRow]:
    """The generated rows that no open-data extract covers: no (indicator, region, period) of
    an extract, and no wijk or buurt of a gemeente and period whose buurten an extract gives
    (the drill-down then sums the real buurten). A series an extract covers is generated only
    for the years before its newest real year, so its newest figure (the one the comparison
    and the drill-down show first) is real. Gemeenten with real totals get the generated years
    at their real level."""
    keys, real_totals = set(), {}
    newest: dict[tuple[str, str], int] = {}  # (indicator, region or "below:" gemeente)
    for r in _open_rows():
        keys.add((r.indicator_code, r.region_code, r.period))
        year = int(r.period[:4])
        series = _series_key(r.indicator_code, r.region_code)
        newest[series] = max(year, newest.get(series, year))
        if r.indicator_code == TOTAL and r.region_code.startswith("GM") and r.value:
            real_totals.setdefault(r.region_code, {})[year] = r.value

    def covered(r: ParsedRow) -> bool:
        if (r.indicator_code, r.region_code, r.period) in keys:
            return True
        last = newest.get(_series_key(r.indicator_code, r.region_code))
        return last is not None and int(r.period[:4]) >= last

    return [r for r in _rows(real_totals) if not covered(r)]


def _series_key(indicator_code: str, region_code: str) -> tuple[str, str]:
    """Wijken and buurten of a gemeente count as one series: an extract gives all of them."""
    if region_code.startswith(("WK", "BU")):
        return indicator_code, "below:" + codelists.municipality_of(region_code)
    return indicator_code, region_code


def _load_open_data() -> list[str]:
    """Import each extract once, through the product's import service (no user, no gemeente:
    a national open-data import as `kompas data import` makes it)."""
    done = []
    for name in OPEN_DATA_FILES:
        label = OPEN_DATA_LABEL % name
        if DataImport.objects.filter(file_name=label, is_demo=False).exists():
            continue
        report = data_import(path=OPEN_DATA / name, display_name=label)
        done.append(f"{name} ({report.inserted + report.updated})")
    return done


def _real_level(g, real: dict[int, float]) -> float:
    """The gemeente's level of total crime against the national rate, from its real totals:
    the generated years then continue the real series."""
    rate, shape = CRIMES["0.0.0"]
    expected = [rate * g.population / 1000 * shape[YEARS.index(y)] for y in real]
    return sum(real.values()) / sum(expected)


def _rows(real_totals: dict[str, dict[int, float]] | None = None) -> list[ParsedRow]:
    rows: list[ParsedRow] = []
    line = 0

    def add(code, region, period, value):
        nonlocal line
        line += 1
        rows.append(ParsedRow(line, code, region, period, value))

    gemeenten = codelists.gemeenten()
    national: dict[tuple[str, int], float] = {}
    for g in gemeenten:
        local = _rng("local", g.code).uniform(0.7, 1.25)
        real = (real_totals or {}).get(g.code)
        total_level = _real_level(g, real) if real else local
        for table, source in ((CRIMES, "politie-misdrijven"), (NUISANCE, "politie-overlast")):
            for key, (rate, shape) in table.items():
                code = f"{source}:{key}"
                for i, year in enumerate(YEARS):
                    r = _rng(code, g.code, year)
                    level = total_level if code == TOTAL else local
                    expected = rate * g.population / 1000 * shape[i] * level
                    value = max(0, round(expected * r.uniform(0.93, 1.07)))
                    national[(code, year)] = national.get((code, year), 0) + value
                    if source == "politie-overlast" and g.code in DEMO_GEMEENTEN:
                        weights = [SEASON[m] * r.uniform(0.85, 1.15) for m in range(12)]
                        total = sum(weights)
                        months = [round(value * w / total) for w in weights]
                        months[-1] += value - sum(months)
                        for m, v in enumerate(months, start=1):
                            add(code, g.code, f"{year}MM{m:02d}", max(0, v))
                    else:
                        add(code, g.code, f"{year}JJ00", value)
                    if key == "0.0.0" and g.code in DEMO_GEMEENTEN:
                        _buurten(add, code, g.code, year, value)
    for (code, year), value in national.items():
        add(code, "NL01", f"{year}JJ00", value)
    _safety_monitor(add)
    return rows


def _buurten(add, code, gemeente, year, total):
    """Buurt figures summing to about 97% of the gemeente: the rest has no known buurt."""
    buurten = [
        b for w in codelists.children(gemeente) for b in codelists.children(w.code) if b.population
    ]
    if not buurten:
        return
    weights = [b.population * _rng("buurt", b.code).uniform(0.5, 1.8) for b in buurten]
    centre = [i for i, b in enumerate(buurten) if b.name.casefold() == "centrum"]
    for i in centre:
        weights[i] *= 4  # town centres draw crime
    share = 0.97 * total / sum(weights)
    wijken: dict[str, int] = {}
    for b, w in zip(buurten, weights, strict=True):
        value = max(0, round(w * share * _rng(b.code, year).uniform(0.9, 1.1)))
        add(code, b.code, f"{year}JJ00", value)
        wijk = codelists.parent_codes(b.code)[0]
        wijken[wijk] = wijken.get(wijk, 0) + value
    # The police table has a row per wijk too (crimes located in that wijk's buurten).
    for wijk, value in wijken.items():
        add(code, wijk, f"{year}JJ00", value)


def _safety_monitor(add):
    """Veiligheidsmonitor (biennial, gemeente level only: no buurt figures)."""
    for gm in DEMO_GEMEENTEN:
        for year in (2019, 2021, 2023):
            r = _rng("vm", gm, year)
            add(
                "veiligheidsmonitor:onveilig-eigen-buurt",
                gm,
                f"{year}JJ00",
                round(r.uniform(12, 19), 1),
            )
    add("veiligheidsmonitor:onveilig-eigen-buurt", "NL01", "2023JJ00", 17.0)


def _ensure_plan_targets() -> str | None:
    """When the policy app has not (yet) materialised the plans' monitoring sections, do it
    from the plan files, so the demo targets evaluate either way."""
    plans = Path(__file__).resolve().parents[1] / "policy" / "plans"
    done = []
    for path in sorted(plans.glob("GM*.yaml")):
        plan = yaml.safe_load(path.read_text(encoding="utf-8"))
        municipality = Municipality.objects.filter(code=plan.get("gemeente")).first()
        if municipality is None or not (plan.get("indicators") or plan.get("targets")):
            continue
        if Target.objects.filter(
            municipality=municipality, plan_short_name=plan["short_name"]
        ).exists():
            continue
        plan_monitoring_sync(
            municipality=municipality,
            plan_short_name=plan["short_name"],
            indicators=plan.get("indicators") or [],
            targets=plan.get("targets") or [],
            observations=plan.get("observations") or [],
        )
        done.append(plan["short_name"])
    return ", ".join(done) or None


def load_demo() -> str | None:
    from .services import indicator_upsert

    indicator_upsert(
        code="veiligheidsmonitor:onveilig-eigen-buurt",
        name="Voelt zich wel eens onveilig in de eigen buurt",
        unit="procent",
        source="veiligheidsmonitor",
        definition=["Voelt zich wel eens onveilig in eigen buurt"],
        better="lower",
    ) if not _indicator_exists("veiligheidsmonitor:onveilig-eigen-buurt") else None
    plans = _ensure_plan_targets()
    notes = []
    if not DataImport.objects.filter(format=ImportFormat.DEMO, is_demo=True).exists():
        rows = _generated_rows()
        result = ParseResult(rows, ImportFormat.DEMO, "", len(rows))
        report = import_parsed(result=result, file_name=DEMO_NAME, is_demo=True)
        notes.append(f"{report.inserted} demowaarnemingen (gegenereerd)")
    real = _load_open_data()
    if real:
        notes.append("open data CBS / Politie: " + ", ".join(real))
    if not notes:
        return None
    note = "  monitoring: " + "; ".join(notes)
    if plans:
        note += f"; streefwaarden uit {plans}"
    return note


def _indicator_exists(code: str) -> bool:
    from .models import Indicator

    return Indicator.objects.filter(code=code).exists()
