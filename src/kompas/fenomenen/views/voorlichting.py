# SPDX-License-Identifier: EUPL-1.2
"""The register of voorlichting and weerbaarheid: list with counts per topic and year
(filters, pages, CSV/Excel), create and edit, delete with confirmation."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from kompas.core.exports import FORMATS
from kompas.core.phenomena import PARAM, chosen_phenomena
from kompas.core.registers import day

from .. import selectors, services
from ..forms import ActivityFilterForm, ActivityForm
from ..models import Activity
from ._common import PAGE_SIZE, context, delete_page, export, form_page


def _headers() -> list[str]:
    return [
        _("Datum"),
        _("Activiteit"),
        _("Doelgroep"),
        _("Onderwerp"),
        _("Personen"),
        _("Organisaties"),
        _("Materialen"),
        _("Demodata"),
    ]


def activity_list(request, slug):
    municipality, membership = selectors.gemeente_for_user(user=request.user, slug=slug)
    years = selectors.activity_years(municipality=municipality)
    filters = ActivityFilterForm(request.GET or None, years=years, this_year=selectors.today().year)
    data = filters.cleaned_data if filters.is_valid() else {}
    qs = selectors.activity_list(
        municipality=municipality,
        year=data.get("jaar"),
        activity_type=data.get("doelgroep") or "",
        topic=data.get("onderwerp") or "",
        chosen_year=filters.chosen_year if data.get(PARAM) else None,
        q=(data.get("q") or "").strip(),
    )
    fmt = request.GET.get("formaat")
    if fmt in FORMATS:
        rows = (
            (
                day(a.date),
                a.title,
                a.get_activity_type_display(),
                a.get_topic_display(),
                a.people,
                a.organisations,
                a.materials,
                _("ja") if a.is_demo else "",
            )
            for a in qs
        )
        return export(
            request,
            municipality=municipality,
            object_type="fenomenen.activity",
            filename="voorlichting",
            headers=_headers(),
            rows=rows,
            fmt=fmt,
        )
    return render(
        request,
        "fenomenen/activity_list.html",
        context(
            municipality,
            membership,
            filters=filters,
            page=Paginator(qs, PAGE_SIZE).get_page(request.GET.get("pagina")),
            counts=selectors.activity_counts(municipality=municipality),
            chosen_on=bool(data.get(PARAM)),
            chosen=chosen_phenomena(municipality=municipality, year=filters.chosen_year)
            if data.get(PARAM)
            else None,
        ),
    )


def activity_form(request, slug, pk=None):
    municipality, membership = selectors.gemeente_for_user(user=request.user, slug=slug, write=True)
    activity = selectors.activity_get(municipality=municipality, pk=pk) if pk else Activity()
    form = ActivityForm(request.POST if request.method == "POST" else None, instance=activity)
    return form_page(
        request,
        municipality=municipality,
        membership=membership,
        form=form,
        save=lambda fields: services.activity_save(
            municipality=municipality, activity=activity, by=request.user, fields=fields
        ),
        template="fenomenen/activity_form.html",
        success=_("De activiteit is opgeslagen."),
        done_url=lambda _a: reverse("fenomenen:activity_list", args=[slug]),
        activity=activity if pk else None,
    )


def activity_delete(request, slug, pk):
    municipality, membership = selectors.gemeente_for_user(user=request.user, slug=slug, write=True)
    activity = selectors.activity_get(municipality=municipality, pk=pk)
    return delete_page(
        request,
        municipality=municipality,
        membership=membership,
        obj=activity,
        delete=lambda: services.activity_delete(
            municipality=municipality, activity=activity, by=request.user
        ),
        question=_("Activiteit “%(t)s” verwijderen?") % {"t": activity},
        note="",
        success=_("De activiteit is verwijderd."),
        done_url=reverse("fenomenen:activity_list", args=[slug]),
    )
