# SPDX-License-Identifier: EUPL-1.2
"""Ondermijning: the register of integrale controles (with their locations and findings) and
the ondermijningsdagen of a samenwerkingsverband. A controle belongs to one gemeente; a day
to one samenwerkingsverband, hosted by one of its gemeenten."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from kompas.core.models import CreatedMixin, Municipality, PartnerOrganisation, Partnership

from .constants import ControleReason, ControleStatus, DayStatus, DealerBranche, KvoLevel, Outcome


class Branche(models.Model):
    """An ondermijningsgevoelige branche; a maintained list (admin), seeded by migration."""

    code = models.SlugField(_("code"), unique=True)
    name = models.CharField(_("naam"), max_length=100)
    active = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("branche")
        verbose_name_plural = _("branches")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class UnderminingDay(CreatedMixin):
    """An ondermijningsdag of a samenwerkingsverband: one host gemeente holds an integral
    inspection or action with VTH and politie. A held day registers the partnership's
    `ondermijningsdag` event."""

    partnership = models.ForeignKey(
        Partnership,
        on_delete=models.CASCADE,
        related_name="undermining_days",
        verbose_name=_("samenwerkingsverband"),
    )
    date = models.DateField(_("datum"))
    host = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="undermining_days_hosted",
        verbose_name=_("gastgemeente"),
    )
    place = models.CharField(
        _("plaats"), max_length=200, blank=True, help_text=_("Bijvoorbeeld: Wolvega centrum.")
    )
    theme = models.CharField(_("thema"), max_length=200)
    partners = models.ManyToManyField(
        PartnerOrganisation, blank=True, related_name="+", verbose_name=_("partners")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=DayStatus.choices, default=DayStatus.PLANNED
    )
    is_demo = models.BooleanField(_("demodata"), default=False)

    class Meta:
        verbose_name = _("ondermijningsdag")
        verbose_name_plural = _("ondermijningsdagen")
        ordering = ["date", "pk"]

    def __str__(self) -> str:
        return f"{self.date:%d-%m-%Y} {self.host}: {self.theme}"


class Controle(CreatedMixin):
    """An integrale controle at an ondermijningsgevoelige branche. Marked uitgevoerd (or
    afgerond) it registers the gemeente's `integrale_controle` event."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="undermining_controles",
        verbose_name=_("gemeente"),
    )
    date = models.DateField(_("datum"), db_index=True)
    title = models.CharField(
        _("omschrijving"), max_length=200, help_text=_("Bijvoorbeeld: horeca Wolvega centrum.")
    )
    branche = models.ForeignKey(
        Branche, on_delete=models.PROTECT, related_name="+", verbose_name=_("branche")
    )
    reason = models.CharField(_("aanleiding"), max_length=20, choices=ControleReason.choices)
    reason_note = models.CharField(_("toelichting aanleiding"), max_length=300, blank=True)
    day = models.ForeignKey(
        UnderminingDay,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="controles",
        verbose_name=_("ondermijningsdag"),
    )
    partners = models.ManyToManyField(
        PartnerOrganisation, blank=True, related_name="+", verbose_name=_("aanwezige partners")
    )
    status = models.CharField(
        _("status"), max_length=12, choices=ControleStatus.choices, default=ControleStatus.PLANNED
    )
    follow_up = models.TextField(
        _("vervolg"),
        blank=True,
        max_length=5000,
        help_text=_("Maatregelen en signalen aan RIEC of politie na de controle."),
    )
    is_demo = models.BooleanField(_("demodata"), default=False)

    class Meta:
        verbose_name = _("integrale controle")
        verbose_name_plural = _("integrale controles")
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.date:%d-%m-%Y} {self.title}"


