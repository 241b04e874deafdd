# SPDX-License-Identifier: EUPL-1.2
from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from kompas.core import phenomena

from . import antiabuse
from .attachments import attachment_clean
from .constants import (
    ALLOWED_TRANSITIONS,
    DESCRIPTION_MAX_LENGTH,
    MAX_ATTACHMENTS,
    MESSAGE_MAX_LENGTH,
    PHENOMENON_HELP,
    Outcome,
    Phenomenon,
    Priority,
    SignalStatus,
    WhenKind,
)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    widget = MultipleFileInput

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)
        self.widget.attrs.update(
            {"accept": ".jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf"}
        )

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if len(files) > MAX_ATTACHMENTS:
            raise ValidationError(
                _("U kunt hoogstens %(n)s bijlagen meesturen.") % {"n": MAX_ATTACHMENTS}
            )
        cleaned, errors = [], []
        for i, f in enumerate(files, start=1):
            name = _("nummer %(i)s") % {"i": i}
            if getattr(f, "kompas_too_large", False):
                from .attachments import max_upload_bytes

                errors.append(
                    _("Bijlage %(name)s is te groot. Een bijlage mag hoogstens %(mb)s MB zijn.")
                    % {"name": name, "mb": max_upload_bytes() // (1024 * 1024)}
                )
                continue
            try:
                f.seek(0)
                cleaned.append(attachment_clean(data=f.read(), name=str(name)))
            except ValidationError as exc:
                errors.extend(exc.messages)
        if errors:
            raise ValidationError(errors)
        return cleaned


def _phenomenon_choices():
    return [
        (value, format_html('{}<span class="help"> — {}</span>', label, PHENOMENON_HELP[value]))
        for value, label in Phenomenon.choices
    ]


class IntakeForm(forms.Form):
    phenomenon = forms.ChoiceField(
        label=_("Wat is er aan de hand?"),
        choices=(),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies wat er aan de hand is. Twijfelt u? Kies 'Iets anders'.")
        },
    )
    description = forms.CharField(
        label=_("Wat heeft u gezien of gehoord?"),
        help_text=_(
            "Schrijf op wat u weet: wat, wie, hoe vaak. Schrijf niet uw eigen naam als u "
            "anoniem wilt blijven. Hoogstens %(n)s tekens."
        )
        % {"n": DESCRIPTION_MAX_LENGTH},
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=DESCRIPTION_MAX_LENGTH,
        error_messages={
            "required": _("Vul in wat u heeft gezien of gehoord."),
            "max_length": _(
                "Uw beschrijving is te lang: hoogstens %(limit_value)d tekens (nu %(show_value)d)."
            ),
        },
    )
    postcode = forms.CharField(
        label=_("Postcode"),
        required=False,
        max_length=7,
        help_text=_("Bijvoorbeeld 8441 AB."),
    )
    number = forms.CharField(label=_("Huisnummer"), required=False, max_length=6)
    addition = forms.CharField(label=_("Toevoeging"), required=False, max_length=6)
    place = forms.CharField(
        label=_("Of beschrijf de plek"),
        required=False,
        max_length=300,
        help_text=_("Bijvoorbeeld: de loods achter de supermarkt aan de Dracht."),
    )
    when_kind = forms.ChoiceField(
        label=_("Wanneer was het?"),
        choices=WhenKind.choices,
        initial=WhenKind.UNKNOWN,
        required=False,
        widget=forms.RadioSelect,
    )
    when_from = forms.DateField(
        label=_("Datum (of begin van de periode)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Vul een geldige datum in, bijvoorbeeld 15-03-2026.")},
    )
    when_to = forms.DateField(
        label=_("Einde van de periode"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Vul een geldige datum in, bijvoorbeeld 15-03-2026.")},
    )
    attachments = AttachmentsField(
        label=_("Foto's of documenten"),
        help_text=_(
            "JPG, PNG of PDF, hoogstens %(n)s bestanden. Wij halen verborgen gegevens (zoals de "
            "plaats waar een foto is gemaakt) uit foto's."
        )
        % {"n": MAX_ATTACHMENTS},
    )
    contact_name = forms.CharField(label=_("Naam"), required=False, max_length=100)
    contact_email = forms.EmailField(
        label=_("E-mailadres"),
        required=False,
        max_length=200,
        error_messages={"invalid": _("Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.")},
    )
    contact_phone = forms.CharField(label=_("Telefoonnummer"), required=False, max_length=20)
    # Anti-spam: a field people never see (hidden with CSS) and a signed start time.
    website = forms.CharField(label=_("Laat dit veld leeg"), required=False)
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, require_fill_time: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phenomenon"].choices = _phenomenon_choices()
        self.require_fill_time = require_fill_time
        if not self.is_bound:
            self.initial["started"] = antiabuse.form_started_token()

    def note_dropped_attachments(self) -> None:
        """A form shown again cannot keep its files (browsers never refill a file field): when
        the reporter had attached any, say so at the field and ask to attach them again."""
        if not self.is_bound or not self.files.getlist("attachments"):
            return
        if "attachments" in self.errors:
            return  # the field already explains what is wrong with the files
        self.add_error(
            "attachments",
            _(
                "Uw bijlage is niet meegestuurd, want de melding is nog niet verstuurd. Voeg de "
                "bijlage opnieuw toe voordat u op Versturen klikt."
            ),
        )

    def clean_postcode(self):
        value = self.cleaned_data["postcode"].strip().upper().replace(" ", "")
        if value and not (len(value) == 6 and value[:4].isdigit() and value[4:].isalpha()):
            raise ValidationError(
                _("Vul de postcode in als 4 cijfers en 2 letters, zoals 8441 AB.")
            )
        return value

    def clean_number(self):
        value = self.cleaned_data["number"].strip()
        if value and not value.isdigit():
            raise ValidationError(
                _("Vul bij huisnummer alleen cijfers in; letters gaan bij toevoeging.")
            )
        return value

    def clean(self):
        data = super().clean()
        if data.get("website"):
            raise ValidationError(
                _("Uw melding kon niet worden verstuurd. Laat het laatste veld leeg."),
                code="honeypot",
            )
        if self.require_fill_time and not antiabuse.form_fill_ok(data.get("started", "")):
            self.data = self.data.copy()
            self.data["started"] = antiabuse.form_started_token()
            message = _(
                "Het formulier is te snel of te laat verstuurd. Controleer uw melding en "
                "klik nog een keer op Versturen."
            )
            if self.files.getlist("attachments"):
                message = _(
                    "Het formulier is te snel of te laat verstuurd. Uw bijlage is daardoor niet "
                    "meegekomen: voeg de bijlage opnieuw toe, controleer uw melding en klik nog "
                    "een keer op Versturen."
                )
            raise ValidationError(message, code="timing")
        if bool(data.get("postcode")) != bool(data.get("number")) and not data.get("place"):
            self.add_error(
                "number" if data.get("postcode") else "postcode",
                _("Vul postcode én huisnummer in, of beschrijf de plek."),
            )
        kind = data.get("when_kind") or WhenKind.UNKNOWN
        data["when_kind"] = kind
        if kind in (WhenKind.DATE, WhenKind.PERIOD) and not data.get("when_from"):
            self.add_error("when_from", _("Vul de datum in, of kies 'Weet ik niet'."))
        if kind == WhenKind.PERIOD and data.get("when_from") and data.get("when_to"):
            if data["when_to"] < data["when_from"]:
                self.add_error("when_to", _("Het einde van de periode ligt vóór het begin."))
        return data


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Uw ontvangstcode"),
        help_text=_("De 16 cijfers die u kreeg na uw melding. Spaties mogen."),
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
        error_messages={"required": _("Vul uw ontvangstcode in.")},
    )


