#!/usr/bin/env python
# SPDX-License-Identifier: EUPL-1.2
"""Staff pages under load (issue 15, item 7): the start page, the meldpunt's triage list, the
monitoring page and the public dashboard of Heerenveen, with the full demo plus ten more years
of observations, 20 concurrent users for 60 s. Goals: p95 < 200 ms per page, 0 errors; the ratio
to a bare authenticated view (bench_urls.py: same gunicorn, middleware, session and user
lookup, renders nothing) is recorded.

Starts gunicorn on 127.0.0.1 with the demo's settings (2 workers x 4 threads) on a fresh data
directory (SQLite unless DATABASE_URL is set), loads `kompas demo`'s data plus the monitoring
demo series for the ten years before it (so every series runs 18 years), and logs in 20
adviseurs of Heerenveen (sessions made in this process, in the server's own session store).
Load: `wrk` (C, one thread per process, loopback only), one process per page, each with its
share of the 20 connections (5 each), every request with the next user's session (none for
the public dashboard), all four at once for --seconds. The bare authenticated view is measured
with the same 20 users and connections for --bare-seconds before and after the pages. Each run
records the load average and the CPU pressure at its start and the server's CPU per request.

    .venv/bin/python benchmarks/core/bench_staff_pages.py [--seconds 60] [--users 20]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kompas_bench_staff ... (PostgreSQL)
"""

import argparse
import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))
import benchlib  # noqa: E402 - benchmarks/ is put on the path just above

GOAL_P95_MS = 200
SLUG = "heerenveen"
PAGES = {
    "startpagina": f"/{SLUG}/",
    "triagelijst (meldingen)": f"/{SLUG}/meldingen/",
    "monitoring": f"/{SLUG}/monitoring/",
    "openbaar dashboard": f"/{SLUG}/dashboard/",
}
PUBLIC = {"openbaar dashboard"}
BARE = "/bench/ingelogd/"
EXTRA_YEARS = range(2008, 2018)  # the ten years before the demo's own (2018-2025)


def observations_add_ten_years() -> int:
    """The monitoring demo's generator run once more for the ten years before its own, as one
    more demo import: every demo series then spans 18 years."""
    from kompas.monitoring import demo
    from kompas.monitoring.constants import ImportFormat
    from kompas.monitoring.importers import ParseResult
    from kompas.monitoring.services import import_parsed

    saved = demo.YEARS, demo.CRIMES, demo.NUISANCE
    n = len(EXTRA_YEARS)
    try:
        demo.YEARS = EXTRA_YEARS
        demo.CRIMES = {k: (rate, [shape[0]] * n) for k, (rate, shape) in saved[1].items()}
        demo.NUISANCE = {k: (rate, [shape[0]] * n) for k, (rate, shape) in saved[2].items()}
        rows = demo._rows()
    finally:
        demo.YEARS, demo.CRIMES, demo.NUISANCE = saved
    # The Veiligheidsmonitor rows of _rows() are the demo's own years: already loaded.
    rows = [r for r in rows if not r.indicator_code.startswith("veiligheidsmonitor:")]
    result = ParseResult(rows, ImportFormat.DEMO, "", len(rows))
    report = import_parsed(result=result, file_name="Benchmark: tien jaar extra", is_demo=True)
    return report.inserted


