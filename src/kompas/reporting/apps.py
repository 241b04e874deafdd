# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "kompas.reporting"
    label = "reporting"
    # Apps this one imports (services/selectors); see docs/architecture.md.
    kompas_depends_on = ("kompas.core", "kompas.monitoring", "kompas.policy", "kompas.signals")
    verbose_name = _("Rapportages")

    def ready(self) -> None:
        from kompas.core import demo, hooks, panels
        from kompas.core.constants import Role

        from .demo import load_demo
        from .panels import public_links, reports_panel

        panels.register(reports_panel)

        panels.register_nav(
            panels.NavItem(
                title=_("Rapportages"),
                url_name="reporting:report_list",
                roles=(Role.ADMIN, Role.ADVISOR, Role.READER),
                order=60,
            )
        )
        demo.register(load_demo, order=90)
        hooks.public_links.register(public_links)
