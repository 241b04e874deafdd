# SPDX-License-Identifier: EUPL-1.2
"""Casework models. Fields ending in `_enc` hold MultiFernet tokens made with the meldpunt's keys
(kompas.signals.crypto); only services decrypt them, and every read is audited. Lists show a
case's number and its persons' pseudonyms ("HV-2026-014 persoon A"), never an identity."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kompas.core.models import Municipality, PartnerOrganisation

from .constants import (
    CONTROLE_SOURCE,
    BibobOutcome,
    CaseStatus,
    CaseType,
    CloseReason,
    InterventionStatus,
    LegalGroundKind,
    MeasureCategory,
    MeasureKind,
    MeasureStatus,
    SubjectKind,
)

USER = settings.AUTH_USER_MODEL


class Case(models.Model):
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="cases", verbose_name=_("gemeente")
    )
    number = models.CharField(_("casusnummer"), max_length=20)
    year = models.PositiveSmallIntegerField(_("jaar"))
    sequence = models.PositiveIntegerField(_("volgnummer"))
    case_type = models.CharField(_("soort casus"), max_length=20, choices=CaseType.choices)
    subject_kind = models.CharField(
        _("betreft"), max_length=12, choices=SubjectKind.choices, default=SubjectKind.PERSONS
    )
    group_description = models.CharField(_("groep (zonder namen)"), max_length=200, blank=True)
    dossier = models.ForeignKey(
        "signals.Dossier",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cases",
        verbose_name=_("adresdossier"),
    )
    summary_enc = models.TextField(_("aanleiding (versleuteld)"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=CaseStatus.choices, default=CaseStatus.REGISTERED
    )
    close_reason = models.CharField(
        _("reden van afsluiten"), max_length=20, choices=CloseReason.choices, blank=True
    )
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    regisseur_user = models.ForeignKey(
        USER,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("regisseur (gemeente)"),
    )
    regisseur_partner = models.ForeignKey(
        PartnerOrganisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("regisseur (organisatie)"),
    )
    regisseur_name = models.CharField(_("naam regisseur"), max_length=150, blank=True)
    legal_ground_kind = models.CharField(
        _("grondslag voor delen"), max_length=12, choices=LegalGroundKind.choices, blank=True
    )
    legal_ground_name = models.CharField(_("naam grondslag"), max_length=200, blank=True)
    legal_ground_date = models.DateField(_("datum grondslag"), null=True, blank=True)
    signals = models.ManyToManyField(
        "signals.Signal", blank=True, related_name="cases", verbose_name=_("meldingen")
    )
    actions = models.ManyToManyField(
        "policy.Action", blank=True, related_name="cases", verbose_name=_("acties uit het plan")
    )
    is_demo = models.BooleanField(default=False)
    created_at = models.DateTimeField(_("aangemeld op"), default=timezone.now)
    created_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("casus")
        verbose_name_plural = _("casussen")
        ordering = ["-year", "-sequence"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "number"], name="cases_number_unique"),
            models.UniqueConstraint(
                fields=["municipality", "year", "sequence"], name="cases_sequence_unique"
            ),
        ]
        indexes = [models.Index(fields=["municipality", "status"])]

    def __str__(self) -> str:
        return self.number

    @property
    def has_legal_ground(self) -> bool:
        return bool(self.legal_ground_kind and self.legal_ground_name and self.legal_ground_date)

    @property
    def regisseur_label(self) -> str:
        if self.regisseur_partner_id:
            name = f" ({self.regisseur_name})" if self.regisseur_name else ""
            return f"{self.regisseur_partner}{name}"
        if self.regisseur_user_id:
            return self.regisseur_user.get_full_name() or self.regisseur_user.get_username()
        return ""


class CaseStatusChange(models.Model):
    """One immutable line of a case's status history."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=12, choices=CaseStatus.choices, blank=True)
    to_status = models.CharField(max_length=12, choices=CaseStatus.choices)
    reason = models.CharField(max_length=20, choices=CloseReason.choices, blank=True)
    note = models.CharField(_("toelichting"), max_length=300, blank=True)
    by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.case_id} {self.from_status}->{self.to_status}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("case status history is append-only")
        super().save(*args, **kwargs)


