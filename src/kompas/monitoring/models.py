# SPDX-License-Identifier: EUPL-1.2
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .constants import (
    Direction,
    Grain,
    ImportFormat,
    ImportJobStatus,
    IndicatorSource,
    IndicatorUnit,
    ObservationStatus,
    RuleKind,
)


class Indicator(models.Model):
    """What is measured. Police indicators have stable codes `politie-misdrijven:<code>` and
    `politie-overlast:<code>`; a plan may declare composites (definition = several codes)."""

    code = models.CharField(_("code"), max_length=100, unique=True)
    name = models.CharField(_("naam"), max_length=200)
    unit = models.CharField(_("eenheid"), max_length=20, choices=IndicatorUnit.choices)
    source = models.CharField(_("bron"), max_length=30, choices=IndicatorSource.choices)
    definition = models.JSONField(_("definitie in broncodes"), default=list)
    better = models.CharField(
        _("gunstige richting"), max_length=10, choices=Direction.choices, default=Direction.LOWER
    )
    per_1000_inhabitants = models.BooleanField(_("per 1.000 inwoners vergelijken"), default=False)
    note = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicatoren")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class DataImport(models.Model):
    """Provenance of observations: one file import, fetch, plan sync or demo run."""

    file_name = models.CharField(_("bestand of bron"), max_length=300)
    format = models.CharField(_("formaat"), max_length=20, choices=ImportFormat.choices)
    table = models.CharField(_("tabel"), max_length=20, blank=True)
    rows_read = models.PositiveIntegerField(_("rijen gelezen"), default=0)
    inserted = models.PositiveIntegerField(_("nieuw"), default=0)
    updated = models.PositiveIntegerField(_("gewijzigd"), default=0)
    unchanged = models.PositiveIntegerField(_("ongewijzigd"), default=0)
    rejected = models.PositiveIntegerField(_("afgewezen"), default=0)
    created_at = models.DateTimeField(_("datum"), auto_now_add=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("gebruiker"),
    )
    municipality = models.ForeignKey(
        "core.Municipality",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("gemeente"),
    )
    is_demo = models.BooleanField(_("demodata"), default=False)

    class Meta:
        verbose_name = _("gegevensimport")
        verbose_name_plural = _("gegevensimports")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.created_at:%Y-%m-%d})"


class ImportJob(models.Model):
    """A file uploaded in the UI and imported in the background (kompas.core.tasks). The
    file's bytes are kept only until the import has run; the result is the DataImport or the
    problems (each names its line), of which the first MAX_PROBLEMS are kept."""

    MAX_PROBLEMS = 1000

    municipality = models.ForeignKey(
        "core.Municipality",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("gemeente"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("gebruiker"),
    )
    file_name = models.CharField(_("bestand"), max_length=300)
    format = models.CharField(
        _("formaat"), max_length=20, choices=ImportFormat.choices, blank=True
    )  # blank: detect from the file
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ImportJobStatus.choices,
        default=ImportJobStatus.QUEUED,
    )
    file_data = models.BinaryField(_("bestandsinhoud"), null=True, blank=True, editable=False)
    file_size = models.PositiveBigIntegerField(_("grootte in bytes"), default=0)
    data_import = models.ForeignKey(
        DataImport,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="jobs",
        verbose_name=_("import"),
    )
    rows_read = models.PositiveIntegerField(_("rijen gelezen"), default=0)
    problems = models.JSONField(_("fouten"), default=list, blank=True)
    problem_count = models.PositiveIntegerField(_("aantal fouten"), default=0)
    created_at = models.DateTimeField(_("geüpload op"), auto_now_add=True)
    started_at = models.DateTimeField(_("begonnen op"), null=True, blank=True)
    finished_at = models.DateTimeField(_("klaar op"), null=True, blank=True)
    # Runs started: a worker killed mid-import leaves the job "bezig"; the recovery sweep
    # (services.job_recovery) queues it once more, and fails it after MAX_ATTEMPTS.
    attempts = models.PositiveSmallIntegerField(_("pogingen"), default=0)

    class Meta:
        verbose_name = _("importopdracht")
        verbose_name_plural = _("importopdrachten")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["municipality", "status"])]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.status})"

    @property
    def is_finished(self) -> bool:
        return self.status in (ImportJobStatus.DONE, ImportJobStatus.FAILED)

    @property
    def progress_key(self) -> str:
        """Key of the running job's progress in the task queue's store (kompas.core.tasks)."""
        return f"monitoring:import-job:{self.pk}"

    @property
    def heartbeat_key(self) -> str:
        """Key of the running attempt's heartbeat (worker host, pid, time) in the same store."""
        return f"monitoring:import-job:{self.pk}:heartbeat"