def sessions_make(n: int) -> list[str]:
    """n adviseurs of Heerenveen, each logged in (a session in the server's store)."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    from kompas.core.constants import Role
    from kompas.core.models import Municipality
    from kompas.core.services import membership_set

    hv = Municipality.objects.get(slug=SLUG)
    keys = []
    for i in range(n):
        user = get_user_model().objects.create_user(f"bench-adviseur-{i}")
        membership_set(user=user, municipality=hv, role=Role.ADVISOR)
        client = Client()
        client.force_login(user)
        keys.append(client.cookies["sessionid"].value)
    return keys


def wrk_start(port: int, path: str, clients: int, seconds: float, keys: list[str], think=0):
    cmd = ["wrk", "-t1", "-c", str(clients), "-d", f"{int(seconds)}s", "--timeout", "30s"]
    cmd += ["-s", str(HERE / "bench_staff_pages.lua"), f"http://{benchlib.HOST}:{port}{path}"]
    cmd += ["--", path, str(int(think)), *keys]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wrk_result(proc) -> dict:
    out, err = proc.communicate(timeout=300)
    match = re.search(r"KOMPAS_RESULT (\{.*\})", out)
    if not match:
        raise SystemExit(f"wrk gaf geen resultaat:\n{out}\n{err}")
    res = json.loads(match.group(1))
    res["rps"] = res["requests"] / res["seconds"] if res["seconds"] else 0.0
    return res


def measured(pid: int, procs: dict) -> tuple[dict, float, str, float]:
    """Wait for the wrk processes; their results, the load and CPU pressure at the start, and
    the server's CPU in ms per request over all of them."""
    load, pressure = os.getloadavg()[0], benchlib.cpu_pressure()
    cpu0 = sum(benchlib.cpu_seconds(pid))
    results = {name: wrk_result(p) for name, p in procs.items()}
    cpu = sum(benchlib.cpu_seconds(pid)) - cpu0
    total = sum(r["requests"] for r in results.values())
    return results, load, pressure, cpu * 1000 / max(1, total)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--bare-seconds", type=float, default=20)
    parser.add_argument(
        "--think-ms", type=float, default=0, help="pause between a user's requests (0: none)"
    )
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument(
        "--data-dir", help="keep the prepared data here and reuse it on the next run (SQLite)"
    )
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk ontbreekt: apt-get install -y wrk")
    data_dir = Path(args.data_dir or tempfile.mkdtemp(prefix="kompas-bench-staff-"))
    data_dir.mkdir(parents=True, exist_ok=True)
    prepared = data_dir / "bench-prepared.json"
    os.environ.update(
        {
            "KOMPAS_DATA_DIR": str(data_dir),
            "DJANGO_SETTINGS_MODULE": "bench_settings",
            "PYTHONPATH": f"{HERE}:{REPO / 'src'}",
            "KOMPAS_LOG_LEVEL": "WARNING",
        }
    )
    sys.path[:0] = [str(HERE), str(REPO / "src")]
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        benchlib.postgres_database_ensure(url)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from kompas.core import demo
    from kompas.monitoring.models import Observation

    t0 = time.perf_counter()
    call_command("migrate", verbosity=0)
    if args.data_dir and prepared.exists():
        extra, keys = json.loads(prepared.read_text())
    else:
        demo.load_all()
        extra = observations_add_ten_years()
        keys = sessions_make(args.users)
        prepared.write_text(json.dumps([extra, keys]))
    observations = Observation.objects.count()
    db = connection.vendor
    if db == "postgresql":
        with connection.cursor() as cur:
            cur.execute("SELECT version()")
            db = "PostgreSQL " + cur.fetchone()[0].split()[1]
    connection.close()
    setup_s = time.perf_counter() - t0

    port = benchlib.free_port()
    server = benchlib.gunicorn_start(
        port=port, env={**os.environ}, log_dir=data_dir, workers=args.workers, threads=args.threads
    )
    per_page = max(1, args.users // len(PAGES))
    rows = []
    try:
        benchlib.wait_up(port)
        print(f"Datum: {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC")
        print(f"Machine: {benchlib.machine()}")
        print(
            f"Database {db}; demo + {extra} waarnemingen voor {EXTRA_YEARS[0]}-"
            f"{EXTRA_YEARS[-1]} ({observations} waarnemingen in totaal; opbouw {setup_s:.0f} s); "
            f"gunicorn {args.workers} workers x {args.threads} threads; {args.users} gebruikers "
            f"(wrk, loopback), {per_page} per pagina, denktijd {args.think_ms:.0f} ms"
        )
        # Warm-up: every page once per worker thread and user, and the bare view.
        warm = {n: wrk_start(port, p, 4, 5, [] if n in PUBLIC else keys) for n, p in PAGES.items()}
        for p in warm.values():
            wrk_result(p)
        wrk_result(wrk_start(port, BARE, 4, 3, keys))

        def bare(label):
            proc = wrk_start(port, BARE, args.users, args.bare_seconds, keys, args.think_ms)
            res, load, pressure, cpu = measured(server.pid, {label: proc})
            rows.append((label, res[label], load, pressure, cpu))

        bare("kale ingelogde view (voor)")
        procs = {}
        for i, (name, path) in enumerate(PAGES.items()):
            users = [] if name in PUBLIC else keys[i * per_page : (i + 1) * per_page]
            procs[name] = wrk_start(port, path, per_page, args.seconds, users, args.think_ms)
        res, load, pressure, cpu = measured(server.pid, procs)
        for name, r in res.items():
            rows.append((name, r, load, pressure, cpu))
        bare("kale ingelogde view (na)")
    finally:
        benchlib.server_stop(server)

    print()
    print(
        "| doel | load avg 1 min (CPU-druk) | verzoeken | per s | p50 ms | p95 ms | p99 ms | "
        "max ms | niet-200 + socketfouten | CPU server ms/verzoek (run) |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, r, load, pressure, cpu in rows:
        print(
            f"| {name} | {load:.2f} ({pressure}) | {r['requests']} | {r['rps']:.1f} | "
            f"{r['p50_ms']:.1f} | {r['p95_ms']:.1f} | {r['p99_ms']:.1f} | {r['max_ms']:.1f} | "
            f"{r['not_200'] + r['socket_errors']} {r['statuses'].strip()} | {cpu:.2f} |"
        )
    bare_p95 = min(r["p95_ms"] for n, r, *_ in rows if n.startswith("kale"))
    bare_p50 = min(r["p50_ms"] for n, r, *_ in rows if n.startswith("kale"))
    print()
    failed = False
    for name, r, *_ in rows:
        if name.startswith("kale"):
            continue
        errors = r["not_200"] + r["socket_errors"]
        met = r["p95_ms"] < GOAL_P95_MS and errors == 0
        failed = failed or not met
        print(
            f"{name}: p95 {r['p95_ms']:.1f} ms ({r['p95_ms'] / bare_p95:.1f}x de kale view, "
            f"p50 {r['p50_ms'] / bare_p50:.1f}x), fouten {errors} (doel p95 < {GOAL_P95_MS} ms "
            f"en 0 fouten: {'gehaald' if met else 'NIET gehaald'})"
        )
    print(f"Klaar: {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC")
    if not args.data_dir:
        shutil.rmtree(data_dir, ignore_errors=True)
    if failed:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
