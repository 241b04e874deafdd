# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "kompas.core"
    label = "core"
    # Apps this one imports (services/selectors); see docs/architecture.md.
    kompas_depends_on = ()
    verbose_name = "Basis"

    def ready(self) -> None:
        from . import privacy_declarations

        privacy_declarations.declare()  # the app's fields in the verwerkingsregister
        from . import checks, hooks, signals  # noqa: F401  (dependency check, login auditing)
        from .services.retention import audit_log_retention_run, login_records_retention_run

        # Expired sessions and the login log, with the apps' terms in `kompas retention run`.
        hooks.retention_run.register(login_records_retention_run)
        hooks.retention_run.register(audit_log_retention_run)
