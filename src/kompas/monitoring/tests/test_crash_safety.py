# SPDX-License-Identifier: EUPL-1.2
"""Crash safety with real processes (issue 15 item 4): a `kompas run_huey` worker killed with
SIGKILL in the middle of an import leaves no rows, and the next worker imports the job once;
a second national load while one runs is refused with a Dutch message, and a killed load
does not block the next. The processes use a copy of the test database (SQLite) or the test
database itself (PostgreSQL) and Huey's SQLite storage in a data directory of their own."""

import contextlib
import csv
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

from kompas.core import tasks
from kompas.monitoring import codelists
from kompas.monitoring.constants import ImportJobStatus
from kompas.monitoring.models import ImportJob

KOMPAS = str(Path(sys.executable).parent / "kompas")
HEAD = "SoortMisdrijf,WijkenEnBuurten,Perioden,GeregistreerdeMisdrijven_1\n"


def _big_client_csv() -> tuple[bytes, int]:
    """Every crime type for Heerenveen, its wijken and buurten, by month of 2024: about
    27,000 rows, one observation each (a few seconds of writing)."""
    with open(codelists.DATA / "crime_types.csv", encoding="utf-8") as fh:
        types = [row["code"] for row in csv.DictReader(fh)]
    with open(codelists.DATA / "regions_nl.csv", encoding="utf-8") as fh:
        regions = [row["code"] for row in csv.DictReader(fh) if row["code"][2:6] == "0074"]
    lines = [
        f"{t},{r},2024MM{m:02d},{(i * 7) % 97}\n"
        for i, (m, r, t) in enumerate(
            (m, r, t) for m in range(1, 13) for r in regions for t in types
        )
    ]
    return (HEAD + "".join(lines)).encode(), len(lines)


def _database_url(tmp_path: Path) -> str:
    """A URL under which another process sees what this test committed."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":  # the test database lives in memory: copy it to a file
        path = tmp_path / "kompas.sqlite3"
        with connection.cursor() as cursor:
            cursor.execute("VACUUM INTO %s", [str(path)])
        return f"sqlite:///{path}"
    auth = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def _env(tmp_path: Path) -> dict:
    data = tmp_path / "worker-data"
    data.mkdir(exist_ok=True)
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("KOMPAS_") and k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    return {
        **env,
        "KOMPAS_ENV": "demo",
        "KOMPAS_DATA_DIR": str(data),
        "KOMPAS_TASK_QUEUE": "sqlite",
        "DATABASE_URL": _database_url(tmp_path),
    }


@contextlib.contextmanager
def _queue(env: dict):
    """This process's Huey on the workers' SQLite queue storage (to enqueue, read state)."""
    from huey.storage import SqliteStorage

    huey = tasks.HUEY
    huey.immediate = False
    huey.storage = SqliteStorage(
        huey.name, filename=str(Path(env["KOMPAS_DATA_DIR"]) / "tasks.sqlite3")
    )
    try:
        yield huey
    finally:
        huey.storage.close()
        huey.immediate = True


def _worker(env: dict, log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [KOMPAS, "run_huey"],
        env=env,
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)  # Huey's graceful stop
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _rows(env: dict, sql: str, params=()) -> list[tuple]:
    """Read what the workers committed: the SQLite copy through the sqlite3 module, the
    PostgreSQL test database through this test's own connection."""
    if connection.vendor == "sqlite":
        con = sqlite3.connect(env["DATABASE_URL"].removeprefix("sqlite:///"))
        try:
            return con.execute(sql.replace("%s", "?"), params).fetchall()
        finally:
            con.close()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _job_state(env: dict, pk: int, wait: float = 0) -> dict:
    """The job as the workers left it (waiting up to `wait` s for it to finish), its imports
    and the observations stored."""
    deadline = time.monotonic() + wait
    while True:
        ((status, attempts, has_file, name),) = _rows(
            env,
            "SELECT status, attempts, file_data IS NOT NULL, file_name "
            "FROM monitoring_importjob WHERE id = %s",
            [pk],
        )
        if status in ("gereed", "mislukt") or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    imports = [
        i
        for (i,) in _rows(env, "SELECT id FROM monitoring_dataimport WHERE file_name = %s", [name])
    ]
    observations = _rows(env, "SELECT count(*) FROM monitoring_observation")[0][0]
    of_job = 0
    if imports:
        of_job = _rows(
            env,
            "SELECT count(*) FROM monitoring_observation WHERE source_import_id = %s",
            [imports[0]],
        )[0][0]
    return {
        "status": status,
        "attempts": attempts,
        "has_file": bool(has_file),
        "imports": imports,
        "observations": observations,
        "of_job": of_job,
    }


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_import_leaves_no_rows_and_the_next_worker_imports_once(
    tmp_path, heerenveen
):
    content, rows = _big_client_csv()
    job = ImportJob.objects.create(
        municipality=heerenveen, file_name="groot.csv", file_data=content, file_size=len(content)
    )
    env = _env(tmp_path)
    log = tmp_path / "worker.log"
    from kompas.monitoring.tasks import import_job_task

    with _queue(env):
        import_job_task(job_id=job.pk)  # into the workers' queue
    first = _worker(env, log)
    second = None
    try:
        # Kill the worker once it is writing: observations saved, not all of them.
        deadline, killed, saving_since = time.monotonic() + 90, False, None
        while not killed and time.monotonic() < deadline and first.poll() is None:
            with _queue(env):
                progress = tasks.state_get(job.progress_key) or {}
            if progress.get("phase") == "opslaan":
                saving_since = saving_since or time.monotonic()
                written, total = progress.get("written") or 0, progress.get("to_write") or 0
                if 0 < written < total or time.monotonic() - saving_since > 0.5:
                    os.kill(first.pid, signal.SIGKILL)
                    killed = True
            time.sleep(0.05)
        first.wait(timeout=10)
        assert killed, log.read_text(errors="replace")

        # Today's failure: the job stays "bezig" (for ever, without recovery); nothing of it
        # was stored.
        state = _job_state(env, job.pk)
        assert state["status"] == ImportJobStatus.RUNNING and state["attempts"] == 1
        assert state["imports"] == [] and state["observations"] == 0

        second = _worker(env, log)
        state = _job_state(env, job.pk, wait=90)
        assert state["status"] == ImportJobStatus.DONE, (state, log.read_text(errors="replace"))
        assert state["attempts"] == 2 and not state["has_file"]
        assert len(state["imports"]) == 1  # imported exactly once
        assert state["observations"] == state["of_job"] == rows
        assert "opnieuw in de wachtrij" in log.read_text(errors="replace")
    finally:
        for proc in (first, second):
            if proc is not None:
                _stop(proc)


