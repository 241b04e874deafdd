# SPDX-License-Identifier: EUPL-1.2
"""The task queue interface (kompas.core.tasks): immediate mode in tests, a real consumer on
real SQLite storage, enqueueing after commit, configuration from the environment."""

import time

import pytest
from django.db import transaction
from huey.storage import SqliteStorage

from kompas.core import tasks

from .test_settings import _kompas


@tasks.background_task()
def double(*, key: str, value: int) -> None:
    tasks.state_put(key, {"value": value * 2})


def _wait_for(key: str, seconds: float = 15.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = tasks.state_get(key)
        if found is not None:
            return found
        time.sleep(0.05)
    return None


@pytest.mark.django_db(transaction=True)
def test_tests_run_tasks_immediately():
    assert tasks.is_immediate()
    tasks.enqueue(double, key="immediate", value=2)  # outside a transaction: at once
    assert tasks.state_get("immediate") == {"value": 4}
    tasks.state_delete("immediate")
    assert tasks.state_get("immediate", "weg") == "weg"


@pytest.mark.django_db
def test_a_task_is_queued_only_when_the_transaction_commits(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            tasks.enqueue(double, key="after-commit", value=5)
            assert tasks.state_get("after-commit") is None
    assert tasks.state_get("after-commit") == {"value": 10}


@pytest.mark.django_db(transaction=True)
def test_a_real_consumer_runs_queued_tasks_from_sqlite_storage(task_worker, tmp_path):
    assert not tasks.is_immediate()
    assert isinstance(task_worker.storage, SqliteStorage)
    for n in range(5):
        tasks.enqueue(double, key=f"worker-{n}", value=n)
    for n in range(5):
        assert _wait_for(f"worker-{n}") == {"value": 2 * n}
    assert (tmp_path / "tasks.sqlite3").exists()
    assert task_worker.pending_count() == 0


def test_queue_configuration_comes_from_the_environment(tmp_path):
    probe = [
        "shell",
        "-c",
        "from kompas.core.tasks import HUEY; "
        "print(type(HUEY.storage).__name__, getattr(HUEY.storage, 'filename', ''), HUEY.immediate)",
    ]
    default = _kompas(probe, KOMPAS_DATA_DIR=str(tmp_path))
    assert default.returncode == 0, default.stderr
    assert default.stdout.splitlines()[-1].split() == [
        "SqliteStorage",
        str(tmp_path / "tasks.sqlite3"),
        "False",
    ]
    redis = _kompas(
        probe, KOMPAS_DATA_DIR=str(tmp_path), KOMPAS_TASK_QUEUE="redis://127.0.0.1:6379/3"
    )
    assert redis.returncode == 0, redis.stderr
    assert redis.stdout.splitlines()[-1].split()[0] == "RedisStorage"
    bad = _kompas(["check"], KOMPAS_DATA_DIR=str(tmp_path), KOMPAS_TASK_QUEUE="rabbitmq")
    assert bad.returncode != 0 and "KOMPAS_TASK_QUEUE moet" in bad.stderr
