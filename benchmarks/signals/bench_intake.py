#!/usr/bin/env python
# SPDX-License-Identifier: EUPL-1.2
"""Meldpunt intake under concurrent load, side by side with its real floor (issue 15, item 6).

Starts gunicorn on 127.0.0.1 (loopback only) with the demo's settings (2 workers x 4 threads,
access log without client address) on a fresh data directory, and drives it with `wrk`
(C, epoll, one thread: it leaves the 2 cores to the server, unlike a Python load generator)
and a Lua script (bench_intake.lua) that sends every prepared body exactly once from N
keep-alive connections. Targets (bench_urls.py), all with the same gunicorn, settings,
middleware and JSON request bodies:
  floor   POST /bench/floor/                      the work no intake can skip: Argon2id hash of
                                                  a receipt code (production parameters),
                                                  Fernet encryption, one INSERT in one
                                                  transaction
  intake  POST /api/v1/meldpunt/heerenveen/signals/  the real public API: proof-of-work check,
                                                  salted rate limit, form validation, Argon2id,
                                                  Fernet, signal + history + dossier + audit in
                                                  one transaction
  bare    POST /bench/bare/                       (--with-bare) parses the JSON, answers 201

Phase 1, the goals "intake throughput >= 50% of the floor" and "p99 < 150 ms at 10 concurrent
clients": runs alternate (floor, intake, intake, floor, ...) for --rounds rounds at --clients,
so background load hits both alike; each run records the 1-minute load average, the CPU
pressure (PSI) and the CPU the server (gunicorn) and wrk used per request. After every run the
rows in the database must have grown by exactly the number of requests sent.
Phase 2, the flood: --flood-clients (50) send intake reports for --flood-seconds (60); then
no new report is sent and the answers on their way are awaited. Goals: count answered 201 =
count stored, 0 server errors, and the public form page (GET /heerenveen/meldpunt/, a second
wrk with --form-clients connections during the whole flood) answering with p99 < 1 s.

Bounded: --requests per run (every body is sent once), wrk's -d (--max-seconds) per run,
--rounds, and --flood-seconds. Proof of work is at --pow-bits (default 8, nonzero; the server's
check is one SHA-256 whatever the difficulty), solved here beforehand on challenges signed in
this process (the server's own key: same data directory). The submission rate limit stays on,
with a limit high enough that 127.0.0.1 (every client) never reaches it, so its cache work is
measured. About 3 minutes per database.

    .venv/bin/python benchmarks/signals/bench_intake.py [--clients 10] [--requests 1000]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kompas_bench_signals ... (PostgreSQL)
"""

import argparse
import datetime
import http.client
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))
import benchlib  # noqa: E402 - benchmarks/ is put on the path just above

VENV_BIN = Path(sys.executable).parent
HOST = benchlib.HOST
INTAKE = "/api/v1/meldpunt/heerenveen/signals/"
BARE = "/bench/bare/"


machine = benchlib.machine
free_port = benchlib.free_port
wait_up = benchlib.wait_up
cpu_seconds = benchlib.cpu_seconds
cpu_pressure = benchlib.cpu_pressure


def intake_body(tag: str, i: int, challenge: dict, pow_solve) -> str:
    """One intake request body (JSON) with the challenge solved; 200 addresses, so dossiers
    form as they would."""
    return json.dumps(
        {
            "phenomenon": "drugs_teelt",
            "description": f"Benchmarkmelding {tag}-{i}: hennepgeur uit de schuur, "
            "ramen afgeplakt, dag en nacht ventilatoren.",
            "postcode": "8441AB",
            "number": str(i % 200 + 1),
            "when_kind": "doorlopend",
            "challenge": challenge["challenge"],
            "nonce": pow_solve(challenge["challenge"], challenge["bits"]),
        }
    )


def bodies_make(n: int, tag: str) -> list[str]:
    """n intake bodies, each with its own fresh, solved proof-of-work challenge (signed here
    with the server's key, as GET .../challenge/ would sign it: the challenge is stateless
    until the server marks it used)."""
    from kompas.signals.antiabuse import pow_challenge, pow_solve

    return [intake_body(tag, i, pow_challenge(), pow_solve) for i in range(n)]


