# SPDX-License-Identifier: EUPL-1.2
"""The systemd units in deploy/systemd/ (README, "Productie") call commands that exist, and
every service with a timer has its timer."""

import re
from pathlib import Path

from django.core.management import get_commands

UNITS = Path(__file__).resolve().parents[4] / "deploy" / "systemd"


def test_every_kompas_command_in_the_units_exists():
    commands = get_commands()
    called = set()
    for unit in UNITS.glob("*.service"):
        text = unit.read_text(encoding="utf-8")
        assert "EnvironmentFile=/etc/kompas/kompas.env" in text, unit.name
        for line in text.splitlines():
            if line.startswith("ExecStart="):
                called |= set(re.findall(r"bin/kompas (\w+)", line))
    assert called >= {"run_huey", "retention", "openbareorde", "meldpunt", "backup"}
    assert called <= set(commands), called - set(commands)
    assert "gunicorn kompas.wsgi:application" in (UNITS / "kompas-web.service").read_text()


def test_every_timer_has_its_service():
    for timer in UNITS.glob("*.timer"):
        assert (UNITS / f"{timer.stem}.service").exists(), timer.name
    assert {t.stem for t in UNITS.glob("*.timer")} == {"kompas-retention", "kompas-backup"}
