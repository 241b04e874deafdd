# SPDX-License-Identifier: EUPL-1.2
# ruff: noqa: S608  (the switch's SQL names only the models' tables and columns; values are
# query parameters)
"""The staging area of observation imports (ObservationStage).

An import writes its new and changed observations here in chunks of STAGE_CHUNK rows, each in
its own short transaction, so on SQLite the write lock is free between chunks (for STAGE_PAUSE)
and the meldpunt (or any other writer) gets it within a chunk's time instead of waiting for the
whole import.
`batch_switch` then moves a batch into Observation with one INSERT ... SELECT ... ON CONFLICT
statement inside the transaction that records the import: readers see the whole import at
once or nothing of it. Staged rows are deleted in chunks afterwards, also when the import
fails; a batch that a killed process left behind is removed by the next import."""

import time
import uuid
from collections.abc import Callable, Iterable
from datetime import timedelta

from django.db import connection, transaction
from django.utils import timezone

from ..models import DataImport, Indicator, Observation, ObservationStage

STAGE_CHUNK = 2_500
# On SQLite, the pause after each chunk's commit: a writer that found the database locked
# (a meldpunt report) polls with sleeps of up to 100 ms, so an import that began its next
# chunk at once would take the lock again before the waiter woke, chunk after chunk.
STAGE_PAUSE = 0.12
STALE_AFTER = timedelta(hours=12)


def batch_new() -> str:
    return uuid.uuid4().hex


STAGED_COLUMNS = (
    "indicator_code",
    "region_code",
    "period",
    "year",
    "grain",
    "number",
    "value",
    "status",
)


def batch_stage(
    batch: str,
    rows: Iterable[tuple],
    total: int,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Write `rows` (tuples in the order of STAGED_COLUMNS) to `batch` in chunks of
    STAGE_CHUNK, one transaction each. The statement's parameters are built before the
    transaction opens, so it holds the write lock only while the database inserts.
    `progress(written, total)` after each chunk. Returns the number written."""
    q = connection.ops.quote_name
    columns = (*STAGED_COLUMNS, "batch", "staged_at")
    sql = (
        f"INSERT INTO {q(ObservationStage._meta.db_table)} "
        f"({', '.join(q(c) for c in columns)}) VALUES ({', '.join(['%s'] * len(columns))})"
    )
    tail = (batch, connection.ops.adapt_datetimefield_value(timezone.now()))
    written, chunk = 0, []
    if progress is not None:
        progress(0, total)

    def flush() -> None:
        nonlocal written
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(sql, chunk)
        written += len(chunk)
        chunk.clear()
        if progress is not None:
            progress(written, total)
        _let_waiting_writers_in()

    for row in rows:
        chunk.append((*row, *tail))
        if len(chunk) >= STAGE_CHUNK:
            flush()
    if chunk:
        flush()
    return written


def batch_switch(batch: str, data_import: DataImport) -> int:
    """Move every staged row of `batch` into Observation (insert, or update value, status
    and source of the stored one), attributed to `data_import`. The caller holds the
    transaction that also records the import; the indicators must exist. One statement, no
    Python per row. Returns the number of rows moved."""
    q = connection.ops.quote_name
    obs, stage, ind = (q(m._meta.db_table) for m in (Observation, ObservationStage, Indicator))
    columns = ("region_code", "period", "year", "grain", "number", "value", "status")
    target = ", ".join(q(c) for c in ("indicator_id", *columns, "source_import_id"))
    selected = ", ".join(f"s.{q(c)}" for c in columns)
    updated = ", ".join(
        f"{q(c)} = excluded.{q(c)}" for c in ("value", "status", "source_import_id")
    )
    sql = (
        f"INSERT INTO {obs} ({target}) "
        f"SELECT i.{q('id')}, {selected}, %s FROM {stage} s "
        f"JOIN {ind} i ON i.{q('code')} = s.{q('indicator_code')} "
        f"WHERE s.{q('batch')} = %s "
        # In the order of the unique index: 220,000 rows took 0.4 s instead of 2.4 s (SQLite).
        f"ORDER BY i.{q('id')}, s.{q('region_code')}, s.{q('period')} "
        f"ON CONFLICT ({q('indicator_id')}, {q('region_code')}, {q('period')}) "
        f"DO UPDATE SET {updated}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [data_import.pk, batch])
        return cursor.rowcount


def batch_delete(batch: str) -> None:
    """Delete the staged rows of `batch`, STAGE_CHUNK rows per transaction."""
    _delete_chunked(ObservationStage.objects.filter(batch=batch))


def stale_batches_delete() -> None:
    """Remove staged rows older than STALE_AFTER: left by an import whose process was killed
    (no running import takes that long)."""
    _delete_chunked(ObservationStage.objects.filter(staged_at__lt=timezone.now() - STALE_AFTER))


def _delete_chunked(qs) -> None:
    """Delete the rows of `qs` STAGE_CHUNK at a time, ids looked up before each transaction."""
    table = connection.ops.quote_name(ObservationStage._meta.db_table)
    while True:
        ids = list(qs.values_list("id", flat=True)[:STAGE_CHUNK])
        if not ids:
            return
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {table} WHERE id IN ({', '.join(['%s'] * len(ids))})", ids)
        _let_waiting_writers_in()


def _let_waiting_writers_in() -> None:
    """After a committed chunk on SQLite (not inside a caller's transaction, which keeps the
    lock anyway): pause for STAGE_PAUSE so that writers polling for the lock get it."""
    if connection.vendor == "sqlite" and not connection.in_atomic_block:
        time.sleep(STAGE_PAUSE)
