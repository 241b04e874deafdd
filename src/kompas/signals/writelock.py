# SPDX-License-Identifier: EUPL-1.2
"""Write transactions of new meldpunt reports, queued and grouped on SQLite.

SQLite has one writer at a time; a second writer that finds the database locked polls with
growing sleeps (up to 100 ms each), which under a burst of reports turns a 2 ms insert into a
wait of seconds. So writers queue on a kernel file lock (all gunicorn workers) and a thread
lock (threads of one worker), which wakes the next writer the moment the previous one commits.

Group commit: while one thread of a worker holds the write lock, the reports that the worker's
other threads finish meanwhile wait in a list; the next thread to get the lock writes all of
them in one transaction, each in its own savepoint (a failing report is rolled back alone and
gets its own error). Every report still gets all its rows (signal, history, audit entry) in
one atomic commit, and its thread answers only after that commit; if the commit fails, every
report of the group gets the error and none is stored. This saves a lock hand-over and a
commit per report, which is what limits a busy SQLite meldpunt.

PostgreSQL has row-level locking and needs none of this: there `write` is a plain
transaction."""

import fcntl
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.utils import translation

_thread_lock = threading.Lock()  # the leader of this worker, the one that writes
_pending_lock = threading.Lock()  # guards _pending
_pending: list["_Job"] = []
_lock_file = {}  # (pid, path) -> open file: opened once per process, not per report


class _Job:
    __slots__ = ("fn", "language", "done", "result", "error")

    def __init__(self, fn: Callable[[], Any]):
        self.fn = fn
        self.language = translation.get_language()
        self.done = False
        self.result = None
        self.error: BaseException | None = None

    def run(self) -> None:
        with translation.override(self.language):
            self.result = self.fn()


def _lock_fd(path: Path) -> int:
    key = (os.getpid(), str(path))  # a forked worker opens its own (flock is per open file)
    fh = _lock_file.get(key)
    if fh is None:
        fh = _lock_file[key] = path.open("a")
    return fh.fileno()


def write(fn: Callable[[], Any]) -> Any:
    """Run fn() in a write transaction and return its result once it is committed; raise its
    exception (nothing of it stored) otherwise. Outside a transaction fn may run in another
    thread of this worker, with the caller's language active: it must not depend on other
    thread-local state."""
    if connection.vendor != "sqlite":
        with transaction.atomic():
            return fn()
    if connection.in_atomic_block:
        # Part of the caller's own transaction (a command, a test): write on the caller's
        # connection, queued but never grouped, so it commits or rolls back with the caller.
        with _thread_lock:
            fd = _lock_fd(Path(settings.DATA_DIR) / "signals-write.lock")
            fcntl.flock(fd, fcntl.LOCK_EX)
            try:
                with transaction.atomic():
                    return fn()
            finally:
                fcntl.flock(fd, fcntl.LOCK_UN)
    job = _Job(fn)
    with _pending_lock:
        _pending.append(job)
    with _thread_lock:
        if not job.done:  # no earlier leader took it: lead, and take whatever else waits
            with _pending_lock:
                batch = _pending[:]
                _pending.clear()
            _write_batch(batch)
    if job.error is not None:
        raise job.error
    return job.result


def _write_batch(batch: list[_Job]) -> None:
    fd = _lock_fd(Path(settings.DATA_DIR) / "signals-write.lock")
    fcntl.flock(fd, fcntl.LOCK_EX)
    committed = False
    try:
        with transaction.atomic():
            if len(batch) == 1:
                _run(batch[0])
                if batch[0].error is not None:
                    raise batch[0].error  # roll back its transaction
            else:
                for job in batch:
                    try:
                        with transaction.atomic():  # savepoint: a failure stays its own
                            job.run()
                    except Exception as exc:  # noqa: BLE001 - handed to the job's own thread
                        job.error = exc
        committed = True
    except Exception as exc:  # noqa: BLE001 - the commit failed: nothing of the group stored
        for job in batch:
            if job.error is None:
                job.error = exc
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        for job in batch:
            if not committed and job.error is None:  # interrupted (e.g. worker shutdown)
                job.error = RuntimeError("melding niet opgeslagen: schrijven afgebroken")
            if job.error is not None:
                job.result = None
            job.done = True


def _run(job: _Job) -> None:
    try:
        job.run()
    except Exception as exc:  # noqa: BLE001 - handed to the job's own thread
        job.error = exc
