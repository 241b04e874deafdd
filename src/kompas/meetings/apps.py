# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "kompas.meetings"
    label = "meetings"
    # Apps this one imports (services/selectors); see docs/architecture.md.
    kompas_depends_on = ("kompas.core", "kompas.policy", "kompas.signals")
    verbose_name = _("Overleggen")

    def ready(self) -> None:
        from . import privacy

        privacy.declare()  # the app's fields in the verwerkingsregister
        from kompas.core import demo, hooks, notifications, panels
        from kompas.core.constants import Role

        from . import retention
        from .demo import load_demo
        from .integrations import beheer_links, signal_references
        from .panels import next_lio_panel

        panels.register(next_lio_panel)
        panels.register_nav(
            panels.NavItem(
                title=_("Overleggen"),
                url_name="meetings:series_list",
                roles=tuple(Role.values),
                order=40,
            )
        )
        demo.register(load_demo, order=70)
        # The signal page names the meetings a signal is on (signals cannot import meetings).
        hooks.signal_references.register(signal_references)
        hooks.beheer_links.register(beheer_links)
        # Minutes, decisions and follow-up actions past their term (`kompas retention run`).
        hooks.retention_run.register(retention.retention_run)
        notifications.register(
            notifications.Kind(
                code="overleg_stukken",
                label=_("Agenda en verslag van de overleggen waaraan u deelneemt"),
                description=_("Met de agenda als PDF en een uitnodiging voor uw agenda (.ics)."),
                roles=tuple(Role.values),
                order=40,
            )
        )
