# SPDX-License-Identifier: EUPL-1.2
from django.db import models
from django.utils.translation import gettext_lazy as _

# Organiser data of a demonstration is erased this many days after its date (Wom kennisgeving:
# needed for the advice and the evaluation, not for longer). KOMPAS_DEMONSTRATION_RETENTION_DAYS.
DEMONSTRATION_RETENTION_DAYS = 90


class RiskKind(models.TextChoices):
    LOCATION = "locatie", _("locatie")
    GROUP = "groep", _("groep")
    # Pseudonymised; the identity is held and revealed by the casework's person mechanism.
    PERSON = "persoon", _("persoon")


class LocationKind(models.TextChoices):
    AZC = "azc", _("azc / opvanglocatie")
    WORSHIP = "gebedshuis", _("gebedshuis")
    TOWN_HALL = "gemeentehuis", _("gemeentehuis")
    SCHOOL = "school", _("school")
    STADIUM = "stadion", _("stadion")
    OTHER = "overig", _("andere locatie")


class Theme(models.TextChoices):
    POLARISATION = "polarisatie", _("polarisatie")
    RADICALISATION = "radicalisering", _("radicalisering")
    DEMONSTRATIONS = "demonstraties", _("demonstraties")
    ONLINE = "online", _("online onrust")
    SUPPORTERS = "supporters", _("supporters")


class RiskLevel(models.TextChoices):
    LOW = "laag", _("laag")
    MEDIUM = "midden", _("midden")
    HIGH = "hoog", _("hoog")


class DemonstrationStatus(models.TextChoices):
    ANNOUNCED = "aangekondigd", _("kennisgeving ontvangen")
    ADVISED = "advies", _("advies driehoek")
    DECIDED = "besloten", _("besluit genomen")
    HELD = "gehouden", _("gehouden")
    EVALUATED = "geevalueerd", _("geëvalueerd")


class RestrictionGround(models.TextChoices):
    NONE = "", _("geen voorschriften of beperkingen")
    ART5_1 = "wom-5-1", _("Wom art. 5 lid 1 (voorschriften en beperkingen vooraf)")
    ART5_2 = "wom-5-2", _("Wom art. 5 lid 2 (verbod)")
    ART6 = "wom-6", _("Wom art. 6 (aanwijzingen tijdens de manifestatie)")
    ART7 = "wom-7", _("Wom art. 7 (beëindiging)")


class IncidentKind(models.TextChoices):
    DISTURBANCE = "ordeverstoring", _("ordeverstoring")
    RIOT = "rellen", _("rellen")
    SUPPORTERS = "supporters", _("supportersgeweld")
    FIREWORKS = "vuurwerk", _("vuurwerkoverlast")
    THREAT = "bedreiging", _("bedreiging")
    OTHER = "overig", _("ander incident")


class RiskClass(models.TextChoices):
    A = "A", _("A — regulier")
    B = "B", _("B — verhoogd risico")
    C = "C", _("C — hoog risico")
