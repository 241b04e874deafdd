# SPDX-License-Identifier: EUPL-1.2
"""The audit log records changed values (old -> new). SQLite adds the column by rebuilding the
table, which would leave the new table without the append-only triggers: lift them for the
change and put them back."""

from django.db import migrations, models

from kompas.core import audit_triggers


def _remove(apps, schema_editor):
    audit_triggers.remove(schema_editor.connection)


def _install(apps, schema_editor):
    audit_triggers.install(schema_editor.connection, purge_window=False)


class Migration(migrations.Migration):
    dependencies = [("core", "0002_audit_append_only")]

    operations = [
        migrations.RunPython(_remove, _install),
        migrations.AddField(
            model_name="auditentry",
            name="changes",
            field=models.JSONField(blank=True, default=dict, verbose_name="wijzigingen"),
        ),
        migrations.RunPython(_install, _remove),
    ]
