# SPDX-License-Identifier: EUPL-1.2
from django import forms
from django.utils.translation import gettext_lazy as _

from .audit_labels import object_kind_choices
from .constants import AuditAction, Role
from .models import PartnerOrganisation
from .selectors import partner_organisation_choices


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


class _RoleFields(forms.Form):
    role = forms.ChoiceField(label=_("Rol"), choices=Role.choices)
    partner = forms.ModelChoiceField(
        label=_("Partnerorganisatie"),
        queryset=PartnerOrganisation.objects.none(),
        required=False,
        help_text=_("Alleen bij de rol ketenpartner: de organisatie waarvoor deze persoon werkt."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = partner_organisation_choices()


class InviteForm(_RoleFields):
    email = forms.EmailField(label=_("E-mailadres"), max_length=254)
    first_name = forms.CharField(label=_("Voornaam"), max_length=150)
    last_name = forms.CharField(label=_("Achternaam"), max_length=150)
    field_order = ["email", "first_name", "last_name", "role", "partner"]


class MembershipForm(_RoleFields):
    pass


class MemberFilterForm(forms.Form):
    q = forms.CharField(label=_("Zoeken op naam of e-mailadres"), required=False, max_length=100)
    role = forms.ChoiceField(
        label=_("Rol"), required=False, choices=[("", _("alle"))] + list(Role.choices)
    )


class BrandingForm(forms.Form):
    public_name = forms.CharField(
        label=_("Naam op publieke pagina's"),
        max_length=100,
        required=False,
        help_text=_("Bijvoorbeeld 'Gemeente Heerenveen'. Leeg: 'gemeente' en de naam."),
    )
    privacy_url = forms.URLField(
        label=_("Adres van de privacyverklaring"),
        required=False,
        assume_scheme="https",
        help_text=_(
            "Het meldpunt en het dashboard verwijzen ernaar, bijvoorbeeld "
            "https://www.heerenveen.nl/privacy."
        ),
    )
    logo = forms.FileField(
        label=_("Logo"),
        required=False,
        help_text=_("PNG of JPEG, hoogstens 1 MB; wordt verkleind tot 600 × 200 pixels."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg"}),
    )
    remove_logo = forms.BooleanField(label=_("Huidig logo verwijderen"), required=False)

    def clean_privacy_url(self):
        url = self.cleaned_data["privacy_url"]
        if url and not url.startswith("https://"):
            raise forms.ValidationError(_("Gebruik een adres dat met https:// begint."))
        return url


class NotificationForm(forms.Form):
    """One checkbox per kind of e-mail the person can receive (kinds of their roles)."""

    def __init__(self, *args, kinds, **kwargs):
        super().__init__(*args, **kwargs)
        for kind in kinds:
            self.fields[kind.code] = forms.BooleanField(
                label=kind.label, help_text=kind.description, required=False
            )
