# SPDX-License-Identifier: EUPL-1.2
"""Make signal history rows immutable in the database: an UPDATE of any column other than the
encrypted note (key rotation) and the user reference (SET NULL when a user is deleted) fails.
Rows disappear only with their signal (retention)."""

from django.db import migrations

_COLUMNS = "signal_id, kind, from_status, to_status, by_label, at, data"
_SQLITE = [
    f"""CREATE TRIGGER IF NOT EXISTS signals_history_immutable
        BEFORE UPDATE OF {_COLUMNS} ON signals_signalhistory
        BEGIN SELECT RAISE(ABORT, 'historie van een melding kan niet worden gewijzigd'); END""",
]
_SQLITE_REMOVE = ["DROP TRIGGER IF EXISTS signals_history_immutable"]
_POSTGRES = [
    """CREATE OR REPLACE FUNCTION signals_history_immutable() RETURNS trigger AS $$
       BEGIN
         RAISE EXCEPTION 'historie van een melding kan niet worden gewijzigd';
       END; $$ LANGUAGE plpgsql""",
    "DROP TRIGGER IF EXISTS signals_history_immutable ON signals_signalhistory",
    f"""CREATE TRIGGER signals_history_immutable
        BEFORE UPDATE OF {_COLUMNS} ON signals_signalhistory
        FOR EACH ROW EXECUTE FUNCTION signals_history_immutable()""",
]
_POSTGRES_REMOVE = [
    "DROP TRIGGER IF EXISTS signals_history_immutable ON signals_signalhistory",
    "DROP FUNCTION IF EXISTS signals_history_immutable()",
]


def _run(statements):
    def run(apps, schema_editor):
        sql = statements.get(schema_editor.connection.vendor, [])
        with schema_editor.connection.cursor() as cursor:
            for statement in sql:
                cursor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("signals", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": _SQLITE, "postgresql": _POSTGRES}),
            _run({"sqlite": _SQLITE_REMOVE, "postgresql": _POSTGRES_REMOVE}),
        )
    ]
