#!/usr/bin/env python
# SPDX-License-Identifier: EUPL-1.2
"""Plan files and norm tracking: time to validate, import (first time and unchanged), export
the three seed plans, and to compute the norms overview of Heerenveen with N registered events.

On a fresh data directory (SQLite unless DATABASE_URL is set). Prints date, machine and the
median of --repeat runs per step.

    .venv/bin/python benchmarks/policy/bench_plans.py [--repeat 5] [--events 5000]
"""

import argparse
import datetime
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "benchmarks"))
import benchlib  # noqa: E402 - benchmarks/ is put on the path just above


def machine() -> str:
    return benchlib.machine()


def timed(fn, repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--events", type=int, default=5000)
    args = parser.parse_args()
    os.environ.setdefault("KOMPAS_DATA_DIR", tempfile.mkdtemp(prefix="kompas-bench-policy-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kompas.settings")
    sys.path.insert(0, str(REPO / "src"))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import transaction

    call_command("migrate", verbosity=0)
    from kompas.core.models import Municipality
    from kompas.core.services import reference_data_load
    from kompas.policy import planfile
    from kompas.policy.models import Event, Plan
    from kompas.policy.planfile import PLANS_DIR
    from kompas.policy.selectors import norm_status_list
    from kompas.policy.services import plan_document, plan_file_validate, plan_import

    reference_data_load()
    seeds = sorted(PLANS_DIR.glob("GM*.yaml"))
    print(f"# policy benchmark, {datetime.datetime.now().astimezone():%Y-%m-%d %H:%M}, {machine()}")
    print(f"database: {django.db.connection.vendor}; median of {args.repeat} runs")

    def first_import():
        with transaction.atomic():
            for p in seeds:
                plan_import(path=p)
            transaction.set_rollback(True)

    ms = timed(lambda: [plan_file_validate(path=p) for p in seeds], args.repeat)
    print(f"validate 3 seed plans:            {ms:8.1f} ms")
    ms = timed(first_import, args.repeat)
    print(f"import 3 seed plans (new):        {ms:8.1f} ms")
    for p in seeds:
        plan_import(path=p)
    ms = timed(lambda: [plan_import(path=p) for p in seeds], args.repeat)
    print(f"re-import 3 unchanged plans:      {ms:8.1f} ms")
    plans = list(Plan.objects.all())
    ms = timed(lambda: [planfile.to_yaml(plan_document(plan=p)) for p in plans], args.repeat)
    print(f"export 3 plans as YAML:           {ms:8.1f} ms")
    gemeenten = list(Municipality.objects.all())
    kinds = ["integrale_controle", "ondermijningsdag", "voortgangsrapportage", "lio_overleg"]
    Event.objects.bulk_create(
        Event(
            kind=kinds[i % len(kinds)],
            date=datetime.date(2023, 1, 1) + datetime.timedelta(days=i % 1400),
            title=f"bench {i}",
            municipality=gemeenten[i % len(gemeenten)],
        )
        for i in range(args.events)
    )
    hv = Municipality.objects.get(code="GM0074")
    on = datetime.date(2025, 11, 1)
    ms = timed(lambda: norm_status_list(municipality=hv, on=on), args.repeat)
    print(f"norms overview Heerenveen ({args.events} events): {ms:8.1f} ms")


if __name__ == "__main__":
    main()
