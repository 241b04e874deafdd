# SPDX-License-Identifier: EUPL-1.2
from django.db import models
from django.utils.translation import gettext_lazy as _


class SeriesKind(models.TextChoices):
    """The kinds of overleg the plans name, with the names the plans use (IVB 2024-2027
    Weststellingwerf, IVP 2023-2026 Heerenveen). The official Dutch names stay as they are;
    the values are stored, so never change a value, only its label."""

    LIO = "lio", _("LIO (Lokaal Informatieoverleg)")
    OVO = "ovo", _("OVO (Operationeel Veiligheidsoverleg)")
    AVE = "ave", _("AVE-platform (Aanpak Voorkomen Escalatie)")
    JOS = "jos", _("JOS (Jeugd Op Straat)")
    PGA = "pga", _("PGA (Persoonsgerichte Aanpak)")
    ZVH = "zvh", _("ZVH (Zorg- en Veiligheidshuis)")
    WEEGPLOEG = "weegploeg", _("Weegploeg (radicalisering en extremisme)")
    DRIEHOEK = "driehoek", _("Lokale driehoek")
    FOOTBALL = "voetbaloverleg", _("Voetbaloverleg")
    PORTFOLIO = "portefeuillehouderoverleg", _("Portefeuillehouderoverleg")
    OTHER = "overig", _("overig overleg")


class Confidentiality(models.TextChoices):
    """How sensitive the content of a series is. Shown on every page and printout of it."""

    INTERNAL = "intern", _("intern")
    CONFIDENTIAL = "vertrouwelijk", _("vertrouwelijk")
    SECRET = "strikt_vertrouwelijk", _("strikt vertrouwelijk")


class MeetingStatus(models.TextChoices):
    PLANNED = "gepland", _("gepland")
    HELD = "gehouden", _("gehouden")
    CANCELLED = "geannuleerd", _("geannuleerd")


# A planned meeting may be held or cancelled; held and cancelled are final.
ALLOWED_MEETING_TRANSITIONS = {
    MeetingStatus.PLANNED: {MeetingStatus.HELD, MeetingStatus.CANCELLED},
    MeetingStatus.HELD: set(),
    MeetingStatus.CANCELLED: set(),
}


class ItemKind(models.TextChoices):
    SIGNAL = "signaal", _("signaal")
    DOSSIER = "dossier", _("dossier")
    TOPIC = "onderwerp", _("vrij onderwerp")


class ActionStatus(models.TextChoices):
    OPEN = "open", _("open")
    DONE = "gereed", _("gereed")
    DROPPED = "vervallen", _("vervallen")
