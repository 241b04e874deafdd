# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OndermijningConfig(AppConfig):
    name = "kompas.ondermijning"
    label = "ondermijning"
    # Apps this one imports (services/selectors); see docs/architecture.md.
    kompas_depends_on = ("kompas.core", "kompas.policy", "kompas.signals")
    verbose_name = _("Ondermijning")

    def ready(self) -> None:
        from . import privacy

        privacy.declare()  # the app's fields in the verwerkingsregister
        from kompas.core import demo, hooks, panels
        from kompas.core.constants import INTERNAL_ROLES

        from .demo import load_demo
        from .panels import annual_figures, kvo_panel, ondermijning_panel
        from .selectors import owned_event_kinds

        hooks.register_event_kinds.register(owned_event_kinds)
        hooks.annual_figures.register(annual_figures)
        panels.register(ondermijning_panel)
        panels.register(kvo_panel)
        panels.register_nav(
            panels.NavItem(
                title=_("Ondermijning"),
                url_name="ondermijning:controle_list",
                roles=tuple(INTERNAL_ROLES),
                order=53,
            )
        )
        # After the meldpunt's dossiers, before reporting's demo reports read the norms.
        demo.register(load_demo, order=88)
