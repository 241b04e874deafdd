# SPDX-License-Identifier: EUPL-1.2
"""The store file and its connections: NationalStore, the atomic swap of a new load
(load_national) and the per-process read-only handles (national_reader)."""

import datetime as dt
import fcntl
import json
import logging
import os
import tempfile
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from ._common import (
    ATTACHED,
    LOADING_SUFFIX,
    STALE_LOAD_SECONDS,
    LoadReport,
    Progress,
    StoreInfo,
    _literal,
    default_path,
)
from .load import _Loading
from .readers import _Reading

logger = logging.getLogger(__name__)


class NationalStore(_Loading, _Reading):
    def __init__(self, path: Path | str | None = None, *, read_only: bool = False):
        """Read-write: the file itself (only a load writes, into a new file; see
        load_national). Read-only: the file attached to a private in-memory database, so a
        file swapped in under the same name is really opened (duckdb.connect() of the same
        path returns the process's cached instance of the old file while it is open)."""
        self.path = str(path or default_path())
        if read_only:
            self.con = duckdb.connect()
            try:
                self.con.execute(f"ATTACH {_literal(self.path)} AS {ATTACHED} (READ_ONLY)")
                self.con.execute(f"USE {ATTACHED}")
            except BaseException:
                self.con.close()
                raise
        else:
            self.con = duckdb.connect(self.path)
        self.read_only = read_only
        self._code_cache = None
        self._info = None
        self._release = None  # a view: tells its store that it is closed
        self._lock = threading.Lock()
        self._open_views = 0
        self._retired = False

    def close(self) -> None:
        self.con.close()
        if self._release is not None:
            self._release()  # once only (weakref.finalize), also when a view is just dropped

    def retire(self) -> None:
        """Close this store once its last open view is closed (at once when it has none):
        national_reader replaced it with a newer file, requests still reading keep going."""
        with self._lock:
            self._retired = True
            idle = self._open_views == 0
        if idle:
            self.con.close()

    def _view_closed(self) -> None:
        with self._lock:
            self._open_views -= 1
            idle = self._retired and self._open_views == 0
        if idle:
            self.con.close()

    def view(self) -> "NationalStore":
        """A handle for one request/thread: its own cursor on the same database, sharing the
        code lists already read (a DuckDB connection must not be used by two threads)."""
        self._codes()
        other = object.__new__(NationalStore)
        other.path, other.read_only, other._code_cache = self.path, True, self._code_cache
        other._info = getattr(self, "_info", None)
        other._open_views, other._retired, other._lock = 0, False, threading.Lock()
        other.con = self.con.cursor()
        if self.read_only:
            other.con.execute(f"USE {ATTACHED}")
        with self._lock:
            self._open_views += 1
        other._release = weakref.finalize(other, self._view_closed)
        return other

    def info(self) -> StoreInfo:
        """When and from which file the store was loaded (read once per store)."""
        if getattr(self, "_info", None) is None:
            self._info = self._read_info()
        return self._info

    def _read_info(self) -> StoreInfo:
        tables = {
            row[0]
            for row in self.con.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_catalog = "
                "current_database()"
            ).fetchall()
        }
        if "load_info" in tables:
            loaded_at, file_name, rows = self.con.execute(
                "SELECT loaded_at, file_name, rows FROM load_info"
            ).fetchone()
            return StoreInfo(dt.datetime.fromisoformat(loaded_at), file_name, rows)
        mtime = os.stat(self.path).st_mtime
        return StoreInfo(dt.datetime.fromtimestamp(mtime, tz=dt.UTC), "", None)


class NationalLoadBusy(Exception):
    """Another load of the same store is running (in any process on this machine)."""

    def __init__(self, holder: dict):
        self.holder = holder
        who = ", ".join(
            part
            for part in (
                f"proces {holder['pid']}" if holder.get("pid") else "",
                f"bestand {holder['file']}" if holder.get("file") else "",
                f"sinds {holder['since']}" if holder.get("since") else "",
            )
            if part
        )
        super().__init__(
            "Er wordt al een landelijke tabel geladen"
            + (f" ({who})" if who else "")
            + "; deze lading is geweigerd en de landelijke tabel is niet gewijzigd. Probeer "
            "het opnieuw als die lading klaar is (kompas data landelijk --status)."
        )


def lock_path(target: Path | str | None = None) -> Path:
    target = Path(target or default_path())
    return target.parent / f".{target.name}.lock"