class NationalLoad(models.Model):
    """One load of the national table (`kompas data landelijk`), in the foreground or by the
    worker (--achtergrond): its outcome for `kompas data landelijk --status` and the imports
    page, not only the worker's log."""

    MAX_PROBLEMS = 200

    file_name = models.CharField(_("bestand"), max_length=500)
    background = models.BooleanField(_("op de achtergrond"), default=False)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ImportJobStatus.choices,
        default=ImportJobStatus.QUEUED,
    )
    rows = models.PositiveBigIntegerField(_("rijen"), null=True, blank=True)
    seconds = models.FloatField(_("duur in seconden"), null=True, blank=True)
    message = models.TextField(_("uitkomst"), blank=True)
    problems = models.JSONField(_("fouten"), default=list, blank=True)  # [line, field, message]
    problem_count = models.PositiveIntegerField(_("aantal fouten"), default=0)
    pid = models.PositiveIntegerField(_("proces"), null=True, blank=True)
    host = models.CharField(_("machine"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("aangevraagd op"), auto_now_add=True)
    started_at = models.DateTimeField(_("begonnen op"), null=True, blank=True)
    finished_at = models.DateTimeField(_("klaar op"), null=True, blank=True)

    class Meta:
        verbose_name = _("landelijke lading")
        verbose_name_plural = _("landelijke ladingen")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.status})"

    @property
    def base_name(self) -> str:
        return self.file_name.replace("\\", "/").rsplit("/", 1)[-1]


class Observation(models.Model):
    """One value of an indicator for a region and period (CBS codes `2023JJ00`, `2023KW01`,
    `2023MM01`). A null value is secret or unknown (`.` in StatLine)."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="observations")
    region_code = models.CharField(_("regiocode"), max_length=10)
    period = models.CharField(_("periode"), max_length=8)
    year = models.PositiveSmallIntegerField(_("jaar"))
    grain = models.CharField(_("korrel"), max_length=8, choices=Grain.choices)
    number = models.PositiveSmallIntegerField(_("kwartaal of maand"), default=0)
    value = models.FloatField(_("waarde"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=ObservationStatus.choices,
        default=ObservationStatus.FINAL,
    )
    source_import = models.ForeignKey(
        DataImport,
        on_delete=models.PROTECT,
        related_name="observations",
        verbose_name=_("herkomst"),
    )

    class Meta:
        verbose_name = _("waarneming")
        verbose_name_plural = _("waarnemingen")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "region_code", "period"], name="one_value_per_period"
            )
        ]
        indexes = [models.Index(fields=["indicator", "region_code", "year"])]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.region_code} {self.period}: {self.value}"


class ObservationStage(models.Model):
    """A row of an import that is being written (services.observations): staged in chunks,
    each in its own short transaction, then moved into Observation by one statement in the
    transaction that records the import (the switch), then deleted. No page reads this table,
    so a half-written or failed import is never seen; rows a killed worker left behind are
    removed by the next import (STALE_AFTER)."""

    batch = models.CharField(_("partij"), max_length=32, db_index=True)
    indicator_code = models.CharField(_("indicator"), max_length=100)
    region_code = models.CharField(_("regiocode"), max_length=10)
    period = models.CharField(_("periode"), max_length=8)
    year = models.PositiveSmallIntegerField(_("jaar"))
    grain = models.CharField(_("korrel"), max_length=8, choices=Grain.choices)
    number = models.PositiveSmallIntegerField(_("kwartaal of maand"), default=0)
    value = models.FloatField(_("waarde"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=ObservationStatus.choices)
    staged_at = models.DateTimeField(_("klaargezet op"), auto_now_add=True)

    class Meta:
        verbose_name = _("klaargezette waarneming")
        verbose_name_plural = _("klaargezette waarnemingen")

    def __str__(self) -> str:
        return f"{self.batch} {self.indicator_code} {self.region_code} {self.period}"


class Target(models.Model):
    """A streefwaarde of a plan: an indicator in a region, a rule and a deadline. Plans belong
    to the policy app; a target refers to its plan by short name, priority and goal code."""

    municipality = models.ForeignKey(
        "core.Municipality",
        on_delete=models.CASCADE,
        related_name="monitoring_targets",
        verbose_name=_("gemeente"),
    )
    plan_short_name = models.CharField(_("plan"), max_length=100)
    code = models.SlugField(_("code"), max_length=64)
    priority_number = models.PositiveSmallIntegerField(_("prioriteit"), null=True, blank=True)
    goal_ref = models.CharField(_("doel"), max_length=300, blank=True)
    indicator = models.ForeignKey(
        Indicator, on_delete=models.PROTECT, related_name="targets", verbose_name=_("indicator")
    )
    region_code = models.CharField(_("regiocode"), max_length=10)
    rule_kind = models.CharField(_("regel"), max_length=20, choices=RuleKind.choices)
    threshold = models.FloatField(_("streefwaarde"), null=True, blank=True)
    baseline_years = models.JSONField(_("basisjaren"), default=list, blank=True)
    reference_year = models.PositiveSmallIntegerField(_("referentiejaar"), null=True, blank=True)
    reference_region = models.CharField(_("referentieregio"), max_length=10, blank=True)
    percent = models.FloatField(_("percentage"), null=True, blank=True)
    tolerance = models.FloatField(_("marge"), null=True, blank=True)
    strict = models.BooleanField(_("strikt beter"), default=False)
    deadline = models.DateField(_("uiterste datum"), null=True, blank=True)
    text = models.TextField(_("tekst in het plan"), blank=True)
    last_status = models.CharField(_("laatste status"), max_length=20, blank=True)
    previous_status = models.CharField(_("vorige status"), max_length=20, blank=True)
    status_changed_at = models.DateTimeField(_("status gewijzigd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("streefwaarde")
        verbose_name_plural = _("streefwaarden")
        ordering = ["municipality", "plan_short_name", "priority_number", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "plan_short_name", "code"], name="one_target_per_code"
            )
        ]

    def __str__(self) -> str:
        return f"{self.plan_short_name} {self.code}"
