# SPDX-License-Identifier: EUPL-1.2
"""The "gekozen fenomenen" filter that the lists of signals, controles, voorlichting and plan
actions share. The fenomenenkeuze lives in the fenomenen app, above the apps that own these
lists, so they ask through `core.hooks.chosen_phenomena` and get the codes of one gemeente
and year. Without a provider (fenomenen not installed) no list offers the filter."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

from . import hooks

# The GET parameter of the filter on every list (a checkbox: works without JavaScript).
PARAM = "gekozen"


@dataclass(frozen=True)
class Chosen:
    year: int
    codes: tuple[str, ...]
    terms: tuple[str, ...]

    @property
    def adopted(self) -> bool:
        return bool(self.codes or self.terms)


def chosen_phenomena(*, municipality, year: int) -> Chosen | None:
    """The phenomena adopted for `year` by `municipality`; None when no app provides a
    fenomenenkeuze (then the filter is not offered)."""
    answers = hooks.chosen_phenomena(municipality=municipality, year=year)
    if not answers:
        return None
    codes: list[str] = []
    terms: list[str] = []
    for answer in answers:
        codes += [c for c in answer.get("codes", []) if c not in codes]
        terms += [t for t in answer.get("terms", []) if t not in terms]
    return Chosen(year=year, codes=tuple(codes), terms=tuple(terms))


def chosen_field(year: int) -> forms.BooleanField:
    """The checkbox of the filter forms, its label naming the year whose keuze applies."""
    return forms.BooleanField(
        label=_("Alleen gekozen fenomenen (%(year)s)") % {"year": year}, required=False
    )


def filter_year(form: forms.Form, default: int, field: str = "jaar") -> int:
    """The year the filter applies: the list's own year filter when it holds one of its
    choices, else `default` (this year). Read from the raw GET data, so the checkbox label can
    name it before the form is cleaned."""
    raw = str(form.data.get(field) or "") if form.is_bound else ""
    offered = {str(value) for value, _label in form.fields[field].choices if value != ""}
    return int(raw) if raw in offered else default


def year_bounds(year: int):
    """[start, end) of `year` as aware datetimes in the current time zone, for lists that
    keep a timestamp (a signal's received time)."""
    import datetime

    from django.utils import timezone

    tz = timezone.get_current_timezone()
    return (
        datetime.datetime(year, 1, 1, tzinfo=tz),
        datetime.datetime(year + 1, 1, 1, tzinfo=tz),
    )
