# SPDX-License-Identifier: EUPL-1.2
"""The `kompas` console script: Django's manage command with the project's settings."""

import os
import sys


def _unapplied_migrations() -> int:
    """How many migrations the database still lacks (0 when it cannot be asked)."""
    from django.db import DEFAULT_DB_ALIAS, connections
    from django.db.migrations.executor import MigrationExecutor

    try:
        connection = connections[DEFAULT_DB_ALIAS]
        connection.close()  # a failed statement may have left the connection unusable
        executor = MigrationExecutor(connection)
        return len(executor.migration_plan(executor.loader.graph.leaf_nodes()))
    except Exception:
        return 0


def main() -> None:
    # `kompas keys generate` makes the keys the production settings demand, so it runs before
    # they load (kompas.signals.keygen); every other command needs valid settings.
    if sys.argv[1:3] == ["keys", "generate"]:
        from kompas.signals.keygen import main as keys_generate

        sys.exit(keys_generate(sys.argv[3:]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kompas.settings")
    from django.core.management import execute_from_command_line
    from django.db import DatabaseError

    try:
        execute_from_command_line(sys.argv)
    except DatabaseError:
        missing = _unapplied_migrations()
        if not missing:
            raise
        sys.stderr.write(
            f"De database is nog niet ingericht of niet bijgewerkt ({missing} migratie(s) "
            "ontbreken). Draai eerst 'kompas migrate' (of 'make demo').\n"
        )
        sys.exit(1)


if __name__ == "__main__":
    main()
