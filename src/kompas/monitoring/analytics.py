# SPDX-License-Identifier: EUPL-1.2
"""The national analytics store: police figures for every region of the country by month
(about 150 million rows for 47022NED), in an embedded DuckDB file in the data directory.
Decided by measurement, see docs/adr/0001-analytics-store.md and benchmarks/monitoring/.

The Django database keeps what a gemeente works with (its own series, targets, imports);
this store holds the national table for comparisons against all gemeenten and drill-downs.

Layout: one table `crime_month` (type, region, gemeente, level, year, month, value), loaded
sorted by (type, gemeente, region, year) so DuckDB's zone maps skip everything but the asked
type and gemeente, plus `crime_year`, the yearly sums (yearly values of monthly data are sums)
materialised at load time. Loads are atomic (one transaction, swap on success)."""

from dataclasses import dataclass
from pathlib import Path

import duckdb
from django.conf import settings

from . import codelists


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


class NationalStore:
    def __init__(self, path: Path | str | None = None, *, read_only: bool = False):
        self.path = str(path or default_path())
        self.con = duckdb.connect(self.path, read_only=read_only)

    def close(self) -> None:
        self.con.close()

    # --- load ---------------------------------------------------------------------------------
    def load_client_csv(self, csv_path: Path | str) -> LoadReport:
        """Load a client-CSV (SoortMisdrijf, WijkenEnBuurten, Perioden,
        GeregistreerdeMisdrijven_1) of any size. Every row is checked (known region, known
        period code, numeric value, no duplicate key); on any error nothing changes."""
        import time

        start = time.perf_counter()
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(
                """
                CREATE OR REPLACE TEMP TABLE staging AS
                SELECT row_number() OVER () + 1 AS line,
                       trim(SoortMisdrijf) AS type,
                       replace(trim(WijkenEnBuurten), 'NL00', 'NL01') AS region,
                       Perioden AS period,
                       GeregistreerdeMisdrijven_1 AS raw
                FROM read_csv(?, header = true, all_varchar = true)
                """,
                [str(csv_path)],
            )
            self._register_regions()
            problems = con.execute(
                """
                SELECT line, 'WijkenEnBuurten', 'onbekende regiocode ' || region
                  FROM staging s ANTI JOIN regions r ON s.region = r.code
                UNION ALL
                SELECT line, 'Perioden', 'onbekende periode ' || period FROM staging
                 WHERE NOT regexp_full_match(period, '\\d{4}(JJ00|MM(0[1-9]|1[0-2])|KW0[1-4])')
                UNION ALL
                SELECT line, 'GeregistreerdeMisdrijven_1', raw || ' is geen getal' FROM staging
                 WHERE raw IS NOT NULL AND raw NOT IN ('', '.', 'NA')
                   AND TRY_CAST(raw AS INTEGER) IS NULL
                ORDER BY 1 LIMIT 200
                """
            ).fetchall()
            if not problems:
                problems = con.execute(
                    """
                    SELECT max(line), 'sleutel', 'dubbele rij ' || type || ' ' || region || ' '
                           || period
                      FROM staging GROUP BY type, region, period HAVING count(*) > 1
                     ORDER BY 1 LIMIT 200
                    """
                ).fetchall()
            if problems:
                raise AnalyticsLoadError(problems)
            con.execute(
                """
                CREATE OR REPLACE TABLE crime_month AS
                SELECT type,
                       region,
                       CASE WHEN region LIKE 'NL%' THEN '' ELSE 'GM' || substr(region, 3, 4)
                       END AS gemeente,
                       substr(region, 1, 2) AS level,
                       CAST(substr(period, 1, 4) AS SMALLINT) AS year,
                       CAST(substr(period, 7, 2) AS TINYINT) AS month,
                       TRY_CAST(raw AS INTEGER) AS value
                  FROM staging
                 WHERE substr(period, 5, 2) = 'MM'
                 ORDER BY type, gemeente, region, year, month
                """
            )
            con.execute(
                """
                CREATE OR REPLACE TABLE crime_year AS
                SELECT type, region, gemeente, level, year, sum(value) AS value
                  FROM crime_month GROUP BY ALL
                 ORDER BY type, level, gemeente, region, year
                """
            )
            rows = con.execute("SELECT count(*) FROM staging").fetchone()[0]
            con.execute("DROP TABLE staging")
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        return LoadReport(rows, time.perf_counter() - start)

    def _register_regions(self) -> None:
        self.con.execute(
            "CREATE OR REPLACE TEMP TABLE regions AS SELECT code, population FROM "
            "read_csv(?, header = true, all_varchar = true)",
            [str(codelists.DATA / "regions_nl.csv")],
        )

    def _populations(self) -> None:
        exists = self.con.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'population'"
        ).fetchone()[0]
        if not exists:
            self.con.execute(
                "CREATE TABLE population AS SELECT code, CAST(population AS INTEGER) AS n "
                "FROM read_csv(?, header = true, all_varchar = true) WHERE population <> ''",
                [str(codelists.DATA / "regions_nl.csv")],
            )

    # --- queries --------------------------------------------------------------------------------
    def gemeente_comparison(self, *, gemeente: str, type_code: str, year: int) -> dict:
        """The gemeente's yearly series plus its rate per 1,000 beside every gemeente's rate
        (rank and the national rate) for `year`."""
        self._populations()
        own = self.con.execute(
            "SELECT year, value FROM crime_year WHERE type = ? AND level = 'GM' AND region = ? "
            "ORDER BY year",
            [type_code, gemeente],
        ).fetchall()
        rates = self.con.execute(
            """
            SELECT y.region, y.value * 1000.0 / p.n AS rate
              FROM crime_year y JOIN population p ON p.code = y.region
             WHERE y.type = ? AND y.level = 'GM' AND y.year = ? AND y.value IS NOT NULL
             ORDER BY rate DESC
            """,
            [type_code, year],
        ).fetchall()
        rank = next((i for i, (code, _r) in enumerate(rates, start=1) if code == gemeente), None)
        return {"series": own, "rates": rates, "rank": rank, "of": len(rates)}

    def buurt_drilldown(self, *, gemeente: str, type_code: str, year: int) -> list[tuple]:
        """Every buurt of the gemeente: yearly value and rate per 1,000."""
        self._populations()
        return self.con.execute(
            """
            SELECT y.region, y.value, y.value * 1000.0 / nullif(p.n, 0) AS rate
              FROM crime_year y LEFT JOIN population p ON p.code = y.region
             WHERE y.type = ? AND y.level = 'BU' AND y.gemeente = ? AND y.year = ?
             ORDER BY y.region
            """,
            [type_code, gemeente, year],
        ).fetchall()
