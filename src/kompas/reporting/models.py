# SPDX-License-Identifier: EUPL-1.2
"""Reports and the public-dashboard settings. Thin: life cycle rules live in services.py."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kompas.core.models import Municipality

from .constants import PublicElement, ReportKind, ReportStatus


class Report(models.Model):
    """A voortgangsrapportage, tussenevaluatie, jaarrapportage digitale criminaliteit or
    jaarverslag veiligheid.

    A concept holds only its editable texts; its content is collected from the other apps
    whenever it is shown. Sending freezes it: the data snapshot (JSON), the PDF bytes and the
    SHA-256 of the PDF are stored and never change again. A new version is a new row.
    """

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="reports", verbose_name=_("gemeente")
    )
    kind = models.CharField(_("soort"), max_length=20, choices=ReportKind.choices)
    title = models.CharField(_("titel"), max_length=300)
    period_start = models.DateField(_("periode vanaf"))
    period_end = models.DateField(_("periode tot en met"))
    period_label = models.CharField(_("periode"), max_length=60)
    version = models.PositiveIntegerField(_("versie"), default=1)
    previous = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="next_versions",
        verbose_name=_("vorige versie"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ReportStatus.choices, default=ReportStatus.CONCEPT
    )
    # Editable texts: {"summary": str, "assessments": {"<priority number>": str},
    # "adjustments": str, "focus": str}
    texts = models.JSONField(_("teksten"), default=dict, blank=True)
    snapshot = models.JSONField(_("gegevens bij verzending"), null=True, blank=True)
    pdf = models.BinaryField(_("PDF bij verzending"), null=True, blank=True)
    sha256 = models.CharField(_("vingerafdruk PDF (SHA-256)"), max_length=64, blank=True)
    sent_at = models.DateTimeField(_("verzonden op"), null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("verzonden door"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("gemaakt door"),
    )
    created_at = models.DateTimeField(_("gemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("rapportage")
        verbose_name_plural = _("rapportages")
        ordering = ["municipality", "-period_start", "kind", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "kind", "period_start", "period_end", "version"],
                name="reporting_one_version_number",
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="reporting_period_end_after_start",
            ),
            models.CheckConstraint(
                condition=Q(status=ReportStatus.CONCEPT)
                | (Q(snapshot__isnull=False) & Q(pdf__isnull=False) & ~Q(sha256="")),
                name="reporting_sent_is_frozen",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} (versie {self.version})"

    @property
    def is_frozen(self) -> bool:
        return self.status == ReportStatus.SENT


class PublicationSetting(models.Model):
    """Whether one element of the public dashboard is published by the gemeente."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="publication_settings",
        verbose_name=_("gemeente"),
    )
    element = models.CharField(_("onderdeel"), max_length=20, choices=PublicElement.choices)
    published = models.BooleanField(_("openbaar"), default=False)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("publicatie-instelling")
        verbose_name_plural = _("publicatie-instellingen")
        ordering = ["municipality", "element"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "element"], name="reporting_one_setting_per_element"
            )
        ]

    def __str__(self) -> str:
        return f"{self.municipality} {self.element}: {self.published}"
