# SPDX-License-Identifier: EUPL-1.2
"""The meldpunt's limits hold across processes (issue 11 item 1): two real Python processes,
as two gunicorn workers would be, answer wrong receipt codes in turn; the shared cache of
KOMPAS_CACHE_URL makes them count one limit."""

import json
import os
import pickle
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kompas.signals.cache import LockedFileBasedCache

# One "worker": reads one JSON request per line from stdin, answers the HTTP status per line.
WORKER = r"""
import json, sys
import django
django.setup()
from django.test import Client
from kompas.core.models import Municipality

Municipality.objects.get_or_create(
    code="GM0074", defaults={"name": "Heerenveen", "slug": "heerenveen"}
)
client = Client(REMOTE_ADDR="203.0.113.7")
print("ready", flush=True)
for line in sys.stdin:
    code = json.loads(line)["code"]
    response = client.post("/heerenveen/meldpunt/opvolgen/", {"code": code})
    print(response.status_code, flush=True)
"""


def _env(tmp_path: Path, **extra) -> dict:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "kompas.settings",
        "KOMPAS_ENV": "demo",
        "KOMPAS_DATA_DIR": str(tmp_path / "procs"),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'procs' / 'kompas.sqlite3'}",
        "KOMPAS_MELDPUNT_CODE_FAILURES_PER_HOUR": "4",
    }
    env.pop("KOMPAS_CACHE_URL", None)  # the default: the file cache in the data directory
    env.update(extra)
    return env


class Worker:
    def __init__(self, env):
        self.proc = subprocess.Popen(
            [sys.executable, "-c", WORKER],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout.readline().strip() == "ready", self.proc.stderr.read()

    def post_code(self, code: str) -> int:
        self.proc.stdin.write(json.dumps({"code": code}) + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        assert line, self.proc.stderr.read()
        return int(line)

    def stop(self):
        self.proc.stdin.close()
        self.proc.wait(timeout=30)
        self.proc.stdout.close()
        self.proc.stderr.close()


@pytest.fixture
def two_workers(tmp_path):
    env = _env(tmp_path)
    (tmp_path / "procs").mkdir()
    subprocess.run(
        [str(Path(sys.executable).parent / "kompas"), "migrate", "-v0"],
        env=env,
        check=True,
        capture_output=True,
    )
    workers = [Worker(env), Worker(env)]
    yield workers
    for w in workers:
        w.stop()


def test_wrong_codes_beyond_the_limit_are_refused_by_either_process(two_workers):
    first, second = two_workers
    answers = [
        worker.post_code(f"0000 0000 0000 {n:04d}")
        for n, worker in zip(range(10), [first, second] * 5, strict=True)
    ]
    # 4 wrong codes are answered ("unknown code", 400), whichever worker took them; every
    # later one is refused (429) by both workers. With a cache per process each worker would
    # answer its own 4, i.e. 8 in all.
    assert answers == [400] * 4 + [429] * 6


def test_the_file_cache_counts_every_hit_of_concurrent_processes(tmp_path):
    """`incr` of the demo's cache is atomic across processes: 2 x 200 hits, 400 counted."""
    location = str(tmp_path / "cache")
    LockedFileBasedCache(location, {}).add("hits", 0, timeout=600)
    script = (
        "import sys\n"
        "from django.conf import settings\n"
        "settings.configure()\n"
        "from kompas.signals.cache import LockedFileBasedCache\n"
        "c = LockedFileBasedCache(sys.argv[1], {})\n"
        "for _ in range(200):\n"
        "    c.incr('hits')\n"
    )
    procs = [subprocess.Popen([sys.executable, "-c", script, location]) for _ in range(2)]
    for p in procs:
        assert p.wait(timeout=120) == 0
    assert LockedFileBasedCache(location, {}).get("hits") == 400


def test_incr_keeps_the_expiry_of_the_counter(tmp_path):
    c = LockedFileBasedCache(str(tmp_path), {})
    c.add("n", 1, timeout=3600)
    c.incr("n")
    with open(c._key_to_file("n"), "rb") as f:
        expiry = pickle.load(f)
    assert expiry - time.time() > 3000  # not Django's default 300 s
    assert c.get("n") == 2


def test_a_missing_counter_cannot_be_incremented(tmp_path):
    with pytest.raises(ValueError):
        LockedFileBasedCache(str(tmp_path), {}).incr("absent")
