# SPDX-License-Identifier: EUPL-1.2
"""What policy adds to core: menu entries, start-page panels and the demo loader."""

from django.utils.translation import gettext_lazy as _

from kompas.core import demo, notifications, panels
from kompas.core.constants import INTERNAL_ROLES


def _panel_norms_behind(*, request, municipality, membership):
    if membership.role not in INTERNAL_ROLES:
        return None
    from .constants import NormState
    from .selectors import norm_status_list, plan_current, plan_flag

    plan = plan_current(municipality=municipality)
    statuses = [
        s
        for s in norm_status_list(municipality=municipality)
        if s.state in (NormState.BEHIND, NormState.EXPIRED)
    ]
    return panels.Panel(
        title=str(_("Normen die achterlopen")),
        template="policy/_panel_norms.html",
        context={
            "statuses": statuses[:8],
            "more": max(len(statuses) - 8, 0),
            "municipality": municipality,
            "no_plan": plan is None,
            "flag": plan_flag(plan=plan) if plan is not None else None,
        },
        order=20,
    )


def _panel_actions_due(*, request, municipality, membership):
    if membership.role not in INTERNAL_ROLES:
        return None
    from .selectors import actions_due_this_month, today

    due = actions_due_this_month(municipality=municipality)
    return panels.Panel(
        title=str(_("Acties die te laat zijn of deze maand aflopen")),
        template="policy/_panel_actions.html",
        context={
            "actions": list(due[:8]),
            "more": max(due.count() - 8, 0),
            "today": today(),
            "municipality": municipality,
        },
        order=21,
    )


def register_all() -> None:
    panels.register_nav(
        panels.NavItem(str(_("Beleidsplan")), "policy:plan_overview", INTERNAL_ROLES, order=10)
    )
    panels.register_nav(panels.NavItem(str(_("Acties")), "policy:action_list", INTERNAL_ROLES, 11))
    panels.register_nav(
        panels.NavItem(str(_("Normen")), "policy:norm_overview", INTERNAL_ROLES, 12)
    )
    panels.register_nav(
        panels.NavItem(str(_("Register")), "policy:event_list", INTERNAL_ROLES, order=13)
    )
    panels.register(_panel_norms_behind)
    panels.register(_panel_actions_due)
    notifications.register(
        notifications.Kind(
            code="actie_herinnering",
            label=_("Wekelijkse herinnering aan uw acties"),
            description=_(
                "Op maandag: acties uit het plan op uw naam die binnen twee weken aflopen of "
                "te laat zijn."
            ),
            roles=tuple(INTERNAL_ROLES),
            order=20,
        )
    )
    from .demo import load_demo

    demo.register(load_demo, order=10)
