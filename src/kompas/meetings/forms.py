# SPDX-License-Identifier: EUPL-1.2
from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from kompas.core.models import PartnerOrganisation

from .constants import ActionStatus, Confidentiality, MeetingStatus, SeriesKind
from .selectors import (
    eligible_owner_partners,
    eligible_owner_users,
    member_candidate_partners,
    member_candidate_users,
)


class SeriesForm(forms.Form):
    name = forms.CharField(label=_("Naam"), max_length=200)
    kind = forms.ChoiceField(label=_("Soort overleg"), choices=SeriesKind.choices)
    confidentiality = forms.ChoiceField(
        label=_("Vertrouwelijkheid"),
        choices=Confidentiality.choices,
        initial=Confidentiality.CONFIDENTIAL,
        help_text=_("Staat bovenaan elke pagina en elk verslag van dit overleg."),
    )
    description = forms.CharField(
        label=_("Omschrijving"), required=False, max_length=2000, widget=forms.Textarea
    )
    active = forms.BooleanField(label=_("Actief"), required=False, initial=True)


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        name = obj.get_full_name()
        return f"{name} ({obj.get_username()})" if name else obj.get_username()


class MemberForm(forms.Form):
    user = UserChoiceField(
        label=_("Persoon"),
        queryset=get_user_model().objects.none(),
        required=False,
        help_text=_("Iemand met een rol in deze gemeente."),
    )
    partner = forms.ModelChoiceField(
        label=_("Of een organisatie"),
        queryset=PartnerOrganisation.objects.none(),
        required=False,
        help_text=_("Alle partnerleden van deze organisatie in deze gemeente nemen dan deel."),
    )
    role = forms.CharField(
        label=_("Rol in het overleg"),
        max_length=100,
        required=False,
        help_text=_("Bijvoorbeeld voorzitter of notulist."),
    )

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = member_candidate_users(municipality=municipality)
        self.fields["partner"].queryset = member_candidate_partners()

    def clean(self):
        data = super().clean()
        if bool(data.get("user")) == bool(data.get("partner")):
            raise forms.ValidationError(_("Kies een persoon óf een organisatie, niet allebei."))
        return data


class MeetingForm(forms.Form):
    date = forms.DateField(
        label=_("Datum"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    time = forms.TimeField(
        label=_("Begintijd"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    location = forms.CharField(label=_("Plaats"), max_length=200, required=False)


class MeetingStatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Nieuwe status"),
        choices=[(MeetingStatus.HELD, _("gehouden")), (MeetingStatus.CANCELLED, _("geannuleerd"))],
    )


class TopicForm(forms.Form):
    title = forms.CharField(label=_("Onderwerp"), max_length=200)


class RecordForm(forms.Form):
    minutes = forms.CharField(
        label=_("Verslag"), required=False, max_length=20000, widget=forms.Textarea
    )
    decisions = forms.CharField(
        label=_("Besluiten"), required=False, max_length=5000, widget=forms.Textarea
    )


class ActionForm(forms.Form):
    description = forms.CharField(label=_("Actie"), max_length=500)
    owner = forms.ChoiceField(label=_("Actiehouder"))
    due_date = forms.DateField(
        label=_("Uiterlijk klaar op"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, series, **kwargs):
        super().__init__(*args, **kwargs)
        self.users = {str(u.pk): u for u in eligible_owner_users(series=series)}
        self.partners = {str(p.pk): p for p in eligible_owner_partners(series=series)}
        self.fields["owner"].choices = [
            ("", _("— kies —")),
            (
                _("Organisaties"),
                [(f"partner:{pk}", p.name) for pk, p in self.partners.items()],
            ),
            (
                _("Personen"),
                [
                    (f"user:{pk}", u.get_full_name() or u.get_username())
                    for pk, u in self.users.items()
                ],
            ),
        ]

    def clean_owner(self):
        value = self.cleaned_data["owner"]
        kind, _sep, pk = value.partition(":")
        if kind == "user" and pk in self.users:
            return {"owner_user": self.users[pk]}
        if kind == "partner" and pk in self.partners:
            return {"owner_partner": self.partners[pk]}
        raise forms.ValidationError(_("Kies een actiehouder uit de lijst."))


class ActionStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ActionStatus.choices)


class ActionFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("alle"))] + ActionStatus.choices
    )
