# SPDX-License-Identifier: EUPL-1.2
"""Database triggers that make core_auditentry append-only on SQLite and PostgreSQL.

UPDATE and TRUNCATE are always refused. DELETE is refused too, except of entries older than a
cutoff in core_auditpurgewindow: `kompas retention run` writes that cutoff (now minus
AUDIT_RETENTION_DAYS), deletes and removes the cutoff in one transaction, so the retention term
of the audit log is the only way an entry ever leaves the table."""

from contextlib import contextmanager

_SQLITE_INSTALL = [
    """CREATE TRIGGER IF NOT EXISTS core_auditentry_no_update BEFORE UPDATE ON core_auditentry
       BEGIN SELECT RAISE(ABORT, 'auditlog is alleen-toevoegen: geen UPDATE'); END""",
    """CREATE TRIGGER IF NOT EXISTS core_auditentry_no_delete BEFORE DELETE ON core_auditentry
       {sqlite_window}
       BEGIN SELECT RAISE(ABORT, 'auditlog is alleen-toevoegen: geen DELETE'); END""",
]
_SQLITE_REMOVE = [
    "DROP TRIGGER IF EXISTS core_auditentry_no_update",
    "DROP TRIGGER IF EXISTS core_auditentry_no_delete",
]
_POSTGRES_INSTALL = [
    """CREATE OR REPLACE FUNCTION core_auditentry_append_only() RETURNS trigger AS $$
       BEGIN
         {postgres_window}
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
# The retention exception (core migration 0008; migration 0002 installs without it, as the
# window's table does not exist yet and SQLite checks a trigger's tables on every rebuild).
_WINDOW = {
    "sqlite_window": """WHEN NOT EXISTS
         (SELECT 1 FROM core_auditpurgewindow w WHERE OLD."at" < w.before)""",
    "postgres_window": """IF TG_OP = 'DELETE' THEN
           IF EXISTS (SELECT 1 FROM core_auditpurgewindow w WHERE OLD."at" < w.before) THEN
             RETURN OLD;
           END IF;
         END IF;""",
}
_NO_WINDOW = {"sqlite_window": "", "postgres_window": ""}
_REMOVE = {"sqlite": _SQLITE_REMOVE, "postgresql": _POSTGRES_REMOVE}


def _execute(connection, statements) -> None:
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def install(connection, *, purge_window: bool = True) -> None:
    parts = _WINDOW if purge_window else _NO_WINDOW
    statements = [
        sql.replace("{sqlite_window}", parts["sqlite_window"]).replace(
            "{postgres_window}", parts["postgres_window"]
        )
        for sql in _INSTALL.get(connection.vendor, [])
    ]
    _execute(connection, statements)


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
