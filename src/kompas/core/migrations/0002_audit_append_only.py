# SPDX-License-Identifier: EUPL-1.2
"""Make the audit log append-only in the database itself: UPDATE and DELETE (and TRUNCATE on
PostgreSQL) on core_auditentry raise an error, whatever the application does."""

from django.db import migrations

from kompas.core import audit_triggers


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [
        migrations.RunPython(
            lambda apps, schema_editor: audit_triggers.install(
                schema_editor.connection, purge_window=False
            ),
            lambda apps, schema_editor: audit_triggers.remove(schema_editor.connection),
        ),
    ]
