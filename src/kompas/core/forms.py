# SPDX-License-Identifier: EUPL-1.2
from django import forms
from django.utils.translation import gettext_lazy as _

from .audit_labels import object_kind_choices
from .constants import AuditAction


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code uit uw authenticator-app"),
        min_length=6,
        max_length=6,
        help_text=_("Zes cijfers, bijvoorbeeld 123456."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9]{6}"}
        ),
    )


class AuditFilterForm(forms.Form):
    action = forms.ChoiceField(
        label=_("Handeling"), required=False, choices=[("", _("alle"))] + list(AuditAction.choices)
    )
    username = forms.CharField(label=_("Gebruiker"), required=False, max_length=150)
    object_type = forms.ChoiceField(
        label=_("Soort object"),
        required=False,
        choices=lambda: [("", _("alle"))] + object_kind_choices(),
    )
    object_id = forms.CharField(label=_("Object-id"), required=False, max_length=64)
    date_from = forms.DateField(
        label=_("Vanaf datum"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("Tot en met datum"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
