# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "kompas.core"
    label = "core"
    verbose_name = "Basis"

    def ready(self) -> None:
        from . import signals  # noqa: F401  (login auditing)
