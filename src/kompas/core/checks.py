# SPDX-License-Identifier: EUPL-1.2
"""System check: every kompas app's declared dependencies (`kompas_depends_on`) are installed,
so a missing app is a start-up error instead of a feature that silently switches off."""

from django.apps import apps
from django.core.checks import Error, register


@register()
def kompas_dependencies(app_configs=None, **kwargs) -> list[Error]:
    errors = []
    for config in apps.get_app_configs():
        for dependency in getattr(config, "kompas_depends_on", ()):
            if not apps.is_installed(dependency):
                errors.append(
                    Error(
                        f"{config.name} depends on {dependency}, which is not in INSTALLED_APPS.",
                        hint="Add it to INSTALLED_APPS or remove the app that needs it.",
                        id="kompas.E001",
                    )
                )
    return errors
