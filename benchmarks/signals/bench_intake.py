#!/usr/bin/env python
# SPDX-License-Identifier: EUPL-1.2
"""Meldpunt intake under concurrent load, side by side with a bare Django view.

Starts gunicorn on 127.0.0.1 (loopback only) with the demo's settings (2 workers x 4 threads,
access log without client address) on a fresh data directory, then drives it with `wrk`
(C, epoll, one thread: it leaves the 2 cores to the server, unlike a Python load generator)
and a Lua script (bench_intake.lua) that sends every prepared body exactly once from N
keep-alive connections, at:
  1. POST /bench/bare/                            (bare Django view: same gunicorn, settings,
                                                   middleware and JSON body; no meldpunt work)
  2. POST /api/v1/meldpunt/heerenveen/signals/    (the real public API: proof-of-work check,
                                                   salted rate limit, form validation, Argon2id,
                                                   Fernet, signal + history + dossier + audit in
                                                   one transaction)
Runs alternate (bare, intake, intake, bare, ...) for --rounds rounds so background load hits
both alike; each run records the 1-minute load average, the CPU pressure (PSI) and the CPU
the server (gunicorn) and wrk used per request. After every intake run the number of signals
in the database must have grown by exactly the number of requests sent.

Bounded: --requests per run (every body is sent once), wrk's -d (--max-seconds) per run, and
--rounds. Proof of work is at --pow-bits (default 8, nonzero; the server's check is one
SHA-256 whatever the difficulty), solved here beforehand. The submission rate limit stays on,
with a limit high enough that 127.0.0.1 (every client) never reaches it, so its cache work is
measured.

    .venv/bin/python benchmarks/signals/bench_intake.py [--clients 50] [--requests 3000]
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
import socket
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
HOST = "127.0.0.1"
INTAKE = "/api/v1/meldpunt/heerenveen/signals/"
BARE = "/bench/bare/"


def machine() -> str:
    return benchlib.machine()


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def wait_up(port: int, timeout: float = 60) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=2)
            conn.request("GET", "/health/")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("gunicorn kwam niet op")


def cpu_seconds(pid: int) -> tuple[float, float]:
    """(user, system) CPU of a process and its children (gunicorn master and workers)."""
    tick = os.sysconf("SC_CLK_TCK")
    user, system, todo = 0.0, 0.0, [pid]
    while todo:
        p = todo.pop()
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            user += int(fields[11]) / tick
            system += int(fields[12]) / tick
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue
    return user, system


def cpu_pressure() -> str:
    """Share of the last 10 s in which runnable tasks waited for a CPU (Linux PSI)."""
    try:
        return Path("/proc/pressure/cpu").read_text().split()[1].split("=")[1] + "%"
    except (OSError, IndexError):
        return "-"


def postgres_database_ensure(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1].split("?")[0]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


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


def bodies_make(port: int, n: int, tag: str, pow_solve) -> list[str]:
    """n intake bodies, each with its own fresh, solved proof-of-work challenge."""
    conn = http.client.HTTPConnection(HOST, port)
    out = []
    for i in range(n):
        conn.request("GET", "/api/v1/meldpunt/heerenveen/challenge/")
        out.append(intake_body(tag, i, json.loads(conn.getresponse().read()), pow_solve))
    conn.close()
    return out


def wrk_run(*, port, path, bodies, clients, wrk_threads, max_seconds, work_dir) -> dict:
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=3000, help="per run")
    parser.add_argument("--rounds", type=int, default=3, help="bare + intake runs, alternating")
    parser.add_argument("--max-seconds", type=float, default=60, help="per run (wrk -d)")
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
        postgres_database_ensure(url)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from kompas.core.services import reference_data_load
    from kompas.signals.antiabuse import pow_solve
    from kompas.signals.models import Signal

    call_command("migrate", verbosity=0)
    reference_data_load()
    Signal.objects.all().delete()
    if db == "PostgreSQL":
        with connection.cursor() as cur:
            cur.execute("SELECT version()")
            db = "PostgreSQL " + cur.fetchone()[0].split()[1]
    connection.close()

    def stored() -> int:
        n = Signal.objects.count()
        connection.close()
        return n

    port = free_port()
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
    runs = []
    try:
        wait_up(port)
        started = datetime.datetime.now(datetime.UTC)
        print(f"Datum: {started:%Y-%m-%d %H:%M} UTC")
        print(f"Machine: {machine()}")
        print(
            f"gunicorn {args.workers} workers x {args.threads} threads (beide doelen), "
            f"database {db}, {args.clients} gelijktijdige clients (wrk, {args.wrk_threads} "
            f"thread, loopback), {args.requests} verzoeken per run, {args.rounds} rondes, "
            f"proof of work {args.pow_bits} bits"
        )
        # Warm-up: imports, first connections, caches of both workers.
        warm = bodies_make(port, 100, "warm", pow_solve)
        for path, bodies in ((INTAKE, warm), (BARE, warm)):
            wrk_run(
                port=port,
                path=path,
                bodies=bodies,
                clients=8,
                wrk_threads=1,
                max_seconds=30,
                work_dir=data_dir,
            )
        order = []
        for r in range(args.rounds):
            order += [BARE, INTAKE] if r % 2 == 0 else [INTAKE, BARE]
        print()
        print(
            "| run | doel | load avg 1 min (CPU-druk) | verstuurd | 201 | doorvoer /s | p50 ms "
            "| p90 ms | p99 ms | max ms | CPU server ms/verzoek (systeem) | CPU wrk ms/verzoek "
            "| opgeslagen |"
        )
        print("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for i, path in enumerate(order, start=1):
            bodies = bodies_make(port, args.requests, f"r{i}", pow_solve)
            before = stored()
            load, pressure = os.getloadavg()[0], cpu_pressure()
            cpu0, wrk0 = cpu_seconds(gunicorn.pid), os.times()
            res = wrk_run(
                port=port,
                path=path,
                bodies=bodies,
                clients=args.clients,
                wrk_threads=args.wrk_threads,
                max_seconds=args.max_seconds,
                work_dir=data_dir,
            )
            if res["answered"] < res["sent"]:
                time.sleep(3)  # wrk hit -d: let the server finish what it received
            wrk1 = os.times()
            cpu1 = cpu_seconds(gunicorn.pid)
            per = 1000 / max(1, res["sent"])
            res["server_cpu_ms"] = (sum(cpu1) - sum(cpu0)) * per
            res["server_sys_ms"] = (cpu1[1] - cpu0[1]) * per
            res["wrk_cpu_ms"] = (
                (
                    wrk1.children_user
                    + wrk1.children_system
                    - wrk0.children_user
                    - wrk0.children_system
                )
                / max(1, res["sent"])
                * 1000
            )
            res["stored"] = stored() - before
            res["load"] = load
            res["target"] = "intake" if path == INTAKE else "bare"
            runs.append(res)
            name = "meldpunt-intake (API)" if path == INTAKE else "kale Django-view"
            print(
                f"| {i} | {name} | {load:.2f} ({pressure}) | {res['sent']} | {res['ok']} | "
                f"{res['rps']:.0f} | {res['p50_ms']:.1f} | {res['p90_ms']:.1f} | "
                f"{res['p99_ms']:.1f} | {res['max_ms']:.1f} | "
                f"{res['server_cpu_ms']:.2f} ({res['server_sys_ms']:.2f}) | "
                f"{res['wrk_cpu_ms']:.3f} | {res['stored'] if path == INTAKE else '-'} |",
                flush=True,
            )
            trouble = any(res["errors"].values()) or res["health_after_reconnect"]
            if res["other_statuses"] or trouble:
                print(
                    f"    fouten: {res['errors']} statussen: {res['other_statuses']} "
                    f"/health/ na reconnect: {res['health_after_reconnect']}"
                )
    finally:
        gunicorn.terminate()
        gunicorn.wait(timeout=30)

    bare = [r for r in runs if r["target"] == "bare"]
    intake = [r for r in runs if r["target"] == "intake"]
    ratios = [i["rps"] / b["rps"] for b, i in zip(bare, intake, strict=True) if b["rps"]]
    ratio = statistics.median(ratios)
    p99 = statistics.median(r["p99_ms"] for r in intake)
    p99_max = max(r["p99_ms"] for r in intake)
    sent = sum(r["sent"] for r in intake)
    ok = sum(r["ok"] for r in intake)
    kept = sum(r["stored"] for r in intake)
    # The goals hold at 50 concurrent clients; other client counts are context only.
    at_goal = args.clients == 50

    def verdict(met: bool) -> str:
        if not at_goal:
            return f"geen oordeel: het doel geldt bij 50 clients, hier {args.clients}"
        return "gehaald" if met else "NIET gehaald"

    print()
    print(
        "Doorvoer intake / kale view per ronde: "
        + ", ".join(f"{x:.0%}" for x in ratios)
        + f"; mediaan {ratio:.0%} (doel >= 50%: {verdict(ratio >= 0.5)})"
    )
    print(
        f"p99 intake: mediaan {p99:.1f} ms, hoogste {p99_max:.1f} ms "
        f"(doel < 150 ms: {verdict(p99_max < 150)})"
    )
    print(
        f"Intake verstuurd: {sent}, 201: {ok}, opgeslagen: {kept} "
        f"({'verstuurd = opgeslagen' if sent == kept == ok else 'VERSCHIL'})"
    )
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
    if sent != kept or ok != sent:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
