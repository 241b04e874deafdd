# SPDX-License-Identifier: EUPL-1.2
"""What openbare orde adds to the reports of `reporting` through core's hooks (registered in
OpenbareOrdeConfig.ready()): the risk items overdue for review in a voortgangsrapportage, and
the year's demonstrations, incidents, matches and events in the jaarverslag. Counts and item
titles only; an item about a person appears by its pseudonym, never by name."""

from __future__ import annotations

from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from . import selectors
from .constants import RiskClass, RiskKind


def _peildatum(end: date) -> date:
    """Review dates are compared as the inventory stands now, up to the end of the period."""
    return min(end, selectors.today())


def progress_section(*, municipality, start: date, end: date) -> dict:
    """core.hooks.progress_sections: the risk items whose review date passed (by the end of
    the period), so the inventory is kept current ("actueel houden")."""
    on = _peildatum(end)
    stale = list(selectors.risk_stale(municipality=municipality, on=on))
    rows = [
        {
            "label": _("Risico's maatschappelijke onrust met verlopen herbeoordeling"),
            "value": str(len(stale)),
            "note": _("peildatum %(d)s") % {"d": date_format(on, "j F Y")},
        }
    ]
    rows += [
        {
            "label": item.title,
            "value": _("verlopen sinds %(d)s") % {"d": date_format(item.review_on, "j-n-Y")},
            "note": _("%(kind)s, risico %(level)s")
            % {"kind": item.get_kind_display(), "level": item.get_level_display()},
        }
        for item in stale
    ]
    return {"title": str(_("Openbare orde: risico-inventarisatie")), "order": 50, "rows": rows}


def annual_figures(*, municipality, year: int) -> dict:
    """core.hooks.annual_figures: the year's demonstrations, openbare-orde incidents, matches
    of the BVO and events, and the size of the risk inventory (counts only)."""
    demonstrations = selectors.demonstration_list(municipality=municipality).filter(date__year=year)
    matches = selectors.match_list(municipality=municipality).filter(date__year=year)
    items = selectors.risk_list_all(municipality=municipality)
    rows = [
        {
            "label": _("Demonstraties (kennisgevingen)"),
            "value": demonstrations.count(),
            "note": _("waarvan %(n)s met voorschriften of beperkingen")
            % {"n": demonstrations.exclude(legal_ground="").count()},
        },
        {
            "label": _("Openbare-ordeincidenten"),
            "value": selectors.incident_list(municipality=municipality)
            .filter(date__year=year)
            .count(),
            "note": "",
        },
        {
            "label": _("Voetbalwedstrijden"),
            "value": matches.count(),
            "note": _("waarvan %(n)s met verhoogd of hoog risico (B/C)")
            % {"n": matches.filter(risk_class__in=[RiskClass.B, RiskClass.C]).count()},
        },
        {
            "label": _("Evenementen met veiligheidsadvies"),
            "value": selectors.event_list(municipality=municipality)
            .filter(date__year=year)
            .count(),
            "note": "",
        },
        {
            "label": _("Open items in de risico-inventarisatie"),
            "value": items.count(),
            "note": _("waarvan %(n)s over een persoon")
            % {"n": items.filter(kind=RiskKind.PERSON).count()},
        },
    ]
    return {"title": str(_("Openbare orde")), "order": 50, "rows": rows}
