# SPDX-License-Identifier: EUPL-1.2
# ruff: noqa: S608  (SQL text is built from this module's constants; the only outside strings,
# the file path and the CSV's column names, are quoted by _literal and _ident)
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
in one transaction: on any error nothing changes."""

import csv
import datetime as dt
import logging
import os
import re
import tempfile
import threading
import time
import weakref
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb
from django.conf import settings

from . import codelists
from .constants import COUNTRY_CODE

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

logger = logging.getLogger(__name__)


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


def read_header(csv_path: Path | str) -> list[str]:
    """The column names of the first line; AnalyticsLoadError (line 1) unless the four
    client-CSV columns are all there."""
    with open(csv_path, encoding="utf-8-sig", newline="") as fh:
        first = fh.readline()
    names = [name.strip() for name in next(csv.reader([first]), [])]
    missing = [c for c in REQUIRED_COLUMNS if c not in names]
    if missing:
        hint = " (is het scheidingsteken een komma?)" if ";" in first else ""
        what = (
            f"kolom {missing[0]} ontbreekt"
            if len(missing) == 1
            else (f"kolommen {', '.join(missing)} ontbreken")
        )
        raise AnalyticsLoadError([(1, "kop", f"{what}{hint}; gevonden: {first.strip()[:200]}")])
    doubles = sorted({n for n in names if names.count(n) > 1})
    if doubles:
        raise AnalyticsLoadError([(1, "kop", f"kolom {', '.join(doubles)} staat er dubbel in")])
    return names


class NationalStore:
    def __init__(self, path: Path | str | None = None, *, read_only: bool = False):
        """Read-write: the file itself (only a load writes, into a new file; see
        load_national). Read-only: the file attached to a private in-memory database, so a
        file swapped in under the same name is really opened (duckdb.connect() of the same
        path returns the process's cached instance of the old file while it is open)."""
        self.path = str(path or default_path())
        if read_only:
            self.con = duckdb.connect()
            try:
                self.con.execute(f"ATTACH {_literal(self.path)} AS {ATTACHED} (READ_ONLY)")
                self.con.execute(f"USE {ATTACHED}")
            except BaseException:
                self.con.close()
                raise
        else:
            self.con = duckdb.connect(self.path)
        self.read_only = read_only
        self._code_cache = None
        self._info = None
        self._release = None  # a view: tells its store that it is closed
        self._lock = threading.Lock()
        self._open_views = 0
        self._retired = False

    def close(self) -> None:
        self.con.close()
        if self._release is not None:
            self._release()  # once only (weakref.finalize), also when a view is just dropped

    def retire(self) -> None:
        """Close this store once its last open view is closed (at once when it has none):
        national_reader replaced it with a newer file, requests still reading keep going."""
        with self._lock:
            self._retired = True
            idle = self._open_views == 0
        if idle:
            self.con.close()

    def _view_closed(self) -> None:
        with self._lock:
            self._open_views -= 1
            idle = self._retired and self._open_views == 0
        if idle:
            self.con.close()

    def view(self) -> "NationalStore":
        """A handle for one request/thread: its own cursor on the same database, sharing the
        code lists already read (a DuckDB connection must not be used by two threads)."""
        self._codes()
        other = object.__new__(NationalStore)
        other.path, other.read_only, other._code_cache = self.path, True, self._code_cache
        other._info = getattr(self, "_info", None)
        other._open_views, other._retired, other._lock = 0, False, threading.Lock()
        other.con = self.con.cursor()
        if self.read_only:
            other.con.execute(f"USE {ATTACHED}")
        with self._lock:
            self._open_views += 1
        other._release = weakref.finalize(other, self._view_closed)
        return other

    def info(self) -> StoreInfo:
        """When and from which file the store was loaded (read once per store)."""
        if getattr(self, "_info", None) is None:
            self._info = self._read_info()
        return self._info

    def _read_info(self) -> StoreInfo:
        tables = {
            row[0]
            for row in self.con.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_catalog = "
                "current_database()"
            ).fetchall()
        }
        if "load_info" in tables:
            loaded_at, file_name, rows = self.con.execute(
                "SELECT loaded_at, file_name, rows FROM load_info"
            ).fetchone()
            return StoreInfo(dt.datetime.fromisoformat(loaded_at), file_name, rows)
        mtime = os.stat(self.path).st_mtime
        return StoreInfo(dt.datetime.fromtimestamp(mtime, tz=dt.UTC), "", None)

    # --- load ---------------------------------------------------------------------------------
    def load_client_csv(
        self, csv_path: Path | str, *, progress: Progress | None = None
    ) -> LoadReport:
        """Load a client-CSV (SoortMisdrijf, WijkenEnBuurten, Perioden,
        GeregistreerdeMisdrijven_1; other columns are ignored) of any size, one record per
        line. Every row is checked (known crime type, known region, period code, integer
        value, no duplicate key); on any error nothing changes and AnalyticsLoadError names
        the lines. `progress(phase, percent)` is called now and then (from another thread
        while DuckDB works)."""
        start = time.perf_counter()
        names = read_header(csv_path)
        reader = self._reader_sql(csv_path, names, typed=True)
        con = self.con
        if progress:  # query_progress() needs the progress bar on; DuckDB must not print it
            con.execute("SET enable_progress_bar = true")
            con.execute("SET enable_progress_bar_print = false")
        con.execute("BEGIN TRANSACTION")
        try:
            self._create_types()
            with _reporting(con, progress, PHASE_READ):
                rows = con.execute(
                    f"""
                CREATE TABLE crime AS
                SELECT enum_code(TRY_CAST(trim({_ident(TYPE_COL)}) AS crime_code)) AS type,
                       enum_code(TRY_CAST(CASE WHEN trim({_ident(REGION_COL)}) = 'NL00'
                                               THEN '{COUNTRY_CODE}'
                                               ELSE trim({_ident(REGION_COL)})
                                          END AS region_code)) AS region,
                       enum_code(TRY_CAST(trim({_ident(PERIOD_COL)}) AS period_code)) AS period,
                       CASE WHEN v IS NULL THEN NULL
                            WHEN v = round(v) AND abs(v) < 2147483648 THEN CAST(v AS INTEGER)
                            ELSE error('{NOT_AN_INTEGER}') END AS value
                  FROM (SELECT *, {_ident(VALUE_COL)} AS v FROM {reader})
                """
                ).fetchone()[0]
            problems = self._rejects(names)
            if not problems:
                bad_codes = con.execute(
                    "SELECT count(*) FROM crime "
                    "WHERE type IS NULL OR region IS NULL OR period IS NULL"
                ).fetchone()[0]
                if bad_codes:
                    problems = self._unknown_codes(csv_path, names)
            if not problems and not rows:
                problems = [(2, "bestand", "geen gegevensregels")]
            if not problems:
                with _reporting(con, progress, PHASE_YEARS):
                    con.execute(
                        f"""
                    CREATE TABLE crime_year AS
                    SELECT type, region, year,
                           CASE WHEN count(*) FILTER (n >= 5) > 0 THEN sum(value) FILTER (n >= 5)
                                WHEN count(*) FILTER (n BETWEEN 1 AND 4) > 0
                                THEN sum(value) FILTER (n BETWEEN 1 AND 4)
                                ELSE max(value) END AS value,
                           count(*) AS periods,
                           bit_count(bit_or(1::INTEGER << n)) AS distinct_periods
                      FROM (SELECT type, region, value,
                                   CAST(period // {SUBPERIODS} + {FIRST_YEAR} AS SMALLINT) AS year,
                                   CAST(period % {SUBPERIODS} AS INTEGER) AS n
                              FROM crime)
                     GROUP BY type, region, year
                     ORDER BY type, region, year
                    """
                    )
                duplicated = con.execute(
                    "SELECT count(*) FROM crime_year WHERE periods <> distinct_periods"
                ).fetchone()[0]
                if duplicated:
                    problems = self._duplicates(csv_path, names)
                else:
                    con.execute("ALTER TABLE crime_year DROP COLUMN periods")
                    con.execute("ALTER TABLE crime_year DROP COLUMN distinct_periods")
            if problems:
                raise AnalyticsLoadError(problems)
            if progress:
                progress(PHASE_SAVE, None)
            con.execute("COMMIT")
            self._code_cache = None
        except duckdb.Error as error:
            con.execute("ROLLBACK")
            if NOT_AN_INTEGER in str(error):  # a fraction or a number too large
                problems = self._bad_values(csv_path, names)
                if problems:
                    raise AnalyticsLoadError(problems) from error
            raise
        except Exception:
            con.execute("ROLLBACK")
            raise
        return LoadReport(rows, time.perf_counter() - start)

    @staticmethod
    def _reader_sql(csv_path: Path | str, names: list[str], *, typed: bool) -> str:
        """read_csv with explicit columns (no sniffing): all VARCHAR, except the value as
        DOUBLE when `typed` (rows that do not parse go to the `load_rejects` table; the load
        accepts only whole numbers)."""
        columns = ", ".join(
            f"{_literal(n)}: {_literal('DOUBLE' if typed and n == VALUE_COL else 'VARCHAR')}"
            for n in names
        )
        options = (
            f"header = true, auto_detect = false, delim = ',', quote = '\"', escape = '\"', "
            f"columns = {{{columns}}}, nullstr = [{', '.join(map(_literal, NULL_VALUES))}]"
        )
        if typed:
            options += (
                ", store_rejects = true, rejects_table = 'load_rejects', "
                "rejects_scan = 'load_reject_scans', rejects_limit = 1000"
            )
        return f"read_csv({_literal(str(csv_path))}, {options})"

    def _create_types(self) -> None:
        """(Re)create the ENUM types and the region table from the shipped code lists."""
        con = self.con
        for table in (
            "crime_year",
            "crime",
            "regions",
            "crime_types",
            "crime_month",
            "population",
        ):
            con.execute(f"DROP TABLE IF EXISTS {table}")
        for enum in ("crime_code", "region_code", "period_code"):
            con.execute(f"DROP TYPE IF EXISTS {enum}")
        crime_csv = _literal(str(codelists.DATA / "crime_types.csv"))
        con.execute(
            f"CREATE TYPE crime_code AS ENUM (SELECT code FROM read_csv({crime_csv}, "
            "header = true, all_varchar = true) ORDER BY code)"
        )
        con.execute(
            f"CREATE TABLE crime_types AS SELECT enum_code(CAST(code AS crime_code)) AS id, code "
            f"FROM read_csv({crime_csv}, header = true, all_varchar = true) ORDER BY id"
        )
        regions_csv = _literal(str(codelists.DATA / "regions_nl.csv"))
        level_case = " ".join(f"WHEN '{k}' THEN {v}" for k, v in LEVEL_ORDER.items())
        con.execute(
            f"""
            CREATE TEMP TABLE region_list AS
            SELECT code, substr(code, 1, 2) AS level,
                   CASE WHEN substr(code, 1, 2) IN ('GM', 'WK', 'BU')
                        THEN 'GM' || substr(code, 3, 4) ELSE '' END AS gemeente,
                   TRY_CAST(population AS INTEGER) AS population
              FROM read_csv({regions_csv}, header = true, all_varchar = true)
             ORDER BY CASE substr(code, 1, 2) {level_case} ELSE 9 END, gemeente, code
            """
        )
        con.execute("CREATE TYPE region_code AS ENUM (SELECT code FROM region_list)")
        con.execute(
            "CREATE TABLE regions AS SELECT enum_code(CAST(code AS region_code)) AS id, code, "
            "level, gemeente, population FROM region_list ORDER BY id"
        )
        con.execute("DROP TABLE region_list")
        con.execute(
            f"""
            CREATE TYPE period_code AS ENUM (
                SELECT CAST(y AS VARCHAR) || s
                  FROM range({FIRST_YEAR}, {LAST_YEAR + 1}) years(y),
                       (SELECT 'JJ00' AS s, 0 AS n
                        UNION ALL SELECT 'KW0' || q, q FROM range(1, 5) quarters(q)
                        UNION ALL SELECT 'MM' || lpad(CAST(m AS VARCHAR), 2, '0'), 4 + m
                                    FROM range(1, 13) months(m)) sub
                 ORDER BY y, n)
            """
        )

    # --- the error path: name the lines -------------------------------------------------------
    def _rejects(self, names: list[str]) -> list[tuple[int, str, str]]:
        rejects = self.con.execute(
            "SELECT line, column_idx, column_name, error_type, csv_line, error_message "
            "FROM load_rejects ORDER BY line, column_idx LIMIT ?",
            [MAX_PROBLEMS],
        ).fetchall()
        problems, seen_lines = [], set()
        for line, column_idx, column_name, error_type, csv_line, message in rejects:
            if error_type == "CAST":
                fields = next(csv.reader([csv_line or ""]), [])
                raw = fields[column_idx - 1] if 0 < column_idx <= len(fields) else ""
                problems.append((line, column_name, f"{raw.strip()} is geen geheel getal"))
            elif line not in seen_lines:
                found = re.search(r"Found: (\d+)", message or "")
                if error_type in ("MISSING COLUMNS", "TOO MANY COLUMNS") and found:
                    msg = f"verwacht {len(names)} kolommen, gevonden {found.group(1)}"
                else:
                    msg = f"regel kan niet gelezen worden ({error_type.lower()})"
                problems.append((line, "regel", msg))
            seen_lines.add(line)
        return problems

    def _numbered(self, csv_path: Path | str, names: list[str]) -> str:
        """The file again, all VARCHAR, with the line number of each row (header = line 1;
        one record per line). Only used when something is wrong."""
        reader = self._reader_sql(csv_path, names, typed=False)
        return f"""
            SELECT row_number() OVER () + 1 AS line,
                   trim({_ident(TYPE_COL)}) AS t,
                   CASE WHEN trim({_ident(REGION_COL)}) = 'NL00' THEN '{COUNTRY_CODE}'
                        ELSE trim({_ident(REGION_COL)}) END AS r,
                   trim({_ident(PERIOD_COL)}) AS p,
                   trim({_ident(VALUE_COL)}) AS v
              FROM {reader}
        """

    def _unknown_codes(self, csv_path, names) -> list[tuple[int, str, str]]:
        return self.con.execute(
            f"""
            WITH numbered AS ({self._numbered(csv_path, names)})
            SELECT line, '{TYPE_COL}', 'onbekende soort misdrijf ' || t FROM numbered
             WHERE TRY_CAST(t AS crime_code) IS NULL
            UNION ALL
            SELECT line, '{REGION_COL}', 'onbekende regiocode ' || r FROM numbered
             WHERE TRY_CAST(r AS region_code) IS NULL
            UNION ALL
            SELECT line, '{PERIOD_COL}', 'onbekende periode ' || p FROM numbered
             WHERE TRY_CAST(p AS period_code) IS NULL
            ORDER BY 1, 2 LIMIT {MAX_PROBLEMS}
            """
        ).fetchall()

    def _bad_values(self, csv_path, names) -> list[tuple[int, str, str]]:
        return self.con.execute(
            f"""
            WITH numbered AS ({self._numbered(csv_path, names)})
            SELECT line, '{VALUE_COL}', v || ' is geen geheel getal' FROM numbered
             WHERE v IS NOT NULL
               AND coalesce(NOT (TRY_CAST(v AS DOUBLE) = round(TRY_CAST(v AS DOUBLE))
                                 AND abs(TRY_CAST(v AS DOUBLE)) < 2147483648), true)
             ORDER BY line LIMIT {MAX_PROBLEMS}
            """
        ).fetchall()

    def _duplicates(self, csv_path, names) -> list[tuple[int, str, str]]:
        return self.con.execute(
            f"""
            WITH dup AS (
                SELECT type, region, year FROM crime_year
                 WHERE periods <> distinct_periods LIMIT {MAX_PROBLEMS}),
            numbered AS ({self._numbered(csv_path, names)}),
            candidates AS (
                SELECT line, t, r, p FROM numbered n SEMI JOIN dup d
                    ON enum_code(CAST(n.t AS crime_code)) = d.type
                   AND enum_code(CAST(n.r AS region_code)) = d.region
                   AND CAST(substr(n.p, 1, 4) AS SMALLINT) = d.year),
            keyed AS (
                SELECT line, t, r, p, min(line) OVER (PARTITION BY t, r, p) AS first_line
                  FROM candidates)
            SELECT line, 'sleutel',
                   'dubbele rij ' || t || ' ' || r || ' ' || p || ' (ook op regel '
                   || first_line || ')'
              FROM keyed WHERE line > first_line
             ORDER BY line LIMIT {MAX_PROBLEMS}
            """
        ).fetchall()

    # --- queries --------------------------------------------------------------------------------
    def yearly_values(
        self, *, type_codes: list[str], region_codes: list[str], year: int | None = None
    ) -> dict[str, dict[int, int | None]]:
        """{region: {year: value}} of the asked regions (every year, or one), the value summed
        over the asked crime types (NULL only when every type is NULL: secret or unknown).
        Regions and types the store does not know are left out; a region without rows is
        absent. The ids are fetched in range scans of nearby ids (a gemeente, its wijken, its
        buurten are each one range), so the zone maps of crime_year skip the rest."""
        types, region_ids, by_id = self._codes()
        type_ids = sorted({types[c] for c in type_codes if c in types})
        ids = sorted({region_ids[c] for c in region_codes if c in region_ids})
        out: dict[str, dict[int, int | None]] = defaultdict(dict)
        if not type_ids or not ids:
            return out
        wanted = set(ids)
        runs, first = [], ids[0]
        for prev, cur in zip(ids, ids[1:], strict=False):
            if cur - prev > RUN_GAP:
                runs.append((first, prev))
                first = cur
        runs.append((first, ids[-1]))
        marks = ", ".join("?" for _ in type_ids)
        year_sql = " AND year = ?" if year is not None else ""
        for low, high in runs:
            params = [*type_ids, low, high] + ([year] if year is not None else [])
            for region, yr, value in self.con.execute(
                f"SELECT region, year, sum(value) FROM crime_year WHERE type IN ({marks}) "
                f"AND region BETWEEN ? AND ?{year_sql} GROUP BY region, year",
                params,
            ).fetchall():
                if region in wanted:
                    out[by_id[region][0]][int(yr)] = None if value is None else int(value)
        return out

    def _codes(self) -> tuple[dict[str, int], dict[str, int], dict[int, tuple]]:
        """Type ids, region ids and the regions by id (code, level, gemeente, population),
        read once per store."""
        if self._code_cache is None:
            types = dict(self.con.execute("SELECT code, id FROM crime_types").fetchall())
            by_id = {
                row[0]: row[1:]
                for row in self.con.execute(
                    "SELECT id, code, level, gemeente, population FROM regions"
                ).fetchall()
            }
            self._code_cache = (types, {v[0]: k for k, v in by_id.items()}, by_id)
        return self._code_cache

    def _region_range(self, level: str, gemeente: str | None = None) -> tuple[int, int] | None:
        """First and last id of a level (of one gemeente): one contiguous range, which is what
        lets the zone maps of the sorted tables skip."""
        ids = [
            i
            for i, (_c, lvl, gm, _p) in self._codes()[2].items()
            if lvl == level and (gemeente is None or gm == gemeente)
        ]
        return (min(ids), max(ids)) if ids else None

    def gemeente_comparison(self, *, gemeente: str, type_code: str, year: int) -> dict:
        """The gemeente's yearly series plus its rate per 1,000 beside every gemeente's rate
        (rank and the national rate) for `year`."""
        types, region_ids, by_id = self._codes()
        type_id, region_id = types.get(type_code), region_ids.get(gemeente)
        if type_id is None or region_id is None:
            return {"series": [], "rates": [], "rank": None, "of": 0}
        own = self.con.execute(
            "SELECT year, value FROM crime_year WHERE type = ? AND region = ? ORDER BY year",
            [type_id, region_id],
        ).fetchall()
        first, last = self._region_range("GM")
        values = self.con.execute(
            "SELECT region, value FROM crime_year WHERE type = ? AND year = ? "
            "AND region BETWEEN ? AND ? AND value IS NOT NULL",
            [type_id, year, first, last],
        ).fetchall()
        rates = sorted(
            (
                (by_id[r][0], value * 1000.0 / by_id[r][3])
                for r, value in values
                if by_id[r][3]  # population known
            ),
            key=lambda item: -item[1],
        )
        rank = next((i for i, (code, _r) in enumerate(rates, start=1) if code == gemeente), None)
        return {"series": own, "rates": rates, "rank": rank, "of": len(rates)}

    def buurt_drilldown(self, *, gemeente: str, type_code: str, year: int) -> list[tuple]:
        """Every buurt of the gemeente: yearly value and rate per 1,000."""
        types, _region_ids, by_id = self._codes()
        span = self._region_range("BU", gemeente)
        if types.get(type_code) is None or span is None:
            return []
        values = self.con.execute(
            "SELECT region, value FROM crime_year WHERE type = ? AND year = ? "
            "AND region BETWEEN ? AND ? ORDER BY region",
            [types[type_code], year, *span],
        ).fetchall()
        return sorted(
            (
                by_id[r][0],
                value,
                value * 1000.0 / by_id[r][3] if value is not None and by_id[r][3] else None,
            )
            for r, value in values
        )


