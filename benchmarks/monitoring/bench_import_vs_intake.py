#!/usr/bin/env python
# SPDX-License-Identifier: EUPL-1.2
"""Meldpunt intake while a large observation import runs, side by side with no import.

Starts gunicorn on 127.0.0.1 (loopback only; 2 workers x 4 threads, the demo's settings) on a
fresh data directory, generates a real-format CSV of the R/Python clients (table 47018NED:
SoortMisdrijf, WijkenEnBuurten, Perioden, GeregistreerdeMisdrijven_1) with --rows rows over
the 59 crime types of the shipped code list and every wijk and buurt of Heerenveen,
Ooststellingwerf, Opsterland and Weststellingwerf (monthly periods from 2015 on), and stores
it as an import job (monitoring.ImportJob) as the upload page does. Then, in one run:
  1. "zonder import": meldpunt reports (the public API, POST /api/v1/meldpunt/heerenveen/
     signals/, proof of work solved beforehand) at a steady --rate per second for
     --baseline-seconds;
  2. "tijdens import": the same rate while a second process runs the job exactly as the
     worker does (monitoring.services.import_job_run: read, compare, write), until it ends;
  3. optionally (--reimport) the same file with every value changed (all rows updated).
Each report is sent on its own connection at its scheduled time (open loop: a slow answer
does not slow the rate). Prints per phase sent, 201, 503, other errors, p50/p90/p99/max, and
the import's duration; checks that every report answered 201 is stored and that the import
stored --rows observations.

    .venv/bin/python benchmarks/monitoring/bench_import_vs_intake.py [--rows 220000] [--rate 10]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kompas_bench_import ... (PostgreSQL)
    ... --src /tmp/before/src   (the product as it was: git archive OLD src | tar -x -C /tmp/before)
"""

import argparse
import concurrent.futures
import csv
import datetime
import http.client
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path[:0] = [str(REPO / "benchmarks"), str(REPO / "benchmarks" / "signals")]
import bench_intake  # noqa: E402 - same: free_port, wait_up, bodies_make, postgres_database_ensure
import benchlib  # noqa: E402 - benchmarks/ is put on the path just above

VENV_BIN = Path(sys.executable).parent
HOST = bench_intake.HOST
INTAKE = bench_intake.INTAKE
GEMEENTEN = ("GM0074", "GM0085", "GM0086", "GM0098")


def csv_generate(path: Path, rows: int, *, shift: int = 0) -> int:
    """A client CSV of `rows` rows; values are deterministic, `shift` changes every one."""
    from kompas.monitoring import codelists

    regions = sorted(
        code
        for code, info in codelists.regions().items()
        if info.municipality_code in GEMEENTEN or code in GEMEENTEN
    )
    types = sorted(codelists.crime_types())
    written = 0
    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["SoortMisdrijf", "WijkenEnBuurten", "Perioden", "GeregistreerdeMisdrijven_1"])
        year, month = 2015, 1
        while written < rows:
            for region in regions:
                for n, type_code in enumerate(types):
                    if written >= rows:
                        break
                    value = (sum(map(ord, region)) * 7 + n * 13 + month * 3 + year) % 50 + shift
                    out.writerow(
                        [f"{type_code:<6}", f"{region:<10}", f"{year}MM{month:02d}", value]
                    )
                    written += 1
            month += 1
            if month > 12:
                year, month = year + 1, 1
    return written


def run_job(job_id: int) -> None:
    """The worker's part (second process): run the import job, print its timing as JSON."""
    import django

    django.setup()
    from kompas.monitoring.models import ImportJob
    from kompas.monitoring.services import import_job_run

    switch = []  # seconds of the statement that makes a staged import visible, if staged
    try:
        from kompas.monitoring.services import staging
    except ImportError:  # an older checkout (--src): one transaction, no switch
        staging = None
    if staging is not None:
        real_switch = staging.batch_switch

        def timed_switch(*a, **kw):
            t = time.monotonic()
            try:
                return real_switch(*a, **kw)
            finally:
                switch.append(time.monotonic() - t)

        staging.batch_switch = timed_switch
    t0 = time.monotonic()
    import_job_run(job_id=job_id)
    job = ImportJob.objects.get(pk=job_id)
    print(
        "KOMPAS_JOB "
        + json.dumps(
            {
                "seconds": time.monotonic() - t0,
                "status": job.status,
                "rows_read": job.rows_read,
                "switch_seconds": switch[0] if switch else None,
                "problems": job.problems[:3],
            }
        ),
        flush=True,
    )


