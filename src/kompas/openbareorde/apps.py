# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpenbareOrdeConfig(AppConfig):
    name = "kompas.openbareorde"
    label = "openbareorde"
    # Apps this one imports (services/selectors); see docs/architecture.md.
    kompas_depends_on = ("kompas.core", "kompas.policy", "kompas.signals", "kompas.cases")
    verbose_name = _("Openbare orde")

    def ready(self) -> None:
        from . import privacy

        privacy.declare()  # the app's fields in the verwerkingsregister
        from kompas.core import demo, hooks, panels
        from kompas.core.constants import Role

        from . import reports, retention, services
        from .demo import load_demo
        from .panels import openbareorde_panel

        panels.register(openbareorde_panel)
        # The inventory's persons use the meldpunt's keys: `kompas keys rotate` covers them.
        hooks.encrypted_fields_rotate.register(services.keys_rotate)
        hooks.progress_sections.register(reports.progress_section)
        # Closed risk items and incident descriptions past their term (`kompas retention run`).
        hooks.retention_run.register(retention.retention_run)
        hooks.annual_figures.register(reports.annual_figures)
        panels.register_nav(
            panels.NavItem(
                title=_("Openbare orde"),
                url_name="openbareorde:overview",
                roles=(Role.ADMIN, Role.ADVISOR, Role.READER),
                order=52,
            )
        )
        # Partners see only the risk items that name their organisation; regisseurs the
        # inventory (its persons included) but not the registers.
        panels.register_nav(
            panels.NavItem(
                title=_("Risico's onrust"),
                url_name="openbareorde:risk_list",
                roles=(Role.PARTNER, Role.REGISSEUR),
                order=52,
            )
        )
        demo.register(load_demo, order=85)