class _reporting:
    """While one long statement runs, report DuckDB's query progress from a helper thread
    (`progress(phase, percent)`, about twice a second); nothing without a callback."""

    def __init__(self, con, progress: Progress | None, phase: str):
        self.con, self.progress, self.phase = con, progress, phase
        self.done = threading.Event()
        self.thread = None

    def __enter__(self):
        if self.progress:
            self.progress(self.phase, None)
            self.thread = threading.Thread(target=self._poll, daemon=True)
            self.thread.start()
        return self

    def _poll(self) -> None:
        while not self.done.wait(0.5):
            try:
                percent = self.con.query_progress()
            except duckdb.Error:
                return
            if percent is not None and percent >= 0:
                self.progress(self.phase, min(percent, 100.0))

    def __exit__(self, *exc):
        self.done.set()
        if self.thread:
            self.thread.join()
        return False


def load_national(
    csv_path: Path | str, *, target: Path | str | None = None, progress: Progress | None = None
) -> LoadReport:
    """Load a national client CSV into a new file next to the store and swap it in with one
    atomic rename, only when the load succeeded. Readers never see a half-loaded or locked
    store: until the rename they read the previous file (or none), after it the new one (see
    national_reader). On any error the new file is removed, the previous store is untouched
    and AnalyticsLoadError names the lines. Two loads at once each build their own file; the
    last to finish wins."""
    target = Path(target or default_path())
    target.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_loads(target)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=LOADING_SUFFIX, dir=target.parent)
    os.close(fd)
    os.unlink(name)  # DuckDB creates the file itself (an empty file is not a database)
    new = Path(name)
    try:
        store = NationalStore(new)
        try:
            report = store.load_client_csv(csv_path, progress=progress)
            store.con.execute(
                "CREATE TABLE load_info AS SELECT ? AS loaded_at, ? AS file_name, "
                "CAST(? AS BIGINT) AS rows",
                [dt.datetime.now(dt.UTC).isoformat(), Path(csv_path).name, report.rows],
            )
            store.con.execute("CHECKPOINT")
        finally:
            store.close()
        # A WAL beside the old name (a writer that crashed before this way of loading) would
        # be replayed onto the new file: it must go first.
        Path(f"{target}.wal").unlink(missing_ok=True)
        os.replace(new, target)
        _fsync_dir(target.parent)
    except BaseException:
        new.unlink(missing_ok=True)
        Path(f"{new}.wal").unlink(missing_ok=True)
        raise
    return report


