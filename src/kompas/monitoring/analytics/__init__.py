# SPDX-License-Identifier: EUPL-1.2
"""The national analytics store: police figures for every region of the country by month
(about 150 million rows for 47022NED), in an embedded DuckDB file in the data directory.
Decided by measurement, see docs/adr/0001-analytics-store.md and benchmarks/monitoring/.

The Django database keeps what a gemeente works with (its own series, targets, imports);
this store holds the national table for comparisons against all gemeenten and drill-downs.

Layout. At load time the shipped code lists become DuckDB ENUM types: `crime_code` (crime
types), `region_code` (every region, ordered by level, gemeente, code, so a gemeente's wijken
or buurten are one contiguous range) and `period_code` (every CBS period code `YYYYJJ00`,
`YYYYKWnn`, `YYYYMMnn` of 1900-2099 in time order; index (year - 1900) * 17 + n with n = 0 for
JJ00, 1-4 for the quarters, 5-16 for the months). The tables store the ENUM index as a small
integer (a query compares integers; casting a string to an 18,000-value ENUM costs
milliseconds per query):
- `crime` (type, region, period, value): every row of the file, in file order. Not sorted:
  sorting 155 million rows took most of the load time, and the dashboard queries read
  `crime_year`; a monthly series scans this table (about 50 ms at national scale, 2 cores).
- `crime_year` (type, region, year, value): yearly values (the sum of the months if the file
  has months, else of the quarters, else the JJ00 value), sorted by (type, region, year), so
  DuckDB's zone maps skip everything but the asked type and region range.
- `crime_types` (id, code) and `regions` (id, code, level, gemeente, population).

Loading (`load_client_csv`) is one pass of DuckDB's own CSV reader: the codes are cast to the
ENUM types (an unknown code becomes NULL), the value is parsed as a number by the reader
(a row that does not parse is recorded with its line by `store_rejects`; a fraction stops the
load), and the rows are written as they come. Validation is set-based on the result: any
reject, any NULL code, and duplicate keys, found while building `crime_year` (per type,
region and year a bit mask of the periods seen; more rows than bits set means a period
occurs twice). Only when something
is wrong is the file read a second time with line numbers to name the lines. All of it runs
in one transaction: on any error nothing changes.

A package since issue 11 (`_common`: constants and types; `load`: the CSV load; `readers`:
the queries; `store`: NationalStore, load_national and national_reader); every public name
stays importable from `kompas.monitoring.analytics`."""

from ._common import (
    ATTACHED,
    FIRST_YEAR,
    LAST_YEAR,
    LEVEL_ORDER,
    LOADING_SUFFIX,
    MAX_PROBLEMS,
    NOT_AN_INTEGER,
    NULL_VALUES,
    PERIOD_COL,
    PHASE_READ,
    PHASE_SAVE,
    PHASE_YEARS,
    REGION_COL,
    REQUIRED_COLUMNS,
    RUN_GAP,
    STALE_LOAD_SECONDS,
    SUBPERIODS,
    TYPE_COL,
    VALUE_COL,
    AnalyticsLoadError,
    LoadReport,
    Progress,
    StoreInfo,
    default_path,
)
from .load import read_header
from .store import (
    NationalLoadBusy,
    NationalStore,
    _readers,
    load_lock,
    load_national,
    lock_path,
    national_reader,
)

__all__ = [
    "ATTACHED",
    "FIRST_YEAR",
    "LAST_YEAR",
    "LEVEL_ORDER",
    "LOADING_SUFFIX",
    "MAX_PROBLEMS",
    "NOT_AN_INTEGER",
    "NULL_VALUES",
    "PERIOD_COL",
    "PHASE_READ",
    "PHASE_SAVE",
    "PHASE_YEARS",
    "REGION_COL",
    "REQUIRED_COLUMNS",
    "RUN_GAP",
    "STALE_LOAD_SECONDS",
    "SUBPERIODS",
    "TYPE_COL",
    "VALUE_COL",
    "AnalyticsLoadError",
    "LoadReport",
    "NationalLoadBusy",
    "NationalStore",
    "Progress",
    "StoreInfo",
    "_readers",
    "default_path",
    "load_lock",
    "load_national",
    "lock_path",
    "national_reader",
    "read_header",
]
