# SPDX-License-Identifier: EUPL-1.2
"""Forms of casework. They check what a user typed (with the services' own checks, so errors
sit at the field); the services check again and store nothing on bad input."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from kompas.core.constants import Role
from kompas.core.models import Membership, PartnerOrganisation
from kompas.signals import selectors as signals_selectors

from .constants import (
    BIBOB_FIELDS,
    RESTRICTED_KINDS,
    BibobOutcome,
    CaseStatus,
    CaseType,
    CloseReason,
    InterventionStatus,
    LegalGroundKind,
    MeasureKind,
    MeasureStatus,
    SubjectKind,
)
from .services import PersonData, person_errors


def _date(**kwargs):
    return forms.DateField(
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"), **kwargs
    )


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.get_username()


class CaseForm(forms.Form):
    case_type = forms.ChoiceField(label=_("Soort casus"), choices=CaseType.choices)
    subject_kind = forms.ChoiceField(
        label=_("De casus betreft"), choices=SubjectKind.choices, initial=SubjectKind.PERSONS
    )
    group_description = forms.CharField(
        label=_("Groep (zonder namen)"),
        max_length=200,
        required=False,
        help_text=_("Alleen bij een groep, bijvoorbeeld 'jongeren bij het skatepark'."),
    )
    dossier = forms.ModelChoiceField(
        label=_("Adresdossier van het meldpunt"),
        queryset=None,
        required=False,
        help_text=_("Verplicht als de casus een adres betreft."),
    )
    summary = forms.CharField(
        label=_("Aanleiding"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Wordt versleuteld opgeslagen en alleen op de casuspagina getoond."),
    )
    regisseur_user = UserChoiceField(
        label=_("Regisseur van de gemeente"), queryset=None, required=False
    )
    regisseur_partner = forms.ModelChoiceField(
        label=_("Of: regisseur bij een partnerorganisatie"),
        queryset=PartnerOrganisation.objects.filter(active=True),
        required=False,
    )
    regisseur_name = forms.CharField(
        label=_("Naam van de regisseur bij de partner"), max_length=150, required=False
    )
    legal_ground_kind = forms.ChoiceField(
        label=_("Grondslag voor het delen"),
        choices=[("", _("(nog) geen")), *LegalGroundKind.choices],
        required=False,
        help_text=_("Partners zien de casus pas als de grondslag is vastgelegd."),
    )
    legal_ground_name = forms.CharField(
        label=_("Naam van de grondslag"),
        max_length=200,
        required=False,
        help_text=_("Bijvoorbeeld 'Convenant Zorg- en Veiligheidshuis Fryslân 2023'."),
    )
    legal_ground_date = _date(label=_("Datum van de grondslag"), required=False)

    def __init__(self, *args, municipality, tables=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dossier"].queryset = signals_selectors.dossier_list(municipality=municipality)
        staff = Membership.objects.filter(
            municipality=municipality, role__in=[Role.REGISSEUR, Role.ADMIN, Role.ADVISOR]
        ).values("user")
        self.fields["regisseur_user"].queryset = get_user_model().objects.filter(pk__in=staff)
        if tables is not None:
            self.fields["series"] = forms.ModelMultipleChoiceField(
                label=_("Bespreken aan tafel"),
                queryset=tables,
                required=False,
                widget=forms.CheckboxSelectMultiple,
            )

    def clean_legal_ground_kind(self):
        return self.cleaned_data["legal_ground_kind"] or ""


class PersonForm(forms.Form):
    name = forms.CharField(label=_("Naam"), max_length=200)
    birth_date = _date(label=_("Geboortedatum"), required=False)
    address = forms.CharField(label=_("Adres"), max_length=300, required=False)
    bsn = forms.CharField(label=_("BSN"), max_length=12, required=False)
    role = forms.CharField(
        label=_("Rol in de casus"),
        max_length=100,
        required=False,
        help_text=_("Bijvoorbeeld 'betrokkene', 'ouder', 'partner'."),
    )

    def data_object(self) -> PersonData:
        d = self.cleaned_data
        return PersonData(
            name=d.get("name", ""),
            birth_date=d.get("birth_date"),
            address=d.get("address", ""),
            bsn=d.get("bsn", ""),
            role=d.get("role", ""),
        )

    def clean(self):
        cleaned = super().clean()
        if "name" in cleaned:
            for field, message in person_errors(self.data_object()).items():
                self.add_error(field, message)
        return cleaned


class InterventionForm(forms.Form):
    description = forms.CharField(label=_("Interventie"), max_length=300)
    owner_partner = forms.ModelChoiceField(
        label=_("Eigenaar"),
        queryset=PartnerOrganisation.objects.filter(active=True),
        required=False,
        empty_label=_("gemeente"),
    )
    due_date = _date(label=_("Uiterlijk klaar op"))


PersonFormSet = forms.formset_factory(PersonForm, extra=3)
InterventionFormSet = forms.formset_factory(InterventionForm, extra=2)


class CaseFilterForm(forms.Form):
    q = forms.CharField(label=_("Zoek op casusnummer of pseudoniem"), required=False)
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("alle")), *CaseStatus.choices], required=False
    )


class StatusForm(forms.Form):
    to = forms.ChoiceField(label=_("Nieuwe status"), choices=CaseStatus.choices)
    reason = forms.ChoiceField(
        label=_("Reden van afsluiten"),
        choices=[("", _("(alleen bij afsluiten)")), *CloseReason.choices],
        required=False,
    )
    note = forms.CharField(label=_("Toelichting"), max_length=300, required=False)


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reden"),
        max_length=300,
        help_text=_("Waarom is dit nodig? Uw naam, het tijdstip en de reden worden vastgelegd."),
    )


class ListingForm(forms.Form):
    series = forms.ModelChoiceField(label=_("Tafel"), queryset=None)

    def __init__(self, *args, tables, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["series"].queryset = tables


class DiscussionForm(forms.Form):
    decision = forms.CharField(
        label=_("Besluit"), max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )


class AssessmentForm(forms.Form):
    meets_criteria = forms.TypedChoiceField(
        label=_("Voldoet aan de criteria van het convenant"),
        choices=[("ja", _("ja")), ("nee", _("nee"))],
        coerce=lambda v: v == "ja",
        widget=forms.RadioSelect,
    )
    date = _date(label=_("Datum van de weging"))
    reasons = forms.CharField(
        label=_("Redenen"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )


class InterventionUpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=InterventionStatus.choices)
    result = forms.CharField(
        label=_("Resultaat"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def _open_kinds():
    return [(k, label) for k, label in MeasureKind.choices if k not in RESTRICTED_KINDS]


class MeasureForm(forms.Form):
    kind = forms.ChoiceField(label=_("Instrument of maatregel"), choices=MeasureKind.choices)
    date = _date(label=_("Datum besluit"))
    status = forms.ChoiceField(
        label=_("Status"),
        choices=MeasureStatus.choices,
        initial=MeasureStatus.DECIDED,
        required=False,
    )
    legal_article = forms.CharField(
        label=_("Wetsartikel (grondslag)"),
        max_length=200,
        required=False,
        help_text=_("Leeg: het gebruikelijke artikel voor dit instrument."),
    )
    decided_by = forms.CharField(label=_("Besloten door"), max_length=150, initial="burgemeester")
    description = forms.CharField(
        label=_("Omschrijving (zonder namen)"), max_length=300, required=False
    )
    case = forms.ModelChoiceField(label=_("Casus"), queryset=None, required=False)
    dossier = forms.ModelChoiceField(label=_("Adresdossier"), queryset=None, required=False)
    signals = forms.ModelMultipleChoiceField(label=_("Meldingen"), queryset=None, required=False)
    controle_id = forms.IntegerField(
        label=_("Integrale controle (nummer)"),
        min_value=1,
        required=False,
        help_text=_("De controle van ondermijning waaruit deze maatregel voortkomt."),
    )
    end_date = _date(label=_("Einddatum"), required=False)
    review_date = _date(label=_("Evaluatie- of herzieningsdatum"), required=False)
    bibob_application = forms.CharField(
        label=_("Bibob: soort aanvraag"), max_length=150, required=False
    )
    bibob_permit = forms.CharField(label=_("Bibob: vergunning"), max_length=150, required=False)
    bibob_requested_on = _date(label=_("Bibob: advies gevraagd op"), required=False)
    bibob_advice_due = _date(
        label=_("Bibob: advies uiterlijk verwacht op"),
        required=False,
        help_text=_("Leeg: acht weken na de adviesaanvraag."),
    )
    bibob_advice_on = _date(label=_("Bibob: advies ontvangen op"), required=False)
    bibob_outcome = forms.ChoiceField(
        label=_("Bibob: uitkomst advies"),
        choices=[("", "—"), *BibobOutcome.choices],
        required=False,
    )
    closure_date = _date(label=_("Sluiting: datum"), required=False)
    closure_months = forms.IntegerField(
        label=_("Sluiting: duur (maanden)"), min_value=1, max_value=120, required=False
    )
    reopening_date = _date(label=_("Sluiting: datum heropening"), required=False)
    penalty_amount = forms.DecimalField(
        label=_("Dwangsom: bedrag (euro)"), max_digits=10, decimal_places=2, required=False
    )
    compliance_until = _date(label=_("Einde begunstigingstermijn"), required=False)

    def __init__(self, *args, municipality, cases, restricted: bool = False, **kwargs):
        """`restricted`: the user is the bibob-coördinator and may register a Bibob-toets;
        for others the kind and its fields are not offered."""
        super().__init__(*args, **kwargs)
        if not restricted:
            self.fields["kind"].choices = _open_kinds()
            for name in BIBOB_FIELDS:
                del self.fields[name]
        self.fields["case"].queryset = cases
        self.fields["dossier"].queryset = signals_selectors.dossier_list(municipality=municipality)
        self.fields["signals"].queryset = signals_selectors.signal_list(municipality=municipality)


class MeasureFilterForm(forms.Form):
    jaar = forms.IntegerField(label=_("Jaar"), required=False, min_value=2000, max_value=2100)
    soort = forms.ChoiceField(
        label=_("Instrument"), choices=[("", _("alle")), *MeasureKind.choices], required=False
    )

    def __init__(self, *args, restricted: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not restricted:
            self.fields["soort"].choices = [("", _("alle")), *_open_kinds()]


class RetentionForm(forms.Form):
    def __init__(self, *args, years: dict[str, int], **kwargs):
        super().__init__(*args, **kwargs)
        for case_type in CaseType:
            self.fields[case_type.value] = forms.IntegerField(
                label=case_type.label, min_value=1, max_value=30, initial=years[case_type.value]
            )
