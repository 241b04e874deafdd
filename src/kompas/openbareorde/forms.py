# SPDX-License-Identifier: EUPL-1.2
from django import forms
from django.utils.translation import gettext_lazy as _

from kompas.cases.forms import PersonForm
from kompas.core.models import PartnerOrganisation

from .constants import RiskKind
from .models import Demonstration, Incident, Match, PublicEvent, RiskItem


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class TimeInput(forms.TimeInput):
    input_type = "time"


def _text(rows=3):
    return forms.Textarea(attrs={"rows": rows})


class RiskItemForm(forms.ModelForm):
    class Meta:
        model = RiskItem
        fields = [
            "kind",
            "location_kind",
            "title",
            "theme",
            "level",
            "reasons",
            "measures",
            "partners",
            "signals",
            "owner",
            "review_on",
            "closed",
        ]
        widgets = {
            "review_on": DateInput(),
            "reasons": _text(),
            "measures": _text(),
            "partners": forms.CheckboxSelectMultiple,
            "signals": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, signals=None, owners=None, allow_persons=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not allow_persons:
            self.fields["kind"].choices = [
                c for c in self.fields["kind"].choices if c[0] != RiskKind.PERSON
            ]
        self.fields["title"].required = False
        self.fields["title"].help_text = _(
            "Bij een persoon geen naam: het item krijgt zijn pseudoniem."
        )
        self.fields["signals"].queryset = signals
        self.fields["signals"].label_from_instance = lambda s: (
            _("Melding %(pk)s: %(p)s")
            % {
                "pk": s.pk,
                "p": s.get_effective_phenomenon_display(),
            }
        )
        self.fields["owner"].queryset = owners
        self.fields["partners"].queryset = PartnerOrganisation.objects.filter(active=True)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == RiskKind.PERSON:
            cleaned["title"] = ""  # whatever was typed: a person's item shows its pseudonym
        elif "kind" in cleaned and not (cleaned.get("title") or "").strip():
            self.add_error("title", _("Vul de omschrijving in."))
        return cleaned


class RiskPersonForm(PersonForm):
    """The casework's person form (same fields and checks) for an item of kind persoon."""

    role = None


class DemonstrationForm(forms.ModelForm):
    class Meta:
        model = Demonstration
        fields = [
            "title",
            "date",
            "start_time",
            "place",
            "route",
            "organiser_name",
            "organiser_contact",
            "expected_size",
            "notified_on",
            "status",
            "conditions",
            "legal_ground",
            "decided_on",
            "evaluation",
        ]
        widgets = {
            "date": DateInput(),
            "notified_on": DateInput(),
            "decided_on": DateInput(),
            "start_time": TimeInput(),
            "route": _text(),
            "conditions": _text(),
            "evaluation": _text(),
        }
        help_texts = {
            "organiser_name": _(
                "Alleen wat nodig is voor contact; wordt na de bewaartermijn gewist."
            ),
        }


class AdviceForm(forms.Form):
    partner = forms.ModelChoiceField(
        label=_("Partner"), queryset=PartnerOrganisation.objects.filter(code__in=["politie", "om"])
    )
    advice = forms.CharField(label=_("Advies"), widget=_text(4))
    given_on = forms.DateField(label=_("Datum advies"), widget=DateInput())


class IncidentForm(forms.ModelForm):
    class Meta:
        model = Incident
        fields = ["date", "place", "kind", "description", "measures", "instruments"]
        widgets = {
            "date": DateInput(),
            "description": _text(),
            "measures": _text(),
            "instruments": _text(2),
        }


class MatchForm(forms.ModelForm):
    class Meta:
        model = Match
        fields = [
            "date",
            "opponent",
            "home",
            "risk_class",
            "police_advice",
            "measures",
            "evaluation",
            "incidents",
        ]
        widgets = {
            "date": DateInput(),
            "police_advice": _text(),
            "measures": _text(),
            "evaluation": _text(),
            "incidents": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, incidents=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["incidents"].queryset = incidents


class PublicEventForm(forms.ModelForm):
    class Meta:
        model = PublicEvent
        fields = [
            "name",
            "date",
            "location",
            "expected_visitors",
            "risk_class",
            "advice",
            "permit_reference",
            "evaluation",
        ]
        widgets = {"date": DateInput(), "advice": _text(), "evaluation": _text()}


class NewYearActionForm(forms.Form):
    title = forms.CharField(label=_("Actie"), max_length=300)
    owner_name = forms.CharField(label=_("Eigenaar"), max_length=200, required=False)
    due = forms.DateField(label=_("Gereed op"), widget=DateInput())
    priority = forms.ModelChoiceField(label=_("Prioriteit in het plan"), queryset=None)

    def __init__(self, *args, priorities=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["priority"].queryset = priorities


class NewYearEvaluationForm(forms.Form):
    evaluation = forms.CharField(label=_("Evaluatie"), widget=_text(6))
    evaluated_on = forms.DateField(label=_("Geëvalueerd op"), widget=DateInput())
