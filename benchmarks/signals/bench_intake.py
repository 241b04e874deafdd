#!/usr/bin/env python
# SPDX-License-Identifier: EUPL-1.2
"""Meldpunt intake under concurrent load, side by side with a bare Django view.

Starts gunicorn on 127.0.0.1 (loopback only) with the demo's settings (2 workers x 4 threads)
on a fresh data directory, then fires a bounded number of requests from N concurrent clients
(threads with keep-alive connections) at:
  1. POST /bench/bare/                            (bare Django view, same stack)
  2. POST /api/v1/meldpunt/heerenveen/signals/    (real intake: validation, proof of work,
                                                   Argon2, encryption, database write)
and prints throughput and latency percentiles, then checks count sent (201) = count stored.

Bounded: --requests per target (default 1500) and --max-seconds per target (default 120).
The salted rate limit is switched off (all clients share 127.0.0.1); proof-of-work difficulty
is set low because its cost is on the client only (server verification is one SHA-256).

    .venv/bin/python benchmarks/signals/bench_intake.py [--clients 50] [--requests 1500]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kompas_bench_signals ... (PostgreSQL)
"""

import argparse
import datetime
import http.client
import json
import os
import platform
import queue
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
VENV_BIN = Path(sys.executable).parent
HOST = "127.0.0.1"


def machine() -> str:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return (
        f"{platform.node()} {platform.machine()}, {os.cpu_count()} cores ({model}){mem}, "
        f"Python {platform.python_version()}"
    )


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


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    if not values:
        return float("nan")
    k = min(len(values) - 1, max(0, int(round(p / 100 * len(values) + 0.5)) - 1))
    return values[k]


