# SPDX-License-Identifier: EUPL-1.2
"""Backup and restore of an installation (`kompas backup`, `kompas restore`).

A backup is two folders: `database/` (a consistent dump: SQLite's online backup API, which
copies a snapshot while the server keeps writing, or `pg_dump --format=custom`) and
`sleutels/` (the secret key and the meldpunt's keys: without them the encrypted signals and
case persons in the dump cannot be read, and with them anyone holding the dump can). The two
must be stored apart. Uploads live in the database (encrypted), so nothing else is needed.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _

MANIFEST = "kompas-backup.json"
SQLITE_FILE = "kompas.sqlite3"
PG_FILE = "kompas.pgdump"
# The key files as the demo keeps them in KOMPAS_DATA_DIR (settings._secret_key and
# settings._signals_secret), with the environment variable each one stands for.
KEY_FILES = {
    "secret_key": "KOMPAS_SECRET_KEY",
    "kompas_signals_keys": "KOMPAS_SIGNALS_KEYS",
    "kompas_signals_lookup_key": "KOMPAS_SIGNALS_LOOKUP_KEY",
}


class BackupError(Exception):
    """A backup or restore that cannot be made; the message is Dutch and says why."""


@dataclass
class BackupResult:
    database: Path
    keys: Path
    engine: str


def _key_values() -> dict[str, str]:
    return {
        "KOMPAS_SECRET_KEY": settings.SECRET_KEY,
        "KOMPAS_SIGNALS_KEYS": ",".join(settings.KOMPAS_SIGNALS_KEYS),
        "KOMPAS_SIGNALS_LOOKUP_KEY": settings.KOMPAS_SIGNALS_LOOKUP_KEY,
    }


def _private_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    if any(path.iterdir()):
        raise BackupError(
            _("De map %(path)s is niet leeg; kies een nieuwe map per back-up.") % {"path": path}
        )
    path.chmod(0o700)
    return path


def _write_private(path: Path, text: str) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)


def _pg_args(db: dict) -> tuple[list[str], dict]:
    args = []
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            args += [flag, str(db[key])]
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return args, env


def _pg_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(
            _(
                "%(tool)s is niet gevonden. Installeer de PostgreSQL-clientprogramma's "
                "(Debian: apt install postgresql-client, dezelfde hoofdversie als de server) en "
                "zorg dat %(tool)s in het PATH staat."
            )
            % {"tool": name}
        )
    return path


def _run(cmd: list[str], env: dict, tool: str) -> None:
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode != 0:
        raise BackupError(
            _("%(tool)s is mislukt: %(error)s") % {"tool": tool, "error": done.stderr.strip()}
        )


def _dump_sqlite(target: Path) -> None:
    if connection.in_atomic_block:
        # SQLite's backup would wait for this connection's own write transaction forever.
        raise BackupError(_("Een back-up kan niet binnen een open transactie worden gemaakt."))
    connection.ensure_connection()
    destination = sqlite3.connect(target)
    try:
        connection.connection.backup(destination)
    finally:
        destination.close()


def _dump_postgresql(db: dict, target: Path) -> None:
    pg_dump = _pg_tool("pg_dump")
    args, env = _pg_args(db)
    cmd = [pg_dump, "--format=custom", "--no-owner", "--file", str(target), *args, db["NAME"]]
    _run(cmd, env, "pg_dump")


def backup_create(folder: Path | str, *, keys_folder: Path | str | None = None) -> BackupResult:
    """Dump the database into `folder/database` and the keys into `keys_folder` (default
    `folder/sleutels`), both new or empty folders readable by the owner only."""
    folder = Path(folder)
    db = settings.DATABASES["default"]
    if connection.vendor not in {"sqlite", "postgresql"}:
        raise BackupError(_("Alleen SQLite en PostgreSQL worden ondersteund."))
    if connection.vendor == "postgresql":
        _pg_tool("pg_dump")  # before any folder is made
    database = _private_dir(folder / "database")
    keys = _private_dir(Path(keys_folder) if keys_folder else folder / "sleutels")
    if connection.vendor == "sqlite":
        _dump_sqlite(database / SQLITE_FILE)
        (database / SQLITE_FILE).chmod(0o600)
    else:
        _dump_postgresql(db, database / PG_FILE)
    from django.db.migrations.recorder import MigrationRecorder

    manifest = {
        "engine": connection.vendor,
        "created_at": timezone.now().isoformat(),
        "migrations": MigrationRecorder.Migration.objects.count(),
    }
    _write_private(database / MANIFEST, json.dumps(manifest, indent=2))
    values = _key_values()
    for filename, variable in KEY_FILES.items():
        _write_private(keys / filename, values[variable] + "\n")
    _write_private(keys / "kompas.env", "".join(f"{k}={v}\n" for k, v in values.items()))
    return BackupResult(database=database, keys=keys, engine=connection.vendor)


# --- Restore ----------------------------------------------------------------------------------
def _read_keys(keys: Path) -> dict[str, str]:
    values = {}
    for filename, variable in KEY_FILES.items():
        path = keys / filename
        if not path.exists():
            raise BackupError(
                _(
                    "Sleutelbestand %(path)s ontbreekt; zonder sleutels zijn de meldingen niet "
                    "te lezen."
                )
                % {"path": path}
            )
        values[variable] = path.read_text(encoding="utf-8").strip()
    return values


def _check_environment_keys(values: dict[str, str]) -> list[str]:
    """The variables the environment sets; refuses when they do not match the backup (the
    restored signals could then not be decrypted)."""
    from_env = [v for v in KEY_FILES.values() if os.environ.get(v)]
    backup_keys = set(values["KOMPAS_SIGNALS_KEYS"].split(","))
    if "KOMPAS_SIGNALS_KEYS" in from_env and not backup_keys <= set(settings.KOMPAS_SIGNALS_KEYS):
        raise BackupError(
            _(
                "KOMPAS_SIGNALS_KEYS in de omgeving hoort niet bij deze back-up. Zet de waarden "
                "uit sleutels/kompas.env in de omgeving en probeer het opnieuw."
            )
        )
    if (
        "KOMPAS_SIGNALS_LOOKUP_KEY" in from_env
        and values["KOMPAS_SIGNALS_LOOKUP_KEY"] != settings.KOMPAS_SIGNALS_LOOKUP_KEY
    ):
        raise BackupError(
            _("KOMPAS_SIGNALS_LOOKUP_KEY in de omgeving hoort niet bij deze back-up.")
        )
    return from_env


def _check_empty() -> None:
    tables = connection.introspection.table_names()
    if "core_municipality" not in tables:
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM core_municipality")
        if cursor.fetchone()[0]:
            raise BackupError(
                _(
                    "De database is niet leeg (er staan al gemeenten in). Zet een back-up alleen "
                    "terug in een lege installatie."
                )
            )


def _restore_sqlite(source: Path) -> None:
    name = settings.DATABASES["default"]["NAME"]
    connection.close()
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    destination = sqlite3.connect(name)
    try:
        src.backup(destination)
    finally:
        destination.close()
        src.close()


def _restore_postgresql(source: Path) -> None:
    pg_restore = _pg_tool("pg_restore")
    db = settings.DATABASES["default"]
    args, env = _pg_args(db)
    connection.close()
    cmd = [pg_restore, "--clean", "--if-exists", "--no-owner", "--exit-on-error"]
    _run([*cmd, *args, "--dbname", db["NAME"], str(source)], env, "pg_restore")


def backup_restore(folder: Path | str, *, keys_folder: Path | str | None = None) -> list[str]:
    """Restore a backup into an empty installation of the same database engine. Writes the key
    files into KOMPAS_DATA_DIR unless the environment sets the keys; answers the variables the
    environment sets (they were checked against the backup)."""
    folder = Path(folder)
    database = folder / "database"
    try:
        manifest = json.loads((database / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BackupError(
            _("%(path)s is geen back-up van Veiligheidskompas.") % {"path": folder}
        ) from exc
    if manifest.get("engine") != connection.vendor:
        raise BackupError(
            _("Deze back-up is van %(engine)s; deze installatie gebruikt %(vendor)s.")
            % {"engine": manifest.get("engine"), "vendor": connection.vendor}
        )
    values = _read_keys(Path(keys_folder) if keys_folder else folder / "sleutels")
    from_env = _check_environment_keys(values)
    _check_empty()
    if connection.vendor == "sqlite":
        _restore_sqlite(database / SQLITE_FILE)
    else:
        _restore_postgresql(database / PG_FILE)
    for filename, variable in KEY_FILES.items():
        if variable not in from_env:
            _write_private(Path(settings.DATA_DIR) / filename, values[variable] + "\n")
    return from_env
