#!/usr/bin/env python
# SPDX-License-Identifier: EUPL-1.2
"""The table's case list (issue 12): a partner's OVO page with N cases listed and 10,000 audited
case views already in the log. Measures the page warm (p50/p95 of --repeat requests through
Django's test client, each request writing its own audit line) and the number of queries per
page at two list sizes (must be equal: no query per case).

On a fresh data directory (SQLite unless DATABASE_URL is set):

    .venv/bin/python benchmarks/cases/bench_case_list.py [--cases 2000] [--views 10000] \
        [--repeat 200]
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

GOAL_P95_MS = 150


def machine() -> str:
    return benchlib.machine()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--views", type=int, default=10000)
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    os.environ.setdefault("KOMPAS_DATA_DIR", tempfile.mkdtemp(prefix="kompas-bench-cases-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kompas.settings")
    sys.path.insert(0, str(REPO / "src"))
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    call_command("migrate", verbosity=0)
    from kompas.cases import services
    from kompas.cases.services import PersonData
    from kompas.core.models import AuditEntry, Membership, Municipality, PartnerOrganisation
    from kompas.core.services import reference_data_load
    from kompas.meetings import services as meetings_services

    reference_data_load()
    hv = Municipality.objects.get(code="GM0074")
    User = get_user_model()
    regisseur = User.objects.create_user("bench-regisseur")
    partner = User.objects.create_user("bench-ggd")
    Membership.objects.create(user=regisseur, municipality=hv, role="regisseur")
    Membership.objects.create(
        user=partner,
        municipality=hv,
        role="partner",
        partner=PartnerOrganisation.objects.get(code="ggd"),
    )
    ovo = meetings_services.series_create(
        municipality=hv, name="OVO bench", kind="ovo", confidentiality="vertrouwelijk", by=regisseur
    )
    meetings_services.series_member_add(series=ovo, user=partner, by=regisseur)
    ground = {
        "legal_ground_kind": "convenant",
        "legal_ground_name": "Convenant",
        "legal_ground_date": datetime.date(2023, 1, 1),
    }

    def add_cases(n: int) -> None:
        with transaction.atomic():
            for i in range(n):
                services.case_create(
                    municipality=hv,
                    case_type="overlast_pga",
                    by=regisseur,
                    regisseur_user=regisseur,
                    persons=[
                        PersonData(name=f"Bench Persoon {i}"),
                        PersonData(name=f"Bench Ander {i}"),
                    ],
                    series=[ovo],
                    **ground,
                )

    client = Client()
    client.force_login(partner)
    url = f"/heerenveen/casussen/tafels/{ovo.pk}/"

    def queries() -> int:
        client.get(url)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    start = time.perf_counter()
    add_cases(100)
    q_small = queries()
    add_cases(args.cases - 100)
    created = time.perf_counter() - start
    q_large = queries()
    ids = list(hv.cases.values_list("pk", flat=True))
    AuditEntry.objects.bulk_create(
        [
            AuditEntry(
                user=partner,
                username=partner.username,
                action="view",
                object_type="cases.case",
                object_id=str(ids[i % len(ids)]),
                municipality=hv,
            )
            for i in range(args.views)
        ],
        batch_size=2000,
    )
    for _ in range(10):
        client.get(url)  # warm
    runs = []
    for _ in range(args.repeat):
        t = time.perf_counter()
        response = client.get(url)
        runs.append((time.perf_counter() - t) * 1000)
        assert response.status_code == 200
    runs.sort()
    p95 = runs[int(0.95 * len(runs)) - 1]
    print(f"# cases benchmark, {datetime.datetime.now().astimezone():%Y-%m-%d %H:%M}, {machine()}")
    views = AuditEntry.objects.filter(object_type="cases.case", action="view").count()
    verdict = "met" if p95 < GOAL_P95_MS else "NOT met"
    print(
        f"database: {connection.vendor}; {hv.cases.count()} cases on the table, "
        f"{views} audited case views in the log (cases created in {created:.0f} s)"
    )
    print(
        f"table page (25 per page, partner): p50 {statistics.median(runs):.1f} ms, "
        f"p95 {p95:.1f} ms over {args.repeat} warm requests; goal p95 < {GOAL_P95_MS} ms: {verdict}"
    )
    print(
        f"queries per page: {q_small} with 100 cases, {q_large} with {args.cases}: "
        f"{'constant' if q_small == q_large else 'NOT constant'}"
    )


if __name__ == "__main__":
    main()