def run_load(port, path, bodies, clients, max_seconds):
    """Send every body once, from `clients` threads; return (latencies, statuses, wall)."""
    work: queue.Queue = queue.Queue()
    for b in bodies:
        work.put(b)
    latencies, statuses, lock = [], [], threading.Lock()
    deadline = time.time() + max_seconds
    headers = {"Content-Type": "application/json", "Connection": "keep-alive"}

    def client():
        conn = http.client.HTTPConnection(HOST, port, timeout=30)
        while time.time() < deadline:
            try:
                body = work.get_nowait()
            except queue.Empty:
                break
            t0 = time.perf_counter()
            try:
                conn.request("POST", path, body=body, headers=headers)
                resp = conn.getresponse()
                resp.read()
                status = resp.status
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection(HOST, port, timeout=30)
                status = 0
            dt = time.perf_counter() - t0
            with lock:
                latencies.append(dt)
                statuses.append(status)
        conn.close()

    threads = [threading.Thread(target=client) for _ in range(clients)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, statuses, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=1500)
    parser.add_argument("--max-seconds", type=float, default=120)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args()

    sys.path.insert(0, str(REPO / "src"))
    from kompas.signals.antiabuse import pow_solve

    data_dir = Path(tempfile.mkdtemp(prefix="kompas-bench-signals-"))
    env = {
        **os.environ,
        "KOMPAS_DATA_DIR": str(data_dir),
        "DJANGO_SETTINGS_MODULE": "bench_settings",
        "PYTHONPATH": f"{HERE}:{REPO / 'src'}",
        "KOMPAS_MELDPUNT_SUBMISSIONS_PER_HOUR": "0",
        "KOMPAS_MELDPUNT_POW_BITS": "8",
        "KOMPAS_LOG_LEVEL": "WARNING",
    }
    kompas = str(VENV_BIN / "kompas")
    db = "PostgreSQL" if env.get("DATABASE_URL", "").startswith("postgres") else "SQLite (WAL)"
    if db == "PostgreSQL":
        subprocess.run([kompas, "flush", "--noinput"], env=env, check=False, capture_output=True)
    subprocess.run([kompas, "migrate", "-v0"], env=env, check=True)
    subprocess.run(
        [kompas, "shell", "-c", "from kompas.core.services import reference_data_load as r; r()"],
        env=env,
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [
            kompas,
            "shell",
            "-c",
            "from kompas.signals.models import Signal; Signal.objects.all().delete()",
        ],
        env=env,
        check=True,
        capture_output=True,
    )
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
    try:
        wait_up(port)
        print(f"Datum: {datetime.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}")
        print(f"Machine: {machine()}")
        print(
            f"gunicorn {args.workers} workers x {args.threads} threads, database {db}, "
            f"{args.clients} gelijktijdige clients, {args.requests} verzoeken per doel, "
            f"load generator op dezelfde machine (loopback)"
        )
        # Warm-up (imports, first connections) and challenges for the intake requests.
        conn = http.client.HTTPConnection(HOST, port)
        bodies_intake = []
        for i in range(args.requests + 20):
            conn.request("GET", "/api/v1/meldpunt/heerenveen/challenge/")
            ch = json.loads(conn.getresponse().read())
            bodies_intake.append(
                json.dumps(
                    {
                        "phenomenon": "drugs_teelt",
                        "description": f"Benchmarkmelding {i}: hennepgeur uit de schuur, "
                        "ramen afgeplakt, dag en nacht ventilatoren.",
                        "postcode": "8441AB",
                        "number": str(i % 200 + 1),
                        "when_kind": "doorlopend",
                        "challenge": ch["challenge"],
                        "nonce": pow_solve(ch["challenge"], ch["bits"]),
                    }
                )
            )
        conn.close()
        warm = bodies_intake[:20]
        bodies_intake = bodies_intake[20:]
        run_load(port, "/api/v1/meldpunt/heerenveen/signals/", warm, 4, 30)
        run_load(port, "/bench/bare/", [json.dumps({"x": i}) for i in range(50)], 4, 30)

        results = {}
        for name, path, bodies in [
            (
                "kale Django-view",
                "/bench/bare/",
                [
                    json.dumps({"phenomenon": "drugs_teelt", "description": "x" * 80, "i": i})
                    for i in range(args.requests)
                ],
            ),
            ("meldpunt-intake (API)", "/api/v1/meldpunt/heerenveen/signals/", bodies_intake),
        ]:
            lat, statuses, wall = run_load(port, path, bodies, args.clients, args.max_seconds)
            ok = sum(1 for s in statuses if s == 201)
            results[name] = {
                "sent": len(statuses),
                "ok": ok,
                "wall": wall,
                "rps": ok / wall,
                "p50": percentile(lat, 50) * 1000,
                "p95": percentile(lat, 95) * 1000,
                "p99": percentile(lat, 99) * 1000,
                "max": max(lat) * 1000,
                "errors": len(statuses) - ok,
            }
        stored = (
            subprocess.run(
                [
                    kompas,
                    "shell",
                    "-c",
                    "from kompas.signals.models import Signal; print(Signal.objects.count())",
                ],
                env=env,
                check=True,
                capture_output=True,
                text=True,
            )
            .stdout.strip()
            .splitlines()[-1]
        )
    finally:
        gunicorn.terminate()
        gunicorn.wait(timeout=30)

    print()
    print("| doel | verstuurd | 201 | fouten | doorvoer (/s) | p50 ms | p95 ms | p99 ms | max ms |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, r in results.items():
        print(
            f"| {name} | {r['sent']} | {r['ok']} | {r['errors']} | {r['rps']:.0f} | "
            f"{r['p50']:.1f} | {r['p95']:.1f} | {r['p99']:.1f} | {r['max']:.1f} |"
        )
    bare, intake = results["kale Django-view"], results["meldpunt-intake (API)"]
    ratio = intake["rps"] / bare["rps"] if bare["rps"] else 0
    warm_ok = 20
    stored_n = int(stored) - warm_ok
    print()
    print(f"Verhouding doorvoer intake / kale view: {ratio:.0%} (doel >= 50%)")
    print(f"p99 intake: {intake['p99']:.1f} ms (doel < 150 ms)")
    print(
        f"Verstuurd met 201: {intake['ok']}, opgeslagen: {stored_n} "
        f"({'gelijk' if stored_n == intake['ok'] else 'VERSCHIL'})"
    )
    log = (data_dir / "access.log").read_text()
    print(f"Access log: {len(log.splitlines())} regels, IP-adres erin: {'127.0.0.1' in log}")
    shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
