# SPDX-License-Identifier: EUPL-1.2
"""What the measures register puts on the gemeente's start page (deadlines due soon) and in the
jaarverslag (core.hooks.annual_figures: counts only)."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kompas.core.panels import Panel

from . import selectors
from .constants import DEADLINE_DAYS, BibobOutcome, MeasureKind


def deadlines_panel(*, request, municipality, membership):
    """Begunstigingstermijnen ending, reopenings and Bibob advices due within DEADLINE_DAYS,
    of the measures the member may see (Bibob files: the bibob-coördinator only)."""
    if membership.role not in selectors.MEASURE_ROLES:
        return None
    deadlines = selectors.measure_deadlines(
        user=request.user, municipality=municipality, today=timezone.localdate()
    )
    if not deadlines:
        return None
    can_write = membership.role in selectors.MEASURE_WRITE_ROLES
    items = [
        {
            "kind": d["measure"].get_kind_display(),
            "what": d["what"],
            "date": d["date"],
            "url": reverse(
                "cases:measure_edit", kwargs={"slug": municipality.slug, "pk": d["measure"].pk}
            )
            if can_write
            else "",
        }
        for d in deadlines
    ]
    return Panel(
        title=_("Termijnen van maatregelen"),
        template="cases/_deadlines_panel.html",
        context={
            "items": items,
            "days": DEADLINE_DAYS,
            "url": reverse("cases:measure_list", kwargs={"slug": municipality.slug}),
        },
        order=48,
    )


def annual_figures(*, municipality, year):
    figures = selectors.measure_year_figures(municipality=municipality, year=year)
    per_kind, per_outcome = figures["per_kind"], figures["per_outcome"]
    if not (per_kind or per_outcome):
        return None  # nothing registered that year: no empty section in the jaarverslag
    rows = [
        {"label": str(kind.label), "value": per_kind[kind.value], "note": ""}
        for kind in MeasureKind
        if per_kind.get(kind.value)
    ]
    rows += [
        {
            "label": _("Bibob-adviezen: %(o)s") % {"o": outcome.label},
            "value": per_outcome.get(outcome.value, 0),
            "note": _("advies van het Landelijk Bureau Bibob ontvangen in %(y)s") % {"y": year},
        }
        for outcome in BibobOutcome
    ]
    return {"title": _("Instrumenten en bestuurlijke maatregelen"), "order": 25, "rows": rows}
