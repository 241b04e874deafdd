#!/usr/bin/env python
# SPDX-License-Identifier: EUPL-1.2
"""Where one meldpunt intake request spends its time, in process (no network, no gunicorn).

Calls the WSGI application directly with the same body as bench_intake.py, for the bare view
and the intake API, on a fresh data directory (SQLite) or DATABASE_URL (PostgreSQL), and prints
the mean CPU time per request plus a cProfile of the intake sorted by cumulative time.

    .venv/bin/python benchmarks/signals/profile_intake.py [--n 300] [--top 40]
"""

import argparse
import cProfile
import io
import json
import os
import pstats
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--sort", default="cumulative")
    parser.add_argument(
        "--wall", action="store_true", help="profile wall time (default: this thread's CPU)"
    )
    args = parser.parse_args()

    data_dir = Path(tempfile.mkdtemp(prefix="kompas-prof-signals-"))
    os.environ.update(
        {
            "KOMPAS_DATA_DIR": str(data_dir),
            "DJANGO_SETTINGS_MODULE": "bench_settings",
            "KOMPAS_MELDPUNT_SUBMISSIONS_PER_HOUR": "0",
            "KOMPAS_MELDPUNT_POW_BITS": "4",
            "KOMPAS_LOG_LEVEL": "WARNING",
        }
    )
    sys.path[:0] = [str(HERE), str(REPO / "src")]
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from kompas.core.services import reference_data_load

    reference_data_load()
    from bench_intake import intake_body
    from django.core.wsgi import get_wsgi_application

    from kompas.signals.antiabuse import pow_challenge, pow_solve

    app = get_wsgi_application()

    def environ(path: str, body: bytes) -> dict:
        return {
            "REQUEST_METHOD": "POST",
            "PATH_INFO": path,
            "SCRIPT_NAME": "",
            "QUERY_STRING": "",
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "8000",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "REMOTE_ADDR": "127.0.0.1",
            "HTTP_HOST": "127.0.0.1:8000",
            "CONTENT_TYPE": "application/json",
            "CONTENT_LENGTH": str(len(body)),
            "wsgi.input": io.BytesIO(body),
            "wsgi.url_scheme": "http",
            "wsgi.errors": sys.stderr,
            "wsgi.multithread": True,
            "wsgi.multiprocess": True,
            "wsgi.run_once": False,
            "wsgi.version": (1, 0),
        }

    def call(path: str, body: bytes) -> str:
        status = []
        out = app(environ(path, body), lambda s, h, exc_info=None: status.append(s))
        b"".join(out)
        if hasattr(out, "close"):
            out.close()
        return status[0]

    def body(i: int) -> bytes:
        return intake_body("profiel", i, pow_challenge(), pow_solve).encode()

    bare_body = json.dumps({"phenomenon": "drugs_teelt", "description": "x" * 80}).encode()
    bodies = [body(i) for i in range(args.n * 2 + 20)]
    for b in bodies[:20]:
        assert call("/api/v1/meldpunt/heerenveen/signals/", b).startswith("201"), "warm-up"
        call("/bench/bare/", bare_body)
    bodies = bodies[20:]

    def timed(path, bodies_):
        t0 = time.process_time()
        w0 = time.perf_counter()
        for b in bodies_:
            s = call(path, b)
            assert s.startswith("201"), s
        return (
            (time.process_time() - t0) / len(bodies_) * 1000,
            (time.perf_counter() - w0) / len(bodies_) * 1000,
        )

    cpu_b, wall_b = timed("/bench/bare/", [bare_body] * args.n)
    cpu_i, wall_i = timed("/api/v1/meldpunt/heerenveen/signals/", bodies[: args.n])
    from django.db import connection

    print(f"database: {connection.vendor}; load average: {os.getloadavg()}")
    print(f"bare view: {cpu_b:.2f} ms CPU, {wall_b:.2f} ms wall per request (in process)")
    print(f"intake   : {cpu_i:.2f} ms CPU, {wall_i:.2f} ms wall per request (in process)")

    from django.db import reset_queries
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        call("/api/v1/meldpunt/heerenveen/signals/", bodies[args.n])
    print(f"queries per intake: {len(ctx.captured_queries)}")
    for q in ctx.captured_queries:
        print("   ", q["sql"][:150])
    reset_queries()

    # CPU time by default: on a shared machine wall time mostly measures the other processes.
    prof = cProfile.Profile() if args.wall else cProfile.Profile(time.thread_time)
    prof.enable()
    for b in bodies[args.n + 1 :]:
        call("/api/v1/meldpunt/heerenveen/signals/", b)
    prof.disable()
    s = io.StringIO()
    pstats.Stats(prof, stream=s).sort_stats(args.sort).print_stats(args.top)
    print(s.getvalue())
    connection.close()
    shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
