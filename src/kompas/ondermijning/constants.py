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


# --- Opkopers (DOR/DOL) and KVO-B ------------------------------------------------------------
class DealerBranche(models.TextChoices):
    """Kinds of opkopers (handelaren in gebruikte goederen, art. 437 Sr)."""

    PRECIOUS = "edelmetaal", _("goud, zilver en juwelen")
    ELECTRONICS = "elektronica", _("telefoons en elektronica")
    BICYCLES = "fietsen", _("fietsen")
    ANTIQUES = "antiek", _("antiek en curiosa")
    SECOND_HAND = "kringloop", _("kringloop en tweedehands")
    CAR_PARTS = "auto-onderdelen", _("auto-onderdelen")
    OTHER = "overig", _("overig")


class KvoLevel(models.TextChoices):
    """Levels of the Keurmerk Veilig Ondernemen voor bedrijventerreinen: the first
    certificate 'Basis samenwerken', then one to three stars as the cooperation matures."""

    BASIS = "basis", _("Basis samenwerken")
    STAR1 = "ster1", _("1 ster")
    STAR2 = "ster2", _("2 sterren")
    STAR3 = "ster3", _("3 sterren")


# A KVO-B certificate is valid for three years, with a yearly evaluation.
KVO_VALID_YEARS = 3
# Certificates expiring within this many days are listed on the start page.
KVO_EXPIRY_WARNING_DAYS = 90
