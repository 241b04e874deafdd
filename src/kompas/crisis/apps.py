# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CrisisConfig(AppConfig):
    name = "kompas.crisis"
    label = "crisis"
    # Apps this one imports (services/selectors); see docs/architecture.md.
    kompas_depends_on = ("kompas.core", "kompas.policy")
    verbose_name = _("Crisisorganisatie")

    def ready(self) -> None:
        from . import privacy

        privacy.declare()  # the app's fields in the verwerkingsregister
        from kompas.core import demo, hooks, panels
        from kompas.core.constants import INTERNAL_ROLES

        from . import reports, retention
        from .demo import load_demo
        from .panels import readiness_panel
        from .selectors import owned_event_kinds

        panels.register(readiness_panel)
        hooks.progress_sections.register(reports.progress_section)
        # Members who left and stale fire-station contacts (`kompas retention run`).
        hooks.retention_run.register(retention.retention_run)
        hooks.annual_figures.register(reports.annual_figures)
        hooks.register_event_kinds.register(owned_event_kinds)
        panels.register_nav(
            panels.NavItem(
                title=_("Crisisorganisatie"),
                url_name="crisis:readiness",
                roles=tuple(INTERNAL_ROLES),
                order=55,
            )
        )
        demo.register(load_demo, order=80)
