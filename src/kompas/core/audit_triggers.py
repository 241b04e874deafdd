# SPDX-License-Identifier: EUPL-1.2
"""Database triggers that make core_auditentry append-only on SQLite and PostgreSQL."""

from contextlib import contextmanager

_SQLITE_INSTALL = [
    """CREATE TRIGGER IF NOT EXISTS core_auditentry_no_update BEFORE UPDATE ON core_auditentry
       BEGIN SELECT RAISE(ABORT, 'auditlog is alleen-toevoegen: geen UPDATE'); END""",
    """CREATE TRIGGER IF NOT EXISTS core_auditentry_no_delete BEFORE DELETE ON core_auditentry
       BEGIN SELECT RAISE(ABORT, 'auditlog is alleen-toevoegen: geen DELETE'); END""",
]
_SQLITE_REMOVE = [
    "DROP TRIGGER IF EXISTS core_auditentry_no_update",
    "DROP TRIGGER IF EXISTS core_auditentry_no_delete",
]
_POSTGRES_INSTALL = [
    """CREATE OR REPLACE FUNCTION core_auditentry_append_only() RETURNS trigger AS $$
       BEGIN
         RAISE EXCEPTION 'auditlog is alleen-toevoegen: % is niet toegestaan', TG_OP;
       END; $$ LANGUAGE plpgsql""",
    "DROP TRIGGER IF EXISTS core_auditentry_append_only ON core_auditentry",
    """CREATE TRIGGER core_auditentry_append_only
       BEFORE UPDATE OR DELETE ON core_auditentry
       FOR EACH ROW EXECUTE FUNCTION core_auditentry_append_only()""",
    # TRUNCATE bypasses row triggers; refuse it with a statement trigger.
    "DROP TRIGGER IF EXISTS core_auditentry_no_truncate ON core_auditentry",
    """CREATE TRIGGER core_auditentry_no_truncate
       BEFORE TRUNCATE ON core_auditentry
       FOR EACH STATEMENT EXECUTE FUNCTION core_auditentry_append_only()""",
]
_POSTGRES_REMOVE = [
    "DROP TRIGGER IF EXISTS core_auditentry_no_truncate ON core_auditentry",
    "DROP TRIGGER IF EXISTS core_auditentry_append_only ON core_auditentry",
    "DROP FUNCTION IF EXISTS core_auditentry_append_only()",
]
_INSTALL = {"sqlite": _SQLITE_INSTALL, "postgresql": _POSTGRES_INSTALL}
_REMOVE = {"sqlite": _SQLITE_REMOVE, "postgresql": _POSTGRES_REMOVE}


def _execute(connection, statements) -> None:
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def install(connection) -> None:
    _execute(connection, _INSTALL.get(connection.vendor, []))


def remove(connection) -> None:
    _execute(connection, _REMOVE.get(connection.vendor, []))


@contextmanager
def suspended(connection):
    """Lift the protection for the duration of a full database wipe (test `flush` only)."""
    remove(connection)
    try:
        yield
    finally:
        install(connection)
