#!/usr/bin/env python
# SPDX-License-Identifier: EUPL-1.2
"""CPU per staff page in process (Django's test client, no network), on a data directory that
bench_staff_pages.py prepared and kept (`--data-dir DIR`, SQLite): first and warm requests,
and with --profile a cProfile (this thread's CPU time) of one warm request per page.

    .venv/bin/python benchmarks/core/profile_staff_pages.py DIR [start triage monitoring
        dashboard bare] [--profile]
"""

import argparse
import cProfile
import io
import json
import os
import pstats
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
PAGES = {
    "start": "/heerenveen/",
    "triage": "/heerenveen/meldingen/",
    "monitoring": "/heerenveen/monitoring/",
    "dashboard": "/heerenveen/dashboard/",
    "bare": "/bench/ingelogd/",
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir")
    parser.add_argument("pages", nargs="*", help=", ".join(PAGES))
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    os.environ.update(
        {
            "KOMPAS_DATA_DIR": args.data_dir,
            "DJANGO_SETTINGS_MODULE": "bench_settings",
            "KOMPAS_LOG_LEVEL": "WARNING",
        }
    )
    sys.path[:0] = [str(HERE), str(REPO / "src")]
    import django

    django.setup()
    from django.test import Client

    _extra, keys = json.loads((Path(args.data_dir) / "bench-prepared.json").read_text())
    staff, public = Client(), Client()
    staff.cookies["sessionid"] = keys[0]
    print(f"load average {os.getloadavg()[0]:.1f}")
    for name in args.pages or list(PAGES):
        client = public if name == "dashboard" else staff
        t = time.thread_time()
        status = client.get(PAGES[name]).status_code
        first = (time.thread_time() - t) * 1000
        warm = []
        for _ in range(args.repeat):
            t = time.thread_time()
            client.get(PAGES[name])
            warm.append((time.thread_time() - t) * 1000)
        warm.sort()
        print(
            f"{name}: status {status}, first {first:.0f} ms CPU, warm median "
            f"{warm[len(warm) // 2]:.1f} ms CPU (min {warm[0]:.1f})"
        )
        if args.profile:
            prof = cProfile.Profile(time.thread_time)
            prof.enable()
            client.get(PAGES[name])
            prof.disable()
            out = io.StringIO()
            pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(40)
            print(out.getvalue())


if __name__ == "__main__":
    main()
