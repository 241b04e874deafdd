# SPDX-License-Identifier: EUPL-1.2
"""What the crisis organisation adds to the reports of `reporting` through core's hooks
(registered in CrisisConfig.ready()): readiness of the key functions, qualifications about to
expire and the OTO activities held, in a voortgangsrapportage; the year's OTO and the
readiness at its end in the jaarverslag. Function names and counts only: no member's name."""

from __future__ import annotations

from collections import Counter
from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from . import selectors
from .constants import EXPIRY_WARNING_DAYS, OtoKind, OtoLevel, OtoStatus, Readiness


def _owner(municipality) -> selectors.Owner:
    return selectors.Owner(municipality=municipality, context_municipality=municipality)


def _readiness_rows(owner, on: date) -> list[dict]:
    summary = selectors.readiness_summary(owner=owner, on=on)
    by_status: dict[str, list[str]] = {s: [] for s in Readiness.values}
    for row in summary["rows"]:
        by_status[row.status].append(row.function.name)
    total = summary["total"]
    return [
        {
            "label": _("Sleutelfuncties op sterkte (groen)"),
            "value": _("%(n)s van %(t)s") % {"n": summary["green"], "t": total},
            "note": _("peildatum %(d)s") % {"d": date_format(on, "j F Y")},
        },
        {
            "label": _("Sleutelfuncties onderbezet (oranje)"),
            "value": str(summary["amber"]),
            "note": ", ".join(by_status[Readiness.AMBER]),
        },
        {
            "label": _("Sleutelfuncties niet gevuld (rood)"),
            "value": str(summary["red"]),
            "note": ", ".join(by_status[Readiness.RED]),
        },
    ]


def _held(owner, first: date, last: date):
    return selectors.oto_list(owner=owner).filter(
        status=OtoStatus.HELD, date__gte=first, date__lte=last
    )


def progress_section(*, municipality, start: date, end: date) -> dict | None:
    """core.hooks.progress_sections: readiness on the end of the period (or today), the
    qualifications expiring within 60 days of it, and the OTO activities held in the period and
    since 1 January. None when the gemeente keeps no key functions."""
    owner = _owner(municipality)
    if not selectors.function_list(owner=owner).exists():
        return None
    on = min(end, selectors.today())
    rows = _readiness_rows(owner, on)
    rows.append(
        {
            "label": _("Kwalificaties die binnen %(n)s dagen verlopen")
            % {"n": EXPIRY_WARNING_DAYS},
            "value": str(selectors.qualifications_expiring(owner=owner, on=on).count()),
            "note": "",
        }
    )
    rows.append(
        {
            "label": _("OTO-activiteiten gehouden in deze periode"),
            "value": str(_held(owner, start, end).count()),
            "note": _("sinds 1 januari %(y)s: %(n)s")
            % {"y": end.year, "n": _held(owner, date(end.year, 1, 1), end).count()},
        }
    )
    return {"title": str(_("Crisisorganisatie: paraatheid")), "order": 60, "rows": rows}


def annual_figures(*, municipality, year: int) -> dict | None:
    """core.hooks.annual_figures: OTO activities held in `year` by kind and level, and the
    readiness of the key functions at the end of the year (today for the current year)."""
    owner = _owner(municipality)
    held = list(_held(owner, date(year, 1, 1), date(year, 12, 31)).values_list("kind", "level"))
    has_functions = selectors.function_list(owner=owner).exists()
    if not held and not has_functions:
        return None
    kinds = Counter(k for k, _level in held)
    levels = Counter(level for _k, level in held)
    rows = [
        {
            "label": _("OTO-activiteiten gehouden"),
            "value": len(held),
            "note": ", ".join(f"{OtoKind(k).label} {kinds[k]}" for k in OtoKind.values if kinds[k]),
        },
        {
            "label": _("waarvan op district- of regionaal niveau"),
            "value": levels[OtoLevel.DISTRICT] + levels[OtoLevel.REGIONAL],
            "note": "",
        },
    ]
    if has_functions:
        rows += _readiness_rows(owner, min(date(year, 12, 31), selectors.today()))
    return {"title": str(_("Crisisorganisatie")), "order": 60, "rows": rows}