class Driver:
    """Sends one prepared body per 1/rate seconds, each on its own connection and thread."""

    def __init__(self, port: int, rate: float):
        self.port, self.rate = port, rate
        self.pool = concurrent.futures.ThreadPoolExecutor(max_workers=200)

    def _send(self, body: str) -> tuple[float, int | str]:
        t0 = time.monotonic()
        try:
            conn = http.client.HTTPConnection(HOST, self.port, timeout=90)
            conn.request("POST", INTAKE, body, {"Content-Type": "application/json"})
            resp = conn.getresponse()
            resp.read()
            status = resp.status
            conn.close()
        except OSError as exc:
            status = type(exc).__name__
        return (time.monotonic() - t0) * 1000, status

    def run(self, bodies: list[str], until=None) -> dict:
        """Send until `until()` is true (checked before each send) or the bodies run out
        (`ran_out`); without `until`, every body."""
        futures, start, ran_out = [], time.monotonic(), False
        for i, body in enumerate(bodies):
            due = start + i / self.rate
            while time.monotonic() < due:
                time.sleep(min(0.01, max(0.0, due - time.monotonic())))
            if until is not None and until():
                break
            futures.append(self.pool.submit(self._send, body))
        else:
            ran_out = until is not None and not until()
        seconds = time.monotonic() - start
        results = [f.result() for f in futures]
        lat = sorted(ms for ms, _s in results)
        statuses = [s for _ms, s in results]

        def pct(p: float) -> float:
            return lat[min(len(lat) - 1, int(p * len(lat)))] if lat else float("nan")

        return {
            "seconds": seconds,
            "sent": len(results),
            "ok": statuses.count(201),
            "503": statuses.count(503),
            "other": len(results) - statuses.count(201) - statuses.count(503),
            "other_statuses": sorted({str(s) for s in statuses if s not in (201, 503)}),
            "p50": pct(0.50),
            "p90": pct(0.90),
            "p99": pct(0.99),
            "max": lat[-1] if lat else float("nan"),
            "ran_out": ran_out,
        }


