# SPDX-License-Identifier: EUPL-1.2
from datetime import timedelta

from django.utils.translation import gettext as _

from kompas.core.constants import STAFF_ROLES
from kompas.core.panels import Panel

from . import selectors


def openbareorde_panel(*, request, municipality, membership):
    """Start page: the risk items the member sees whose review has passed (persons by
    pseudonym, only for those who see persons), and demonstrations in the next 14 days."""
    if membership.role not in selectors.INVENTORY_STAFF_ROLES:
        return None
    today = selectors.today()
    stale = list(
        selectors.risk_stale(municipality=municipality, on=today, membership=membership)[:10]
    )
    internal = membership.role in STAFF_ROLES
    demonstrations = (
        selectors.demonstration_list(municipality=municipality)
        .filter(date__gte=today, date__lte=today + timedelta(days=14))
        .count()
        if internal
        else 0
    )
    if not internal and not stale:
        return None
    context = {
        "stale": stale,
        "demonstrations": demonstrations,
        "slug": municipality.slug,
        "internal": internal,
    }
    return Panel(
        title=_("Openbare orde"), template="openbareorde/_panel.html", context=context, order=55
    )
