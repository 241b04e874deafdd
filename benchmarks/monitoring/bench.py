# SPDX-License-Identifier: EUPL-1.2
# ruff: noqa: E501  (long SQL strings read better unwrapped)
"""Monitoring benchmark: the national police table by region and month.

    .venv/bin/python benchmarks/monitoring/bench.py --scale 0.02   # a few minutes
    .venv/bin/python benchmarks/monitoring/bench.py --scale 1 --no-postgres --load-runs 3
        # ~155 M rows, 4.5 GB CSV: ~3 min to generate, ~15 min in all on 2 cores; pandas
        # peaks at an estimated 8 GB RAM (1.8 GB at 33 M rows; --no-pandas on a smaller machine)

1. Generates, deterministically, a dataset of the real shape: every region of
   47018NED_WijkenEnBuurten.csv (NL, gemeenten, wijken, buurten; --scale keeps every gemeente
   and that fraction of the wijken/buurten, always all of Heerenveen) x the 59 crime types of
   47018NED_SoortMisdrijf.csv x 12 years x 12 months, written as the CSV the R/Python clients
   produce (SoortMisdrijf, WijkenEnBuurten, Perioden, GeregistreerdeMisdrijven_1).
2. Imports it with the product's loader (kompas.monitoring.analytics.NationalStore, DuckDB
   file) and, side by side, into raw DuckDB, pandas and PostgreSQL (COPY).
3. Measures warm latency (median of --repeat runs after one warm-up) of
   (a) a gemeente dashboard query: the gemeente's yearly series plus the rate per 1,000 of
       every gemeente for one year (rank against all gemeenten), and
   (b) a buurt drill-down: every buurt of the gemeente for one year with rate per 1,000,
   in the product, raw DuckDB SQL on the unsorted monthly table, pandas and PostgreSQL.
Prints date and machine; paste the output into benchmarks/RESULTS.md.
"""

import argparse
import datetime as dt
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import duckdb

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "benchmarks"))
import benchlib  # noqa: E402 - benchmarks/ is put on the path just above

