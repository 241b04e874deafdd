# SPDX-License-Identifier: EUPL-1.2
from django.db import models
from django.utils.translation import gettext_lazy as _

# Readiness needs this many qualified, available people per key function unless the function
# says otherwise (issue 14: "the minimum per function configurable, default 2").
DEFAULT_REQUIRED = 2
# Qualifications that expire within this many days are listed on the readiness page.
EXPIRY_WARNING_DAYS = 60
# A facility not checked for this many days is marked as due for a check.
FACILITY_CHECK_DAYS = 365


class Readiness(models.TextChoices):
    GREEN = "groen", _("op sterkte")
    AMBER = "oranje", _("onderbezet")
    RED = "rood", _("niet gevuld")


class OtoKind(models.TextChoices):
    COURSE = "opleiding", _("opleiding")
    TRAINING = "training", _("training")
    EXERCISE = "oefening", _("oefening")


class OtoLevel(models.TextChoices):
    LOCAL = "lokaal", _("lokaal")
    DISTRICT = "district", _("district (HOWO)")
    REGIONAL = "regionaal", _("regionaal (Veiligheidsregio)")


class OtoStatus(models.TextChoices):
    PLANNED = "gepland", _("gepland")
    HELD = "gehouden", _("gehouden")
    CANCELLED = "geannuleerd", _("geannuleerd")


class FacilityKind(models.TextChoices):
    CRISIS_ROOM = "crisisruimte", _("crisisruimte / actiecentrum")
    POWER = "noodstroom", _("noodstroomvoorziening")
    SHELTER = "opvanglocatie", _("opvanglocatie")
    OTHER = "overig", _("overige voorziening")


class SubPlanKind(models.TextChoices):
    POPULATION_CARE = "bevolkingszorg", _("deelplan bevolkingszorg")
    CRISIS_COMMUNICATION = "crisiscommunicatie", _("deelplan crisiscommunicatie")
    OTHER = "overig", _("ander deelplan")


class SubPlanStatus(models.TextChoices):
    DRAFT = "concept", _("concept")
    ADOPTED = "vastgesteld", _("vastgesteld")
    IMPLEMENTING = "implementatie", _("in implementatie")
    IMPLEMENTED = "geimplementeerd", _("geïmplementeerd")


# The key functions a new gemeente starts with (editable afterwards): code, name.
DEFAULT_FUNCTIONS = [
    ("ovd-bz", _("Officier van Dienst Bevolkingszorg")),
    ("tl-bz", _("Teamleider Bevolkingszorg")),
    ("comm", _("Communicatieadviseur crisis")),
    ("acbz", _("Algemeen Commandant Bevolkingszorg")),
    ("loco-bgm", _("Loco-burgemeester")),
    ("gemsec", _("Gemeentesecretaris in crisis")),
]
