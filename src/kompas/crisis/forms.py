# SPDX-License-Identifier: EUPL-1.2
from django import forms
from django.utils.translation import gettext_lazy as _

from .models import (
    CrisisMember,
    Facility,
    FireStation,
    KeyFunction,
    OtoActivity,
    SubPlan,
)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def _dates(*names):
    return {name: DateInput() for name in names}


class FunctionForm(forms.ModelForm):
    class Meta:
        model = KeyFunction
        fields = ["name", "code", "required", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class MemberForm(forms.ModelForm):
    class Meta:
        model = CrisisMember
        fields = ["name", "organisation", "phone", "email", "active"]


class OtoForm(forms.ModelForm):
    class Meta:
        model = OtoActivity
        fields = [
            "title",
            "kind",
            "level",
            "date",
            "status",
            "functions",
            "participants",
            "evaluation",
        ]
        widgets = {
            **_dates("date"),
            "functions": forms.CheckboxSelectMultiple,
            "participants": forms.CheckboxSelectMultiple,
            "evaluation": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, functions=None, members=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["functions"].queryset = functions
        self.fields["participants"].queryset = members


class FacilityForm(forms.ModelForm):
    class Meta:
        model = Facility
        fields = ["name", "kind", "address", "capacity", "last_checked_on", "notes"]
        widgets = {**_dates("last_checked_on"), "notes": forms.Textarea(attrs={"rows": 3})}


class SubPlanForm(forms.ModelForm):
    class Meta:
        model = SubPlan
        fields = ["kind", "title", "version", "adopted_on", "status", "document_reference"]
        widgets = _dates("adopted_on")


class FireStationForm(forms.ModelForm):
    class Meta:
        model = FireStation
        fields = ["name", "contact_name", "contact_phone", "last_contact_on", "notes"]
        widgets = {**_dates("last_contact_on"), "notes": forms.Textarea(attrs={"rows": 3})}


class _FunctionChoice(forms.Form):
    function = forms.ModelChoiceField(
        label=_("Sleutelfunctie"), queryset=KeyFunction.objects.none()
    )

    def __init__(self, *args, functions=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["function"].queryset = functions


class AssignmentForm(_FunctionChoice):
    backup = forms.BooleanField(label=_("Als achtervang"), required=False)


class QualificationForm(_FunctionChoice):
    name = forms.CharField(label=_("Kwalificatie"), max_length=160)
    obtained_on = forms.DateField(label=_("Behaald op"), widget=DateInput())
    expires_on = forms.DateField(label=_("Geldig tot"), widget=DateInput(), required=False)


class PiketForm(_FunctionChoice):
    starts_on = forms.DateField(label=_("Van"), widget=DateInput())
    ends_on = forms.DateField(label=_("Tot en met"), widget=DateInput())


class AbsenceForm(forms.Form):
    starts_on = forms.DateField(label=_("Afwezig van"), widget=DateInput())
    ends_on = forms.DateField(label=_("Tot en met"), widget=DateInput())
