# SPDX-License-Identifier: EUPL-1.2
"""What every benchmark script shares: the machine line printed with the figures, and a
Django set-up on a fresh data directory. Scripts import it after putting `benchmarks/` on
the path (`sys.path.insert(0, str(Path(__file__).resolve().parents[1]))`)."""

import os
import platform
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def machine(extra: str = "") -> str:
    """CPU model, cores, memory, OS, Python and the load average (the machine is shared, so
    the load says how far absolute figures can be trusted); `extra` is appended."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    line = (
        f"{platform.node()}: {cpu}, {os.cpu_count()} cores{mem}, "
        f"{platform.system()} {platform.release()}, Python {platform.python_version()}, "
        f"load {load:.1f}"
    )
    return f"{line}, {extra}" if extra else line


def django_setup(prefix: str, *, migrate: bool = True) -> None:
    """Django on a fresh data directory (SQLite unless DATABASE_URL is set), migrated."""
    os.environ.setdefault("KOMPAS_DATA_DIR", tempfile.mkdtemp(prefix=f"kompas-bench-{prefix}-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kompas.settings")
    sys.path.insert(0, str(REPO / "src"))
    import django

    django.setup()
    if migrate:
        from django.core.management import call_command

        call_command("migrate", verbosity=0)


# --- A real server under load (signals/bench_intake.py, core/bench_staff_pages.py) ---------------
HOST = "127.0.0.1"


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def wait_up(port: int, timeout: float = 60) -> None:
    import http.client
    import time

    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=2)
            conn.request("GET", "/health/")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("gunicorn kwam niet op")


def cpu_seconds(pid: int) -> tuple[float, float]:
    """(user, system) CPU of a process and its children (gunicorn master and workers)."""
    tick = os.sysconf("SC_CLK_TCK")
    user, system, todo = 0.0, 0.0, [pid]
    while todo:
        p = todo.pop()
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            user += int(fields[11]) / tick
            system += int(fields[12]) / tick
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue
    return user, system


def cpu_pressure() -> str:
    """Share of the last 10 s in which runnable tasks waited for a CPU (Linux PSI)."""
    try:
        return Path("/proc/pressure/cpu").read_text().split()[1].split("=")[1] + "%"
    except (OSError, IndexError):
        return "-"


def postgres_database_ensure(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1].split("?")[0]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def gunicorn_start(*, port: int, env: dict, log_dir: Path, workers: int = 2, threads: int = 4):
    """gunicorn with the demo's settings (`kompas demo`: 2 workers x 4 threads, access log
    without client address), bound to loopback only."""
    import subprocess

    return subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "kompas.wsgi:application",
            "--bind",
            f"{HOST}:{port}",
            "--workers",
            str(workers),
            "--threads",
            str(threads),
            "--access-logfile",
            str(log_dir / "access.log"),
            "--access-logformat",
            '%(t)s "%(m)s %(U)s" %(s)s %(b)s %(M)sms',
            "--error-logfile",
            str(log_dir / "error.log"),
        ],
        env=env,
    )


def server_stop(proc) -> None:
    """SIGTERM (gunicorn finishes the requests in hand), SIGKILL after a minute."""
    import subprocess

    proc.terminate()
    try:
        proc.wait(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
