# SPDX-License-Identifier: EUPL-1.2
"""The ondermijningsdagen of the samenwerkingsverbanden the gemeente takes part in, and the
coordinator's page: held and planned per gemeente against the "10-tal per jaar". The host
gemeente's staff keep a day; all member gemeenten see it, but only their own controles."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kompas.core.registers import add_errors

from .. import selectors, services
from ..constants import DayStatus
from ..forms import DayForm
from ..models import UnderminingDay
from ._common import context


def _year(request) -> int:
    value = request.GET.get("jaar", "")
    return int(value) if value.isdigit() and 1990 < int(value) < 2200 else selectors.today().year


def day_list(request, slug):
    municipality, membership = selectors.gemeente_for_user(user=request.user, slug=slug)
    year = _year(request)
    partnerships = selectors.partnerships_of(municipality=municipality)
    return render(
        request,
        "ondermijning/day_list.html",
        context(
            municipality,
            membership,
            shown_year=year,
            days=selectors.day_list(partnerships=partnerships, year=year),
            summaries=[
                selectors.partnership_summary(partnership=p, year=year) for p in partnerships
            ],
        ),
    )


def partnership_summary(request, slug, code):
    municipality, membership = selectors.gemeente_for_user(user=request.user, slug=slug)
    partnership = selectors.partnerships_of(municipality=municipality).filter(code=code).first()
    if partnership is None:
        raise Http404
    year = _year(request)
    return render(
        request,
        "ondermijning/partnership.html",
        context(
            municipality,
            membership,
            shown_year=year,
            summary=selectors.partnership_summary(partnership=partnership, year=year),
        ),
    )


def day_detail(request, slug, pk):
    municipality, membership = selectors.gemeente_for_user(user=request.user, slug=slug)
    day = selectors.day_get(municipality=municipality, pk=pk)
    return render(
        request,
        "ondermijning/day_detail.html",
        context(
            municipality,
            membership,
            day=day,
            is_host=day.host_id == municipality.pk,
            controles=selectors.day_controles(day=day, municipality=municipality),
        ),
    )


def day_form(request, slug, pk=None):
    municipality, membership = selectors.gemeente_for_user(user=request.user, slug=slug, write=True)
    day = selectors.day_get(municipality=municipality, pk=pk) if pk else UnderminingDay()
    if pk and day.host_id != municipality.pk:
        raise PermissionDenied
    form = DayForm(
        request.POST if request.method == "POST" else None,
        instance=day,
        partnerships=selectors.partnerships_of(municipality=municipality),
        partners=selectors.partner_list(),
        initial={} if pk else {"status": DayStatus.PLANNED},
    )
    if request.method == "POST" and form.is_valid():
        fields = {k: v for k, v in form.cleaned_data.items() if k != "partners"}
        try:
            day = services.day_save(
                municipality=municipality,
                day=day,
                by=request.user,
                fields=fields,
                partners=form.cleaned_data["partners"],
            )
        except ValidationError as exc:
            add_errors(form, exc)
            if not pk:
                day.pk = None
        else:
            messages.success(request, _("De ondermijningsdag is opgeslagen."))
            return redirect("ondermijning:day_detail", slug, day.pk)
    return render(
        request,
        "ondermijning/day_form.html",
        context(municipality, membership, form=form, day=day if pk else None),
    )


def day_delete(request, slug, pk):
    municipality, membership = selectors.gemeente_for_user(user=request.user, slug=slug, write=True)
    day = selectors.day_get(municipality=municipality, pk=pk)
    if day.host_id != municipality.pk:
        raise PermissionDenied
    if request.method == "POST":
        try:
            services.day_delete(municipality=municipality, day=day, by=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect("ondermijning:day_detail", slug, pk)
        messages.success(request, _("De ondermijningsdag is verwijderd."))
        return redirect("ondermijning:day_list", slug)
    return render(
        request,
        "ondermijning/confirm_delete.html",
        context(
            municipality,
            membership,
            object=day,
            question=_("Ondermijningsdag “%(t)s” verwijderen?") % {"t": day},
            note=_("Telde de dag mee voor het samenwerkingsverband, dan vervalt die ook."),
        ),
    )
