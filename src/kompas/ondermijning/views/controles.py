# SPDX-License-Identifier: EUPL-1.2
"""The register of integrale controles: list (search, filters, pages), detail with findings,
create and edit with locations (no JavaScript), delete with confirmation."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from kompas.core import phenomena
from kompas.core.constants import AuditAction
from kompas.core.exports import FORMATS, table_response
from kompas.core.registers import add_errors, day, delete_page
from kompas.core.services import audit_log
from kompas.signals.constants import SIGNAL_TEAM_ROLES

from .. import selectors, services
from ..constants import COUNTED_STATUSES
from ..forms import ControleFilterForm, ControleForm, FindingForm, location_formset
from ..models import Controle
from ._common import context

PAGE_SIZE = 25


def controle_list(request, slug):
    municipality, membership = selectors.gemeente_for_user(user=request.user, slug=slug)
    branches = selectors.branche_list(include_inactive=True)
    years = selectors.controle_years(municipality=municipality)
    this_year = selectors.today().year
    offered = phenomena.chosen_phenomena(municipality=municipality, year=this_year) is not None
    filters = ControleFilterForm(
        request.GET or None,
        years=years,
        branches=branches,
        this_year=this_year,
        chosen_offered=offered,
    )
    data = filters.cleaned_data if filters.is_valid() else {}
    chosen_on = offered and bool(data.get(phenomena.PARAM))
    chosen = (
        phenomena.chosen_phenomena(municipality=municipality, year=filters.chosen_year)
        if chosen_on
        else None
    )
    qs = selectors.controle_list(
        chosen=chosen,
        municipality=municipality,
        year=data.get("jaar"),
        status=data.get("status") or "",
        branche=data.get("branche") or "",
        q=(data.get("q") or "").strip(),
    )
    fmt = request.GET.get("formaat")
    if fmt in FORMATS:
        return _export(request, municipality, qs, fmt)
    year = selectors.today().year
    return render(
        request,
        "ondermijning/controle_list.html",
        context(
            municipality,
            membership,
            filters=filters,
            page=Paginator(qs, PAGE_SIZE).get_page(request.GET.get("pagina")),
            counted=selectors.controles_counted(municipality=municipality, year=year),
            chosen=chosen,
            chosen_on=chosen_on,
        ),
    )


def _export(request, municipality, qs, fmt):
    """The filtered list as CSV or Excel: no addresses or findings, counts only."""
    audit_log(
        user=request.user,
        action=AuditAction.EXPORT,
        object_type="ondermijning.controle",
        municipality=municipality,
        note=fmt,
    )
    rows = (
        (
            day(c.date),
            c.title,
            c.branche.name,
            c.get_reason_display(),
            c.get_status_display(),
            c.n_locations,
            _("ja") if c.is_demo else "",
        )
        for c in qs
    )
    return table_response(
        filename=f"integrale-controles-{municipality.slug}",
        headers=[
            _("Datum"),
            _("Controle"),
            _("Branche"),
            _("Aanleiding"),
            _("Status"),
            _("Locaties"),
            _("Demodata"),
        ],
        rows=rows,
        fmt=fmt,
    )


def controle_detail(request, slug, pk):
    municipality, membership = selectors.gemeente_for_user(user=request.user, slug=slug)
    controle = selectors.controle_get(municipality=municipality, pk=pk)
    return render(
        request,
        "ondermijning/controle_detail.html",
        context(
            municipality,
            membership,
            controle=controle,
            counted=controle.status in COUNTED_STATUSES,
            # The meldpunt's dossier opens for its team only (signals.constants).
            sees_signals=membership.role in SIGNAL_TEAM_ROLES,
            finding_form=FindingForm(locations=controle.locations.all()),
        ),
    )


def _form_kwargs(municipality) -> dict:
    return {
        "branches": selectors.branche_list(),
        "partners": selectors.partner_list(),
        "days": selectors.day_choices(municipality=municipality),
    }


def _locations(formset) -> list[dict]:
    return [
        {
            "id": f.cleaned_data.get("id"),
            "address": f.cleaned_data.get("address", ""),
            "dossier": f.cleaned_data.get("dossier"),
            "delete": f.cleaned_data.get("delete", False),
        }
        for f in formset.forms
        if f.cleaned_data
    ]


def controle_form(request, slug, pk=None):
    municipality, membership = selectors.gemeente_for_user(user=request.user, slug=slug, write=True)
    controle = selectors.controle_get(municipality=municipality, pk=pk) if pk else Controle()
    data = request.POST if request.method == "POST" else None
    form = ControleForm(data, instance=controle, **_form_kwargs(municipality))
    dossiers = selectors.dossier_list(municipality=municipality)
    formset = location_formset(data, controle=controle, dossiers=dossiers)
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        fields = {k: v for k, v in form.cleaned_data.items() if k != "partners"}
        try:
            controle = services.controle_save(
                municipality=municipality,
                controle=controle,
                by=request.user,
                fields=fields,
                partners=form.cleaned_data["partners"],
                locations=_locations(formset),
            )
        except ValidationError as exc:
            add_errors(form, exc)
            # Not saved: the instance must not look saved to the page.
            if not pk:
                controle.pk = None
        else:
            messages.success(request, _("De controle is opgeslagen."))
            return redirect("ondermijning:controle_detail", slug, controle.pk)
    return render(
        request,
        "ondermijning/controle_form.html",
        context(
            municipality, membership, form=form, formset=formset, controle=controle if pk else None
        ),
    )


def controle_delete(request, slug, pk):
    municipality, membership = selectors.gemeente_for_user(user=request.user, slug=slug, write=True)
    controle = selectors.controle_get(municipality=municipality, pk=pk)
    return delete_page(
        request,
        delete=lambda: services.controle_delete(
            municipality=municipality, controle=controle, by=request.user
        ),
        success=_("De controle is verwijderd."),
        done_url=reverse("ondermijning:controle_list", args=[slug]),
        template="ondermijning/confirm_delete.html",
        context=context(
            municipality,
            membership,
            object=controle,
            question=_("Controle “%(t)s” verwijderen?") % {"t": controle},
            note=_("Telde de controle mee voor de norm, dan vervalt die gebeurtenis ook."),
        ),
    )


def finding_add(request, slug, pk):
    municipality, membership = selectors.gemeente_for_user(user=request.user, slug=slug, write=True)
    controle = selectors.controle_get(municipality=municipality, pk=pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = FindingForm(request.POST, locations=controle.locations.all())
    if form.is_valid():
        try:
            services.finding_add(controle=controle, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("De bevinding is vastgelegd."))
            return redirect("ondermijning:controle_detail", slug, pk)
    return render(
        request,
        "ondermijning/controle_detail.html",
        context(
            municipality,
            membership,
            controle=controle,
            counted=controle.status in COUNTED_STATUSES,
            finding_form=form,
        ),
        status=400,
    )


def finding_delete(request, slug, pk, finding):
    municipality, _m = selectors.gemeente_for_user(user=request.user, slug=slug, write=True)
    controle = selectors.controle_get(municipality=municipality, pk=pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    services.finding_delete(
        controle=controle,
        finding=selectors.finding_get(controle=controle, pk=finding),
        by=request.user,
    )
    messages.success(request, _("De bevinding is verwijderd."))
    return redirect("ondermijning:controle_detail", slug, pk)
