# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SignalsConfig(AppConfig):
    name = "kompas.signals"
    label = "signals"
    # Apps this one imports (services/selectors); see docs/architecture.md.
    kompas_depends_on = ("kompas.core", "kompas.monitoring")
    verbose_name = _("Meldpunt")

    def ready(self) -> None:
        from . import privacy

        privacy.declare()  # the app's fields in the verwerkingsregister
        from kompas.core import demo, hooks, notifications, panels
        from kompas.core.constants import Role

        from . import logfilter
        from .constants import SIGNAL_READ_ROLES, SIGNAL_TEAM_ROLES
        from .demo import load_demo
        from .panels import (
            beheer_address_link,
            beheer_link_retention,
            beheer_links,
            signals_panel,
        )

        # Scrub IPs, user agents and receipt codes from every handler that exists now
        # (Django's and gunicorn's; gunicorn sets up its loggers before loading the app).
        logfilter.install()
        panels.register(signals_panel)
        panels.register_nav(
            panels.NavItem(
                title=_("Meldingen"),
                url_name="signals:signal_list",
                roles=SIGNAL_READ_ROLES,
                order=30,
            )
        )
        panels.register_nav(
            panels.NavItem(
                title=_("Deelafspraken"),
                url_name="signals:agreement_list",
                roles=(Role.ADMIN,),
                order=95,
            )
        )
        demo.register(load_demo, order=40)
        hooks.beheer_links.register(beheer_links)
        hooks.beheer_links.register(beheer_link_retention)
        hooks.beheer_links.register(beheer_address_link)
        team = SIGNAL_TEAM_ROLES
        for code, label, description, order in (
            (
                "melding_nieuw",
                _("Nieuwe melding bij het meldpunt"),
                _("Direct na binnenkomst; zonder inhoud, met een link."),
                10,
            ),
            (
                "melding_reactie",
                _("Reactie van een melder"),
                _("Aan de behandelaar, of aan het team zolang niemand de melding behandelt."),
                11,
            ),
            (
                "melding_termijn",
                _("Meldingen over hun reactietermijn"),
                _("Elke ochtend om 8 uur het aantal, zolang er zijn."),
                12,
            ),
        ):
            notifications.register(
                notifications.Kind(
                    code=code, label=label, description=description, roles=team, order=order
                )
            )
