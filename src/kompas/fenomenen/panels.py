# SPDX-License-Identifier: EUPL-1.2
"""The year's figures of fenomenen and voorlichting (core.hooks.annual_figures): counts only."""

from django.utils.translation import gettext as _

from . import selectors

TITLE = "Fenomenen en voorlichting"


def annual_figures(*, municipality, year):
    figures = selectors.year_figures(municipality=municipality, year=year)
    return {
        "title": _(TITLE),
        "order": 25,
        "rows": [
            {
                "label": _("Fenomenenkeuze vastgesteld"),
                "value": _("ja") if figures["adopted"] else _("nee"),
                "note": _("%(n)s gekozen fenomenen") % {"n": figures["chosen"]},
            },
            {
                "label": _("Voorlichtingsactiviteiten"),
                "value": figures["activities"],
                "note": _("bereik %(p)s personen, %(o)s organisaties")
                % {"p": figures["people"], "o": figures["organisations"]},
            },
        ],
    }
