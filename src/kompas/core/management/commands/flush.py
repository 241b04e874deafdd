# SPDX-License-Identifier: EUPL-1.2
"""Django's `flush`, which must wipe every table, made aware of the append-only audit log.

Only outside production: there the audit log is never emptied. The test runner uses flush
between transactional tests; it lifts the audit triggers for the wipe and restores them."""

from django.conf import settings
from django.core.management import CommandError
from django.core.management.commands.flush import Command as FlushCommand
from django.db import connections

from kompas.core import audit_triggers
from kompas.core.commands import KompasCommand


class Command(FlushCommand, KompasCommand):
    def handle(self, **options):
        if settings.PRODUCTION:
            raise CommandError(
                "flush is in productie niet toegestaan: de auditlog is alleen-toevoegen."
            )
        connection = connections[options["database"]]
        with audit_triggers.suspended(connection):
            return super().handle(**options)
