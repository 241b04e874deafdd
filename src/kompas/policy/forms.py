# SPDX-License-Identifier: EUPL-1.2
from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kompas.core import phenomena

from . import selectors
from .constants import ACTION_EDITABLE_FIELDS, ActionStatus, EventKind
from .models import Action


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class ActionFilterForm(forms.Form):
    q = forms.CharField(label=_("Zoeken"), required=False)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("alle"))] + ActionStatus.choices
    )
    priority = forms.TypedChoiceField(
        label=_("Prioriteit"), required=False, coerce=int, empty_value=None
    )
    execution_plan = forms.ChoiceField(label=_("Uitvoeringsplan"), required=False)
    owner = forms.CharField(label=_("Eigenaar"), required=False)
    due_from = forms.DateField(label=_("Gereed vanaf"), required=False, widget=DateInput())
    due_to = forms.DateField(label=_("Gereed tot en met"), required=False, widget=DateInput())
    mijn = forms.BooleanField(label=_("Alleen mijn acties"), required=False)

    def __init__(self, *args, plan=None, chosen_year: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if chosen_year is not None:  # a fenomenenkeuze exists as a register
            self.fields[phenomena.PARAM] = phenomena.chosen_field(chosen_year)
        priorities = list(selectors.priority_list(plan=plan)) if plan else []
        self.fields["priority"].choices = [("", _("alle"))] + [
            (p.number, f"{p.number}. {p.title}") for p in priorities
        ]
        plans = list(selectors.execution_plan_list(plan=plan)) if plan else []
        self.fields["execution_plan"].choices = [("", _("alle"))] + [
            (e.key, e.title) for e in plans
        ]


def staff_users(municipality):
    return selectors.staff_user_list(municipality=municipality)


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.get_username()


class ActionForm(forms.ModelForm):
    partners = forms.MultipleChoiceField(
        label=_("Partners"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Kies de ketenpartners die meewerken."),
    )
    owner_user = UserChoiceField(
        label=_("Eigenaar in Veiligheidskompas"),
        queryset=get_user_model().objects.none(),
        required=False,
        help_text=_("Deze persoon ziet de actie onder 'Mijn acties'."),
    )

    class Meta:
        model = Action
        fields = list(ACTION_EDITABLE_FIELDS)
        widgets = {
            "start": DateInput(),
            "due": DateInput(),
            "description": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {"owner": _("Naam of team, zoals het uitvoeringsplan het noemt.")}

    def __init__(self, *args, plan, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["priority"].queryset = selectors.priority_list(plan=plan)
        self.fields["execution_plan"].queryset = selectors.execution_plan_list(plan=plan)
        self.fields["owner_user"].queryset = staff_users(municipality)
        self.fields["partners"].choices = selectors.partner_choices()
        self.fields["title"].widget.attrs["autocomplete"] = "off"

    # The rules across fields (due after start, known partners, no duplicate title) live in
    # the service; the view shows its errors on the fields.


class ActionUpdateForm(forms.Form):
    date = forms.DateField(label=_("Datum"), widget=DateInput(), initial=timezone.localdate)
    status = forms.ChoiceField(label=_("Nieuwe status"), choices=ActionStatus.choices)
    text = forms.CharField(
        label=_("Voortgang"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Wat is er gedaan, wat is de volgende stap?"),
    )


class EventForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Soort"),
        choices=EventKind.choices,
        help_text=_(
            "Soorten die een ander register zelf vastlegt (zoals integrale controles en "
            "ondermijningsdagen) staan hier niet meer tussen."
        ),
    )
    date = forms.DateField(label=_("Datum"), widget=DateInput())
    title = forms.CharField(
        label=_("Omschrijving"), max_length=300, help_text=_("Bijvoorbeeld: horeca Wolvega.")
    )
    owner = forms.ChoiceField(
        label=_("Voor"),
        widget=forms.RadioSelect,
        help_text=_("Telt mee voor de normen van de gemeente of van het samenwerkingsverband."),
    )

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = selectors.hand_entry_kinds()
        self.partnerships = {
            p.code: p for p in selectors.partnership_list(municipality=municipality)
        }
        self.fields["owner"].choices = [("gemeente", municipality.name)] + [
            (p.code, _("samenwerkingsverband %(name)s") % {"name": p.name})
            for p in self.partnerships.values()
        ]
        self.fields["owner"].initial = "gemeente"