def _remove_stale_loads(target: Path) -> None:
    """Remove the new files of loads that died (killed process, power loss) and were not
    touched for STALE_LOAD_SECONDS; a running load writes its file continuously."""
    now = time.time()
    for path in target.parent.glob(f".{target.name}.*{LOADING_SUFFIX}*"):
        try:
            if now - path.stat().st_mtime > STALE_LOAD_SECONDS:
                path.unlink()
                logger.info("onvoltooide landelijke lading verwijderd: %s", path)
        except OSError:
            continue


def _fsync_dir(directory: Path) -> None:
    """Make the rename durable (the directory entry is on disk)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


_readers: dict[str, tuple[tuple[int, int, int], NationalStore]] = {}
_readers_lock = threading.Lock()


def national_reader(path: Path | str | None = None) -> NationalStore | None:
    """A read-only handle on the national store for this request, or None when there is no
        store (or it cannot be read: then the pages fall back to the Django database). The
        process keeps one read-only database per file and reopens it when the file under the name
        changed (inode, modification time, size): after a load swapped in a new file, the next
        request reads the new one; a request still running keeps reading the old one, which is
    closed when its last view is closed."""
    path = str(Path(path or default_path()))
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    key = (st.st_ino, st.st_mtime_ns, st.st_size)
    with _readers_lock:
        cached = _readers.get(path)
        if cached is None or cached[0] != key:
            if cached is not None:
                _readers.pop(path)[1].retire()
            base = None
            try:
                base = NationalStore(path, read_only=True)
                base._codes()
                base.info()
            except duckdb.Error as error:
                if base is not None:
                    base.close()
                logger.warning("landelijke tabel %s niet leesbaar: %s", path, error)
                return None
            cached = (key, base)
            _readers[path] = cached
        return cached[1].view()
