# SPDX-License-Identifier: EUPL-1.2
"""Write transactions of new meldpunt reports, queued on SQLite.

SQLite has one writer at a time; a second writer that finds the database locked polls with
growing sleeps (up to 100 ms each), which under a burst of reports turns a 2 ms insert into a
wait of seconds. So writers queue on a kernel file lock (all gunicorn workers) and a thread
lock (threads of one worker), which wakes the next writer the moment the previous one commits.
PostgreSQL has row-level locking and needs none of this: there `write` is a plain
transaction."""

import fcntl
import hashlib
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection, transaction

_thread_lock = threading.Lock()
_lock_file = {}  # (pid, path) -> open file: opened once per process, not per report


def _lock_fd(path: Path) -> int:
    key = (os.getpid(), str(path))  # a forked worker opens its own (flock is per open file)
    fh = _lock_file.get(key)
    if fh is None:
        fh = _lock_file[key] = path.open("a")
    return fh.fileno()


def write(fn: Callable[[], Any]) -> Any:
    """Run fn() in one transaction (a savepoint inside the caller's own transaction) and return
    its result; on an exception nothing of it is stored. On SQLite the transaction waits its
    turn on the queue first."""
    if connection.vendor != "sqlite":
        with transaction.atomic():
            return fn()
    with _thread_lock:
        fd = _lock_fd(Path(settings.DATA_DIR) / "signals-write.lock")
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            with transaction.atomic():
                return fn()
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)


def serialise_on(key: str) -> None:
    """Inside the current transaction: wait until no other transaction holds `key`, and hold it
    until commit (PostgreSQL advisory lock). Two reports about the same address arriving at once
    then see each other's dossier instead of each creating one. On SQLite every write already
    waits its turn in `write`."""
    if connection.vendor != "postgresql":
        return
    number = int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big", signed=True)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [number])