SHARED = REPO.parent / "shared" / "data" / "politie"
sys.path.insert(0, str(REPO / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kompas.settings")
YEARS = (2014, 2025)  # 12 years
GEMEENTE, TYPE, YEAR = "GM0074", "0.0.0", 2024


def machine() -> str:
    return benchlib.machine(f"DuckDB {duckdb.__version__}")


def generate(csv_path: Path, scale: float, memory_limit: str = "4GB") -> int:
    """Deterministic: values come from a hash of (type, region, year, month). Written one
    month at a time (rows ordered by year, month, region, type, as before) and concatenated,
    so memory stays bounded at --scale 1 (one global ORDER BY over 155 M rows needed > 20 GB)."""
    con = duckdb.connect()
    con.execute(f"SET memory_limit = '{memory_limit}'")
    # spill beside the CSV, not into ./.tmp of whatever folder the script was started from
    con.execute(f"SET temp_directory = '{csv_path.parent / 'duckdb-tmp'}'")
    con.execute(
        f"""
        CREATE TABLE regions AS
        SELECT trim(Key) AS code FROM read_csv('{SHARED / "47018NED_WijkenEnBuurten.csv"}', header=true, all_varchar=true)
        """
    )
    con.execute(
        f"""
        CREATE TABLE kept AS SELECT code FROM regions
         WHERE code LIKE 'NL%' OR code LIKE 'GM%' OR code LIKE '__0074%'
            OR (hash(code) % 1000000) < {int(scale * 1_000_000)}
        """
    )
    con.execute(
        f"""
        CREATE TABLE types AS
        SELECT trim(Key) AS code, row_number() OVER () AS n
          FROM read_csv('{SHARED / "47018NED_SoortMisdrijf.csv"}', header=true, all_varchar=true)
        """
    )
    part = csv_path.with_suffix(".part.csv")
    with open(csv_path, "wb") as out:
        out.write(b"SoortMisdrijf,WijkenEnBuurten,Perioden,GeregistreerdeMisdrijven_1\n")
        for y in range(YEARS[0], YEARS[1] + 1):
            for m in range(1, 13):
                con.execute(
                    f"""
                    COPY (
                      SELECT rpad(t.code, 6, ' ') AS SoortMisdrijf,
                             rpad(k.code, 10, ' ') AS WijkenEnBuurten,
                             '{y}MM{m:02d}' AS Perioden,
                             CASE WHEN t.code LIKE '2.2.%' THEN NULL  -- zeden: secret by month
                                  ELSE (hash(t.code, k.code, {y}::BIGINT, {m}::BIGINT) % (CASE WHEN k.code LIKE 'BU%' THEN 4
                                        WHEN k.code LIKE 'WK%' THEN 12 WHEN k.code LIKE 'GM%' THEN 60
                                        ELSE 5000 END * (1 + (t.n % 5 = 1)::INT * 8)))::INTEGER
                             END AS GeregistreerdeMisdrijven_1
                        FROM types t, kept k
                       ORDER BY k.code, t.code
                    ) TO '{part}' (HEADER false, DELIMITER ',')
                    """
                )
                with open(part, "rb") as fh:
                    shutil.copyfileobj(fh, out, 1 << 24)
    part.unlink()
    n = con.execute("SELECT count(*) * 59 * 144 FROM kept").fetchone()[0]
    con.close()
    return n


def timed(fn, repeat: int) -> tuple[float, object]:
    result = fn()  # warm-up
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def main() -> None:  # noqa: C901 - a benchmark script run top to bottom
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=0.02)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--workdir", default=None)
    parser.add_argument("--no-pandas", action="store_true")
    parser.add_argument(
        "--generate-only", action="store_true", help="write national.csv in --workdir and stop"
    )
    parser.add_argument(
        "--load-runs", type=int, default=1, help="loads of product and raw DuckDB (median)"
    )
    parser.add_argument(
        "--csv", default=None, help="reuse a CSV generated earlier at the same --scale"
    )
    parser.add_argument(
        "--memory-limit", default="8GB", help="DuckDB memory limit (the machine is shared)"
    )
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument(
        "--postgres-url", default="postgresql://postgres@127.0.0.1:5432/kompas_monitoring_bench"
    )
    args = parser.parse_args()

    import django

    django.setup()
    from kompas.monitoring import codelists
    from kompas.monitoring.analytics import NationalStore

    work = Path(args.workdir or tempfile.mkdtemp(prefix="kompas-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"# Monitoring benchmark, {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC")
    print(f"machine: {machine()}")
    if args.csv:
        csv_path = Path(args.csv)
        con = duckdb.connect()
        rows = con.execute(f"SELECT count(*) FROM read_csv('{csv_path}', header=true)").fetchone()[
            0
        ]
        con.close()
        print(
            f"scale {args.scale}: {rows:,} rows in {csv_path} ({csv_path.stat().st_size / 1e9:.2f} GB CSV, generated earlier)"
        )
    else:
        csv_path = work / "national.csv"
        start = time.perf_counter()
        rows = generate(csv_path, args.scale, args.memory_limit)
        print(
            f"scale {args.scale}: {rows:,} rows generated in {time.perf_counter() - start:.1f} s "
            f"({csv_path.stat().st_size / 1e9:.2f} GB CSV)"
        )
        if args.generate_only:
            return
    population = {r.code: r.population for r in codelists.regions().values() if r.population}
    results = []

    # --- product: NationalStore (DuckDB file, validated load, yearly table sorted) -------------
    db = work / "analytics.duckdb"
    rates, store = [], None
    for run in range(args.load_runs):  # each run into a fresh file
        if store is not None:
            store.close()
        for stale in (db, db.with_name(db.name + ".wal")):
            stale.unlink(missing_ok=True)
        store = NationalStore(db)
        store.con.execute(f"SET memory_limit = '{args.memory_limit}'")
        load_before = os.getloadavg()[0]
        report = store.load_client_csv(csv_path)
        rates.append(report.rows / report.seconds)
        print(
            f"product load {run + 1}: {report.rows:,} rows in {report.seconds:.1f} s = "
            f"{rates[-1]:,.0f} rows/s (load average before {load_before:.2f}, "
            f"after {os.getloadavg()[0]:.2f}; {db.stat().st_size / 1e9:.2f} GB file)",
            flush=True,
        )
    import_rate = statistics.median(rates)
    a_ms, a = timed(
        lambda: store.gemeente_comparison(gemeente=GEMEENTE, type_code=TYPE, year=YEAR), args.repeat
    )
    b_ms, b = timed(
        lambda: store.buurt_drilldown(gemeente=GEMEENTE, type_code=TYPE, year=YEAR), args.repeat
    )
    results.append(("product (NationalStore, DuckDB)", import_rate, a_ms, b_ms))
    print(
        f"product queries: (a) {a_ms:.1f} ms, (b) {b_ms:.1f} ms (load average {os.getloadavg()[0]:.2f})",
        flush=True,
    )
    check_rank, check_buurten = a["rank"], len(b)

    # --- raw DuckDB SQL on the monthly table as loaded ----------------------------------------
    raw = duckdb.connect(str(work / "raw.duckdb"))
    raw.execute(f"SET memory_limit = '{args.memory_limit}'")
    raw_rates = []
    for run in range(args.load_runs):
        raw.execute("DROP TABLE IF EXISTS t")
        raw.execute("CHECKPOINT")
        load_before = os.getloadavg()[0]
        start = time.perf_counter()
        raw.execute(
            f"CREATE TABLE t AS SELECT trim(SoortMisdrijf) AS type, trim(WijkenEnBuurten) AS region, Perioden AS period, GeregistreerdeMisdrijven_1 AS value FROM read_csv('{csv_path}', header=true)"
        )
        raw_rates.append(rows / (time.perf_counter() - start))
        print(
            f"raw DuckDB load {run + 1}: {raw_rates[-1]:,.0f} rows/s (load average before {load_before:.2f}, after {os.getloadavg()[0]:.2f})",
            flush=True,
        )
    raw_rate = statistics.median(raw_rates)
    raw.execute("CREATE OR REPLACE TABLE pop (code VARCHAR, n INTEGER)")
    raw.executemany("INSERT INTO pop VALUES (?, ?)", list(population.items()))

    def raw_a():
        series = raw.execute(
            "SELECT substr(period,1,4) y, sum(value) FROM t WHERE type=? AND region=? GROUP BY y ORDER BY y",
            [TYPE, GEMEENTE],
        ).fetchall()
        rates = raw.execute(
            "SELECT region, sum(value)*1000.0/any_value(p.n) r FROM t JOIN pop p ON p.code=t.region "
            "WHERE type=? AND region LIKE 'GM%' AND period LIKE ? GROUP BY region ORDER BY r DESC",
            [TYPE, f"{YEAR}MM%"],
        ).fetchall()
        return series, rates

    def raw_b():
        return raw.execute(
            "SELECT region, sum(value), sum(value)*1000.0/nullif(any_value(p.n),0) FROM t LEFT JOIN pop p ON p.code=t.region "
            "WHERE type=? AND region LIKE ? AND period LIKE ? GROUP BY region ORDER BY region",
            [TYPE, "BU" + GEMEENTE[2:] + "%", f"{YEAR}MM%"],
        ).fetchall()

    ra_ms, ra = timed(raw_a, args.repeat)
    rb_ms, rb = timed(raw_b, args.repeat)
    assert len(rb) == check_buurten and len(ra[1]) == a["of"], "raw DuckDB disagrees with product"
    results.append(("raw DuckDB SQL (monthly table)", raw_rate, ra_ms, rb_ms))
    print(
        f"raw DuckDB queries: (a) {ra_ms:.1f} ms, (b) {rb_ms:.1f} ms (load average {os.getloadavg()[0]:.2f})",
        flush=True,
    )
    raw.close()

    # --- pandas -----------------------------------------------------------------------------------
    if not args.no_pandas:
        import pandas as pd

        start = time.perf_counter()
        df = pd.read_csv(
            csv_path,
            dtype={
                "SoortMisdrijf": "category",
                "WijkenEnBuurten": "category",
                "Perioden": "category",
            },
        )
        # strip and derive on the categories only (a few thousand strings, not every row)
        df["type"] = df["SoortMisdrijf"].cat.rename_categories(str.strip)
        df["region"] = df["WijkenEnBuurten"].cat.rename_categories(str.strip)
        periods = df["Perioden"].cat
        df["year"] = periods.categories.str[:4].astype("int16").to_numpy()[periods.codes]
        pandas_rate = rows / (time.perf_counter() - start)
        pop = pd.Series(population, name="n")

        def pd_a():
            sel = df[(df["type"] == TYPE) & (df["region"] == GEMEENTE)]
            series = sel.groupby("year")["GeregistreerdeMisdrijven_1"].sum()
            gm = df[(df["type"] == TYPE) & (df["year"] == YEAR) & df["region"].str.startswith("GM")]
            sums = gm.groupby("region", observed=True)["GeregistreerdeMisdrijven_1"].sum()
            rates = (sums * 1000 / pop.reindex(sums.index)).dropna().sort_values(ascending=False)
            return series, rates

        def pd_b():
            bu = df[
                (df["type"] == TYPE)
                & (df["year"] == YEAR)
                & df["region"].str.startswith("BU" + GEMEENTE[2:])
            ]
            sums = bu.groupby("region", observed=True)["GeregistreerdeMisdrijven_1"].sum()
            return pd.DataFrame({"value": sums, "rate": sums * 1000 / pop.reindex(sums.index)})

        pa_ms, pa = timed(pd_a, max(3, args.repeat // 4))
        pb_ms, pb = timed(pd_b, max(3, args.repeat // 4))
        assert len(pb) == check_buurten
        results.append(("pandas", pandas_rate, pa_ms, pb_ms))
        print(
            f"pandas: load {pandas_rate:,.0f} rows/s, (a) {pa_ms:.1f} ms, (b) {pb_ms:.1f} ms (load average {os.getloadavg()[0]:.2f})",
            flush=True,
        )
        del df

    # --- PostgreSQL ------------------------------------------------------------------------------
    if not args.no_postgres:
        import psycopg

        admin_url = args.postgres_url.rsplit("/", 1)[0] + "/postgres"
        dbname = args.postgres_url.rsplit("/", 1)[1]
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{dbname}"')
            admin.execute(f'CREATE DATABASE "{dbname}"')
        with psycopg.connect(args.postgres_url, autocommit=True) as pg:
            pg.execute(
                "CREATE UNLOGGED TABLE t (type text, region text, period text, value integer)"
            )
            start = time.perf_counter()
            with (
                open(csv_path, "rb") as fh,
                pg.cursor().copy("COPY t FROM STDIN (FORMAT csv, HEADER true)") as copy,
            ):
                while chunk := fh.read(1 << 20):
                    copy.write(chunk)
            pg.execute("CREATE INDEX ON t (type, region, period)")
            pg.execute("ANALYZE t")
            pg_rate = rows / (time.perf_counter() - start)
            pg.execute("CREATE TABLE pop (code text primary key, n integer)")
            with pg.cursor().copy("COPY pop FROM STDIN") as copy:
                for code, n in population.items():
                    copy.write_row((code, n))
            pg.execute("ANALYZE pop")
            t6, g10 = TYPE.ljust(6), GEMEENTE.ljust(10)

            def pg_a():
                series = pg.execute(
                    "SELECT substr(period,1,4) y, sum(value) FROM t WHERE type=%s AND region=%s GROUP BY y ORDER BY y",
                    [t6, g10],
                ).fetchall()
                rates = pg.execute(
                    "SELECT rtrim(region) r, sum(value)*1000.0/max(p.n) rate FROM t JOIN pop p ON p.code=rtrim(t.region) "
                    "WHERE type=%s AND region LIKE 'GM%%' AND period LIKE %s GROUP BY r ORDER BY rate DESC",
                    [t6, f"{YEAR}MM%"],
                ).fetchall()
                return series, rates

            def pg_b():
                return pg.execute(
                    "SELECT rtrim(region) r, sum(value), sum(value)*1000.0/nullif(max(p.n),0) FROM t LEFT JOIN pop p ON p.code=rtrim(t.region) "
                    "WHERE type=%s AND region LIKE %s AND period LIKE %s GROUP BY r ORDER BY r",
                    [t6, "BU" + GEMEENTE[2:] + "%", f"{YEAR}MM%"],
                ).fetchall()

            ga_ms, _ga = timed(pg_a, args.repeat)
            gb_ms, gb = timed(pg_b, args.repeat)
            assert len(gb) == check_buurten
            results.append(("PostgreSQL 15 (COPY + btree index)", pg_rate, ga_ms, gb_ms))

    print()
    print(
        f"rows: {rows:,}; gemeente {GEMEENTE}, type {TYPE}, year {YEAR}; rank {check_rank} of {a['of']} gemeenten; {check_buurten} buurten"
    )
    print()
    print(
        "| engine | import rows/s | (a) dashboard + all gemeenten, ms | (b) buurt drill-down, ms |"
    )
    print("|---|---:|---:|---:|")
    for name, rate, qa, qb in results:
        print(f"| {name} | {rate:,.0f} | {qa:.1f} | {qb:.1f} |")
    prod = results[0]
    for name, _rate, qa, qb in results[1:]:
        print(
            f"product vs {name}: (a) {qa / prod[2]:.1f}x, (b) {qb / prod[3]:.1f}x (>1 = product faster)"
        )


if __name__ == "__main__":
    main()