NATIONAL = HEAD + "".join(
    f'"0.0.0","{region}","2024JJ00",{value}\n'
    for region, value in (("GM0074", 7777), ("GM0085", 1500), ("NL01", 80000))
)

HOLD_LOCK = """
import sys
from kompas.monitoring.analytics.store import load_lock
with load_lock(sys.argv[1], file_name="eerste.csv"):
    print("vast", flush=True)
    sys.stdin.read()
"""


def _kompas(env, *args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [KOMPAS, *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )


@pytest.mark.django_db(transaction=True)
def test_a_second_national_load_is_refused_while_one_runs_and_a_killed_one_blocks_nothing(
    tmp_path,
):
    env = _env(tmp_path)
    store = Path(env["KOMPAS_DATA_DIR"]) / "analytics.duckdb"
    csv_path = tmp_path / "landelijk.csv"
    csv_path.write_text(NATIONAL, encoding="utf-8")
    # Process 1 holds the store's load lock as a running load does (load_national takes it
    # first, with the same function).
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(store)],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        lines = iter(holder.stdout.readline, "")
        assert any(line.strip() == "vast" for line in lines)
        refused = _kompas(env, "data", "landelijk", str(csv_path))
        assert refused.returncode == 1
        assert (
            f"Er wordt al een landelijke tabel geladen (proces {holder.pid}, bestand eerste.csv"
            in refused.stderr
        )
        assert "deze lading is geweigerd en de landelijke tabel is niet gewijzigd" in refused.stderr
        assert not store.exists()

        # The holder dies by SIGKILL: the kernel drops its lock, the next load runs.
        holder.kill()
        holder.wait(timeout=10)
        loaded = _kompas(env, "data", "landelijk", str(csv_path))
        assert loaded.returncode == 0, loaded.stderr
        assert "3 rijen geladen" in loaded.stdout and store.exists()
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()

    status = _kompas(env, "data", "landelijk", "--status")
    assert status.returncode == 0, status.stderr
    lines = status.stdout.splitlines()
    assert "Landelijke tabel: geladen op" in lines[0] and "uit landelijk.csv, 3 rijen" in lines[0]
    assert "[opdrachtregel] landelijk.csv: gereed, 3 rijen in" in lines[1]
    assert "[opdrachtregel] landelijk.csv: mislukt: Er wordt al een landelijke tabel" in lines[2]
