# SPDX-License-Identifier: EUPL-1.2
"""The demo's shared cache: Django's file cache with `add` and `incr` made atomic across
processes.

Django's FileBasedCache is shared by every process on the machine, but its `add` (check, then
write) and `incr` (read, then write) are two steps: two gunicorn workers could both accept one
proof-of-work solution or both count a wrong receipt code as the first. Here those two take an
exclusive lock on one lock file in the cache directory. Production uses Redis
(KOMPAS_CACHE_URL=redis://...), where both are single atomic commands.
"""

import os
import pickle
import time
import zlib
from contextlib import contextmanager

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.core.files import locks


class LockedFileBasedCache(FileBasedCache):
    @contextmanager
    def _locked(self):
        self._createdir()
        with open(os.path.join(self._dir, "kompas.lock"), "ab") as lockfile:
            locks.lock(lockfile, locks.LOCK_EX)
            try:
                yield
            finally:
                locks.unlock(lockfile)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        with self._locked():
            return super().add(key, value, timeout, version)

    def incr(self, key, delta=1, version=None):
        """As Redis INCR: atomic, and the entry keeps its expiry (Django's generic incr
        rewrites it with the default timeout, so a counter would live 300 s after each hit)."""
        with self._locked():
            try:
                # Django's own file format, in a directory only this installation writes.
                with open(self._key_to_file(key, version), "rb") as f:
                    expiry = pickle.load(f)  # noqa: S301
                    value = pickle.loads(zlib.decompress(f.read()))  # noqa: S301
            except FileNotFoundError:
                expiry, value = 0, None
            now = time.time()
            if value is None or (expiry is not None and expiry < now):
                raise ValueError(f"Key '{key}' not found")
            value += delta
            self.set(key, value, None if expiry is None else expiry - now, version)
            return value
