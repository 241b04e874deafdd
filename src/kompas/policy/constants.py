# SPDX-License-Identifier: EUPL-1.2
"""Choices of the policy app. Values equal the enums in plans/schema.json."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PlanStatus(models.TextChoices):
    CONCEPT = "concept", _("concept")
    ADOPTED = "vastgesteld", _("vastgesteld")
    EXTENDED = "verlengd", _("verlengd")
    EXPIRED = "verlopen", _("verlopen")


class AdoptedBy(models.TextChoices):
    COUNCIL = "gemeenteraad", _("gemeenteraad")
    EXECUTIVE = "college", _("college")
    MAYOR = "burgemeester", _("burgemeester")


class ActionStatus(models.TextChoices):
    PLANNED = "gepland", _("gepland")
    RUNNING = "lopend", _("lopend")
    DELAYED = "vertraagd", _("vertraagd")
    DONE = "gereed", _("gereed")
    CANCELLED = "vervallen", _("vervallen")


# Statuses in which an action still needs work.
OPEN_ACTION_STATUSES = (ActionStatus.PLANNED, ActionStatus.RUNNING, ActionStatus.DELAYED)


# The fields of an action that staff set, in this order: defined once, used by the action form
# (ActionForm.Meta.fields), the API (ActionSerializer, ActionInputSerializer without
# owner_user, which the API does not set) and the services (action_edit accepts exactly these).
ACTION_EDITABLE_FIELDS = (
    "priority",
    "execution_plan",
    "title",
    "description",
    "owner",
    "owner_user",
    "partners",
    "start",
    "due",
    "status",
)
# The fields of an action entry in a plan file: a key, and no user of this installation.
ACTION_FILE_FIELDS = ("key", *(f for f in ACTION_EDITABLE_FIELDS if f != "owner_user"))
# What the API lets a client set (the API names no users).
ACTION_API_FIELDS = tuple(f for f in ACTION_EDITABLE_FIELDS if f != "owner_user")


class ActionOrigin(models.TextChoices):
    FILE = "bestand", _("planbestand")
    UI = "invoer", _("ingevoerd")


class NormPeriod(models.TextChoices):
    WEEK = "week", _("per week")
    MONTH = "maand", _("per maand")
    QUARTER = "kwartaal", _("per kwartaal")
    FOUR_MONTHS = "vier_maanden", _("per vier maanden")
    YEAR = "jaar", _("per jaar")
    TWO_YEARS = "twee_jaar", _("per twee jaar")
    FOUR_YEARS = "vier_jaar", _("per vier jaar")
    PLAN = "plan", _("in de planperiode")
    ONCE = "eenmalig", _("eenmalig")


class NormScope(models.TextChoices):
    MUNICIPALITY = "gemeente", _("gemeente")
    PARTNERSHIP = "partnership", _("samenwerkingsverband")


class NormQualifier(models.TextChoices):
    AT_LEAST = "minimaal", _("minimaal")
    ABOUT = "circa", _("circa")
    EXACTLY = "precies", _("precies")


class NormState(models.TextChoices):
    """Computed status of a norm in one period (never stored)."""

    ON_TRACK = "op_schema", _("op schema")
    BEHIND = "achter", _("achter")
    MET = "voldaan", _("voldaan")
    EXPIRED = "verlopen", _("verlopen")


class EventKind(models.TextChoices):
    """Kinds of event in the register; each counts towards the norms with that event_kind.

    Other apps register events through `kompas.policy.services.event_register`:
    meetings registers `lio_overleg` (and the other overleg kinds) when a meeting is held,
    reporting registers `voortgangsrapportage`, `tussenevaluatie`, `jaarrapportage_digitaal`
    and `jaarverantwoording` when a report is sent; registers (later) `integrale_controle`,
    `ondermijningsdag` and `voorlichting`. Until then staff register them by hand.
    """

    INTEGRAL_INSPECTION = "integrale_controle", _("integrale controle")
    UNDERMINING_DAY = "ondermijningsdag", _("ondermijningsdag")
    PHENOMENON_CHOICE = "fenomenenkeuze", _("keuze van fenomenen (ondermijning)")
    PROGRESS_REPORT = "voortgangsrapportage", _("voortgangsrapportage")
    MIDTERM_EVALUATION = "tussenevaluatie", _("tussenevaluatie")
    SAFETY_MONITOR = "veiligheidsmonitor", _("veiligheidsmonitor")
    DIGITAL_ANNUAL_REPORT = "jaarrapportage_digitaal", _("jaarrapportage digitale veiligheid")
    ANNUAL_ACCOUNT = "jaarverantwoording", _("jaarverantwoording")
    EXECUTION_PLAN = "uitvoeringsplan", _("uitvoeringsplan vastgesteld")
    INTERIM_GOALS = "tussendoelstellingen", _("tussendoelstellingen geformuleerd")
    POLICY_PLAN = "beleidsplan", _("beleidsplan vastgesteld")
    PORTFOLIO_MEETING = "portefeuillehouderoverleg", _("portefeuillehouderoverleg")
    FOOTBALL_MEETING = "voetbaloverleg", _("voetbaloverleg")
    LIO = "lio_overleg", _("LIO (lokaal informatieoverleg)")
    OVO = "ovo_overleg", _("OVO-overleg")
    AVE = "ave_overleg", _("AVE-overleg")
    JOS = "jos_overleg", _("JOS-overleg")
    TRIANGLE = "driehoek_overleg", _("driehoeksoverleg")
    INFORMATION = "voorlichting", _("voorlichting")
    CRISIS_EXERCISE = "crisisoefening", _("crisisoefening")
