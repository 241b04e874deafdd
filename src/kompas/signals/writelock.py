# SPDX-License-Identifier: EUPL-1.2
"""Serialise meldpunt write transactions on SQLite before they ask for the write lock.

SQLite has one writer at a time; a second writer that finds the database locked polls with
growing sleeps (up to 100 ms each), which under a burst of reports turns a 2 ms insert into a
wait of seconds. Queueing writers on a kernel file lock (all gunicorn workers) and a thread
lock (threads of one worker) wakes the next writer the moment the previous one commits.
PostgreSQL has row-level locking and needs none of this."""

import fcntl
import os
import threading
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import connection

_thread_lock = threading.Lock()
_lock_file = {}  # (pid, path) -> open file: opened once per process, not per report


def _lock_fd(path: Path) -> int:
    key = (os.getpid(), str(path))  # a forked worker opens its own (flock is per open file)
    fh = _lock_file.get(key)
    if fh is None:
        fh = _lock_file[key] = path.open("a")
    return fh.fileno()


@contextmanager
def sqlite_writer():
    if connection.vendor != "sqlite":
        yield
        return
    path = Path(settings.DATA_DIR) / "signals-write.lock"
    with _thread_lock:
        fd = _lock_fd(path)
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
