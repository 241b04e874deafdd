# SPDX-License-Identifier: EUPL-1.2
"""Upload of a CSV list of controles or opkopers: all lines or, on any error, none, with
the errors per line on the page."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .. import imports, selectors
from ..forms import ImportForm
from ._common import context


def import_upload(request, slug):
    municipality, membership = selectors.gemeente_for_user(user=request.user, slug=slug, write=True)
    form = ImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        kind = form.cleaned_data["kind"]
        upload = form.cleaned_data["file"]
        if upload.size > imports.MAX_BYTES:
            errors = [_("Het bestand is groter dan 5 MB.")]
        else:
            result = imports.import_csv(
                municipality=municipality, kind=kind, data=upload.read(), by=request.user
            )
            if result.ok:
                messages.success(request, _("%(n)s regels geïmporteerd.") % {"n": result.created})
                target = "controle_list" if kind == "controles" else "dealer_list"
                return redirect(f"ondermijning:{target}", slug)
            errors = result.errors
    return render(
        request,
        "ondermijning/import.html",
        context(municipality, membership, form=form, errors=errors, columns=imports.COLUMNS),
        status=400 if errors or form.errors else 200,
    )
