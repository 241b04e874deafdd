# SPDX-License-Identifier: EUPL-1.2
"""Start-page panel: targets whose status changed, or all targets with their status."""

from django.utils.translation import gettext as _

from kompas.core.constants import INTERNAL_ROLES
from kompas.core.panels import Panel

from .selectors import target_evaluations, targets_changed


def targets_panel(*, request, municipality, membership):
    if membership.role not in INTERNAL_ROLES:
        return None
    changed = list(targets_changed(municipality=municipality)[:5])
    results = target_evaluations(municipality=municipality)
    if not results:
        return None
    return Panel(
        title=_("Doelen waarvan de status veranderde") if changed else _("Doelen"),
        template="monitoring/_panel_targets.html",
        context={"changed": changed, "results": results[:6], "municipality": municipality},
        order=30,
    )
