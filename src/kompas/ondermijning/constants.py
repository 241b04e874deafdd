# SPDX-License-Identifier: EUPL-1.2
from django.db import models
from django.utils.translation import gettext_lazy as _

# The policy event sources this app writes (Event.source_type).
CONTROLE_SOURCE = "ondermijning.controle"
DAY_SOURCE = "ondermijning.dag"

# "Elk jaar een 10-tal ondermijningsdagen" (IVB Weststellingwerf 2024-2027).
DAYS_PER_YEAR = 10

# The branches of issue 13, the starting list (migration 0002 holds a copy); kept in the admin.
DEFAULT_BRANCHES = [
    ("horeca", "Horeca"),
    ("bedrijventerrein", "Bedrijventerrein"),
    ("recreatie", "Recreatie- en vakantieparken"),
    ("autobedrijven", "Autobedrijven en garages"),
    ("nagel-kapsalons", "Nagel- en kapsalons"),
    ("detailhandel", "Detailhandel"),
    ("agrarisch-vastgoed", "Agrarisch en leegstaand vastgoed"),
]


class ControleStatus(models.TextChoices):
    PLANNED = "gepland", _("gepland")
    DONE = "uitgevoerd", _("uitgevoerd")
    CLOSED = "afgerond", _("afgerond")


# A controle counts for the norm "minimaal 2x per jaar" once it has been carried out.
COUNTED_STATUSES = (ControleStatus.DONE, ControleStatus.CLOSED)


class ControleReason(models.TextChoices):
    SIGNALS = "signalen", _("signalen")
    PHENOMENA = "fenomenenkeuze", _("fenomenenkeuze")
    DAY = "ondermijningsdag", _("ondermijningsdag")
    OTHER = "anders", _("anders")


class Outcome(models.TextChoices):
    NOTHING = "niets", _("niets aangetroffen")
    WARNING = "waarschuwing", _("waarschuwing")
    MEASURE = "maatregel", _("maatregel")
    REFERRAL = "doorverwijzing", _("doorverwijzing")


class DayStatus(models.TextChoices):
    PLANNED = "gepland", _("gepland")
    HELD = "gehouden", _("gehouden")
