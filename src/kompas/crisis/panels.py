# SPDX-License-Identifier: EUPL-1.2
from django.urls import reverse
from django.utils.translation import gettext as _

from kompas.core.constants import INTERNAL_ROLES
from kompas.core.panels import Panel

from . import selectors


def readiness_panel(*, request, municipality, membership):
    """Start page: the gemeente's readiness in three numbers and expiring qualifications."""
    if membership.role not in INTERNAL_ROLES:
        return None
    owner = selectors.Owner(municipality=municipality, context_municipality=municipality)
    summary = selectors.readiness_summary(owner=owner)
    if not summary["total"]:
        return None
    context = {
        **{k: summary[k] for k in ("green", "amber", "red")},
        "expiring": selectors.qualifications_expiring(owner=owner).count(),
        "url": reverse("crisis:readiness", kwargs={"slug": municipality.slug}),
    }
    return Panel(
        title=_("Crisisorganisatie"), template="crisis/_panel.html", context=context, order=60
    )
