# SPDX-License-Identifier: EUPL-1.2
"""Plans, their versions, priorities, goals, themes, execution plans, actions, norms and the
event register. Thin: rules live in services.py, queries in selectors.py."""

import json

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kompas.core.models import Municipality, Partnership

from .constants import (
    ActionOrigin,
    ActionStatus,
    AdoptedBy,
    EventKind,
    NormPeriod,
    NormQualifier,
    NormScope,
    PlanStatus,
)


class Plan(models.Model):
    """A gemeente's integraal veiligheidsplan (IVB/IVP). Its text lives in versions; the
    fields here are the current version's, kept for queries and pages."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="plans", verbose_name=_("gemeente")
    )
    short_name = models.CharField(_("korte naam"), max_length=100)
    title = models.CharField(_("titel"), max_length=300)
    period_start = models.DateField(_("begint op"))
    period_end = models.DateField(_("eindigt op"))
    adopted_on = models.DateField(_("vastgesteld op"), null=True, blank=True)
    adopted_by = models.CharField(_("vastgesteld door"), max_length=20, choices=AdoptedBy.choices)
    legal_basis = models.CharField(_("wettelijke grondslag"), max_length=300, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=PlanStatus.choices)
    predecessor_name = models.CharField(_("voorganger (korte naam)"), max_length=100, blank=True)
    predecessor = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="successors",
        verbose_name=_("voorganger"),
    )
    mission = models.TextField(_("missie"), blank=True)
    vision = models.TextField(_("visie"), blank=True)
    starting_points = models.JSONField(_("uitgangspunten"), default=list, blank=True)

    class Meta:
        verbose_name = _("beleidsplan")
        verbose_name_plural = _("beleidsplannen")
        ordering = ["municipality", "-period_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "short_name"], name="policy_plan_unique_short_name"
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="policy_plan_end_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.short_name} ({self.municipality})"

    @property
    def effective_end(self):
        """The end date including extensions."""
        ends = [e.new_end for e in self.extensions.all()]
        return max([self.period_end, *ends])


class PlanExtension(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="extensions")
    decided_on = models.DateField(_("besloten op"))
    decided_by = models.CharField(
        _("besloten door"), max_length=20, choices=AdoptedBy.choices, blank=True
    )
    new_end = models.DateField(_("nieuwe einddatum"))
    reason = models.TextField(_("reden"))

    class Meta:
        verbose_name = _("verlenging")
        verbose_name_plural = _("verlengingen")
        ordering = ["decided_on"]

    def __str__(self) -> str:
        return f"{self.plan} verlengd tot {self.new_end}"


class PlanVersion(models.Model):
    """One imported state of a plan file: the canonical document and the diff to the one
    before. Never changed after creation."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("versie"))
    document_json = models.TextField(_("document (canonieke JSON)"))
    digest = models.CharField(_("vingerafdruk (SHA-256)"), max_length=64)
    source_name = models.CharField(_("bestand"), max_length=300, blank=True)
    imported_at = models.DateTimeField(_("geïmporteerd op"), auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("geïmporteerd door"),
    )
    summary = models.JSONField(_("samenvatting van de wijzigingen"), default=list, blank=True)
    diff = models.TextField(_("verschil met de vorige versie"), blank=True)

    class Meta:
        verbose_name = _("planversie")
        verbose_name_plural = _("planversies")
        ordering = ["plan", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="policy_version_unique_number")
        ]

    def __str__(self) -> str:
        return f"{self.plan.short_name} versie {self.number}"

    @property
    def document(self) -> dict:
        return json.loads(self.document_json)


