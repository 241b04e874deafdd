# SPDX-License-Identifier: EUPL-1.2
"""The product's own code lists (derived once from the CBS/politie dimensions by
data/build_codelists.py): regions with names and population, crime types, nuisance codes,
and CBS period codes."""

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .constants import COUNTRY_CODE, Grain

DATA = Path(__file__).resolve().parent / "data"

PERIOD_RE = re.compile(r"^(\d{4})(JJ00|KW0[1-4]|MM(?:0[1-9]|1[0-2]))$")
REGION_RE = re.compile(r"^(NL0[01]|LD\d\d|PV\d\d|RE\d\d|GM\d{4}|WK\d{6}|BU\d{8})$")

# CBS size classes of gemeenten by population (inhabitants).
SIZE_CLASSES = [
    (0, 10_000, "minder dan 10.000 inwoners"),
    (10_000, 20_000, "10.000 tot 20.000 inwoners"),
    (20_000, 50_000, "20.000 tot 50.000 inwoners"),
    (50_000, 100_000, "50.000 tot 100.000 inwoners"),
    (100_000, 150_000, "100.000 tot 150.000 inwoners"),
    (150_000, 250_000, "150.000 tot 250.000 inwoners"),
    (250_000, 10**9, "250.000 inwoners of meer"),
]


@dataclass(frozen=True)
class RegionInfo:
    code: str
    name: str
    alt_name: str
    level: str
    municipality_code: str
    province: str
    police_unit: str
    population: int | None


@dataclass(frozen=True)
class Period:
    code: str
    year: int
    grain: str
    number: int

    @property
    def label(self) -> str:
        if self.grain == Grain.YEAR:
            return str(self.year)
        if self.grain == Grain.QUARTER:
            return f"{self.year}-K{self.number}"
        return f"{self.year}-{self.number:02d}"


def parse_period(code: str) -> Period:
    """`2023JJ00` -> year, `2023KW01` -> quarter 1, `2023MM01` -> month 1. ValueError else."""
    match = PERIOD_RE.match(code.strip())
    if not match:
        raise ValueError(code)
    year, rest = int(match.group(1)), match.group(2)
    if rest == "JJ00":
        return Period(match.group(0), year, Grain.YEAR, 0)
    grain = Grain.QUARTER if rest.startswith("KW") else Grain.MONTH
    return Period(match.group(0), year, grain, int(rest[2:]))


def normalise_region_code(code: str) -> str:
    code = code.strip()
    return COUNTRY_CODE if code in ("NL00", "NL01") else code


@lru_cache(maxsize=1)
def regions() -> dict[str, RegionInfo]:
    with open(DATA / "regions_nl.csv", encoding="utf-8") as fh:
        return {
            row["code"]: RegionInfo(
                code=row["code"],
                name=row["name"],
                alt_name=row["alt_name"],
                level=row["level"],
                municipality_code=row["municipality_code"],
                province=row["province"],
                police_unit=row["police_unit"],
                population=int(row["population"]) if row["population"] else None,
            )
            for row in csv.DictReader(fh)
        }


def region(code: str) -> RegionInfo | None:
    return regions().get(normalise_region_code(code))


def region_name(code: str) -> str:
    info = region(code)
    return info.name if info else code


def population(code: str) -> int | None:
    info = region(code)
    return info.population if info else None


def _norm(name: str) -> str:
    return " ".join(name.strip().casefold().split())


@lru_cache(maxsize=1)
def _names_above_wijk() -> dict[str, set[str]]:
    index: dict[str, set[str]] = {}
    for info in regions().values():
        if info.level in ("wijk", "buurt"):
            continue
        for name in {info.name, info.alt_name} - {""}:
            index.setdefault(_norm(name), set()).add(info.code)
    return index


def resolve_region_name(name: str) -> list[str]:
    """Codes whose StatLine name is `name` (land, landsdeel, provincie, politie-eenheid,
    gemeente). A label with a code in it, `Centrum (BU00740101)`, resolves to that code."""
    found = re.search(r"\b(NL0[01]|GM\d{4}|WK\d{6}|BU\d{8})\b", name)
    if found and normalise_region_code(found.group(1)) in regions():
        return [normalise_region_code(found.group(1))]
    return sorted(_names_above_wijk().get(_norm(name), set()))


def gemeenten() -> list[RegionInfo]:
    return list(_gemeenten())


@lru_cache(maxsize=1)
def _gemeenten() -> tuple[RegionInfo, ...]:
    return tuple(r for r in regions().values() if r.level == "gemeente" and r.population)


def size_class(population_count: int | None) -> tuple[int, int, str] | None:
    if not population_count:
        return None
    for low, high, label in SIZE_CLASSES:
        if low <= population_count < high:
            return low, high, label
    return None


def children(code: str) -> list[RegionInfo]:
    """Wijken of a gemeente, buurten of a wijk (by code structure)."""
    return list(_children_index().get(normalise_region_code(code), ()))


@lru_cache(maxsize=1)
def _children_index() -> dict[str, tuple[RegionInfo, ...]]:
    """Parent code -> its wijken or buurten in code order, built once (a drill-down asks for
    the children of every wijk of a gemeente; scanning all regions each time cost ms)."""
    index: dict[str, list[RegionInfo]] = {}
    for r in regions().values():
        if r.level == "wijk" and r.code.startswith("WK"):
            index.setdefault("GM" + r.code[2:6], []).append(r)
        elif r.level == "buurt" and r.code.startswith("BU"):
            index.setdefault("WK" + r.code[2:8], []).append(r)
    return {k: tuple(sorted(v, key=lambda r: r.code)) for k, v in index.items()}


def parent_codes(code: str) -> list[str]:
    """Buurt -> [wijk, gemeente]; wijk -> [gemeente]."""
    code = normalise_region_code(code)
    if code.startswith("BU"):
        return ["WK" + code[2:8], "GM" + code[2:6]]
    if code.startswith("WK"):
        return ["GM" + code[2:6]]
    return []


def municipality_of(code: str) -> str:
    code = normalise_region_code(code)
    if code[:2] in ("GM", "WK", "BU"):
        return "GM" + code[2:6]
    return ""


@lru_cache(maxsize=2)
def _types(file_name: str) -> dict[str, str]:
    with open(DATA / file_name, encoding="utf-8") as fh:
        return {row["code"]: row["name"] for row in csv.DictReader(fh)}


def crime_types() -> dict[str, str]:
    return _types("crime_types.csv")


def nuisance_types() -> dict[str, str]:
    return _types("nuisance_types.csv")


def type_names(source: str) -> dict[str, str]:
    return crime_types() if source == "politie-misdrijven" else nuisance_types()


def resolve_type_label(source: str, label: str) -> str | None:
    """`Totaal misdrijven` or `1.1.1 Diefstal/inbraak woning` -> code."""
    label = label.strip()
    names = type_names(source)
    if label in names:
        return label
    head = label.split(" ", 1)[0]
    if head in names:
        return head
    matches = [code for code, name in names.items() if _norm(name) == _norm(label)]
    return matches[0] if len(matches) == 1 else None
