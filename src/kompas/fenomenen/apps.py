# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FenomenenConfig(AppConfig):
    name = "kompas.fenomenen"
    label = "fenomenen"
    # Apps this one imports (services/selectors); see docs/architecture.md.
    kompas_depends_on = ("kompas.core", "kompas.monitoring", "kompas.policy", "kompas.signals")
    verbose_name = _("Fenomenen en voorlichting")

    def ready(self) -> None:
        from . import privacy

        privacy.declare()  # the app's fields in the verwerkingsregister
        from kompas.core import demo, hooks, panels
        from kompas.core.constants import INTERNAL_ROLES

        from .demo import load_demo
        from .panels import annual_figures
        from .selectors import chosen_for_lists, owned_event_kinds

        hooks.register_event_kinds.register(owned_event_kinds)
        hooks.annual_figures.register(annual_figures)
        hooks.chosen_phenomena.register(chosen_for_lists)
        panels.register_nav(
            panels.NavItem(
                title=_("Fenomenen"),
                url_name="fenomenen:keuze_list",
                roles=tuple(INTERNAL_ROLES),
                order=54,
            )
        )
        # After the meldpunt's demo signals (the evidence counts them).
        demo.register(load_demo, order=89)