def pseudonym(number: str, label: str) -> str:
    """The one spelling of a pseudonym: the record's number and the person's letter."""
    return f"{number} persoon {label}"


IDENTITY_FIELDS = ("name_enc", "birth_date_enc", "address_enc", "bsn_enc")


class EncryptedIdentity(models.Model):
    """A person's identity, only encrypted (MultiFernet tokens with the meldpunt's keys). Every
    app that holds a person uses these fields and `cases.services.persons` (encrypt, pseudonym,
    audited reveal, key rotation), so there is one mechanism."""

    name_enc = models.TextField()
    birth_date_enc = models.TextField(blank=True)
    address_enc = models.TextField(blank=True)
    bsn_enc = models.TextField(blank=True)

    class Meta:
        abstract = True


class Person(EncryptedIdentity):
    """A person in a case. Identity only encrypted; shown as the pseudonym everywhere else."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="persons")
    label = models.CharField(_("aanduiding"), max_length=2)
    role = models.CharField(_("rol in de casus"), max_length=100, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("persoon")
        verbose_name_plural = _("personen")
        ordering = ["case", "label"]
        constraints = [
            models.UniqueConstraint(fields=["case", "label"], name="cases_person_label_unique")
        ]

    def __str__(self) -> str:
        return self.pseudonym

    @property
    def pseudonym(self) -> str:
        return pseudonym(self.case.number, self.label)


class CaseListing(models.Model):
    """A case on a table (a meetings series of kind OVO, AVE, JOS, PGA, ZVH or weegploeg)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="listings")
    series = models.ForeignKey(
        "meetings.MeetingSeries",
        on_delete=models.PROTECT,
        related_name="case_listings",
        verbose_name=_("tafel"),
    )
    listed_from = models.DateField(_("besproken vanaf"), default=timezone.localdate)
    listed_until = models.DateField(_("besproken tot en met"), null=True, blank=True)
    by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["listed_from", "id"]
        indexes = [models.Index(fields=["series", "listed_until"])]

    def __str__(self) -> str:
        return f"{self.case} @ {self.series}"


