# SPDX-License-Identifier: EUPL-1.2
"""Loads of the national table (`kompas data landelijk`), each recorded as a NationalLoad:
queued by --achtergrond, bezig once it holds the store's load lock, and then gereed (rows,
duration) or mislukt (the message and the rejected lines). `kompas data landelijk --status`
and the imports page show them; the worker's log is no longer the only place."""

import logging
import os
import socket
import time
from pathlib import Path

import duckdb
from django.db import DatabaseError
from django.utils import timezone

from kompas.core import tasks

from .. import analytics
from ..constants import ImportJobStatus
from ..models import NationalLoad

logger = logging.getLogger(__name__)


def national_load_queue(*, path: Path | str) -> NationalLoad:
    """Record a load for the worker and queue it (after commit); the file must be on the
    worker's disk."""
    from ..tasks import national_load_task

    load = NationalLoad.objects.create(file_name=str(path)[:500], background=True)
    tasks.enqueue(national_load_task, path=str(path), load_id=load.pk)
    return load


def _record(load: NationalLoad | None, **fields) -> None:
    """Write the load's new state; a database that cannot be written (not migrated, or
    locked for longer than its timeout) costs the record, never the load itself."""
    if load is None:
        return
    for name, value in fields.items():
        setattr(load, name, value)
    try:
        NationalLoad.objects.filter(pk=load.pk).update(**fields)
    except DatabaseError as exc:
        logger.warning("landelijke lading %s: uitkomst niet vastgelegd (%s)", load.pk, exc)


def _finish(load: NationalLoad | None, *, status: str, message: str, **fields) -> None:
    _record(load, status=status, message=message, finished_at=timezone.now(), **fields)


def _load_record(path, load_id: int | None) -> NationalLoad | None:
    try:
        if load_id:
            return NationalLoad.objects.filter(pk=load_id).first()
        return NationalLoad.objects.create(file_name=str(path)[:500])
    except DatabaseError as exc:  # e.g. `kompas data landelijk` before `kompas migrate`
        logger.warning("landelijke lading van %s: niet vastgelegd (%s)", path, exc)
        return None


def national_load_run(
    *, path: Path | str, load_id: int | None = None, progress=None
) -> analytics.LoadReport:
    """Load the national table from `path` (analytics.load_national) and record the outcome
    on the load (the queued one, or a new one for a load in the foreground). Errors are
    recorded and raised again for the caller to report: AnalyticsLoadError (the lines),
    NationalLoadBusy (another load runs: refused), OSError/duckdb.Error."""
    load = _load_record(path, load_id)

    def started() -> None:  # holds the lock now
        _record(
            load,
            status=ImportJobStatus.RUNNING,
            started_at=timezone.now(),
            pid=os.getpid(),
            host=socket.gethostname()[:200],
        )

    start = time.perf_counter()
    try:
        report = analytics.load_national(path, progress=progress, on_start=started)
    except analytics.AnalyticsLoadError as exc:
        _finish(
            load,
            status=ImportJobStatus.FAILED,
            message=f"{len(exc.problems)} fout(en); de landelijke tabel is niet gewijzigd.",
            problems=[list(p) for p in exc.problems[: NationalLoad.MAX_PROBLEMS]],
            problem_count=len(exc.problems),
            seconds=time.perf_counter() - start,
        )
        raise
    except analytics.NationalLoadBusy as exc:
        _finish(load, status=ImportJobStatus.FAILED, message=str(exc))
        raise
    except (OSError, duckdb.Error) as exc:
        _finish(
            load,
            status=ImportJobStatus.FAILED,
            message=f"laden mislukt ({exc}); de landelijke tabel is niet gewijzigd.",
            seconds=time.perf_counter() - start,
        )
        raise
    except BaseException:  # Ctrl-C in the foreground, or a bug: never left "bezig"
        _finish(
            load,
            status=ImportJobStatus.FAILED,
            message="afgebroken; de landelijke tabel is niet gewijzigd.",
            seconds=time.perf_counter() - start,
        )
        raise
    _finish(
        load,
        status=ImportJobStatus.DONE,
        message="de landelijke tabel is vervangen.",
        rows=report.rows,
        seconds=report.seconds,
    )
    return report


def national_loads_recover() -> list[int]:
    """Fail the loads still "bezig" whose process on this machine is gone (killed worker or
    command; or this process id, but from before this process started: a restarted
    container): the store's lock went with it and the previous table stayed in use. A load
    on another machine is left to that machine."""
    from .job_recovery import PROCESS_STARTED, _pid_alive

    changed = []
    here = socket.gethostname()[:200]
    for load in NationalLoad.objects.filter(status=ImportJobStatus.RUNNING, host=here):
        if load.pid == os.getpid():
            started = load.started_at.timestamp() if load.started_at else 0.0
            gone = started < PROCESS_STARTED
        else:
            gone = bool(load.pid) and not _pid_alive(load.pid)
        if not gone:
            continue
        if NationalLoad.objects.filter(pk=load.pk, status=ImportJobStatus.RUNNING).update(
            status=ImportJobStatus.FAILED,
            message="het laden is afgebroken doordat het proces stopte; de landelijke tabel "
            "is niet gewijzigd.",
            finished_at=timezone.now(),
        ):
            logger.error("landelijke lading %s (%s): proces gestopt", load.pk, load.file_name)
            changed.append(load.pk)
    return changed
