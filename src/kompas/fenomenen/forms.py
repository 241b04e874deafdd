# SPDX-License-Identifier: EUPL-1.2
"""Forms of fenomenen; all work without JavaScript (the phenomena are checkboxes)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kompas.core.phenomena import PARAM, chosen_field, filter_year
from kompas.signals.constants import Phenomenon

from .constants import TOPIC_CHOICES, ActivityType
from .models import Activity, PhenomenonChoice, WhiteSpot


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class KeuzeForm(forms.ModelForm):
    phenomena = forms.MultipleChoiceField(
        label=_("Gekozen fenomenen"),
        choices=Phenomenon.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("De fenomenen van het meldpunt; andere fenomenen hieronder, één per regel."),
        error_messages={"invalid_choice": _("Kies fenomenen uit de lijst.")},
    )

    class Meta:
        model = PhenomenonChoice
        fields = [
            "year",
            "phenomena",
            "free_phenomena",
            "partner_input",
            "status",
            "decision_date",
            "decided_by",
            "note",
        ]
        widgets = {
            "decision_date": DateInput(),
            "free_phenomena": forms.Textarea(attrs={"rows": 3}),
            "partner_input": forms.Textarea(attrs={"rows": 5}),
            "note": forms.Textarea(attrs={"rows": 3}),
        }

    def clean_year(self):
        year = self.cleaned_data["year"]
        if not 2000 <= year <= 2100:
            raise forms.ValidationError(_("Geef een jaar tussen 2000 en 2100."))
        return year


class SpotForm(forms.ModelForm):
    class Meta:
        model = WhiteSpot
        fields = ["kind", "subject", "reason", "plan", "status", "review_date"]
        widgets = {
            "review_date": DateInput(),
            "reason": forms.Textarea(attrs={"rows": 3}),
            "plan": forms.Textarea(attrs={"rows": 4}),
        }


class ActivityForm(forms.ModelForm):
    class Meta:
        model = Activity
        fields = [
            "title",
            "date",
            "activity_type",
            "topic",
            "people",
            "organisations",
            "materials",
        ]
        widgets = {"date": DateInput(), "materials": forms.Textarea(attrs={"rows": 3})}


class ActivityFilterForm(forms.Form):
    q = forms.CharField(label=_("Zoeken"), required=False)
    jaar = forms.TypedChoiceField(label=_("Jaar"), required=False, coerce=int, empty_value=None)
    doelgroep = forms.ChoiceField(
        label=_("Doelgroep"), required=False, choices=[("", _("alle"))] + ActivityType.choices
    )
    onderwerp = forms.ChoiceField(
        label=_("Onderwerp"), required=False, choices=[("", _("alle")), *TOPIC_CHOICES]
    )

    def __init__(self, *args, years, this_year, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jaar"].choices = [("", _("alle"))] + [(y, y) for y in years]
        # The keuze of the year filtered on, else of this year; the label names it.
        self.chosen_year = filter_year(self, this_year)
        self.fields[PARAM] = chosen_field(self.chosen_year)
