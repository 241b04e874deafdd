# SPDX-License-Identifier: EUPL-1.2
"""Meldpunt models. Fields ending in `_enc` hold MultiFernet tokens (see crypto.py); only
services and selectors decrypt them, and every read for a person is audited."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kompas.core.models import Municipality, PartnerOrganisation

from .constants import (
    Channel,
    HistoryKind,
    MessageDirection,
    Outcome,
    Phenomenon,
    Priority,
    SignalStatus,
    WhenKind,
)


class Dossier(models.Model):
    """Signals about one address (matched by keyed address tag) or linked by staff."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="signal_dossiers"
    )
    title = models.CharField(_("titel"), max_length=200)
    address_tag = models.CharField(_("adreskenmerk"), max_length=64, blank=True, db_index=True)
    created_at = models.DateTimeField(_("aangemaakt"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("dossier")
        verbose_name_plural = _("dossiers")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title


class Signal(models.Model):
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="signals")
    phenomenon = models.CharField(
        _("verschijnsel volgens melder"), max_length=20, choices=Phenomenon.choices
    )
    classification = models.CharField(
        _("verschijnsel volgens team"), max_length=20, choices=Phenomenon.choices, blank=True
    )
    status = models.CharField(
        _("status"), max_length=20, choices=SignalStatus.choices, default=SignalStatus.NEW
    )
    priority = models.CharField(
        _("prioriteit"), max_length=10, choices=Priority.choices, default=Priority.NORMAL
    )
    outcome = models.CharField(_("uitkomst"), max_length=20, choices=Outcome.choices, blank=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_signals",
        verbose_name=_("behandelaar"),
    )
    dossier = models.ForeignKey(
        Dossier, null=True, blank=True, on_delete=models.SET_NULL, related_name="signals"
    )
    channel = models.CharField(_("kanaal"), max_length=12, choices=Channel.choices)
    # Encrypted contents.
    description_enc = models.TextField(_("omschrijving (versleuteld)"))
    location_enc = models.TextField(_("plaats (versleuteld)"), blank=True)
    contact_enc = models.TextField(_("contactgegevens (versleuteld)"), blank=True)
    has_location = models.BooleanField(default=False)
    has_contact = models.BooleanField(default=False)
    address_tag = models.CharField(max_length=64, blank=True, db_index=True)
    # The CBS buurt (BU...) of a resolved address inside the gemeente: a statistical area, so
    # plain; the street and woonplaats stay in location_enc.
    buurt_code = models.CharField(_("CBS-buurt"), max_length=10, blank=True, db_index=True)
    when_kind = models.CharField(
        _("wanneer"), max_length=12, choices=WhenKind.choices, default=WhenKind.UNKNOWN
    )
    when_from = models.DateField(_("vanaf"), null=True, blank=True)
    when_to = models.DateField(_("tot en met"), null=True, blank=True)
    # Receipt code: only a keyed lookup tag and an Argon2 hash.
    code_tag = models.CharField(max_length=64, unique=True)
    code_hash = models.CharField(max_length=200)
    code_last_used_at = models.DateTimeField(default=timezone.now)
    created_at = models.DateTimeField(_("ontvangen"), default=timezone.now, db_index=True)
    due_at = models.DateTimeField(_("reageren vóór"))
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    contact_anonymised_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["municipality", "status"])]

    def __str__(self) -> str:
        return f"Melding {self.pk}"

    @property
    def effective_phenomenon(self) -> str:
        return self.classification or self.phenomenon

    def get_effective_phenomenon_display(self) -> str:
        return Phenomenon(self.effective_phenomenon).label


class SignalHistory(models.Model):
    """One immutable line in a signal's history. Database triggers refuse UPDATE (migration
    0002); rows only disappear with their signal when retention deletes it."""

    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="history")
    kind = models.CharField(max_length=12, choices=HistoryKind.choices)
    from_status = models.CharField(max_length=20, choices=SignalStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=SignalStatus.choices, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    by_label = models.CharField(max_length=150)
    at = models.DateTimeField(default=timezone.now)
    note_enc = models.TextField(blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.signal_id} {self.kind} {self.at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("signal history is append-only")
        super().save(*args, **kwargs)


class SignalMessage(models.Model):
    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="messages")
    direction = models.CharField(max_length=12, choices=MessageDirection.choices)
    body_enc = models.TextField()
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.signal_id} {self.direction} {self.created_at:%Y-%m-%d %H:%M}"