class CaseDiscussion(models.Model):
    """What a held meeting decided about a case (its minutes per case)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="discussions")
    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.PROTECT, related_name="case_discussions"
    )
    decision_enc = models.TextField()
    by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["case", "meeting"], name="cases_discussion_once")
        ]

    def __str__(self) -> str:
        return f"{self.case} {self.meeting_id}"


class WeegploegAssessment(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="assessments")
    meets_criteria = models.BooleanField(_("voldoet aan de criteria van het convenant"))
    date = models.DateField(_("datum weging"))
    reasons_enc = models.TextField()
    by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["date", "id"]

    def __str__(self) -> str:
        return f"{self.case} {self.date}"


class Intervention(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="interventions")
    description = models.CharField(_("interventie"), max_length=300)
    # None: the gemeente itself owns it.
    owner_partner = models.ForeignKey(
        PartnerOrganisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("eigenaar"),
    )
    due_date = models.DateField(_("uiterlijk klaar op"))
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=InterventionStatus.choices,
        default=InterventionStatus.OPEN,
    )
    result = models.TextField(_("resultaat"), blank=True, max_length=2000)
    discussion = models.ForeignKey(
        CaseDiscussion,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="interventions",
    )
    created_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("interventie")
        verbose_name_plural = _("interventies")
        ordering = ["due_date", "id"]

    def __str__(self) -> str:
        return self.description

    @property
    def owner_label(self) -> str:
        return str(self.owner_partner) if self.owner_partner_id else str(_("gemeente"))


class Measure(models.Model):
    """The register of the burgemeester's instruments and administrative measures. Another
    app's record (an ondermijning controle) may own a measure: `source_type`/`source_id`."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="measures", verbose_name=_("gemeente")
    )
    kind = models.CharField(_("instrument"), max_length=40, choices=MeasureKind.choices)
    category = models.CharField(_("categorie"), max_length=20, choices=MeasureCategory.choices)
    date = models.DateField(_("datum besluit"))
    legal_article = models.CharField(_("wetsartikel"), max_length=200)
    decided_by = models.CharField(_("besloten door"), max_length=150, default="burgemeester")
    description = models.CharField(_("omschrijving (zonder namen)"), max_length=300, blank=True)
    case = models.ForeignKey(
        Case,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="measures",
        verbose_name=_("casus"),
    )
    dossier = models.ForeignKey(
        "signals.Dossier",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="measures",
        verbose_name=_("adresdossier"),
    )
    end_date = models.DateField(_("einddatum"), null=True, blank=True)
    review_date = models.DateField(_("evaluatie- of herzieningsdatum"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=14, choices=MeasureStatus.choices, default=MeasureStatus.DECIDED
    )
    signals = models.ManyToManyField(
        "signals.Signal", blank=True, related_name="measures", verbose_name=_("meldingen")
    )
    # Bibob-toets (kind `bibob`): the application, the advice of the Landelijk Bureau Bibob.
    bibob_application = models.CharField(_("soort aanvraag"), max_length=150, blank=True)
    bibob_permit = models.CharField(_("vergunning"), max_length=150, blank=True)
    bibob_requested_on = models.DateField(_("advies gevraagd op"), null=True, blank=True)
    bibob_advice_due = models.DateField(_("advies uiterlijk verwacht op"), null=True, blank=True)
    bibob_advice_on = models.DateField(_("advies ontvangen op"), null=True, blank=True)
    bibob_outcome = models.CharField(
        _("uitkomst advies"), max_length=10, choices=BibobOutcome.choices, blank=True
    )
    # Damocles (Opiumwet 13b) and other closures.
    closure_date = models.DateField(_("datum sluiting"), null=True, blank=True)
    closure_months = models.PositiveSmallIntegerField(
        _("duur sluiting (maanden)"), null=True, blank=True
    )
    reopening_date = models.DateField(_("datum heropening"), null=True, blank=True)
    # Last onder dwangsom / bestuursdwang.
    penalty_amount = models.DecimalField(
        _("bedrag dwangsom (euro)"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    compliance_until = models.DateField(_("einde begunstigingstermijn"), null=True, blank=True)
    # The owning record of a higher app (constants.CONTROLE_SOURCE: an ondermijning controle).
    source_type = models.CharField(max_length=100, blank=True)
    source_id = models.CharField(max_length=64, blank=True)
    # When `kompas retention run` erased the personal data (MEASURE_RETENTION_YEARS after the
    # decision lapsed); the decision itself stays in the register (Archiefwet).
    personal_data_erased_on = models.DateField(null=True, blank=True, editable=False)
    is_demo = models.BooleanField(default=False)
    created_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("instrument")
        verbose_name_plural = _("instrumenten")
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["municipality", "date"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("date")),
                name="cases_measure_end_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.date:%d-%m-%Y}"

    @property
    def controle_id(self) -> int | None:
        """The ondermijning controle this measure came from, if any (see CONTROLE_SOURCE)."""
        if self.source_type == CONTROLE_SOURCE and self.source_id.isdigit():
            return int(self.source_id)
        return None


class RetentionRule(models.Model):
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    case_type = models.CharField(max_length=20, choices=CaseType.choices)
    years = models.PositiveSmallIntegerField(_("jaren na afsluiten"))

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "case_type"], name="cases_retention_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.municipality} {self.case_type} {self.years}"


class CaseStatistic(models.Model):
    """What remains of a case after retention: no number, no person, for statistics only."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    case_type = models.CharField(max_length=20, choices=CaseType.choices)
    year = models.PositiveSmallIntegerField()
    closed_on = models.DateField(null=True)
    close_reason = models.CharField(max_length=20, blank=True)
    table_kinds = models.JSONField(default=list)
    persons = models.PositiveIntegerField(default=0)
    interventions = models.PositiveIntegerField(default=0)
    deleted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["year", "id"]

    def __str__(self) -> str:
        return f"statistiek casus {self.case_type} {self.year}"


class CaseCounter(models.Model):
    """The last sequence number handed out per gemeente and year (row locked while numbering)."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["municipality", "year"], name="cases_counter_unique")
        ]

    def __str__(self) -> str:
        return f"{self.municipality} {self.year}: {self.last}"
