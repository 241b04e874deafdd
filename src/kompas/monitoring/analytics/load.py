# SPDX-License-Identifier: EUPL-1.2
# ruff: noqa: S608  (SQL text is built from this package's constants; the only outside strings,
# the file path and the CSV's column names, are quoted by _literal and _ident)
"""Loading a national client CSV into a store: one pass of DuckDB's CSV reader into ENUM-coded
tables, set-based checks, and on an error a second pass that names the lines (see the
package docstring)."""

import csv
import re
import threading
import time
from pathlib import Path

import duckdb

from .. import codelists
from ..constants import COUNTRY_CODE
from ._common import (
    FIRST_YEAR,
    LAST_YEAR,
    LEVEL_ORDER,
    MAX_PROBLEMS,
    NOT_AN_INTEGER,
    NULL_VALUES,
    PERIOD_COL,
    PHASE_READ,
    PHASE_SAVE,
    PHASE_YEARS,
    REGION_COL,
    REQUIRED_COLUMNS,
    SUBPERIODS,
    TYPE_COL,
    VALUE_COL,
    AnalyticsLoadError,
    LoadReport,
    Progress,
    _ident,
    _literal,
)


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


class _Loading:
    """NationalStore's load: the CSV into the `crime` and `crime_year` tables."""

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
