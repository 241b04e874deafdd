#!/usr/bin/env python
# SPDX-License-Identifier: EUPL-1.2
"""The coordinator's page of Zuidoost Friesland and the norms page of Heerenveen (issue 13)
with ten years of ondermijning registers for all four gemeenten: --controles integrale
controles (default 5,000, each with two addresses and a finding, four in five carried out and
so with their norm event), --measures bestuurlijke maatregelen (default 1,000, cases.Measure:
Bibob, Damocles, dwangsom, bestuursdwang, waarschuwing, intrekking; one in three owned by a
controle) and ten ondermijningsdagen a year (held ones with their partnership event), with the
three seed plans loaded for the norms.

Times both pages warm (p50/p95 of --repeat requests through Django's test client, an
adviseur of Heerenveen) side by side with a floor: a trivial staff page of the same app
through the same middleware, login and gemeente check (the empty KVO-B list). Also counts the
queries per page with one year and with ten years of registers (must be equal).

On a fresh data directory (SQLite unless DATABASE_URL is set):

    .venv/bin/python benchmarks/ondermijning/bench.py [--controles 5000] [--measures 1000]
        [--repeat 200] [--profile]
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
YEARS = 10
DAYS_PER_YEAR = 10


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
    return (
        f"{cpu or platform.processor()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, load {load:.1f}"
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
    parser.add_argument("--controles", type=int, default=5000)
    parser.add_argument("--measures", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument(
        "--profile",
        action="store_true",
        help="also print the 25 costliest functions (cumulative) of 50 warm norms-page requests",
    )
    args = parser.parse_args()
    os.environ.setdefault("KOMPAS_DATA_DIR", tempfile.mkdtemp(prefix="kompas-bench-ond-"))
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
    from kompas.cases.constants import CONTROLE_SOURCE as MEASURE_CONTROLE_SOURCE
    from kompas.cases.constants import MEASURE_CATEGORY, MeasureKind
    from kompas.cases.models import Measure
    from kompas.core.models import Membership, Municipality, PartnerOrganisation, Partnership
    from kompas.core.services import reference_data_load
    from kompas.ondermijning import services
    from kompas.ondermijning.constants import CONTROLE_SOURCE, DAY_SOURCE
    from kompas.ondermijning.models import (
        Branche,
        Controle,
        ControleLocation,
        Finding,
        UnderminingDay,
    )
    from kompas.policy.demo import PLANS_DIR, SEED_PLANS
    from kompas.policy.models import Event
    from kompas.policy.services import plan_import

    reference_data_load()
    for name in SEED_PLANS:
        plan_import(path=PLANS_DIR / name)
    services.branches_ensure()
    zofr = Partnership.objects.get(code="zuidoost-friesland")
    gemeenten = list(zofr.members.order_by("code"))
    assert len(gemeenten) == 4, "Zuidoost Friesland has four gemeenten"
    hv = Municipality.objects.get(code="GM0074")
    adviseur = get_user_model().objects.create_user("bench-adviseur")
    Membership.objects.create(user=adviseur, municipality=hv, role="adviseur")
    branches = list(Branche.objects.order_by("pk"))
    partners = list(PartnerOrganisation.objects.filter(code__in=["politie", "vth"]))
    today = timezone.localdate()
    first_year = today.year - YEARS + 1
    per_year = max(1, args.controles // (YEARS * len(gemeenten)))
    measures_per_year = max(1, args.measures // (YEARS * len(gemeenten)))
    measure_kinds = [
        MeasureKind.BIBOB,
        MeasureKind.DAMOCLES,
        MeasureKind.PENALTY,
        MeasureKind.ENFORCEMENT,
        MeasureKind.WARNING,
        MeasureKind.PERMIT_REVOKED,
    ]

    def on(year: int, i: int, n: int) -> datetime.date:
        """The i-th of n dates spread over the year, never after today."""
        last = today if year == today.year else datetime.date(year, 12, 31)
        span = (last - datetime.date(year, 1, 1)).days
        return datetime.date(year, 1, 1) + datetime.timedelta(days=span * i // max(1, n))

    def add_year(year: int) -> None:
        with transaction.atomic():
            days = UnderminingDay.objects.bulk_create(
                [
                    UnderminingDay(
                        partnership=zofr,
                        date=on(year, i, DAYS_PER_YEAR),
                        host=gemeenten[i % len(gemeenten)],
                        place=f"Plaats {i}",
                        theme=f"Thema {i}",
                        status="gehouden" if i % 5 else "gepland",
                    )
                    for i in range(DAYS_PER_YEAR)
                ]
            )
            events = [
                Event(
                    kind="ondermijningsdag",
                    date=d.date,
                    title=d.theme,
                    partnership=zofr,
                    source_type=DAY_SOURCE,
                    source_id=str(d.pk),
                )
                for d in days
                if d.status == "gehouden"
            ]
            controles = []
            for g, gemeente in enumerate(gemeenten):
                for i in range(per_year):
                    day = days[i] if i < DAYS_PER_YEAR and days[i].host == gemeente else None
                    controles.append(
                        Controle(
                            municipality=gemeente,
                            date=day.date if day else on(year, i, per_year),
                            title=f"Controle {year}-{g}-{i}",
                            branche=branches[i % len(branches)],
                            reason="ondermijningsdag" if day else "signalen",
                            day=day,
                            status=("uitgevoerd", "afgerond", "uitgevoerd", "afgerond", "gepland")[
                                i % 5
                            ],
                        )
                    )
            controles = Controle.objects.bulk_create(controles, batch_size=500)
            through = Controle.partners.through
            through.objects.bulk_create(
                [through(controle=c, partnerorganisation=p) for c in controles for p in partners],
                batch_size=1000,
            )
            locations = ControleLocation.objects.bulk_create(
                [
                    ControleLocation(controle=c, address=f"Straat {k}, {c.municipality.name}")
                    for c in controles
                    for k in (1, 2)
                ],
                batch_size=1000,
            )
            Finding.objects.bulk_create(
                [
                    Finding(location=loc, outcome=("niets", "waarschuwing", "maatregel")[n % 3])
                    for n, loc in enumerate(locations[::2])
                ],
                batch_size=1000,
            )
            events += [
                Event(
                    kind="integrale_controle",
                    date=c.date,
                    title=c.title,
                    municipality=c.municipality,
                    source_type=CONTROLE_SOURCE,
                    source_id=str(c.pk),
                )
                for c in controles
                if c.status != "gepland"
            ]
            Event.objects.bulk_create(events, batch_size=1000)
            by_gemeente = {
                g.pk: [c for c in controles if c.municipality_id == g.pk] for g in gemeenten
            }
            Measure.objects.bulk_create(
                [
                    Measure(
                        municipality=gemeente,
                        kind=kind,
                        category=MEASURE_CATEGORY[kind],
                        date=on(year, i, measures_per_year),
                        legal_article="Wet Bibob" if kind == MeasureKind.BIBOB else "Opiumwet 13b",
                        description=f"Maatregel {year}-{g}-{i}",
                        source_type=MEASURE_CONTROLE_SOURCE if i % 3 == 0 else "",
                        source_id=str(by_gemeente[gemeente.pk][i % per_year].pk)
                        if i % 3 == 0
                        else "",
                    )
                    for g, gemeente in enumerate(gemeenten)
                    for i in range(measures_per_year)
                    for kind in [measure_kinds[i % len(measure_kinds)]]
                ],
                batch_size=500,
            )

    client = Client()
    client.force_login(adviseur)
    pages = {
        "coordinator's page (Zuidoost Friesland)": (
            "/heerenveen/ondermijning/samenwerkingsverband/zuidoost-friesland/"
        ),
        "norms page (Heerenveen)": "/heerenveen/beleid/normen/",
    }
    floor = "/heerenveen/ondermijning/kvo-b/"

    def queries(url: str) -> int:
        client.get(url)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    start = time.perf_counter()
    add_year(today.year)
    q_small = {name: queries(url) for name, url in pages.items()}
    for year in range(first_year, today.year):
        add_year(year)
    created = time.perf_counter() - start
    q_large = {name: queries(url) for name, url in pages.items()}
    q_floor = queries(floor)
    if args.profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(50):
            client.get(pages["norms page (Heerenveen)"])
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    runs = {name: timed(client, url, args.repeat) for name, url in pages.items()}
    floor_runs = timed(client, floor, args.repeat)
    print(
        f"# ondermijning benchmark, {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC, "
        f"{machine()}"
    )
    print(
        f"database: {connection.vendor}; {first_year}-{today.year}, {len(gemeenten)} gemeenten: "
        f"{Controle.objects.count()} controles, {ControleLocation.objects.count()} locations, "
        f"{Finding.objects.count()} findings, {Measure.objects.count()} measures, "
        f"{UnderminingDay.objects.count()} "
        f"ondermijningsdagen, {Event.objects.count()} events; data built in {created:.1f} s"
    )
    print(f"{'page':<44} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}")
    for name, page_runs in runs.items():
        print(
            f"{name:<44} {statistics.median(page_runs):>8.1f} {p95(page_runs):>8.1f} "
            f"{q_large[name]:>8}"
        )
    print(
        f"{'floor: empty KVO-B list (same adviseur)':<44} {statistics.median(floor_runs):>8.1f} "
        f"{p95(floor_runs):>8.1f} {q_floor:>8}"
    )
    for name, page_runs in runs.items():
        verdict = "met" if p95(page_runs) < GOAL_P95_MS else "NOT met"
        constant = "constant" if q_small[name] == q_large[name] else "NOT constant"
        print(
            f"{name}: p50 {statistics.median(page_runs) - statistics.median(floor_runs):+.1f} ms, "
            f"p95 {p95(page_runs) - p95(floor_runs):+.1f} ms against the floor over {args.repeat} "
            f"warm requests; goal p95 < {GOAL_P95_MS} ms: {verdict}; queries {q_small[name]} with "
            f"one year, {q_large[name]} with {YEARS}: {constant}"
        )


if __name__ == "__main__":
    main()