class Priority(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="priorities")
    number = models.PositiveIntegerField(_("nummer"))
    title = models.CharField(_("titel"), max_length=300)
    introduction = models.TextField(_("inleiding"), blank=True)
    ambition = models.TextField(_("ambitie"), blank=True)
    approach = models.JSONField(_("aanpak"), default=dict, blank=True)
    means_intro = models.TextField(_("inleiding middelen"), blank=True)
    means = models.JSONField(_("middelen"), default=list, blank=True)
    partners = models.JSONField(_("partners (codes)"), default=list, blank=True)
    partners_text = models.TextField(_("toelichting partners"), blank=True)
    sections = models.JSONField(_("extra paragrafen"), default=list, blank=True)

    class Meta:
        verbose_name = _("prioriteit")
        verbose_name_plural = _("prioriteiten")
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="policy_priority_unique_number")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class Goal(models.Model):
    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="goals")
    code = models.CharField(_("code"), max_length=20, blank=True)
    text = models.TextField(_("doel"))
    position = models.PositiveIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("doel")
        verbose_name_plural = _("doelen")
        ordering = ["priority", "position"]

    def __str__(self) -> str:
        return f"{self.code} {self.text[:60]}".strip()


class Theme(models.Model):
    """A going-concern theme: ongoing work outside the priorities."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="themes")
    title = models.CharField(_("titel"), max_length=300)
    description = models.TextField(_("omschrijving"), blank=True)
    position = models.PositiveIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")
        ordering = ["plan", "position"]

    def __str__(self) -> str:
        return self.title


class ExecutionPlan(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="execution_plans")
    key = models.SlugField(_("sleutel"), max_length=64)
    title = models.CharField(_("titel"), max_length=300)
    period_start = models.DateField(_("begint op"))
    period_end = models.DateField(_("eindigt op"))
    priority = models.ForeignKey(
        Priority, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("uitvoeringsplan")
        verbose_name_plural = _("uitvoeringsplannen")
        ordering = ["plan", "period_start", "key"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "key"], name="policy_execplan_unique_key")
        ]

    def __str__(self) -> str:
        return self.title


class Action(models.Model):
    """A measure in an execution plan. From the plan file or entered by staff."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="actions")
    key = models.SlugField(_("sleutel"), max_length=64, blank=True)
    priority = models.ForeignKey(
        Priority, on_delete=models.PROTECT, related_name="actions", verbose_name=_("prioriteit")
    )
    execution_plan = models.ForeignKey(
        ExecutionPlan,
        on_delete=models.PROTECT,
        related_name="actions",
        verbose_name=_("uitvoeringsplan"),
    )
    title = models.CharField(_("titel"), max_length=300)
    description = models.TextField(_("omschrijving"), blank=True)
    owner = models.CharField(_("eigenaar"), max_length=200, blank=True)
    owner_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="policy_actions",
        verbose_name=_("eigenaar (gebruiker)"),
    )
    partners = models.JSONField(_("partners (codes)"), default=list, blank=True)
    start = models.DateField(_("start"), null=True, blank=True)
    due = models.DateField(_("gereed op"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.PLANNED
    )
    origin = models.CharField(
        _("herkomst"), max_length=10, choices=ActionOrigin.choices, default=ActionOrigin.UI
    )
    source_entry = models.JSONField(_("regel uit het planbestand"), null=True, blank=True)
    position = models.PositiveIntegerField(_("volgorde"), default=0)
    is_demo = models.BooleanField(_("demodata"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("actie")
        verbose_name_plural = _("acties")
        ordering = ["plan", "position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "key"], condition=~Q(key=""), name="policy_action_unique_key"
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def municipality(self):
        return self.plan.municipality


class ActionUpdate(models.Model):
    """A dated progress update on an action; its status becomes the action's status."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    date = models.DateField(_("datum"))
    text = models.TextField(_("voortgang"))
    status = models.CharField(_("status"), max_length=20, choices=ActionStatus.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("door"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("voortgangsupdate")
        verbose_name_plural = _("voortgangsupdates")
        ordering = ["action", "-date", "-id"]

    def __str__(self) -> str:
        return f"{self.date} {self.get_status_display()}"


class ActionStatusChange(models.Model):
    """One change of an action's status, dated: from which status to which, on which day
    (the progress update's date, or the day of the edit), by whom and how. The reports read
    an action's status at a period's end from these rows."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="status_changes")
    old_status = models.CharField(
        _("vorige status"), max_length=20, choices=ActionStatus.choices, blank=True
    )
    new_status = models.CharField(_("nieuwe status"), max_length=20, choices=ActionStatus.choices)
    date = models.DateField(_("datum"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("door"),
    )
    via = models.CharField(_("via"), max_length=40, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("statuswijziging")
        verbose_name_plural = _("statuswijzigingen")
        ordering = ["action", "date", "id"]

    def __str__(self) -> str:
        return f"{self.date} {self.old_status} -> {self.new_status}"


class Norm(models.Model):
    """A numeric promise of the plan, e.g. 'minimaal 2x per jaar integrale controles'."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="norms")
    code = models.SlugField(_("code"), max_length=64)
    title = models.CharField(_("titel"), max_length=300)
    required = models.PositiveIntegerField(_("aantal"))
    qualifier = models.CharField(
        _("soort belofte"),
        max_length=10,
        choices=NormQualifier.choices,
        default=NormQualifier.AT_LEAST,
    )
    period = models.CharField(_("per"), max_length=20, choices=NormPeriod.choices)
    scope = models.CharField(_("geldt voor"), max_length=20, choices=NormScope.choices)
    partnership = models.ForeignKey(
        Partnership,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("samenwerkingsverband"),
    )
    event_kind = models.CharField(_("telt"), max_length=40, choices=EventKind.choices)
    due_after_months = models.PositiveIntegerField(
        _("uiterlijk na (maanden)"), null=True, blank=True
    )
    priority = models.ForeignKey(
        Priority, null=True, blank=True, on_delete=models.SET_NULL, related_name="norms"
    )
    theme = models.CharField(_("thema"), max_length=300, blank=True)
    source = models.TextField(_("bron (zin uit het plan)"))
    position = models.PositiveIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("norm")
        verbose_name_plural = _("normen")
        ordering = ["plan", "position"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "code"], name="policy_norm_unique_code"),
            models.CheckConstraint(
                condition=Q(scope=NormScope.MUNICIPALITY, partnership__isnull=True)
                | Q(scope=NormScope.PARTNERSHIP, partnership__isnull=False),
                name="policy_norm_partnership_matches_scope",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Event(models.Model):
    """The register of things that happened and count towards norms: an integrale controle,
    an ondermijningsdag, a LIO held, a progress report sent. For exactly one gemeente or one
    samenwerkingsverband. `source_type`/`source_id` point to the record that produced it."""

    kind = models.CharField(_("soort"), max_length=40, choices=EventKind.choices)
    date = models.DateField(_("datum"), db_index=True)
    counts_for = models.DateField(
        _("telt voor"),
        null=True,
        blank=True,
        help_text=_(
            "De datum waarvan de normperiode deze gebeurtenis telt, als die een andere is dan "
            "de datum zelf: een rapportage over 2025 die in 2026 is verzonden telt voor 2025."
        ),
    )
    title = models.CharField(_("omschrijving"), max_length=300)
    municipality = models.ForeignKey(
        Municipality,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="policy_events",
        verbose_name=_("gemeente"),
    )
    partnership = models.ForeignKey(
        Partnership,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="policy_events",
        verbose_name=_("samenwerkingsverband"),
    )
    source_type = models.CharField(_("bron (soort)"), max_length=100, blank=True)
    source_id = models.CharField(_("bron (id)"), max_length=64, blank=True)
    is_demo = models.BooleanField(_("demodata"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("geregistreerd door"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("gebeurtenis")
        verbose_name_plural = _("gebeurtenissen")
        ordering = ["-date", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(municipality__isnull=False, partnership__isnull=True)
                | Q(municipality__isnull=True, partnership__isnull=False),
                name="policy_event_one_owner",
            ),
            models.UniqueConstraint(
                fields=["kind", "source_type", "source_id"],
                condition=~Q(source_type=""),
                name="policy_event_unique_source",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.get_kind_display()}: {self.title}"

    @property
    def counted_on(self):
        """The date whose norm period this event counts in."""
        return self.counts_for or self.date
