# SPDX-License-Identifier: EUPL-1.2
"""Fenomenen: the yearly fenomenenkeuze of a gemeente (chosen phenomena, partner input and the
decision), its witte vlekken, and the register of voorlichting and weerbaarheid activities."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kompas.core.models import CreatedMixin, Municipality
from kompas.signals.constants import Phenomenon

from .constants import (
    TOPIC_CHOICES,
    ActivityType,
    DecisionBody,
    KeuzeStatus,
    SpotKind,
    SpotStatus,
)


class PhenomenonChoice(CreatedMixin):
    """The phenomena a gemeente chooses to work on in one year, with police and partners.
    Adopted (vastgesteld, with a decision date) it registers the `fenomenenkeuze` event."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="phenomenon_choices",
        verbose_name=_("gemeente"),
    )
    year = models.PositiveIntegerField(_("jaar"))
    phenomena = models.JSONField(
        _("gekozen fenomenen"),
        default=list,
        blank=True,
        help_text=_("Uit de lijst van het meldpunt."),
    )
    free_phenomena = models.TextField(
        _("andere fenomenen"),
        blank=True,
        max_length=2000,
        help_text=_("Eén per regel, bijvoorbeeld: ondermijning in het havengebied."),
    )
    partner_input = models.TextField(
        _("inbreng van partners"),
        blank=True,
        max_length=10000,
        help_text=_("Wat politie, RIEC en andere ketenpartners hebben ingebracht."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=KeuzeStatus.choices, default=KeuzeStatus.DRAFT
    )
    decision_date = models.DateField(_("datum besluit"), null=True, blank=True)
    decided_by = models.CharField(
        _("besloten door"), max_length=10, choices=DecisionBody.choices, blank=True
    )
    note = models.TextField(_("toelichting"), blank=True, max_length=5000)
    is_demo = models.BooleanField(_("demodata"), default=False)

    class Meta:
        verbose_name = _("fenomenenkeuze")
        verbose_name_plural = _("fenomenenkeuzes")
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "year"], name="fenomenen_keuze_one_per_year"
            )
        ]

    def __str__(self) -> str:
        return f"{_('Fenomenenkeuze')} {self.year}"

    @property
    def free_list(self) -> list[str]:
        return [line.strip() for line in self.free_phenomena.splitlines() if line.strip()]

    @property
    def labels(self) -> list[str]:
        """The chosen phenomena by name, the meldpunt's first, then the free ones."""
        known = dict(Phenomenon.choices)
        return [str(known.get(p, p)) for p in self.phenomena] + self.free_list


class WhiteSpot(CreatedMixin):
    """A witte vlek: an area or sector about which too little is known, the plan to fill it,
    its status and the date of its yearly review."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="white_spots",
        verbose_name=_("gemeente"),
    )
    kind = models.CharField(_("soort"), max_length=10, choices=SpotKind.choices)
    subject = models.CharField(
        _("gebied of sector"), max_length=200, help_text=_("Bijvoorbeeld: havengebied.")
    )
    reason = models.TextField(_("wat ontbreekt"), blank=True, max_length=5000)
    plan = models.TextField(_("plan om de vlek in te vullen"), max_length=5000)
    status = models.CharField(
        _("status"), max_length=10, choices=SpotStatus.choices, default=SpotStatus.OPEN
    )
    review_date = models.DateField(_("volgende jaarlijkse herziening"))
    is_demo = models.BooleanField(_("demodata"), default=False)

    class Meta:
        verbose_name = _("witte vlek")
        verbose_name_plural = _("witte vlekken")
        ordering = ["review_date", "pk"]

    def __str__(self) -> str:
        return self.subject


class Activity(CreatedMixin):
    """A voorlichting or weerbaarheid activity: for whom, on what topic, when, and its reach."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="awareness_activities",
        verbose_name=_("gemeente"),
    )
    date = models.DateField(_("datum"), db_index=True)
    title = models.CharField(
        _("omschrijving"),
        max_length=200,
        help_text=_("Bijvoorbeeld: voorlichting ondernemersvereniging."),
    )
    activity_type = models.CharField(_("doelgroep"), max_length=15, choices=ActivityType.choices)
    topic = models.CharField(_("onderwerp"), max_length=20, choices=TOPIC_CHOICES)
    people = models.PositiveIntegerField(_("bereik: personen"), default=0)
    organisations = models.PositiveIntegerField(_("bereik: organisaties"), default=0)
    materials = models.TextField(
        _("materialen"),
        blank=True,
        max_length=2000,
        help_text=_("Bijvoorbeeld: folder, presentatie."),
    )
    is_demo = models.BooleanField(_("demodata"), default=False)

    class Meta:
        verbose_name = _("voorlichtingsactiviteit")
        verbose_name_plural = _("voorlichtingsactiviteiten")
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.date:%d-%m-%Y} {self.title}"
