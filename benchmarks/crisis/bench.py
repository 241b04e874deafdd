#!/usr/bin/env python
# SPDX-License-Identifier: EUPL-1.2
"""The readiness page of the HOWO district (issue 14): --people crisis members (default 200)
with --qualifications qualifications (default 2,000, a tenth of them expired, some expiring
within 60 days), assigned over the district's key functions, with absences and piket slots.
Times the page warm (p50/p95 of --repeat requests through Django's test client, an adviseur
of Heerenveen) side by side with a floor: a trivial staff page of the same district through
the same middleware, login and owner resolution (the empty brandweerposten list). Also counts
the queries per page at two sizes (must be equal: no query per person).

On a fresh data directory (SQLite unless DATABASE_URL is set):

    .venv/bin/python benchmarks/crisis/bench.py [--people 200] [--qualifications 2000] \
        [--repeat 200]
"""

import argparse
import datetime
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
GOAL_P95_MS = 150


def machine() -> str:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    python = platform.python_version()
    return (
        f"{cpu or platform.processor()}, {os.cpu_count()} cores, Python {python}, load {load:.1f}"
    )


def timed(client, url: str, repeat: int) -> list[float]:
    for _ in range(10):
        assert client.get(url).status_code == 200  # warm
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        response = client.get(url)
        runs.append((time.perf_counter() - t) * 1000)
        assert response.status_code == 200
    return sorted(runs)


def p95(runs: list[float]) -> float:
    return runs[max(0, int(0.95 * len(runs)) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=200)
    parser.add_argument("--qualifications", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    os.environ.setdefault("KOMPAS_DATA_DIR", tempfile.mkdtemp(prefix="kompas-bench-crisis-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kompas.settings")
    sys.path.insert(0, str(REPO / "src"))
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    call_command("migrate", verbosity=0)
    from kompas.core.models import Membership, Municipality, Partnership
    from kompas.core.services import reference_data_load
    from kompas.crisis import selectors, services
    from kompas.crisis.models import (
        Absence,
        Assignment,
        CrisisMember,
        KeyFunction,
        PiketSlot,
        Qualification,
    )

    reference_data_load()
    hv = Municipality.objects.get(code="GM0074")
    howo = Partnership.objects.get(code="howo")
    assert hv.partnerships.filter(pk=howo.pk).exists(), "Heerenveen is a member of HOWO"
    adviseur = get_user_model().objects.create_user("bench-adviseur")
    Membership.objects.create(user=adviseur, municipality=hv, role="adviseur")
    owner = selectors.Owner(partnership=howo, can_write=True, context_municipality=hv)
    services.function_defaults_ensure(owner=owner)
    functions = list(KeyFunction.objects.filter(partnership=howo).order_by("pk"))
    today = timezone.localdate()
    per_person = max(1, args.qualifications // args.people)

    def add_people(first: int, n: int) -> None:
        """n members, each assigned to two functions, with `per_person` qualifications over
        the functions (one in ten expired, one in twenty expiring within 60 days), one in ten
        absent today, one in five on piket."""
        with transaction.atomic():
            members = CrisisMember.objects.bulk_create(
                [
                    CrisisMember(
                        partnership=howo, name=f"Bench Lid {first + i}", active=i % 25 != 0
                    )
                    for i in range(n)
                ]
            )
            assignments, qualifications, absences, piket = [], [], [], []
            for i, member in enumerate(members):
                k = first + i
                mine = [functions[k % len(functions)], functions[(k + 1) % len(functions)]]
                assignments += [Assignment(member=member, function=f) for f in mine]
                for q in range(per_person):
                    j = k * per_person + q
                    expires = (
                        today - datetime.timedelta(days=30)
                        if j % 10 == 0
                        else today + datetime.timedelta(days=20 if j % 20 == 1 else 400)
                    )
                    qualifications.append(
                        Qualification(
                            member=member,
                            function=functions[(k + q) % len(functions)],
                            name=f"Kwalificatie {q}",
                            obtained_on=today - datetime.timedelta(days=700),
                            expires_on=expires,
                        )
                    )
                if k % 10 == 3:
                    absences.append(
                        Absence(
                            member=member,
                            starts_on=today - datetime.timedelta(days=2),
                            ends_on=today + datetime.timedelta(days=5),
                        )
                    )
                if k % 5 == 0:
                    piket.append(
                        PiketSlot(
                            member=member,
                            function=mine[0],
                            starts_on=today - datetime.timedelta(days=3),
                            ends_on=today + datetime.timedelta(days=4),
                        )
                    )
            Assignment.objects.bulk_create(assignments)
            Qualification.objects.bulk_create(qualifications, batch_size=1000)
            Absence.objects.bulk_create(absences)
            PiketSlot.objects.bulk_create(piket)

    client = Client()
    client.force_login(adviseur)
    page = "/heerenveen/crisis/district/howo/"
    floor = "/heerenveen/crisis/district/howo/brandweer/"

    def queries(url: str) -> int:
        client.get(url)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    start = time.perf_counter()
    add_people(0, 20)
    q_small = queries(page)
    add_people(20, args.people - 20)
    created = time.perf_counter() - start
    q_large, q_floor = queries(page), queries(floor)
    summary = selectors.readiness_summary(owner=owner)
    page_runs = timed(client, page, args.repeat)
    floor_runs = timed(client, floor, args.repeat)
    print(
        f"# crisis readiness benchmark, {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC, "
        f"{machine()}"
    )
    print(
        f"database: {connection.vendor}; HOWO district: "
        f"{CrisisMember.objects.filter(partnership=howo).count()} people, "
        f"{Qualification.objects.filter(member__partnership=howo).count()} qualifications, "
        f"{len(functions)} key functions (groen {summary['green']}, oranje {summary['amber']}, "
        f"rood {summary['red']}); data built in {created:.1f} s"
    )
    verdict = "met" if p95(page_runs) < GOAL_P95_MS else "NOT met"
    print(f"{'page':<44} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}")
    print(
        f"{'readiness page (district, adviseur)':<44} {statistics.median(page_runs):>8.1f} "
        f"{p95(page_runs):>8.1f} {q_large:>8}"
    )
    print(
        f"{'floor: empty brandweerposten list (same)':<44} {statistics.median(floor_runs):>8.1f} "
        f"{p95(floor_runs):>8.1f} {q_floor:>8}"
    )
    above = statistics.median(page_runs) - statistics.median(floor_runs)
    print(
        f"readiness above the floor: p50 +{above:.1f} ms, "
        f"p95 +{p95(page_runs) - p95(floor_runs):.1f} ms over {args.repeat} warm requests each; "
        f"goal p95 < {GOAL_P95_MS} ms: {verdict}"
    )
    print(
        f"queries on the readiness page: {q_small} with 20 people, {q_large} with "
        f"{args.people}: {'constant' if q_small == q_large else 'NOT constant'}"
    )


if __name__ == "__main__":
    main()