@contextmanager
def load_lock(target: Path | str | None = None, *, file_name: str = "") -> Iterator[None]:
    """Hold the store's load lock (an exclusive flock on a file beside the store) or raise
    NationalLoadBusy naming the holder at once: two loads never run at once. The kernel
    releases the lock when its process ends, also by kill -9, so a dead load never blocks the
    next one."""
    path = lock_path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            try:
                holder = json.loads(os.pread(fd, 4096, 0) or b"{}")
            except ValueError:
                holder = {}
            raise NationalLoadBusy(holder if isinstance(holder, dict) else {}) from None
        since = dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M:%S")
        os.ftruncate(fd, 0)
        os.pwrite(
            fd, json.dumps({"pid": os.getpid(), "file": file_name, "since": since}).encode(), 0
        )
        yield
    finally:
        os.close(fd)  # releases the lock


def load_national(
    csv_path: Path | str,
    *,
    target: Path | str | None = None,
    progress: Progress | None = None,
    on_start: Callable[[], None] | None = None,
) -> LoadReport:
    """Load a national client CSV into a new file next to the store and swap it in with one
    atomic rename, only when the load succeeded. Readers never see a half-loaded or locked
    store: until the rename they read the previous file (or none), after it the new one (see
    national_reader). On any error the new file is removed, the previous store is untouched
    and AnalyticsLoadError names the lines. A second load while one runs is refused at once
    with NationalLoadBusy (load_lock); `on_start()` is called once this load holds the lock."""
    target = Path(target or default_path())
    with load_lock(target, file_name=Path(csv_path).name):
        if on_start is not None:
            on_start()
        return _load_locked(Path(csv_path), target, progress)


def _load_locked(csv_path: Path, target: Path, progress: Progress | None) -> LoadReport:
    _remove_stale_loads(target)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=LOADING_SUFFIX, dir=target.parent)
    os.close(fd)
    os.unlink(name)  # DuckDB creates the file itself (an empty file is not a database)
    new = Path(name)
    try:
        store = NationalStore(new)
        try:
            report = store.load_client_csv(csv_path, progress=progress)
            store.con.execute(
                "CREATE TABLE load_info AS SELECT ? AS loaded_at, ? AS file_name, "
                "CAST(? AS BIGINT) AS rows",
                [dt.datetime.now(dt.UTC).isoformat(), Path(csv_path).name, report.rows],
            )
            store.con.execute("CHECKPOINT")
        finally:
            store.close()
        # A WAL beside the old name (a writer that crashed before this way of loading) would
        # be replayed onto the new file: it must go first.
        Path(f"{target}.wal").unlink(missing_ok=True)
        os.replace(new, target)
        _fsync_dir(target.parent)
    except BaseException:
        new.unlink(missing_ok=True)
        Path(f"{new}.wal").unlink(missing_ok=True)
        raise
    return report


def _remove_stale_loads(target: Path) -> None:
    """Remove the new files of loads that died (killed process, power loss) and were not
    touched for STALE_LOAD_SECONDS; a running load writes its file continuously."""
    now = time.time()
    for path in target.parent.glob(f".{target.name}.*{LOADING_SUFFIX}*"):
        try:
            if now - path.stat().st_mtime > STALE_LOAD_SECONDS:
                path.unlink()
                logger.info("onvoltooide landelijke lading verwijderd: %s", path)
        except OSError:
            continue


def _fsync_dir(directory: Path) -> None:
    """Make the rename durable (the directory entry is on disk)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


_readers: dict[str, tuple[tuple[int, int, int], NationalStore]] = {}
_readers_lock = threading.Lock()


def national_reader(path: Path | str | None = None) -> NationalStore | None:
    """A read-only handle on the national store for this request, or None when there is no
        store (or it cannot be read: then the pages fall back to the Django database). The
        process keeps one read-only database per file and reopens it when the file under the name
        changed (inode, modification time, size): after a load swapped in a new file, the next
        request reads the new one; a request still running keeps reading the old one, which is
    closed when its last view is closed."""
    path = str(Path(path or default_path()))
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    key = (st.st_ino, st.st_mtime_ns, st.st_size)
    with _readers_lock:
        cached = _readers.get(path)
        if cached is None or cached[0] != key:
            if cached is not None:
                _readers.pop(path)[1].retire()
            base = None
            try:
                base = NationalStore(path, read_only=True)
                base._codes()
                base.info()
            except duckdb.Error as error:
                if base is not None:
                    base.close()
                logger.warning("landelijke tabel %s niet leesbaar: %s", path, error)
                return None
            cached = (key, base)
            _readers[path] = cached
        return cached[1].view()
