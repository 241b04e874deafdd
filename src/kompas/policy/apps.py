# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class PolicyConfig(AppConfig):
    name = "kompas.policy"
    label = "policy"
    # Apps this one imports (services/selectors); see docs/architecture.md.
    kompas_depends_on = ("kompas.core", "kompas.monitoring")
    verbose_name = "Beleid"

    def ready(self) -> None:
        from . import privacy

        privacy.declare()  # the app's fields in the verwerkingsregister
        from . import registry

        registry.register_all()
