# SPDX-License-Identifier: EUPL-1.2
"""The beheerder's page for the gemeente's own address list (the meldpunt's fallback when the
PDOK Locatieserver is off): how many addresses, and a CSV upload that replaces them, all or
nothing, with the bad lines named. Other roles get a 404."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kompas.core.constants import Role
from kompas.core.selectors import municipality_get_for_user

from .. import selectors, services
from ..forms import AddressListForm


def address_list(request, slug):
    municipality, _m = municipality_get_for_user(user=request.user, slug=slug, roles=[Role.ADMIN])
    form = AddressListForm(request.POST or None, request.FILES or None)
    errors, status = [], 200
    if request.method == "POST" and form.is_valid():
        try:
            report = services.address_list_replace(
                municipality=municipality, text=form.cleaned_data["text"], by=request.user
            )
        except services.AddressImportError as exc:
            errors, status = exc.errors, 400
        else:
            messages.success(
                request,
                _("%(n)s adressen ingelezen; de vorige lijst (%(old)s adressen) is vervangen.")
                % {"n": report.imported, "old": report.replaced},
            )
            return redirect("signals:address_list", municipality.slug)
    elif request.method == "POST":
        status = 400
    return render(
        request,
        "signals/address_list.html",
        {
            "municipality": municipality,
            "form": form,
            "errors": errors,
            "count": selectors.address_list_count(municipality=municipality),
        },
        status=status,
    )
