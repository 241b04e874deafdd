# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "kompas.monitoring"
    label = "monitoring"
    # Apps this one imports (services/selectors); see docs/architecture.md.
    kompas_depends_on = ("kompas.core",)
    verbose_name = _("Monitoring")

    def ready(self) -> None:
        from . import privacy

        privacy.declare()  # the app's fields in the verwerkingsregister
        from kompas.core import demo, panels
        from kompas.core.constants import Role

        from . import demo as monitoring_demo
        from .panels import targets_panel

        panels.register(targets_panel)
        panels.register_nav(
            panels.NavItem(
                title=_("Monitoring"),
                url_name="monitoring:dashboard",
                roles=(Role.ADMIN, Role.ADVISOR, Role.READER),
                order=30,
            )
        )
        demo.register(monitoring_demo.load_demo, order=60)