class ReplyForm(forms.Form):
    text = forms.CharField(
        label=_("Uw antwoord of extra informatie"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Hoogstens %(n)s tekens.") % {"n": MESSAGE_MAX_LENGTH},
        error_messages={
            "required": _("Schrijf uw antwoord of extra informatie."),
            "max_length": _(
                "Uw tekst is te lang: hoogstens %(limit_value)d tekens (nu %(show_value)d)."
            ),
        },
    )
    attachments = AttachmentsField(label=_("Foto's of documenten"), help_text=_("JPG, PNG of PDF."))
    access = forms.CharField(widget=forms.HiddenInput)


# --- Staff forms -------------------------------------------------------------------------------
class FilterForm(forms.Form):
    q = forms.CharField(label=_("Zoeken"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("alle"))] + SignalStatus.choices
    )
    phenomenon = forms.ChoiceField(
        label=_("Verschijnsel"), required=False, choices=[("", _("alle"))] + Phenomenon.choices
    )
    priority = forms.ChoiceField(
        label=_("Prioriteit"), required=False, choices=[("", _("alle"))] + Priority.choices
    )
    assignee = forms.TypedChoiceField(
        label=_("Behandelaar"), required=False, coerce=int, empty_value=None
    )
    overdue = forms.BooleanField(label=_("Alleen te laat"), required=False)

    def __init__(self, *args, staff=(), chosen_year: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].choices = [("", _("iedereen"))] + [
            (u.pk, u.get_full_name() or u.username) for u in staff
        ]
        if chosen_year is not None:  # a fenomenenkeuze exists as a register
            self.fields[phenomena.PARAM] = phenomena.chosen_field(chosen_year)


