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
