# SPDX-License-Identifier: EUPL-1.2
"""The beheerder's page for the meldpunt's retention terms (AVG bewaartermijnen)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .. import services
from ..forms import RetentionSettingsForm
from .agreements import _admin


def retention_settings(request, slug):
    municipality = _admin(request, slug)
    rules = services.retention_settings_get(municipality=municipality)
    initial = {
        "contact_days": rules.contact_days,
        "delete_years": rules.delete_years,
        "delete_years_no_ground": rules.delete_years_no_ground,
    }
    form = RetentionSettingsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.retention_settings_update(
                municipality=municipality, by=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field, errors)
        else:
            messages.success(request, _("De bewaartermijnen van het meldpunt zijn opgeslagen."))
            return redirect("core:beheer", slug=slug)
    return render(
        request,
        "signals/retention_settings.html",
        {"municipality": municipality, "form": form},
    )
