# SPDX-License-Identifier: EUPL-1.2
"""Constants, errors and small types shared by the load, the store and its readers."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

REQUIRED_COLUMNS = ("SoortMisdrijf", "WijkenEnBuurten", "Perioden", "GeregistreerdeMisdrijven_1")
TYPE_COL, REGION_COL, PERIOD_COL, VALUE_COL = REQUIRED_COLUMNS
NULL_VALUES = ("", ".", "NA")  # secret or unknown: stored as NULL
FIRST_YEAR, LAST_YEAR = 1900, 2099
SUBPERIODS = 17  # JJ00, KW01-KW04, MM01-MM12
MAX_PROBLEMS = 200
NOT_AN_INTEGER = "kompas: waarde is geen geheel getal"  # marker of the error() in the load
LEVEL_ORDER = {"NL": 0, "LD": 1, "PV": 2, "RE": 3, "GM": 4, "WK": 5, "BU": 6}
LOADING_SUFFIX = ".laden"  # a load's new file: .analytics.duckdb.<random>.laden
STALE_LOAD_SECONDS = 6 * 3600
ATTACHED = "national"  # the name a reader attaches the store file under
RUN_GAP = 64  # region ids further apart than this are fetched in separate range scans

# A load reports progress as (phase, percent or None); phases in Dutch, shown to the user.
Progress = Callable[[str, float | None], None]
PHASE_READ = "bestand lezen en controleren"
PHASE_YEARS = "jaartotalen berekenen"
PHASE_SAVE = "opslaan"


class AnalyticsLoadError(Exception):
    def __init__(self, problems: list[tuple[int, str, str]]):
        self.problems = problems
        super().__init__(
            "; ".join(f"regel {line}, {field}: {msg}" for line, field, msg in problems[:20])
        )


def default_path() -> Path:
    return Path(settings.DATA_DIR) / "analytics.duckdb"


@dataclass
class LoadReport:
    rows: int
    seconds: float


@dataclass(frozen=True)
class StoreInfo:
    """What a reader shows about the store: when it was loaded, from which file, how many
    rows (a store written before load_info existed: the file's time, no name)."""

    loaded_at: dt.datetime
    file_name: str
    rows: int | None


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
