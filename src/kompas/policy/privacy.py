# SPDX-License-Identifier: EUPL-1.2
"""The policy app's entries in the verwerkingsregister (kompas.core.privacy)."""

from django.utils.translation import gettext_lazy as _

from kompas.core import privacy as p


def declare() -> None:
    p.declare(
        "policy.Action",
        ["owner"],
        category=p.STAFF_NAME,
        basis=p.PUBLIC_TASK,
        retention=p.fixed(_("Geen automatische termijn: zolang het beleidsplan bestaat.")),
        purpose=_("Wie (persoon of afdeling) een actie uit het plan trekt."),
    )
    p.not_personal(
        "policy.Plan",
        ["short_name", "predecessor_name"],
        reason="short names of policy plans",
    )
    p.not_personal("policy.PlanExtension", ["reason"], reason="why a plan's period was extended")
    p.not_personal("policy.PlanVersion", ["source_name"], reason="file name of an imported plan")
    p.not_personal(
        "policy.Priority", ["partners_text"], reason="partner organisations of a priority"
    )
    p.not_personal("policy.Goal", ["text"], reason="a goal of the plan")
    p.not_personal("policy.Theme", ["description"], reason="a theme of the plan")
    p.not_personal(
        "policy.Action", ["description"], reason="what a plan action does (public plan text)"
    )
    p.not_personal(
        "policy.ActionUpdate", ["text"], reason="progress of a plan action (public plan text)"
    )
