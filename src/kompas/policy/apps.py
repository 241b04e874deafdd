# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class PolicyConfig(AppConfig):
    name = "kompas.policy"
    label = "policy"
    verbose_name = "Beleid"

    def ready(self) -> None:
        from . import registry

        registry.register_all()
