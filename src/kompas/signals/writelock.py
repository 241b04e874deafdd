# SPDX-License-Identifier: EUPL-1.2
"""Serialise meldpunt write transactions on SQLite before they ask for the write lock.

SQLite has one writer at a time; a second writer that finds the database locked polls with
growing sleeps (up to 100 ms each), which under a burst of reports turns a 2 ms insert into a
wait of seconds. Queueing writers on a kernel file lock (all gunicorn workers) and a thread
lock (threads of one worker) wakes the next writer the moment the previous one commits.
PostgreSQL has row-level locking and needs none of this."""

import fcntl
import threading
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import connection

_thread_lock = threading.Lock()


@contextmanager
def sqlite_writer():
    if connection.vendor != "sqlite":
        yield
        return
    path = Path(settings.DATA_DIR) / "signals-write.lock"
    with _thread_lock, path.open("a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
