# SPDX-License-Identifier: EUPL-1.2
"""`kompas backup` and `kompas restore`: a backup of an installation with a signal and a case,
restored into a fresh data directory (and, on PostgreSQL, an empty database) by separate
processes, reads the encrypted signal description and the case person's name back through the
services."""

import io
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from kompas.core.services import backup as backup_services

KOMPAS = str(Path(sys.executable).parent / "kompas")
DESCRIPTION = "Hennepgeur uit de schuur achter nummer 12."

READ_BACK = """
from kompas.cases.models import Case
from kompas.cases.services import person_identity
from kompas.signals.models import Signal
from kompas.signals.services import signal_view
signal = Signal.objects.get()
print("melding:", signal_view(signal=signal, user=None).description)
for person in Case.objects.get().persons.order_by("label"):
    print("persoon:", person_identity(person).name)
"""


def _fresh_env(data_dir: Path) -> dict:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("KOMPAS_") and k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    return {**env, "KOMPAS_DATA_DIR": str(data_dir), "KOMPAS_ENV": "demo"}


def _kompas(env, *args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [KOMPAS, *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )


def _empty_postgresql_database(request) -> str:
    """A new, empty database beside the test database (dropped afterwards); its URL."""
    db = connection.settings_dict
    name = f"{db['NAME']}_restore"[:63]
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')

    def drop():
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    request.addfinalizer(drop)
    auth = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{name}"


@pytest.mark.django_db(transaction=True)
def test_backup_restores_into_an_empty_installation_with_readable_signals_and_cases(
    tmp_path, make_case, request
):
    from kompas.core.models import Municipality
    from kompas.signals.services import Contact, Location, signal_create

    signal_create(
        municipality=Municipality.objects.get(code="GM0074"),
        phenomenon="drugs_teelt",
        description=DESCRIPTION,
        location=Location(),
        contact=Contact(),
    )
    make_case()

    out, err = io.StringIO(), io.StringIO()
    call_command("backup", str(tmp_path / "backup"), stdout=out, stderr=err)
    assert "verschillende plaatsen" in err.getvalue()
    keys = tmp_path / "backup" / "sleutels"
    assert stat.S_IMODE((keys / "kompas_signals_keys").stat().st_mode) == 0o600
    assert stat.S_IMODE(keys.stat().st_mode) == 0o700
    dump = "kompas.sqlite3" if connection.vendor == "sqlite" else "kompas.pgdump"
    assert (tmp_path / "backup" / "database" / dump).stat().st_size > 0

    fresh = _fresh_env(tmp_path / "fresh")
    (tmp_path / "fresh").mkdir()
    if connection.vendor == "postgresql":
        fresh["DATABASE_URL"] = _empty_postgresql_database(request)
    # The fresh installation generated keys of its own; restore replaces them with the backup's.
    restored = _kompas(fresh, "restore", str(tmp_path / "backup"))
    assert restored.returncode == 0, restored.stderr
    assert "De database is teruggezet." in restored.stdout
    read = _kompas(fresh, "shell", "-c", READ_BACK)
    assert read.returncode == 0, read.stderr
    assert f"melding: {DESCRIPTION}" in read.stdout
    assert "persoon: Jorrit Testhuizen" in read.stdout
    assert "persoon: Aukje Proefstra" in read.stdout

    # A second restore into the now filled installation is refused.
    again = _kompas(fresh, "restore", str(tmp_path / "backup"))
    assert again.returncode != 0 and "niet leeg" in again.stderr


def test_a_backup_refuses_a_folder_that_holds_something(tmp_path, db):
    (tmp_path / "b" / "database").mkdir(parents=True)
    (tmp_path / "b" / "database" / "oud").write_text("x")
    with pytest.raises(CommandError, match="niet leeg"):
        call_command("backup", str(tmp_path / "b"), stdout=io.StringIO())


def test_postgresql_without_pg_dump_is_a_clear_dutch_error(monkeypatch, tmp_path):
    monkeypatch.setattr(backup_services.shutil, "which", lambda name: None)
    with pytest.raises(backup_services.BackupError, match="pg_dump is niet gevonden"):
        backup_services._dump_postgresql({"NAME": "kompas"}, tmp_path / "x")


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_environment_keys_of_another_installation(tmp_path, monkeypatch, settings):
    call_command("backup", str(tmp_path / "b"), stdout=io.StringIO(), stderr=io.StringIO())
    other = "ZmFrZS1rZXktb2YtMzItYnl0ZXMtZm9yLXRoZS10ZXM="
    monkeypatch.setenv("KOMPAS_SIGNALS_KEYS", other)
    settings.KOMPAS_SIGNALS_KEYS = [other]
    with pytest.raises(CommandError, match="hoort niet bij deze back-up"):
        call_command("restore", str(tmp_path / "b"), stdout=io.StringIO())
