# SPDX-License-Identifier: EUPL-1.2
"""Forms of ondermijning. The controle form works without JavaScript: its locations are a
formset with a fixed number of empty rows; findings are added one at a time on the detail
page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kompas.core import phenomena

from .constants import ControleStatus, DayStatus, Outcome
from .models import Controle, Dealer, KvoPark, UnderminingDay

EXTRA_LOCATIONS = 3


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class ControleForm(forms.ModelForm):
    class Meta:
        model = Controle
        fields = [
            "title",
            "date",
            "branche",
            "reason",
            "reason_note",
            "day",
            "partners",
            "status",
            "follow_up",
        ]
        widgets = {
            "date": DateInput(),
            "partners": forms.CheckboxSelectMultiple,
            "follow_up": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "branche": {"invalid_choice": _("Kies een branche uit de lijst.")},
            "partners": {"invalid_choice": _("Kies partners uit de lijst.")},
        }

    def __init__(self, *args, branches, partners, days, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["branche"].queryset = branches
        self.fields["partners"].queryset = partners
        self.fields["day"].queryset = days
        self.fields["day"].label_from_instance = lambda d: f"{d.date:%d-%m-%Y} {d.host}: {d.theme}"
        self.fields["day"].help_text = _("Alleen als de controle op een ondermijningsdag is.")


class LocationForm(forms.Form):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    address = forms.CharField(label=_("Adres"), max_length=200, required=False)
    dossier = forms.ModelChoiceField(
        label=_("Dossier van het meldpunt"),
        queryset=None,
        required=False,
        help_text=_("Als er over dit adres al een dossier is."),
    )
    delete = forms.BooleanField(label=_("Locatie verwijderen"), required=False)

    def __init__(self, *args, dossiers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dossier"].queryset = dossiers
        # Dossier titles are often the same ("Adresdossier …"): name the number and count.
        self.fields["dossier"].label_from_instance = lambda d: (
            _("Dossier %(pk)s: %(t)s (%(n)s meldingen)")
            % {"pk": d.pk, "t": d.title, "n": getattr(d, "n", "?")}
        )
        if not self.initial.get("id"):
            del self.fields["delete"]


LocationFormSet = forms.formset_factory(LocationForm, extra=0)


def location_formset(data, *, controle, dossiers):
    """Existing locations plus EXTRA_LOCATIONS empty rows, all prefixed `locaties`."""
    initial = []
    if controle is not None and controle.pk:
        initial = [
            {"id": loc.pk, "address": loc.address, "dossier": loc.dossier_id}
            for loc in controle.locations.all()
        ]
    initial += [{} for _i in range(EXTRA_LOCATIONS)]
    return LocationFormSet(
        data, initial=initial, prefix="locaties", form_kwargs={"dossiers": dossiers}
    )


class FindingForm(forms.Form):
    location = forms.ModelChoiceField(label=_("Locatie"), queryset=None, empty_label=None)
    outcome = forms.ChoiceField(label=_("Bevinding"), choices=Outcome.choices)
    text = forms.CharField(
        label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, locations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["location"].queryset = locations


class ControleFilterForm(forms.Form):
    q = forms.CharField(label=_("Zoeken"), required=False)
    jaar = forms.TypedChoiceField(label=_("Jaar"), required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("alle"))] + ControleStatus.choices
    )
    branche = forms.ChoiceField(label=_("Branche"), required=False)

    def __init__(self, *args, years, branches, this_year: int, chosen_offered: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jaar"].choices = [("", _("alle"))] + [(y, y) for y in years]
        self.fields["branche"].choices = [("", _("alle"))] + [(b.code, b.name) for b in branches]
        # The keuze of the year filtered on, else of this year; the label names it.
        self.chosen_year = phenomena.filter_year(self, this_year)
        if chosen_offered:
            self.fields[phenomena.PARAM] = phenomena.chosen_field(self.chosen_year)


class DayForm(forms.ModelForm):
    class Meta:
        model = UnderminingDay
        fields = ["partnership", "date", "place", "theme", "partners", "status"]
        widgets = {"date": DateInput(), "partners": forms.CheckboxSelectMultiple}

    def __init__(self, *args, partnerships, partners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partnership"].queryset = partnerships
        self.fields["partnership"].empty_label = None
        self.fields["partners"].queryset = partners
        self.fields["status"].choices = DayStatus.choices


class DealerForm(forms.ModelForm):
    class Meta:
        model = Dealer
        fields = ["name", "kvk_number", "address", "branche", "dor_required", "dor_since", "notes"]
        widgets = {"dor_since": DateInput(), "notes": forms.Textarea(attrs={"rows": 3})}


class DealerCheckForm(forms.Form):
    date = forms.DateField(label=_("Datum"), widget=DateInput())
    outcome = forms.ChoiceField(label=_("Bevinding"), choices=Outcome.choices)
    text = forms.CharField(
        label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class KvoForm(forms.ModelForm):
    class Meta:
        model = KvoPark
        fields = ["name", "level", "certified_on", "expires_on", "next_review", "notes"]
        widgets = {
            "certified_on": DateInput(),
            "expires_on": DateInput(),
            "next_review": DateInput(),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }


class ImportForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Soort lijst"),
        choices=[("controles", _("integrale controles")), ("opkopers", _("opkopers"))],
    )
    file = forms.FileField(
        label=_("CSV-bestand"),
        help_text=_("Puntkomma als scheidingsteken, UTF-8, datums als dd-mm-jjjj."),
    )
