# SPDX-License-Identifier: EUPL-1.2
from django import forms
from django.utils.translation import gettext_lazy as _

from .constants import PublicElement, ReportKind, ReportStatus
from .periods import PeriodError, parse_period


class ReportFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Soort"), required=False, choices=[("", _("alle"))] + list(ReportKind.choices)
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("alle"))] + list(ReportStatus.choices)
    )


class ReportCreateForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Soort rapportage"), choices=ReportKind.choices, widget=forms.RadioSelect
    )
    periode = forms.CharField(
        label=_("Periode"),
        max_length=40,
        help_text=_(
            "Een tertiaal (2025-T2 = mei t/m augustus 2025), een jaar (2025) of een bereik "
            "(2025-01-01..2025-06-30). Voor de jaarrapportage digitale criminaliteit en het "
            "jaarverslag veiligheid: het jaar."
        ),
    )
    title = forms.CharField(
        label=_("Titel"),
        max_length=300,
        required=False,
        help_text=_("Leeg laten voor de standaardtitel."),
    )

    def clean_periode(self):
        try:
            return parse_period(self.cleaned_data["periode"])
        except PeriodError as exc:
            raise forms.ValidationError(str(exc)) from exc


class ReportTextsForm(forms.Form):
    """The editable texts of a concept; the fields depend on the report kind."""

    title = forms.CharField(label=_("Titel"), max_length=300)

    def __init__(self, *args, kind: str, priorities: list[dict], **kwargs):
        super().__init__(*args, **kwargs)
        self.priority_numbers = []
        self.fields["summary"] = forms.CharField(
            label=_("Samenvatting of inleiding"),
            required=False,
            max_length=20000,
            widget=forms.Textarea,
            help_text=_("Staat vooraan in de rapportage."),
        )
        if kind in (ReportKind.PROGRESS, ReportKind.MIDTERM):
            # One assessment per plan priority; the report shows it under that priority.
            for p in priorities:
                name = f"assessment_{p['number']}"
                self.priority_numbers.append(p["number"])
                self.fields[name] = forms.CharField(
                    label=_("Beoordeling prioriteit %(n)s: %(t)s")
                    % {"n": p["number"], "t": p["title"]},
                    required=False,
                    max_length=20000,
                    widget=forms.Textarea,
                )
        if kind == ReportKind.MIDTERM:
            self.fields["adjustments"] = forms.CharField(
                label=_("Voorgestelde bijstellingen"),
                required=False,
                max_length=20000,
                widget=forms.Textarea,
            )
        if kind == ReportKind.DIGITAL:
            self.fields["focus"] = forms.CharField(
                label=_("Focus voor volgend jaar"),
                required=False,
                max_length=20000,
                widget=forms.Textarea,
                help_text=_("Waar zetten we volgend jaar op in met voorlichting en bewustwording?"),
            )

    @staticmethod
    def initial_from(report) -> dict:
        texts = report.texts or {}
        initial = {"title": report.title, **{k: v for k, v in texts.items() if k != "assessments"}}
        for number, text in (texts.get("assessments") or {}).items():
            initial[f"assessment_{number}"] = text
        return initial

    def texts(self) -> dict:
        data = self.cleaned_data
        texts = {k: data.get(k, "") for k in ("summary", "adjustments", "focus") if k in data}
        texts["assessments"] = {
            str(n): data.get(f"assessment_{n}", "") for n in self.priority_numbers
        }
        return texts


class PublicationForm(forms.Form):
    def __init__(self, *args, settings: dict[str, bool], **kwargs):
        super().__init__(*args, **kwargs)
        for value, label in PublicElement.choices:
            self.fields[value] = forms.BooleanField(
                label=label, required=False, initial=settings.get(value, False)
            )
