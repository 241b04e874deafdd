# SPDX-License-Identifier: EUPL-1.2
from django.db import models
from django.utils.translation import gettext_lazy as _


class SeriesKind(models.TextChoices):
    """The kinds of overleg the plans name. The official Dutch names stay as they are."""

    LIO = "lio", _("LIO (Lokaal Informatieoverleg)")
    OVO = "ovo", _("OVO (Openbare-orde-overleg)")
    AVE = "ave", _("AVE (Aanpak Veelplegers)")
    JOS = "jos", _("JOS (Jeugd Overlast Signalering)")
    PGA = "pga", _("PGA (Persoonsgerichte Aanpak)")
    DRIEHOEK = "driehoek", _("Lokale driehoek")
    ZVH = "zvh", _("ZVH (Zorg- en Veiligheidshuis)")
    WEEGPLOEG = "weegploeg", _("Weegploeg (PGA radicalisering en extremisme)")
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


# The policy app's event kind per series kind, tried in this order (see services.py).
EVENT_KIND_CANDIDATES = {
    SeriesKind.LIO: ("lio_overleg", "lio"),
    SeriesKind.OVO: ("ovo_overleg", "ovo"),
    SeriesKind.AVE: ("ave_overleg", "ave"),
    SeriesKind.JOS: ("jos_overleg", "jos"),
    SeriesKind.PGA: ("pga_overleg", "pga"),
    SeriesKind.DRIEHOEK: ("driehoek_overleg", "driehoek", "driehoeksoverleg"),
    SeriesKind.ZVH: ("zvh_overleg", "zvh"),
    SeriesKind.WEEGPLOEG: ("weegploeg_overleg", "weegploeg"),
    SeriesKind.OTHER: (),
}
