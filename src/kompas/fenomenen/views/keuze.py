# SPDX-License-Identifier: EUPL-1.2
"""The fenomenenkeuze per year: list, the evidence page, create and edit (checkboxes, no
JavaScript), delete with confirmation; and the witte vlekken."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from kompas.core.exports import FORMATS
from kompas.core.registers import day

from .. import selectors, services
from ..constants import KeuzeStatus
from ..forms import KeuzeForm, SpotForm
from ..models import PhenomenonChoice, WhiteSpot
from ._common import PAGE_SIZE, context, delete_page, export, form_page


def _keuze_rows(qs):
    for k in qs:
        yield (
            k.year,
            ", ".join(k.labels),
            k.get_status_display(),
            day(k.decision_date) if k.decision_date else "",
            k.get_decided_by_display(),
            _("ja") if k.is_demo else "",
        )


def keuze_list(request, slug):
    municipality, membership = selectors.gemeente_for_user(user=request.user, slug=slug)
    qs = selectors.keuze_list(municipality=municipality)
    fmt = request.GET.get("formaat")
    if fmt in FORMATS:
        return export(
            request,
            municipality=municipality,
            object_type="fenomenen.phenomenonchoice",
            filename="fenomenenkeuze",
            headers=[
                _("Jaar"),
                _("Gekozen fenomenen"),
                _("Status"),
                _("Datum besluit"),
                _("Besloten door"),
                _("Demodata"),
            ],
            rows=_keuze_rows(qs),
            fmt=fmt,
        )
    year = selectors.today().year
    return render(
        request,
        "fenomenen/keuze_list.html",
        context(
            municipality,
            membership,
            page=Paginator(qs, PAGE_SIZE).get_page(request.GET.get("pagina")),
            current=selectors.keuze_for_year(municipality=municipality, year=year),
        ),
    )


def keuze_detail(request, slug, pk):
    """The evidence page: what the choice rests on, of the year before it."""
    municipality, membership = selectors.gemeente_for_user(user=request.user, slug=slug)
    keuze = selectors.keuze_get(municipality=municipality, pk=pk)
    return render(
        request,
        "fenomenen/keuze_detail.html",
        context(
            municipality,
            membership,
            keuze=keuze,
            adopted=keuze.status == KeuzeStatus.ADOPTED,
            evidence=selectors.evidence(keuze=keuze),
            spots=selectors.spot_list(municipality=municipality),
        ),
    )


def keuze_form(request, slug, pk=None):
    municipality, membership = selectors.gemeente_for_user(user=request.user, slug=slug, write=True)
    keuze = selectors.keuze_get(municipality=municipality, pk=pk) if pk else PhenomenonChoice()
    initial = {} if pk else {"year": selectors.today().year}
    form = KeuzeForm(
        request.POST if request.method == "POST" else None, instance=keuze, initial=initial
    )
    return form_page(
        request,
        municipality=municipality,
        membership=membership,
        form=form,
        save=lambda fields: services.keuze_save(
            municipality=municipality, keuze=keuze, by=request.user, fields=fields
        ),
        template="fenomenen/keuze_form.html",
        success=_("De fenomenenkeuze is opgeslagen."),
        done_url=lambda k: reverse("fenomenen:keuze_detail", args=[slug, k.pk]),
        keuze=keuze if pk else None,
    )


def keuze_delete(request, slug, pk):
    municipality, membership = selectors.gemeente_for_user(user=request.user, slug=slug, write=True)
    keuze = selectors.keuze_get(municipality=municipality, pk=pk)
    return delete_page(
        request,
        municipality=municipality,
        membership=membership,
        obj=keuze,
        delete=lambda: services.keuze_delete(
            municipality=municipality, keuze=keuze, by=request.user
        ),
        question=_("Fenomenenkeuze %(y)s verwijderen?") % {"y": keuze.year},
        note=_("Telde de keuze mee voor de norm, dan vervalt die gebeurtenis ook."),
        success=_("De fenomenenkeuze is verwijderd."),
        done_url=reverse("fenomenen:keuze_list", args=[slug]),
    )


# --- Witte vlekken ---------------------------------------------------------------------------
def spot_list(request, slug):
    municipality, membership = selectors.gemeente_for_user(user=request.user, slug=slug)
    qs = selectors.spot_list(municipality=municipality)
    fmt = request.GET.get("formaat")
    if fmt in FORMATS:
        rows = (
            (
                s.get_kind_display(),
                s.subject,
                s.plan,
                s.get_status_display(),
                day(s.review_date),
                _("ja") if s.is_demo else "",
            )
            for s in qs
        )
        return export(
            request,
            municipality=municipality,
            object_type="fenomenen.whitespot",
            filename="witte-vlekken",
            headers=[
                _("Soort"),
                _("Gebied of sector"),
                _("Plan"),
                _("Status"),
                _("Herziening"),
                _("Demodata"),
            ],
            rows=rows,
            fmt=fmt,
        )
    return render(
        request,
        "fenomenen/spot_list.html",
        context(
            municipality,
            membership,
            page=Paginator(qs, PAGE_SIZE).get_page(request.GET.get("pagina")),
            today=selectors.today(),
        ),
    )


def spot_form(request, slug, pk=None):
    municipality, membership = selectors.gemeente_for_user(user=request.user, slug=slug, write=True)
    spot = selectors.spot_get(municipality=municipality, pk=pk) if pk else WhiteSpot()
    form = SpotForm(request.POST if request.method == "POST" else None, instance=spot)
    return form_page(
        request,
        municipality=municipality,
        membership=membership,
        form=form,
        save=lambda fields: services.spot_save(
            municipality=municipality, spot=spot, by=request.user, fields=fields
        ),
        template="fenomenen/spot_form.html",
        success=_("De witte vlek is opgeslagen."),
        done_url=lambda _s: reverse("fenomenen:spot_list", args=[slug]),
        spot=spot if pk else None,
    )


def spot_delete(request, slug, pk):
    municipality, membership = selectors.gemeente_for_user(user=request.user, slug=slug, write=True)
    spot = selectors.spot_get(municipality=municipality, pk=pk)
    return delete_page(
        request,
        municipality=municipality,
        membership=membership,
        obj=spot,
        delete=lambda: services.spot_delete(municipality=municipality, spot=spot, by=request.user),
        question=_("Witte vlek “%(s)s” verwijderen?") % {"s": spot.subject},
        note="",
        success=_("De witte vlek is verwijderd."),
        done_url=reverse("fenomenen:spot_list", args=[slug]),
    )
