# SPDX-License-Identifier: EUPL-1.2
"""The beheerder's list of sharing agreements: list, add, change, end (with confirmation).
Other roles get a 404, as for any gemeente page they have no business with."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kompas.core.constants import Role
from kompas.core.selectors import municipality_get_for_user

from .. import selectors, services
from ..forms import SharingAgreementForm


def _admin(request, slug):
    municipality, _m = municipality_get_for_user(user=request.user, slug=slug, roles=[Role.ADMIN])
    return municipality


def agreement_list(request, slug):
    municipality = _admin(request, slug)
    return render(
        request,
        "signals/agreement_list.html",
        {
            "municipality": municipality,
            "agreements": selectors.sharing_agreement_list(municipality=municipality),
        },
    )


def _form_page(request, municipality, agreement=None):
    partners = selectors.partner_organisation_choices()
    if request.method == "POST":
        form = SharingAgreementForm(request.POST, partners=partners)
        if form.is_valid():
            try:
                services.sharing_agreement_save(
                    municipality=municipality,
                    by=request.user,
                    agreement=agreement,
                    **form.cleaned_data,
                )
            except ValidationError as exc:
                for fld, errs in exc.message_dict.items():
                    form.add_error(fld if fld in form.fields else None, errs)
            else:
                messages.success(request, _("De deelafspraak is opgeslagen."))
                return redirect("signals:agreement_list", municipality.slug)
        status = 400
    else:
        initial = {}
        if agreement is not None:
            initial = {
                "partner": agreement.partner_id,
                "name": agreement.name,
                "signed_on": agreement.signed_on,
                "legal_ground": agreement.legal_ground,
            }
        form = SharingAgreementForm(initial=initial, partners=partners)
        status = 200
    return render(
        request,
        "signals/agreement_form.html",
        {"municipality": municipality, "form": form, "agreement": agreement},
        status=status,
    )


def agreement_create(request, slug):
    return _form_page(request, _admin(request, slug))


def agreement_edit(request, slug, pk):
    municipality = _admin(request, slug)
    agreement = selectors.sharing_agreement_get(municipality=municipality, agreement_id=pk)
    return _form_page(request, municipality, agreement)


def agreement_deactivate(request, slug, pk):
    """GET asks for confirmation; POST ends the agreement."""
    municipality = _admin(request, slug)
    agreement = selectors.sharing_agreement_get(municipality=municipality, agreement_id=pk)
    if request.method == "POST":
        services.sharing_agreement_deactivate(agreement=agreement, by=request.user)
        messages.success(
            request,
            _(
                "De deelafspraak met %(partner)s is beëindigd. Er kan niet meer onder gedeeld "
                "worden."
            )
            % {"partner": agreement.partner.name},
        )
        return redirect("signals:agreement_list", municipality.slug)
    return render(
        request,
        "signals/agreement_confirm.html",
        {"municipality": municipality, "agreement": agreement},
    )
