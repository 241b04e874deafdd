# SPDX-License-Identifier: EUPL-1.2
"""Opkopers (DOR/DOL): list with search and pages, detail with checks, create and edit,
delete with confirmation, CSV/Excel export. And the KVO-B business parks of the gemeente."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from kompas.core.constants import AuditAction
from kompas.core.exports import FORMATS, table_response
from kompas.core.registers import add_errors, day, delete_page
from kompas.core.services import audit_log

from .. import selectors, services
from ..forms import DealerCheckForm, DealerForm, KvoForm
from ..models import Dealer, KvoPark
from ._common import context

PAGE_SIZE = 25


def dealer_list(request, slug):
    municipality, membership = selectors.gemeente_for_user(user=request.user, slug=slug)
    q = request.GET.get("q", "").strip()[:100]
    qs = selectors.dealer_list(municipality=municipality, q=q)
    fmt = request.GET.get("formaat")
    if fmt in FORMATS:
        return _export(request, municipality, qs, fmt)
    return render(
        request,
        "ondermijning/dealer_list.html",
        context(
            municipality,
            membership,
            q=q,
            page=Paginator(qs, PAGE_SIZE).get_page(request.GET.get("pagina")),
        ),
    )


def _export(request, municipality, qs, fmt):
    audit_log(
        user=request.user,
        action=AuditAction.EXPORT,
        object_type="ondermijning.dealer",
        municipality=municipality,
        note=fmt,
    )
    rows = (
        (
            d.name,
            d.kvk_number,
            d.address,
            d.get_branche_display(),
            _("ja") if d.dor_required else _("nee"),
            day(d.dor_since),
            d.n_checks,
            day(d.last_check),
            _("ja") if d.is_demo else "",
        )
        for d in qs
    )
    return table_response(
        filename=f"opkopers-{municipality.slug}",
        headers=[
            _("Naam"),
            _("KvK-nummer"),
            _("Adres"),
            _("Branche"),
            _("DOR-plichtig"),
            _("In het DOR sinds"),
            _("Controles"),
            _("Laatste controle"),
            _("Demodata"),
        ],
        rows=rows,
        fmt=fmt,
    )


def _detail(request, municipality, membership, dealer, form, status=200):
    return render(
        request,
        "ondermijning/dealer_detail.html",
        context(municipality, membership, dealer=dealer, check_form=form),
        status=status,
    )


def dealer_detail(request, slug, pk):
    municipality, membership = selectors.gemeente_for_user(user=request.user, slug=slug)
    dealer = selectors.dealer_get(municipality=municipality, pk=pk)
    return _detail(request, municipality, membership, dealer, DealerCheckForm())


def dealer_form(request, slug, pk=None):
    municipality, membership = selectors.gemeente_for_user(user=request.user, slug=slug, write=True)
    dealer = selectors.dealer_get(municipality=municipality, pk=pk) if pk else Dealer()
    form = DealerForm(request.POST if request.method == "POST" else None, instance=dealer)
    if request.method == "POST" and form.is_valid():
        try:
            dealer = services.dealer_save(
                municipality=municipality, dealer=dealer, by=request.user, fields=form.cleaned_data
            )
        except ValidationError as exc:
            add_errors(form, exc)
            if not pk:
                dealer.pk = None
        else:
            messages.success(request, _("De opkoper is opgeslagen."))
            return redirect("ondermijning:dealer_detail", slug, dealer.pk)
    return render(
        request,
        "ondermijning/simple_form.html",
        context(
            municipality,
            membership,
            form=form,
            heading=_("Opkoper bewerken") if pk else _("Nieuwe opkoper"),
        ),
    )


def dealer_delete(request, slug, pk):
    municipality, membership = selectors.gemeente_for_user(user=request.user, slug=slug, write=True)
    dealer = selectors.dealer_get(municipality=municipality, pk=pk)
    return delete_page(
        request,
        delete=lambda: services.dealer_delete(
            municipality=municipality, dealer=dealer, by=request.user
        ),
        success=_("De opkoper is verwijderd."),
        done_url=reverse("ondermijning:dealer_list", args=[slug]),
        template="ondermijning/confirm_delete.html",
        context=context(
            municipality,
            membership,
            object=dealer,
            question=_("Opkoper “%(t)s” verwijderen?") % {"t": dealer},
            note=_("De controles bij deze opkoper worden ook verwijderd."),
        ),
    )


def dealer_check_add(request, slug, pk):
    municipality, membership = selectors.gemeente_for_user(user=request.user, slug=slug, write=True)
    dealer = selectors.dealer_get(municipality=municipality, pk=pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = DealerCheckForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.dealer_check_add(
                dealer=dealer,
                on=data["date"],
                outcome=data["outcome"],
                text=data["text"],
                by=request.user,
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("De controle is vastgelegd."))
            return redirect("ondermijning:dealer_detail", slug, pk)
    return _detail(request, municipality, membership, dealer, form, status=400)


def dealer_check_delete(request, slug, pk, check):
    municipality, _m = selectors.gemeente_for_user(user=request.user, slug=slug, write=True)
    dealer = selectors.dealer_get(municipality=municipality, pk=pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    services.dealer_check_delete(
        dealer=dealer, check=selectors.dealer_check_get(dealer=dealer, pk=check), by=request.user
    )
    messages.success(request, _("De controle is verwijderd."))
    return redirect("ondermijning:dealer_detail", slug, pk)


# --- KVO-B -----------------------------------------------------------------------------------
def kvo_list(request, slug):
    municipality, membership = selectors.gemeente_for_user(user=request.user, slug=slug)
    today = selectors.today()
    return render(
        request,
        "ondermijning/kvo_list.html",
        context(
            municipality,
            membership,
            parks=selectors.kvo_list(municipality=municipality),
            expiring={p.pk for p in selectors.kvo_expiring(municipality=municipality, on=today)},
            today=today,
        ),
    )


def kvo_form(request, slug, pk=None):
    municipality, membership = selectors.gemeente_for_user(user=request.user, slug=slug, write=True)
    park = selectors.kvo_get(municipality=municipality, pk=pk) if pk else KvoPark()
    form = KvoForm(request.POST if request.method == "POST" else None, instance=park)
    if request.method == "POST" and form.is_valid():
        try:
            services.kvo_save(
                municipality=municipality, park=park, by=request.user, fields=form.cleaned_data
            )
        except ValidationError as exc:
            add_errors(form, exc)
            if not pk:
                park.pk = None
        else:
            messages.success(request, _("Het bedrijventerrein is opgeslagen."))
            return redirect("ondermijning:kvo_list", slug)
    return render(
        request,
        "ondermijning/simple_form.html",
        context(
            municipality,
            membership,
            form=form,
            heading=_("KVO-B-bedrijventerrein bewerken")
            if pk
            else _("Nieuw KVO-B-bedrijventerrein"),
            back=reverse("ondermijning:kvo_list", args=[slug]),
        ),
    )


def kvo_delete(request, slug, pk):
    municipality, membership = selectors.gemeente_for_user(user=request.user, slug=slug, write=True)
    park = selectors.kvo_get(municipality=municipality, pk=pk)
    return delete_page(
        request,
        delete=lambda: services.kvo_delete(municipality=municipality, park=park, by=request.user),
        success=_("Het bedrijventerrein is verwijderd."),
        done_url=reverse("ondermijning:kvo_list", args=[slug]),
        template="ondermijning/confirm_delete.html",
        context=context(
            municipality,
            membership,
            object=park,
            question=_("Bedrijventerrein “%(t)s” verwijderen?") % {"t": park},
            note="",
            back=reverse("ondermijning:kvo_list", args=[slug]),
        ),
    )
