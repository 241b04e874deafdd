# SPDX-License-Identifier: EUPL-1.2
"""Choices of the reporting app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportKind(models.TextChoices):
    PROGRESS = "voortgang", _("voortgangsrapportage")
    MIDTERM = "tussenevaluatie", _("tussenevaluatie")
    DIGITAL = "digitaal", _("jaarrapportage digitale criminaliteit")
    ANNUAL = "jaarverslag", _("jaarverslag veiligheid")


class ReportStatus(models.TextChoices):
    CONCEPT = "concept", _("concept")
    SENT = "verzonden", _("vastgesteld en verzonden")


class PublicElement(models.TextChoices):
    """What a gemeente may switch on for its public dashboard (all off by default)."""

    PRIORITIES = "prioriteiten", _("Prioriteiten van het plan met hun status")
    INDICATORS = "indicatoren", _("Belangrijkste indicatoren met grafiek en vergelijking")
    REPORTS = "rapportages", _("Verzonden rapportages om te downloaden")


# Policy event kind registered when a report of this kind is sent (kompas.policy EventKind
# values; the norm "drie voortgangsrapportages per jaar" counts `voortgangsrapportage`, the
# norms "verantwoording in jaarrekening/jaarverslag" count `jaarverantwoording`). The event
# counts for the period the report covers, not for the day it is sent.
EVENT_KIND_FOR_REPORT = {
    ReportKind.PROGRESS: "voortgangsrapportage",
    ReportKind.MIDTERM: "tussenevaluatie",
    ReportKind.DIGITAL: "jaarrapportage_digitaal",
    ReportKind.ANNUAL: "jaarverantwoording",
}

# Report kinds whose period is exactly one calendar year.
YEAR_KINDS = (ReportKind.ANNUAL,)

# Tertiaal periods: (first month, last month).
TERTIALS = {1: (1, 4), 2: (5, 8), 3: (9, 12)}

# Version of the snapshot layout; stored in every snapshot so old reports stay readable.
SNAPSHOT_SCHEMA = 1