class SignalAttachment(models.Model):
    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="attachments")
    content_type = models.CharField(max_length=50)
    size = models.PositiveIntegerField()
    data_enc = models.BinaryField()
    from_reporter = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.filename

    @property
    def filename(self) -> str:
        from .constants import ALLOWED_ATTACHMENT_TYPES

        extension = ALLOWED_ATTACHMENT_TYPES.get(self.content_type, "bin")
        return f"melding-{self.signal_id}-bijlage-{self.pk}.{extension}"


class SharingAgreement(models.Model):
    """An agreement (convenant, samenwerkingsafspraak) under which the gemeente may share
    signals with one partner organisation. Only active agreements are offered when sharing;
    the ground of the agreement is recorded with each forwarding. Kept by the beheerder."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="sharing_agreements",
        verbose_name=_("gemeente"),
    )
    partner = models.ForeignKey(
        PartnerOrganisation,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("partnerorganisatie"),
    )
    name = models.CharField(_("naam van de afspraak"), max_length=200)
    signed_on = models.DateField(_("datum van de afspraak"))
    legal_ground = models.CharField(_("grondslag"), max_length=400)
    active = models.BooleanField(_("actief"), default=True)
    created_at = models.DateTimeField(_("vastgelegd op"), default=timezone.now)

    class Meta:
        verbose_name = _("deelafspraak")
        verbose_name_plural = _("deelafspraken")
        ordering = ["partner__name", "-signed_on", "id"]

    def __str__(self) -> str:
        return f"{self.partner.name} — {self.name}"


class Forwarding(models.Model):
    """What was shared with whom, when, on what ground."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    signal = models.ForeignKey(
        Signal, null=True, blank=True, on_delete=models.CASCADE, related_name="forwardings"
    )
    dossier = models.ForeignKey(
        Dossier, null=True, blank=True, on_delete=models.CASCADE, related_name="forwardings"
    )
    partner = models.ForeignKey(PartnerOrganisation, on_delete=models.PROTECT, related_name="+")
    # The agreement it was shared under; `ground` keeps its text as it read at the time.
    agreement = models.ForeignKey(
        SharingAgreement, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    ground = models.CharField(_("grondslag"), max_length=500)
    fmt = models.CharField(max_length=4)
    signal_ids = models.JSONField(default=list)
    sha256 = models.CharField(max_length=64)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.partner} {self.at:%Y-%m-%d %H:%M}"


class RetentionSettings(models.Model):
    municipality = models.OneToOneField(
        Municipality, on_delete=models.CASCADE, related_name="signal_retention"
    )
    contact_days = models.PositiveIntegerField(
        _("contactgegevens anonimiseren na (dagen na afsluiten)"), default=365
    )
    delete_years = models.PositiveIntegerField(
        _("afgesloten meldingen verwijderen na (jaren)"), default=5
    )
    delete_years_no_ground = models.PositiveIntegerField(
        _("meldingen zonder grond verwijderen na (jaren)"), default=1
    )

    class Meta:
        verbose_name = _("bewaartermijnen meldingen")

    def __str__(self) -> str:
        return str(self.municipality)


class SignalStatistic(models.Model):
    """The minimal record kept after a signal is deleted: for statistics only."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    signal_id = models.PositiveBigIntegerField(unique=True)
    created_at = models.DateTimeField()
    closed_at = models.DateTimeField(null=True)
    phenomenon = models.CharField(max_length=20, choices=Phenomenon.choices)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True)
    buurt_code = models.CharField(max_length=10, blank=True)
    deleted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["signal_id"]

    def __str__(self) -> str:
        return f"statistiek melding {self.signal_id}"


class Address(models.Model):
    """One address from the gemeente's own address list (public BAG facts, so plain): what
    the meldpunt resolves a postcode and huisnummer with when the PDOK Locatieserver is off or
    does not know the address. Filled by `kompas signals adressen importeren`."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="signal_addresses"
    )
    postcode = models.CharField(_("postcode"), max_length=6)
    number = models.PositiveIntegerField(_("huisnummer"))
    addition = models.CharField(_("toevoeging"), max_length=10, blank=True)
    street = models.CharField(_("straat"), max_length=200)
    town = models.CharField(_("woonplaats"), max_length=100)
    buurt_code = models.CharField(_("CBS-buurt"), max_length=10, blank=True)

    class Meta:
        verbose_name = _("adres")
        verbose_name_plural = _("adressen")
        ordering = ["postcode", "number", "addition"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "postcode", "number", "addition"],
                name="signals_address_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.street} {self.number}{self.addition}, {self.postcode} {self.town}"
