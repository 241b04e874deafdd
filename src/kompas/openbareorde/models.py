# SPDX-License-Identifier: EUPL-1.2
"""Openbare orde: the maatschappelijke-onrust risk inventory (with its level history),
demonstrations (Wet openbare manifestaties), openbare-orde incidents, football matches of the
BVO, events (evenementen) and the yearly jaarwisseling. All records belong to one gemeente."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kompas.cases.models import EncryptedIdentity, pseudonym
from kompas.core.models import Municipality, PartnerOrganisation

from .constants import (
    DemonstrationStatus,
    IncidentKind,
    LocationKind,
    RestrictionGround,
    RiskClass,
    RiskKind,
    RiskLevel,
    Theme,
)


class RiskItem(models.Model):
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE)
    kind = models.CharField(_("soort"), max_length=10, choices=RiskKind.choices)
    location_kind = models.CharField(
        _("soort locatie"), max_length=15, choices=LocationKind.choices, blank=True
    )
    # For a location or group its name; for a person its pseudonym (see `RiskPerson`), never
    # a name.
    title = models.CharField(_("omschrijving"), max_length=200)
    theme = models.CharField(_("thema"), max_length=15, choices=Theme.choices)
    level = models.CharField(_("risiconiveau"), max_length=6, choices=RiskLevel.choices)
    reasons = models.TextField(_("redenen voor dit niveau"))
    signals = models.ManyToManyField(
        "signals.Signal", blank=True, related_name="+", verbose_name=_("onderbouwende meldingen")
    )
    partners = models.ManyToManyField(
        PartnerOrganisation,
        blank=True,
        related_name="+",
        verbose_name=_("te betrekken partners (zien dit item)"),
    )
    measures = models.TextField(_("maatregelen"), blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("eigenaar"),
    )
    review_on = models.DateField(_("volgende herbeoordeling"))
    closed = models.BooleanField(_("afgesloten"), default=False)
    # Set by risk_save when the item is closed; the item (with its person and history) is
    # deleted RISK_ITEM_RETENTION_MONTHS later by `kompas retention run`.
    closed_on = models.DateField(_("afgesloten op"), null=True, blank=True, editable=False)
    is_demo = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("risico maatschappelijke onrust")
        verbose_name_plural = _("risico's maatschappelijke onrust")
        ordering = ["review_on", "pk"]

    def __str__(self) -> str:
        return self.title


class RiskPerson(EncryptedIdentity):
    """The person of an item of kind `persoon`. Its identity uses the casework's mechanism
    (`kompas.cases.services.persons`): encrypted with the meldpunt's keys, shown as the
    pseudonym "HV-RO-007 persoon A", revealed only for a reason (audited as `reveal`)."""

    item = models.OneToOneField(RiskItem, on_delete=models.CASCADE, related_name="person")
    # "HV-RO-007": the gemeente's prefix (as cases), RO for risico onrust, the item's id.
    number = models.CharField(max_length=20, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    label = "A"

    class Meta:
        verbose_name = _("persoon (risico-inventarisatie)")
        verbose_name_plural = _("personen (risico-inventarisatie)")

    def __str__(self) -> str:
        return self.pseudonym

    @property
    def pseudonym(self) -> str:
        return pseudonym(self.number, self.label)


class RiskLevelChange(models.Model):
    """Append-only history of an item's risk level."""

    item = models.ForeignKey(RiskItem, on_delete=models.CASCADE, related_name="history")
    level = models.CharField(_("risiconiveau"), max_length=6, choices=RiskLevel.choices)
    reasons = models.TextField(_("redenen"))
    changed_at = models.DateTimeField(auto_now_add=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-changed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.item}: {self.level}"


class Demonstration(models.Model):
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE)
    title = models.CharField(_("onderwerp"), max_length=200)
    date = models.DateField(_("datum"))
    start_time = models.TimeField(_("begintijd"), null=True, blank=True)
    place = models.CharField(_("plaats"), max_length=200)
    route = models.TextField(_("route"), blank=True)
    # Minimal personal data, erased DEMONSTRATION_RETENTION_DAYS after the date.
    organiser_name = models.CharField(_("organisator (naam)"), max_length=120, blank=True)
    organiser_contact = models.CharField(
        _("organisator (telefoon of e-mail)"), max_length=120, blank=True
    )
    organiser_erased_on = models.DateField(null=True, blank=True, editable=False)
    expected_size = models.PositiveIntegerField(
        _("verwacht aantal deelnemers"), null=True, blank=True
    )
    notified_on = models.DateField(_("kennisgeving ontvangen op"))
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=DemonstrationStatus.choices,
        default=DemonstrationStatus.ANNOUNCED,
    )
    conditions = models.TextField(_("voorschriften of beperkingen"), blank=True)
    legal_ground = models.CharField(
        _("grondslag"), max_length=10, choices=RestrictionGround.choices, blank=True
    )
    decided_on = models.DateField(_("besluit op"), null=True, blank=True)
    evaluation = models.TextField(_("evaluatie"), blank=True)
    is_demo = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("demonstratie")
        verbose_name_plural = _("demonstraties")
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return self.title


