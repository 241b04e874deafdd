# SPDX-License-Identifier: EUPL-1.2
"""Choices and the signal workflow table of the meldpunt."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kompas.core.constants import Role

# Who works on the meldpunt's signals: their list, each signal and its sub-pages (workflow,
# attachments, sharing), the dossiers, assignment and the team's mails. One rule for all of
# them. The bibob-coördinator (a staff role for Bibob files) is not part of it: 404.
SIGNAL_TEAM_ROLES = (Role.ADMIN, Role.ADVISOR)
# Who sees the meldpunt at all: the team, and lezers the counts only.
SIGNAL_READ_ROLES = (*SIGNAL_TEAM_ROLES, Role.READER)


class Phenomenon(models.TextChoices):
    DRUGS_CULTIVATION = "drugs_teelt", _("Drugs: teelt (bijvoorbeeld een hennepkwekerij)")
    DRUGS_DEALING = "drugs_handel", _("Drugs: handel")
    DRUGS_STORAGE = "drugs_opslag", _("Drugs: opslag")
    MONEY_LAUNDERING = "witwassen", _("Witwassen")
    TRAFFICKING = "mensenhandel", _("Mensenhandel en uitbuiting")
    HOUSING_FRAUD = "woonfraude", _("Woonfraude")
    CARE_FRAUD = "zorgfraude", _("Zorgfraude")
    PROPERTY_BUSINESS = "vastgoed_bedrijf", _("Verdacht vastgoed of bedrijf")
    OTHER = "overig", _("Iets anders")


# Short B1 explanations shown next to each choice on the public form.
PHENOMENON_HELP = {
    Phenomenon.DRUGS_CULTIVATION: _(
        "U ruikt hennep, ziet dichte ramen of veel stroomkabels, of hoort steeds apparaten."
    ),
    Phenomenon.DRUGS_DEALING: _(
        "Er worden drugs verkocht: steeds korte bezoekjes, overdrachten op straat of bij een huis."
    ),
    Phenomenon.DRUGS_STORAGE: _(
        "Ergens worden drugs of grondstoffen bewaard, bijvoorbeeld in een schuur of loods."
    ),
    Phenomenon.MONEY_LAUNDERING: _(
        "Iemand heeft veel geld zonder duidelijke reden, of een zaak draait zonder klanten."
    ),
    Phenomenon.TRAFFICKING: _(
        "Mensen moeten werken of seks hebben tegen hun wil, of wonen met te veel mensen in "
        "één huis."
    ),
    Phenomenon.HOUSING_FRAUD: _(
        "Een huis wordt illegaal verhuurd, er wonen andere mensen dan ingeschreven staan."
    ),
    Phenomenon.CARE_FRAUD: _(
        "Zorggeld wordt misbruikt: zorg die niet wordt gegeven maar wel wordt betaald."
    ),
    Phenomenon.PROPERTY_BUSINESS: _(
        "Een pand of bedrijf klopt niet: altijd dicht, vreemde verbouwingen of vreemde eigenaren."
    ),
    Phenomenon.OTHER: _("Iets anders dat u niet vertrouwt."),
}

# Days within which the team responds (first action), per phenomenon.
RESPONSE_TERM_DAYS = {
    Phenomenon.DRUGS_CULTIVATION: 5,
    Phenomenon.DRUGS_DEALING: 5,
    Phenomenon.DRUGS_STORAGE: 5,
    Phenomenon.MONEY_LAUNDERING: 10,
    Phenomenon.TRAFFICKING: 2,
    Phenomenon.HOUSING_FRAUD: 10,
    Phenomenon.CARE_FRAUD: 10,
    Phenomenon.PROPERTY_BUSINESS: 10,
    Phenomenon.OTHER: 10,
}
# A high priority halves the term (at least one day).


class SignalStatus(models.TextChoices):
    NEW = "nieuw", _("nieuw")
    IN_PROGRESS = "in_behandeling", _("in behandeling")
    WAITING_FOR_REPORTER = "wacht_op_melder", _("wacht op melder")
    SCHEDULED = "geagendeerd", _("geagendeerd (LIO)")
    FORWARDED = "doorgezet", _("doorgezet")
    CLOSED = "afgesloten", _("afgesloten")


# The workflow: from-state -> states it may go to. One table, enforced by signal_transition.
ALLOWED_TRANSITIONS: dict[str, frozenset[str]] = {
    SignalStatus.NEW: frozenset(
        {SignalStatus.IN_PROGRESS, SignalStatus.WAITING_FOR_REPORTER, SignalStatus.CLOSED}
    ),
    SignalStatus.IN_PROGRESS: frozenset(
        {
            SignalStatus.WAITING_FOR_REPORTER,
            SignalStatus.SCHEDULED,
            SignalStatus.FORWARDED,
            SignalStatus.CLOSED,
        }
    ),
    SignalStatus.WAITING_FOR_REPORTER: frozenset({SignalStatus.IN_PROGRESS, SignalStatus.CLOSED}),
    SignalStatus.SCHEDULED: frozenset(
        {SignalStatus.IN_PROGRESS, SignalStatus.FORWARDED, SignalStatus.CLOSED}
    ),
    SignalStatus.FORWARDED: frozenset({SignalStatus.IN_PROGRESS, SignalStatus.CLOSED}),
    SignalStatus.CLOSED: frozenset({SignalStatus.IN_PROGRESS}),
}
# States in which the response term runs (overdue marking).
OPEN_FOR_RESPONSE = (SignalStatus.NEW, SignalStatus.IN_PROGRESS)
OPEN_STATES = tuple(s for s in SignalStatus.values if s != SignalStatus.CLOSED)

# Status in plain words for the reporter (follow-up page).
PUBLIC_STATUS_TEXT = {
    SignalStatus.NEW: _("Uw melding is binnen. Wij gaan er zo snel mogelijk naar kijken."),
    SignalStatus.IN_PROGRESS: _("Wij zijn met uw melding bezig."),
    SignalStatus.WAITING_FOR_REPORTER: _(
        "Wij hebben een vraag aan u. U leest de vraag hieronder. Wilt u die beantwoorden?"
    ),
    SignalStatus.SCHEDULED: _("Wij bespreken uw melding met onze partners."),
    SignalStatus.FORWARDED: _(
        "Wij hebben uw melding doorgegeven aan een partner, bijvoorbeeld de politie."
    ),
    SignalStatus.CLOSED: _(
        "Wij hebben uw melding afgerond. Om uw privacy te beschermen vertellen we niet wat we "
        "precies hebben gedaan."
    ),
}


class Priority(models.TextChoices):
    LOW = "laag", _("laag")
    NORMAL = "normaal", _("normaal")
    HIGH = "hoog", _("hoog")


class Outcome(models.TextChoices):
    NO_GROUND = "geen_grond", _("geen grond (geen aanwijzingen gevonden)")
    FORWARDED = "doorgezet", _("doorgezet naar een partner")
    MEASURE = "maatregel", _("bestuurlijke maatregel of aanpak")
    COMBINED = "samengevoegd", _("samengevoegd met een andere melding")
    OTHER = "overig", _("anders")


class WhenKind(models.TextChoices):
    UNKNOWN = "onbekend", _("Weet ik niet")
    DATE = "datum", _("Op één dag")
    PERIOD = "periode", _("In een periode")
    ONGOING = "doorlopend", _("Het gebeurt nog steeds")


class Channel(models.TextChoices):
    WEB = "web", _("meldformulier")
    API = "api", _("API")
    STAFF = "medewerker", _("ingevoerd door medewerker")


class HistoryKind(models.TextChoices):
    CREATED = "created", _("melding ontvangen")
    STATUS = "status", _("status gewijzigd")
    CLASSIFIED = "classified", _("verschijnsel vastgesteld")
    PRIORITY = "priority", _("prioriteit gewijzigd")
    ASSIGNED = "assigned", _("toegewezen")
    QUESTION = "question", _("vraag aan melder")
    ANSWER = "answer", _("reactie van melder")
    ATTACHMENT = "attachment", _("bijlage toegevoegd")
    LINKED = "linked", _("aan dossier gekoppeld")
    FORWARDED = "forwarded", _("gedeeld met partner")
    CONTACT_ANONYMISED = "anonymised", _("contactgegevens geanonimiseerd")


class MessageDirection(models.TextChoices):
    TO_REPORTER = "aan_melder", _("vraag van het team")
    FROM_REPORTER = "van_melder", _("bericht van de melder")


# Attachments: content sniffed from the first bytes, never from the name.
ALLOWED_ATTACHMENT_TYPES = {"image/jpeg": "jpg", "image/png": "png", "application/pdf": "pdf"}
MAX_ATTACHMENTS = 5
DESCRIPTION_MAX_LENGTH = 5000
MESSAGE_MAX_LENGTH = 3000