def wrk_run(*, port, path, bodies, clients, wrk_threads, max_seconds, work_dir, window=0) -> dict:
    body_file = work_dir / "bodies.txt"
    body_file.write_text("\n".join(bodies) + "\n")
    marker = work_dir / "done"
    for old in work_dir.glob("done.*"):
        old.unlink()
    cmd = [
        "wrk",
        "-t",
        str(wrk_threads),
        "-c",
        str(clients),
        "-d",
        f"{int(max_seconds)}s",
        "--timeout",
        "30s",
        "-s",
        str(HERE / "bench_intake.lua"),
        f"http://{HOST}:{port}{path}",
        "--",
        str(body_file),
        path,
        str(wrk_threads),
        str(marker),
        str(window),
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + max_seconds + 30
    while proc.poll() is None and time.time() < deadline:
        if len(list(work_dir.glob("done.*"))) >= wrk_threads:
            proc.send_signal(signal.SIGINT)  # every answer is in: end wrk's -d sleep
            break
        time.sleep(0.05)
    try:
        out, err = proc.communicate(timeout=max_seconds + 30)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
    match = re.search(r"KOMPAS_RESULT (\{.*\})", out)
    if not match:
        raise SystemExit(f"wrk gaf geen resultaat:\n{out}\n{err}")
    result = json.loads(match.group(1))
    result["rps"] = result["ok"] / result["seconds"] if result["seconds"] else 0.0
    return result


FLOOR = "/bench/floor/"
FORM = "/heerenveen/meldpunt/"
NAMES = {
    FLOOR: "vloer (Argon2id + Fernet + 1 INSERT)",
    INTAKE: "meldpunt-intake (API)",
    BARE: "kale Django-view",
}


def _ms(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def form_wrk_start(port: int, clients: int, seconds: float) -> subprocess.Popen:
    """A second wrk: GET the public form page for the whole flood (--latency: percentiles)."""
    cmd = ["wrk", "-t1", "-c", str(clients), "-d", f"{int(seconds)}s", "--latency"]
    cmd += ["--timeout", "30s", f"http://{HOST}:{port}{FORM}"]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def form_wrk_result(proc: subprocess.Popen) -> dict:
    out, err = proc.communicate(timeout=120)
    pct = dict(re.findall(r"^\s+(50|90|99)%\s+(\S+)\s*$", out, re.M))
    requests = re.search(r"(\d+) requests in", out)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if not pct or not requests:
        raise SystemExit(f"wrk (formulier) gaf geen resultaat:\n{out}\n{err}")
    return {
        "requests": int(requests.group(1)),
        "p50_ms": _ms(pct["50"]),
        "p90_ms": _ms(pct["90"]),
        "p99_ms": _ms(pct["99"]),
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
        "socket_errors": sum(int(x) for x in sock.groups()) if sock else 0,
    }


def run_row(i, name, load, pressure, res, stored) -> str:
    return (
        f"| {i} | {name} | {load:.2f} ({pressure}) | {res['sent']} | {res['ok']} | "
        f"{res['rps']:.0f} | {res['p50_ms']:.1f} | {res['p90_ms']:.1f} | "
        f"{res['p99_ms']:.1f} | {res['max_ms']:.1f} | "
        f"{res['server_cpu_ms']:.2f} ({res['server_sys_ms']:.2f}) | "
        f"{res['wrk_cpu_ms']:.3f} | {stored} |"
    )


def measured(gunicorn_pid: int, count, run) -> dict:
    """run() under the CPU counters; the rows stored meanwhile (count() before and after)."""
    before = count()
    load, pressure = os.getloadavg()[0], cpu_pressure()
    cpu0, wrk0 = cpu_seconds(gunicorn_pid), os.times()
    res = run()
    if res["answered"] < res["sent"]:
        time.sleep(3)  # wrk hit -d: let the server finish what it received
    wrk1, cpu1 = os.times(), cpu_seconds(gunicorn_pid)
    per = 1000 / max(1, res["sent"])
    res["server_cpu_ms"] = (sum(cpu1) - sum(cpu0)) * per
    res["server_sys_ms"] = (cpu1[1] - cpu0[1]) * per
    wrk_cpu = sum(wrk1[2:4]) - sum(wrk0[2:4])  # children user + system
    res["wrk_cpu_ms"] = wrk_cpu * per
    res["stored"] = count() - before
    res["load"], res["pressure"] = load, pressure
    return res


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=10, help="phase 1 (goal: 10)")
    parser.add_argument("--requests", type=int, default=1000, help="per run in phase 1")
    parser.add_argument("--rounds", type=int, default=3, help="floor + intake runs, alternating")
    parser.add_argument("--with-bare", action="store_true", help="a bare-view run per round too")
    parser.add_argument("--max-seconds", type=float, default=60, help="per run (wrk -d)")
    parser.add_argument("--flood-clients", type=int, default=50)
    parser.add_argument("--flood-seconds", type=float, default=60, help="0: no flood")
    parser.add_argument("--flood-rate", type=int, default=200, help="bodies prepared per second")
    parser.add_argument("--form-clients", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--wrk-threads", type=int, default=1)
    parser.add_argument("--pow-bits", type=int, default=8)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk ontbreekt: apt-get install -y wrk")
    if args.pow_bits < 1:
        raise SystemExit("--pow-bits moet minstens 1 zijn (proof of work blijft aan)")

    data_dir = Path(tempfile.mkdtemp(prefix="kompas-bench-signals-"))
    env = {
        "KOMPAS_DATA_DIR": str(data_dir),
        "DJANGO_SETTINGS_MODULE": "bench_settings",
        "PYTHONPATH": f"{HERE}:{REPO / 'src'}",
        # On, but out of reach of a benchmark whose every client is 127.0.0.1.
        "KOMPAS_MELDPUNT_SUBMISSIONS_PER_HOUR": "1000000000",
        "KOMPAS_MELDPUNT_POW_BITS": str(args.pow_bits),
        "KOMPAS_LOG_LEVEL": "WARNING",
    }
    os.environ.update(env)
    env = {**os.environ}
    sys.path[:0] = [str(HERE), str(REPO / "src")]
    url = env.get("DATABASE_URL", "")
    db = "PostgreSQL" if url.startswith("postgres") else "SQLite (WAL)"
    if db == "PostgreSQL":
        benchlib.postgres_database_ensure(url)
    import django

    django.setup()
    from bench_urls import floor_count, floor_table_create
    from django.core.management import call_command
    from django.db import connection

    from kompas.core.services import reference_data_load
    from kompas.signals.models import Signal

    call_command("migrate", verbosity=0)
    reference_data_load()
    Signal.objects.all().delete()
    floor_table_create()
    if db == "PostgreSQL":
        with connection.cursor() as cur:
            cur.execute("SELECT version()")
            db = "PostgreSQL " + cur.fetchone()[0].split()[1]
            cur.execute("DELETE FROM bench_floor")
    connection.close()

    def counter(path):
        def count() -> int:
            n = Signal.objects.count() if path == INTAKE else floor_count()
            connection.close()
            return n

        return count if path != BARE else (lambda: 0)

    port = free_port()
    gunicorn = benchlib.gunicorn_start(
        port=port, env=env, log_dir=data_dir, workers=args.workers, threads=args.threads
    )
    runs, flood, form = [], None, None
    try:
        wait_up(port)
        started = datetime.datetime.now(datetime.UTC)
        print(f"Datum: {started:%Y-%m-%d %H:%M} UTC")
        print(f"Machine: {machine()}")
        print(
            f"gunicorn {args.workers} workers x {args.threads} threads (alle doelen), "
            f"database {db}, {args.clients} gelijktijdige clients (wrk, {args.wrk_threads} "
            f"thread, loopback), {args.requests} verzoeken per run, {args.rounds} rondes, "
            f"proof of work {args.pow_bits} bits"
        )
        conn = http.client.HTTPConnection(HOST, port)  # the API's own challenge path works
        conn.request("GET", "/api/v1/meldpunt/heerenveen/challenge/")
        assert conn.getresponse().status == 200
        conn.close()
        # Warm-up: imports, first connections, caches of both workers.
        warm = bodies_make(100, "warm")
        for path in (INTAKE, FLOOR, BARE):
            wrk_run(
                port=port,
                path=path,
                bodies=warm,
                clients=8,
                wrk_threads=1,
                max_seconds=30,
                work_dir=data_dir,
            )
        order = []
        for r in range(args.rounds):
            pair = [FLOOR, INTAKE] if r % 2 == 0 else [INTAKE, FLOOR]
            order += pair + ([BARE] if args.with_bare else [])
        print()
        header = (
            "| run | doel | load avg 1 min (CPU-druk) | verstuurd | 201 | doorvoer /s | p50 ms "
            "| p90 ms | p99 ms | max ms | CPU server ms/verzoek (systeem) | CPU wrk ms/verzoek "
            "| opgeslagen |"
        )
        print(header)
        print("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for i, path in enumerate(order, start=1):
            bodies = bodies_make(args.requests, f"r{i}")
            res = measured(
                gunicorn.pid,
                counter(path),
                lambda path=path, bodies=bodies: wrk_run(
                    port=port,
                    path=path,
                    bodies=bodies,
                    clients=args.clients,
                    wrk_threads=args.wrk_threads,
                    max_seconds=args.max_seconds,
                    work_dir=data_dir,
                ),
            )
            res["path"] = path
            runs.append(res)
            kept = res["stored"] if path != BARE else "-"
            print(run_row(i, NAMES[path], res["load"], res["pressure"], res, kept), flush=True)
            if res["other_statuses"] or any(res["errors"].values()):
                print(f"    fouten: {res['errors']} statussen: {res['other_statuses']}")
        if args.flood_seconds > 0:
            bodies = bodies_make(int(args.flood_rate * args.flood_seconds), "flood")
            print()
            print(
                f"Vloed: {args.flood_clients} clients, {args.flood_seconds:.0f} s versturen "
                f"({len(bodies)} lichamen klaar), daarna de antwoorden onderweg afwachten; "
                f"tegelijk GET {FORM} met {args.form_clients} verbindingen"
            )
            print(header)
            print("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")

            def flood_run():
                nonlocal form
                proc = form_wrk_start(port, args.form_clients, args.flood_seconds)
                try:
                    return wrk_run(
                        port=port,
                        path=INTAKE,
                        bodies=bodies,
                        clients=args.flood_clients,
                        wrk_threads=args.wrk_threads,
                        max_seconds=args.flood_seconds + 60,
                        work_dir=data_dir,
                        window=args.flood_seconds,
                    )
                finally:
                    form = form_wrk_result(proc)

            flood = measured(gunicorn.pid, counter(INTAKE), flood_run)
            name = f"vloed: intake, {args.flood_clients} clients"
            print(run_row("V", name, flood["load"], flood["pressure"], flood, flood["stored"]))
            print(
                f"Formulierpagina tijdens de vloed: {form['requests']} verzoeken, p50 "
                f"{form['p50_ms']:.1f} ms, p90 {form['p90_ms']:.1f} ms, p99 {form['p99_ms']:.1f}"
                f" ms, niet-2xx {form['non_2xx']}, socketfouten {form['socket_errors']}"
            )
            if flood["other_statuses"] or any(flood["errors"].values()):
                print(f"    fouten: {flood['errors']} statussen: {flood['other_statuses']}")
    finally:
        benchlib.server_stop(gunicorn)
    verdicts(args, runs, flood, form, data_dir)


def verdicts(args, runs, flood, form, data_dir) -> None:
    floor = [r for r in runs if r["path"] == FLOOR]
    intake = [r for r in runs if r["path"] == INTAKE]
    ratios = [i["rps"] / f["rps"] for f, i in zip(floor, intake, strict=True) if f["rps"]]
    ratio = statistics.median(ratios)
    p99_max = max(r["p99_ms"] for r in intake)
    at_goal = args.clients == 10  # the p99 goal holds at 10 clients

    def verdict(met: bool) -> str:
        return "gehaald" if met else "NIET gehaald"

    print()
    print(
        "Doorvoer intake / vloer per ronde: "
        + ", ".join(f"{x:.0%}" for x in ratios)
        + f"; mediaan {ratio:.0%} (doel >= 50%: {verdict(ratio >= 0.5)})"
    )
    p99_verdict = verdict(p99_max < 150) if at_goal else f"geen oordeel bij {args.clients}"
    print(
        f"p99 intake bij {args.clients} clients: mediaan "
        f"{statistics.median(r['p99_ms'] for r in intake):.1f} ms, hoogste {p99_max:.1f} ms "
        f"(doel < 150 ms bij 10 clients: {p99_verdict})"
    )
    bad = [r for r in runs if r["path"] != BARE and not r["sent"] == r["ok"] == r["stored"]]
    print(f"Fase 1: verstuurd = 201 = opgeslagen in elke run: {'ja' if not bad else 'NEE'}")
    failed = bool(bad)
    if flood is not None:
        server = flood["server_errors"] + sum(flood["errors"].values())
        same = flood["ok"] == flood["stored"]
        print(
            f"Vloed: verstuurd {flood['sent']}, beantwoord {flood['answered']}, 201 "
            f"{flood['ok']}, opgeslagen {flood['stored']} (201 = opgeslagen: {verdict(same)}); "
            f"serverfouten (5xx + socketfouten) {server} (doel 0: {verdict(server == 0)}); "
            f"formulierpagina p99 {form['p99_ms']:.1f} ms, fouten "
            f"{form['non_2xx'] + form['socket_errors']} (doel < 1000 ms: "
            f"{verdict(form['p99_ms'] < 1000 and not form['non_2xx'] + form['socket_errors'])})"
        )
        failed = failed or not same or server > 0
    # The error log names the server's own bind address ("Listening at"); that is no client's.
    logs = (data_dir / "access.log").read_text() + "".join(
        line
        for line in (data_dir / "error.log").read_text().splitlines(keepends=True)
        if "Listening at" not in line
    )
    print(
        f"Logs: {len(logs.splitlines())} regels; client-IP erin: {'127.0.0.1' in logs}; "
        f"16-cijferige code erin: {bool(re.search(r'(?<![0-9])[0-9]{16}(?![0-9])', logs))}"
    )
    print(f"Klaar: {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC")
    shutil.rmtree(data_dir, ignore_errors=True)
    if failed:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
