# SPDX-License-Identifier: EUPL-1.2
from django import forms
from django.utils.translation import gettext_lazy as _

from .constants import ImportFormat

UPLOAD_FORMATS = [
    ("", _("Automatisch herkennen")),
    (ImportFormat.STATLINE_CSV, ImportFormat.STATLINE_CSV.label),
    (ImportFormat.CLIENT_CSV, ImportFormat.CLIENT_CSV.label),
    (ImportFormat.ODATA_JSON, ImportFormat.ODATA_JSON.label),
    (ImportFormat.XLSX, ImportFormat.XLSX.label),
]


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Bestand"),
        help_text=_(
            "Een StatLine-export (CSV), een OData-antwoord (JSON), de CSV van de R/Python-client "
            "of een Excel-bestand met eigen registraties (kolommen indicator, regio, periode, "
            "waarde). Maximaal 50 MB."
        ),
    )
    format = forms.ChoiceField(label=_("Formaat"), choices=UPLOAD_FORMATS, required=False)

    def clean_file(self):
        f = self.cleaned_data["file"]
        if f.size > 50 * 1024 * 1024:
            raise forms.ValidationError(_("Het bestand is groter dan 50 MB."))
        return f