def import_phase(driver, bodies, file: Path, municipality, env, src) -> tuple[dict, dict]:
    """Store `file` as an import job, run it in a second process as the worker does, and
    send reports until it ends (or the bodies run out: then it is stopped)."""
    from django.db import connection

    from kompas.monitoring.models import ImportJob

    job = ImportJob.objects.create(
        municipality=municipality,
        file_name=file.name,
        file_data=file.read_bytes(),
        file_size=file.stat().st_size,
    )
    connection.close()
    worker = subprocess.Popen(
        [sys.executable, __file__, "--run-job", str(job.pk), "--src", src],
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    res = driver.run(bodies, lambda: worker.poll() is not None)
    if res["ran_out"]:  # not done in --max-import-seconds: stop it, say so
        worker.kill()
        worker.wait()
        return res, {"seconds": None, "status": "afgebroken"}
    out, _err = worker.communicate(timeout=60)
    return res, json.loads(out.split("KOMPAS_JOB ", 1)[1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=220_000)
    parser.add_argument("--rate", type=float, default=10.0, help="reports per second")
    parser.add_argument("--baseline-seconds", type=float, default=20)
    parser.add_argument("--max-import-seconds", type=float, default=180)
    parser.add_argument("--reimport", action="store_true", help="also: every value changed")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--pow-bits", type=int, default=8)
    parser.add_argument(
        "--src",
        default=str(REPO / "src"),
        help="the product's source folder (e.g. an older checkout's, for before/after)",
    )
    parser.add_argument("--run-job", type=int, help=argparse.SUPPRESS)  # the worker's part
    args = parser.parse_args()
    if args.run_job:
        sys.path.insert(0, args.src)
        run_job(args.run_job)
        return

    data_dir = Path(tempfile.mkdtemp(prefix="kompas-bench-import-"))
    os.environ.update(
        {
            "KOMPAS_DATA_DIR": str(data_dir),
            "DJANGO_SETTINGS_MODULE": "kompas.settings",
            "PYTHONPATH": args.src,
            "KOMPAS_MELDPUNT_SUBMISSIONS_PER_HOUR": "1000000000",
            "KOMPAS_MELDPUNT_POW_BITS": str(args.pow_bits),
            "KOMPAS_LOG_LEVEL": "WARNING",
        }
    )
    env = {**os.environ}
    sys.path.insert(0, args.src)
    url = env.get("DATABASE_URL", "")
    db = "PostgreSQL" if url.startswith("postgres") else "SQLite (WAL)"
    if db == "PostgreSQL":
        bench_intake.postgres_database_ensure(url)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from kompas.core.models import Municipality
    from kompas.core.services import reference_data_load
    from kompas.monitoring.models import DataImport, Observation
    from kompas.signals.antiabuse import pow_solve
    from kompas.signals.models import Signal

    call_command("migrate", verbosity=0)
    reference_data_load()
    Signal.objects.all().delete()
    Observation.objects.all().delete()
    DataImport.objects.all().delete()
    if db == "PostgreSQL":
        with connection.cursor() as cur:
            cur.execute("SELECT version()")
            db = "PostgreSQL " + cur.fetchone()[0].split()[1]
    heerenveen = Municipality.objects.get(code="GM0074")
    files = [data_dir / "47018NED_clients.csv"]
    made = csv_generate(files[0], args.rows)
    if args.reimport:
        files.append(data_dir / "47018NED_clients_herzien.csv")
        csv_generate(files[1], args.rows, shift=1)
    connection.close()

    def stored() -> int:
        n = Signal.objects.count()
        connection.close()
        return n

    port = bench_intake.free_port()
    gunicorn = subprocess.Popen(
        [
            str(VENV_BIN / "gunicorn"),
            "kompas.wsgi:application",
            "--bind",
            f"{HOST}:{port}",
            "--workers",
            str(args.workers),
            "--threads",
            str(args.threads),
            "--access-logfile",
            str(data_dir / "access.log"),
            "--access-logformat",
            '%(t)s "%(m)s %(U)s" %(s)s %(b)s %(M)sms',
            "--error-logfile",
            str(data_dir / "error.log"),
        ],
        env=env,
    )
    phases, failed = [], False
    try:
        bench_intake.wait_up(port)
        print(f"Datum: {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC")
        print(f"Machine: {benchlib.machine()}")
        print(
            f"gunicorn {args.workers} workers x {args.threads} threads, database {db}, "
            f"meldingen {args.rate:g}/s (open loop, elk op een eigen verbinding), "
            f"import: clients-CSV 47018NED, {made} rijen, "
            f"{files[0].stat().st_size / 1e6:.1f} MB, als importopdracht zoals de worker"
        )
        driver = Driver(port, args.rate)
        warm = bench_intake.bodies_make(port, 20, "warm", pow_solve)
        driver.run(warm)
        plan = [("zonder import", None)] + [
            ("tijdens import" if i == 0 else "tijdens herimport (alles gewijzigd)", f)
            for i, f in enumerate(files)
        ]
        print()
        print(
            "| fase | duur s | import s | verstuurd | 201 | 503 | andere fouten | p50 ms | p90 ms "
            "| p99 ms | max ms | opgeslagen |"
        )
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for name, file in plan:
            n = int(
                args.rate * (args.baseline_seconds if file is None else args.max_import_seconds)
            )
            bodies = bench_intake.bodies_make(port, n + 5, f"p{len(phases)}", pow_solve)
            before = stored()
            job_info = {}
            if file is None:
                end = time.monotonic() + args.baseline_seconds
                res = driver.run(bodies, lambda end=end: time.monotonic() >= end)
            else:
                res, job_info = import_phase(driver, bodies, file, heerenveen, env, args.src)
            time.sleep(1)
            res["stored"] = stored() - before
            res["name"], res["job"] = name, job_info
            phases.append(res)
            import_s = "-"
            if job_info:
                seconds = job_info["seconds"]
                import_s = f"{seconds:.1f}" if seconds else f"> {args.max_import_seconds:g}"
            print(
                f"| {name} | {res['seconds']:.1f} | {import_s} | {res['sent']} | {res['ok']} | "
                f"{res['503']} | {res['other']} | {res['p50']:.0f} | {res['p90']:.0f} | "
                f"{res['p99']:.0f} | {res['max']:.0f} | {res['stored']} |",
                flush=True,
            )
            if job_info.get("switch_seconds"):
                print(f"    omschakeling (INSERT ... SELECT): {job_info['switch_seconds']:.1f} s")
            if res["other_statuses"]:
                print(f"    andere antwoorden: {res['other_statuses']}")
            if job_info and job_info["status"] != "gereed":
                print(f"    import: {job_info} (niet klaar binnen --max-import-seconds)")
                failed = True
            if res["stored"] != res["ok"]:
                failed = True
    finally:
        gunicorn.terminate()
        try:
            gunicorn.wait(timeout=30)
        except subprocess.TimeoutExpired:  # threads still waiting for the database
            gunicorn.kill()
            gunicorn.wait()
    observations = Observation.objects.count()
    print()
    print(
        f"Waarnemingen opgeslagen: {observations} (verwacht {made}); meldingen 201 = "
        f"opgeslagen in elke fase: {all(p['ok'] == p['stored'] for p in phases)}"
    )
    print(f"Klaar: {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC")
    shutil.rmtree(data_dir, ignore_errors=True)
    if failed or observations != made:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
