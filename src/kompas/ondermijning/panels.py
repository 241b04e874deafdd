# SPDX-License-Identifier: EUPL-1.2
"""The start-page panel and the year's figures (core.hooks.annual_figures) of ondermijning:
counts only, no findings."""

from django.urls import reverse
from django.utils.translation import gettext as _

from kompas.core.constants import INTERNAL_ROLES
from kompas.core.panels import Panel

from . import selectors


def ondermijning_panel(*, request, municipality, membership):
    """Controles carried out this year and the next planned ondermijningsdag."""
    if membership.role not in INTERNAL_ROLES:
        return None
    today = selectors.today()
    figures = selectors.year_figures(municipality=municipality, year=today.year)
    context = {
        **figures,
        "next_day": selectors.day_next(municipality=municipality, on=today),
        "url": reverse("ondermijning:controle_list", kwargs={"slug": municipality.slug}),
        "days_url": reverse("ondermijning:day_list", kwargs={"slug": municipality.slug}),
    }
    return Panel(
        title=_("Ondermijning"), template="ondermijning/_panel.html", context=context, order=50
    )


def kvo_panel(*, request, municipality, membership):
    """KVO-B certificates that expire within 90 days (or lapsed in the last 90)."""
    if membership.role not in INTERNAL_ROLES:
        return None
    parks = list(selectors.kvo_expiring(municipality=municipality, on=selectors.today()))
    if not parks:
        return None
    return Panel(
        title=_("KVO-B-certificaten die verlopen"),
        template="ondermijning/_kvo_panel.html",
        context={
            "parks": parks,
            "url": reverse("ondermijning:kvo_list", kwargs={"slug": municipality.slug}),
        },
        order=51,
    )


def annual_figures(*, municipality, year):
    figures = selectors.year_figures(municipality=municipality, year=year)
    return {
        "title": _("Ondermijning"),
        "order": 20,
        "rows": [
            {
                "label": _("Integrale controles uitgevoerd"),
                "value": figures["controles"],
                "note": _("met %(n)s bezochte adressen") % {"n": figures["locations"]},
            },
            {
                "label": _("Ondermijningsdagen gehouden als gastgemeente"),
                "value": figures["days_hosted"],
                "note": "",
            },
        ],
    }
