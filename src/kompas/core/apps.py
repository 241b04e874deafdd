# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "kompas.core"
    label = "core"
    # Apps this one imports (services/selectors); see docs/architecture.md.
    kompas_depends_on = ()
    verbose_name = "Basis"

    def ready(self) -> None:
        from . import checks, signals  # noqa: F401  (dependency check, login auditing)