class ControleLocation(models.Model):
    """An address visited in a controle; optionally the meldpunt's dossier of that address."""

    controle = models.ForeignKey(
        Controle, on_delete=models.CASCADE, related_name="locations", verbose_name=_("controle")
    )
    address = models.CharField(_("adres"), max_length=200)
    dossier = models.ForeignKey(
        "signals.Dossier",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("dossier van het meldpunt"),
    )

    class Meta:
        verbose_name = _("locatie")
        verbose_name_plural = _("locaties")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.address


class Finding(models.Model):
    """What was found at one location."""

    location = models.ForeignKey(
        ControleLocation,
        on_delete=models.CASCADE,
        related_name="findings",
        verbose_name=_("locatie"),
    )
    outcome = models.CharField(_("bevinding"), max_length=15, choices=Outcome.choices)
    text = models.TextField(_("toelichting"), blank=True, max_length=5000)

    class Meta:
        verbose_name = _("bevinding")
        verbose_name_plural = _("bevindingen")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.get_outcome_display()


def validate_kvk(value: str) -> None:
    """A KvK number is exactly eight digits."""
    if not (len(value) == 8 and value.isascii() and value.isdigit()):
        raise ValidationError(
            _("Een KvK-nummer bestaat uit precies 8 cijfers (gevonden: “%(v)s”)."),
            params={"v": value},
            code="kvk",
        )


class Dealer(CreatedMixin):
    """An opkoper (second-hand dealer) in the gemeente, with its obligation to register its
    purchases in the Digitaal Opkopers Register (DOR)."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="dealers", verbose_name=_("gemeente")
    )
    name = models.CharField(_("naam"), max_length=200)
    kvk_number = models.CharField(_("KvK-nummer"), max_length=8, validators=[validate_kvk])
    address = models.CharField(_("adres"), max_length=200)
    branche = models.CharField(_("branche"), max_length=20, choices=DealerBranche.choices)
    dor_required = models.BooleanField(_("DOR-plichtig"), default=True)
    dor_since = models.DateField(_("in het DOR sinds"), null=True, blank=True)
    notes = models.TextField(_("toelichting"), blank=True, max_length=5000)
    is_demo = models.BooleanField(_("demodata"), default=False)

    class Meta:
        verbose_name = _("opkoper")
        verbose_name_plural = _("opkopers")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "kvk_number"],
                name="ondermijning_dealer_unique_kvk",
                violation_error_message=_("Deze gemeente heeft al een opkoper met dit KvK-nummer."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.kvk_number})"


class DealerCheck(models.Model):
    """A check of an opkoper (its DOR registrations, its books) and what it found."""

    dealer = models.ForeignKey(
        Dealer, on_delete=models.CASCADE, related_name="checks", verbose_name=_("opkoper")
    )
    date = models.DateField(_("datum"))
    outcome = models.CharField(_("bevinding"), max_length=15, choices=Outcome.choices)
    text = models.TextField(_("toelichting"), blank=True, max_length=5000)

    class Meta:
        verbose_name = _("controle opkoper")
        verbose_name_plural = _("controles opkopers")
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.date:%d-%m-%Y} {self.get_outcome_display()}"


class KvoPark(CreatedMixin):
    """A business park with (or working towards) the Keurmerk Veilig Ondernemen (KVO-B)."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="kvo_parks", verbose_name=_("gemeente")
    )
    name = models.CharField(_("bedrijventerrein"), max_length=200)
    level = models.CharField(_("niveau"), max_length=10, choices=KvoLevel.choices)
    certified_on = models.DateField(_("certificaat behaald op"))
    expires_on = models.DateField(_("certificaat geldig tot"))
    next_review = models.DateField(_("volgende evaluatie"), null=True, blank=True)
    notes = models.TextField(_("toelichting"), blank=True, max_length=5000)
    is_demo = models.BooleanField(_("demodata"), default=False)

    class Meta:
        verbose_name = _("KVO-B-bedrijventerrein")
        verbose_name_plural = _("KVO-B-bedrijventerreinen")
        ordering = ["expires_on", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_level_display()})"
