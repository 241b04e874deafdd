# SPDX-License-Identifier: EUPL-1.2
"""The product's URLs plus two views on the same stack (gunicorn, every middleware, the same
JSON request bodies), for benchmarks/signals/bench_intake.py:

- `bench/bare/`: parses the JSON and answers 201; no meldpunt work at all (the old floor).
- `bench/floor/`: the meldpunt's real floor, the work no intake can skip (issue 15, item 6):
  a receipt code drawn and hashed with Argon2id at the production parameters
  (`signals.crypto`), the description and location encrypted with Fernet, and one INSERT in
  one transaction (on SQLite queued as the product queues its writers, `signals.writelock`:
  without the queue SQLite's busy polling would make the floor slower, not faster). No proof
  of work, rate limit, form validation, address dossier, history or audit entry.
"""

import json

from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import JsonResponse
from django.urls import path
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt

from kompas.signals import crypto, writelock
from kompas.urls import urlpatterns as kompas_urlpatterns

FLOOR_TABLE = "bench_floor"


def floor_table_create() -> None:
    """The floor's own table (no model, no migration: benchmark only)."""
    key = "BIGSERIAL" if connection.vendor == "postgresql" else "INTEGER"
    auto = "" if connection.vendor == "postgresql" else " AUTOINCREMENT"
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TABLE IF NOT EXISTS {FLOOR_TABLE} (id {key} PRIMARY KEY{auto}, "
            "code_hash VARCHAR(200) NOT NULL, description_enc TEXT NOT NULL, "
            "location_enc TEXT NOT NULL, created_at VARCHAR(40) NOT NULL)"
        )


def floor_count() -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {FLOOR_TABLE}")
        return cursor.fetchone()[0]


@csrf_exempt
@login_not_required
def bare(request):
    body = json.loads(request.body or b"{}")
    return JsonResponse({"ok": True, "n": len(body)}, status=201)


@csrf_exempt
@login_not_required
def floor(request):
    body = json.loads(request.body or b"{}")
    code = crypto.receipt_code_new()
    code_hash = crypto.receipt_code_hash(code)
    description = crypto.encrypt(str(body.get("description", "")))
    location = crypto.encrypt(
        json.dumps({"postcode": body.get("postcode", ""), "number": body.get("number", "")})
    )
    row = [code_hash, description, location, timezone.now().isoformat()]

    def insert():
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {FLOOR_TABLE} (code_hash, description_enc, location_enc, "
                "created_at) VALUES (%s, %s, %s, %s)",
                row,
            )

    writelock.write(insert)  # one transaction
    return JsonResponse({"receipt_code": crypto.receipt_code_format(code)}, status=201)


urlpatterns = [path("bench/bare/", bare), path("bench/floor/", floor), *kompas_urlpatterns]
