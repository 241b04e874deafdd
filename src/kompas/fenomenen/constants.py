# SPDX-License-Identifier: EUPL-1.2
from django.db import models
from django.utils.translation import gettext_lazy as _

from kompas.signals.constants import Phenomenon

# The policy event source this app writes (Event.source_type).
KEUZE_SOURCE = "fenomenen.keuze"


class DecisionBody(models.TextChoices):
    TRIANGLE = "driehoek", _("lokale driehoek")
    COLLEGE = "college", _("college van B en W")
    COUNCIL = "raad", _("gemeenteraad")
    OTHER = "anders", _("anders")


class KeuzeStatus(models.TextChoices):
    DRAFT = "concept", _("concept")
    ADOPTED = "vastgesteld", _("vastgesteld")


class SpotKind(models.TextChoices):
    AREA = "gebied", _("gebied")
    SECTOR = "sector", _("sector of branche")


class SpotStatus(models.TextChoices):
    OPEN = "open", _("open")
    BUSY = "bezig", _("in uitvoering")
    FILLED = "ingevuld", _("ingevuld")


class ActivityType(models.TextChoices):
    CIVIL_SERVANTS = "ambtelijk", _("ambtelijk")
    ADMINISTRATIVE = "bestuurlijk", _("bestuurlijk")
    BUSINESSES = "ondernemers", _("ondernemers")
    RESIDENTS = "inwoners", _("inwoners")
    SCHOOLS = "scholen", _("scholen")
    BROKERS_NOTARIES = "makelaars", _("makelaars en notarissen")
    INSTITUTIONS = "instellingen", _("maatschappelijke instellingen")
    OTHER = "anders", _("anders")


DIGITAL_SAFETY = "digitale_veiligheid"
GENERAL = "algemeen"

# The topic of a voorlichting: one of the meldpunt's phenomena, digitale veiligheid, or
# ondermijning in general.
TOPIC_CHOICES = [
    *[(value, label) for value, label in Phenomenon.choices if value != Phenomenon.OTHER],
    (DIGITAL_SAFETY, _("Digitale veiligheid")),
    (GENERAL, _("Ondermijning in het algemeen")),
    (Phenomenon.OTHER, _("Iets anders")),
]

# The words a plan action's title or description is matched on when its list is filtered on
# the chosen phenomena: actions have no phenomenon field (the plan files name none), so the
# filter finds the actions that name a chosen phenomenon. Lower case; matched as a substring.
PHENOMENON_TERMS = {
    Phenomenon.DRUGS_CULTIVATION: ("drugs", "hennep", "teelt"),
    Phenomenon.DRUGS_DEALING: ("drugs", "dealen", "dealer"),
    Phenomenon.DRUGS_STORAGE: ("drugs", "opslag"),
    Phenomenon.MONEY_LAUNDERING: ("witwassen",),
    Phenomenon.TRAFFICKING: ("mensenhandel", "uitbuiting"),
    Phenomenon.HOUSING_FRAUD: ("woonfraude", "adresfraude"),
    Phenomenon.CARE_FRAUD: ("zorgfraude",),
    Phenomenon.PROPERTY_BUSINESS: ("vastgoed",),
}