class DemonstrationAdvice(models.Model):
    """Advice of a driehoek partner (politie, OM) on a demonstration."""

    demonstration = models.ForeignKey(
        Demonstration, on_delete=models.CASCADE, related_name="advices"
    )
    partner = models.ForeignKey(
        PartnerOrganisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("partner")
    )
    advice = models.TextField(_("advies"))
    given_on = models.DateField(_("datum advies"))

    class Meta:
        ordering = ["given_on", "pk"]

    def __str__(self) -> str:
        return f"{self.partner}: {self.given_on}"


class Incident(models.Model):
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE)
    date = models.DateField(_("datum"))
    place = models.CharField(_("plaats"), max_length=200)
    kind = models.CharField(_("soort"), max_length=15, choices=IncidentKind.choices)
    description = models.TextField(_("wat er gebeurde"))
    measures = models.TextField(_("genomen maatregelen"), blank=True)
    instruments = models.TextField(
        _("ingezette bevoegdheden"),
        blank=True,
        help_text=_("Bijvoorbeeld noodbevel, gebiedsverbod; leg besluiten vast in het register."),
    )
    # The description is erased INCIDENT_RETENTION_YEARS after the date (`kompas retention
    # run`); date, place, kind, measures and instruments stay for the figures.
    description_erased_on = models.DateField(null=True, blank=True, editable=False)
    is_demo = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("openbare-ordeincident")
        verbose_name_plural = _("openbare-ordeincidenten")
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.place} {self.date}"


class Match(models.Model):
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE)
    date = models.DateField(_("datum"))
    opponent = models.CharField(_("tegenstander"), max_length=120)
    home = models.BooleanField(_("thuiswedstrijd"), default=True)
    risk_class = models.CharField(_("risicoklasse"), max_length=1, choices=RiskClass.choices)
    police_advice = models.TextField(_("advies politie"), blank=True)
    measures = models.TextField(_("maatregelen"), blank=True)
    evaluation = models.TextField(_("evaluatie"), blank=True)
    incidents = models.ManyToManyField(
        Incident, blank=True, related_name="matches", verbose_name=_("incidenten")
    )
    is_demo = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("wedstrijd")
        verbose_name_plural = _("wedstrijden")
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.opponent} ({self.date})"


class PublicEvent(models.Model):
    """An evenement: risk classification with advice and evaluation for the permit process."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE)
    name = models.CharField(_("evenement"), max_length=200)
    date = models.DateField(_("datum"))
    location = models.CharField(_("locatie"), max_length=200)
    expected_visitors = models.PositiveIntegerField(_("verwachte bezoekers"), null=True, blank=True)
    risk_class = models.CharField(_("risicoklasse"), max_length=1, choices=RiskClass.choices)
    advice = models.TextField(_("veiligheidsadvies"), blank=True)
    permit_reference = models.CharField(_("vergunning (zaaknummer)"), max_length=60, blank=True)
    evaluation = models.TextField(_("evaluatie"), blank=True)
    is_demo = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("evenement")
        verbose_name_plural = _("evenementen")
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return self.name


class NewYear(models.Model):
    """The jaarwisseling of one year: its preparation actions (policy actions) and evaluation."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE)
    year = models.PositiveSmallIntegerField(_("jaarwisseling"))
    actions = models.ManyToManyField("policy.Action", blank=True, related_name="+")
    evaluation = models.TextField(_("evaluatie"), blank=True)
    evaluated_on = models.DateField(_("geëvalueerd op"), null=True, blank=True)
    is_demo = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("jaarwisseling")
        verbose_name_plural = _("jaarwisselingen")
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "year"], name="one_newyear_per_year")
        ]

    def __str__(self) -> str:
        return f"Jaarwisseling {self.year}-{self.year + 1}"