class CountsPeriodForm(forms.Form):
    """The period of the counts per buurt (received dates, inclusive)."""

    start = forms.DateField(
        label=_("Ontvangen vanaf"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Vul een geldige datum in, bijvoorbeeld 15-03-2026.")},
    )
    end = forms.DateField(
        label=_("tot en met"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Vul een geldige datum in, bijvoorbeeld 15-03-2026.")},
    )

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("Het einde van de periode ligt vóór het begin."))
        return data


class AddressListForm(forms.Form):
    file = forms.FileField(
        label=_("CSV-bestand met adressen"),
        help_text=_(
            "UTF-8, met de kopregel postcode;huisnummer;toevoeging;straat;woonplaats;buurtcode "
            "(';' of ','). Het bestand vervangt de hele lijst."
        ),
        error_messages={"required": _("Kies een CSV-bestand.")},
    )

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        if upload is not None:
            if upload.size > 50 * 1024 * 1024:
                self.add_error("file", _("Het bestand is groter dan 50 MB."))
                return data
            try:
                data["text"] = upload.read().decode("utf-8-sig")
            except UnicodeDecodeError:
                self.add_error(
                    "file", _("Het bestand is geen UTF-8-tekst. Sla het op als CSV UTF-8.")
                )
        return data


class TransitionForm(forms.Form):
    to = forms.ChoiceField(label=_("Nieuwe status"), choices=SignalStatus.choices)

    def __init__(self, *args, current: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        if current:
            allowed = [s for s in SignalStatus.values if s in ALLOWED_TRANSITIONS[current]]
            self.fields["to"].help_text = _("Vanuit '%(from)s' kan de melding naar: %(to)s.") % {
                "from": SignalStatus(current).label,
                "to": ", ".join(str(SignalStatus(s).label) for s in allowed),
            }
            if allowed and not self.is_bound:
                self.initial.setdefault("to", allowed[0])

    outcome = forms.ChoiceField(
        label=_("Uitkomst (bij afsluiten)"), required=False, choices=[("", "—")] + Outcome.choices
    )
    note = forms.CharField(
        label=_("Toelichting"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ClassifyForm(forms.Form):
    phenomenon = forms.ChoiceField(label=_("Verschijnsel"), choices=Phenomenon.choices)
    priority = forms.ChoiceField(label=_("Prioriteit"), choices=Priority.choices)
    assignee = forms.TypedChoiceField(
        label=_("Behandelaar"), required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args, staff=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].choices = [("", _("niemand"))] + [
            (u.pk, u.get_full_name() or u.username) for u in staff
        ]


class QuestionForm(forms.Form):
    question = forms.CharField(
        label=_("Vraag aan de melder"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("De melder leest dit met de ontvangstcode. Schrijf in eenvoudige taal."),
    )


class LinkForm(forms.Form):
    other = forms.IntegerField(
        label=_("Koppel aan melding (nummer)"),
        min_value=1,
        help_text=_("Beide meldingen komen in hetzelfde dossier."),
    )


class AgreementChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return _("%(partner)s (%(name)s, %(date)s)") % {
            "partner": obj.partner.name,
            "name": obj.name,
            "date": date_format(obj.signed_on, "j F Y"),
        }


class ForwardForm(forms.Form):
    """Sharing: only with an organisation the gemeente has an active sharing agreement with;
    the ground is the agreement's."""

    agreement = AgreementChoiceField(
        label=_("Delen met"),
        queryset=None,
        empty_label=None,
        help_text=_(
            "Alleen organisaties waarmee de gemeente een deelafspraak heeft. De grondslag van "
            "die afspraak wordt bij het delen vastgelegd."
        ),
        error_messages={
            "required": _("Kies met wie u deelt."),
            "invalid_choice": _(
                "Met deze organisatie heeft de gemeente geen geldige deelafspraak. Delen kan "
                "alleen met een organisatie op de lijst van deelafspraken."
            ),
        },
    )
    fmt = forms.ChoiceField(label=_("Formaat"), choices=[("pdf", "PDF"), ("json", "JSON")])

    def __init__(self, *args, agreements, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agreement"].queryset = agreements


class SharingAgreementForm(forms.Form):
    partner = forms.ModelChoiceField(
        label=_("Partnerorganisatie"),
        queryset=None,
        error_messages={"required": _("Kies de organisatie.")},
    )
    name = forms.CharField(
        label=_("Naam van de afspraak"),
        max_length=200,
        help_text=_("Bijvoorbeeld: Convenant RIEC Noord-Nederland 2024."),
        error_messages={"required": _("Vul de naam van de afspraak in.")},
    )
    signed_on = forms.DateField(
        label=_("Datum van de afspraak"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Vul de datum van de afspraak in."),
            "invalid": _("Vul een geldige datum in, bijvoorbeeld 15-03-2026."),
        },
    )
    legal_ground = forms.CharField(
        label=_("Grondslag"),
        max_length=400,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Waarop het delen rust, bijvoorbeeld: art. 6 lid 1 sub e AVG en art. 20 "
            "Convenant RIEC. Deze tekst komt bij elke gedeelde melding in de historie."
        ),
        error_messages={"required": _("Vul de grondslag in.")},
    )

    def __init__(self, *args, partners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = partners


class RetentionSettingsForm(forms.Form):
    contact_days = forms.IntegerField(
        label=_("Contactgegevens van de melder anonimiseren na (dagen na afsluiten)"),
        min_value=30,
        max_value=3650,
        help_text=_("Standaard 365 dagen."),
    )
    delete_years = forms.IntegerField(
        label=_("Afgesloten meldingen verwijderen na (jaren)"),
        min_value=1,
        max_value=20,
        help_text=_("Standaard 5 jaar. Daarna blijft alleen een telregel zonder inhoud over."),
    )
    delete_years_no_ground = forms.IntegerField(
        label=_("Meldingen zonder grond verwijderen na (jaren)"),
        min_value=1,
        max_value=20,
        help_text=_("Standaard 1 jaar; nooit langer dan andere meldingen."),
    )
