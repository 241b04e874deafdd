# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SignalsConfig(AppConfig):
    name = "kompas.signals"
    label = "signals"
    verbose_name = _("Meldpunt")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from kompas.core import demo, panels
        from kompas.core.constants import Role
        from kompas.core.models import Municipality

        from . import logfilter
        from .demo import load_demo
        from .panels import signals_panel
        from .selectors import municipality_for_public_forget

        # Scrub IPs, user agents and receipt codes from every handler that exists now
        # (Django's and gunicorn's; gunicorn sets up its loggers before loading the app).
        logfilter.install()
        panels.register(signals_panel)
        panels.register_nav(
            panels.NavItem(
                title=_("Meldingen"),
                url_name="signals:signal_list",
                roles=(Role.ADMIN, Role.ADVISOR, Role.READER),
                order=30,
            )
        )
        demo.register(load_demo, order=40)
        for signal in (post_save, post_delete):
            signal.connect(
                municipality_for_public_forget,
                sender=Municipality,
                dispatch_uid="signals-public-municipality",
            )
