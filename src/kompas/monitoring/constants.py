# SPDX-License-Identifier: EUPL-1.2
from django.db import models
from django.utils.translation import gettext_lazy as _

COUNTRY_CODE = "NL01"


class IndicatorUnit(models.TextChoices):
    COUNT = "aantal", _("aantal")
    PERCENT = "procent", _("procent")
    GRADE = "rapportcijfer", _("rapportcijfer")


class IndicatorSource(models.TextChoices):
    CRIMES = "politie-misdrijven", _("politie: geregistreerde misdrijven")
    NUISANCE = "politie-overlast", _("politie: registraties overlast")
    SAFETY_MONITOR = "veiligheidsmonitor", _("Veiligheidsmonitor (CBS)")
    OWN = "eigen-registratie", _("eigen registratie")


POLICE_SOURCES = (IndicatorSource.CRIMES, IndicatorSource.NUISANCE)
# Open data: other gemeenten' figures of these sources are public facts.
PUBLIC_SOURCES = (*POLICE_SOURCES, IndicatorSource.SAFETY_MONITOR)


class Direction(models.TextChoices):
    LOWER = "lower", _("lager is beter")
    HIGHER = "higher", _("hoger is beter")


class Grain(models.TextChoices):
    YEAR = "year", _("jaar")
    QUARTER = "quarter", _("kwartaal")
    MONTH = "month", _("maand")


class ObservationStatus(models.TextChoices):
    FINAL = "definitief", _("definitief")
    PROVISIONAL = "voorlopig", _("voorlopig")


class RuleKind(models.TextChoices):
    THRESHOLD = "threshold", _("streefwaarde")
    BASELINE_MEAN = "baseline_mean", _("ten opzichte van een gemiddelde over basisjaren")
    RELATIVE_TO_YEAR = "relative_to_year", _("ten opzichte van een jaar")
    RELATIVE_TO_REGION = "relative_to_region", _("ten opzichte van een andere regio")
    PERCENT_CHANGE = "percent_change", _("procentuele verandering")
    BAND = "band", _("bandbreedte")


class TargetStatus(models.TextChoices):
    ACHIEVED = "behaald", _("behaald")
    ON_TRACK = "op koers", _("op koers")
    ATTENTION = "aandacht", _("aandacht")
    NOT_ACHIEVED = "niet behaald", _("niet behaald")
    NO_DATA = "geen data", _("geen data")


# Worst first: a goal or priority takes the worst status of its targets.
STATUS_SEVERITY = {
    TargetStatus.NOT_ACHIEVED: 4,
    TargetStatus.ATTENTION: 3,
    TargetStatus.ON_TRACK: 2,
    TargetStatus.ACHIEVED: 1,
    TargetStatus.NO_DATA: 0,
}
# CSS modifier per status (kompas.css: status--ok/--warn/--bad/--neutral).
STATUS_CSS = {
    TargetStatus.ACHIEVED: "ok",
    TargetStatus.ON_TRACK: "ok",
    TargetStatus.ATTENTION: "warn",
    TargetStatus.NOT_ACHIEVED: "bad",
    TargetStatus.NO_DATA: "neutral",
}


class ImportFormat(models.TextChoices):
    STATLINE_CSV = "statline-csv", _("StatLine-CSV (zoals gedownload)")
    ODATA_JSON = "odata-json", _("OData-JSON (TypedDataSet)")
    CLIENT_CSV = "client-csv", _("CSV van de R/Python-client")
    XLSX = "xlsx", _("Excel (eigen registratie)")
    PLAN = "plan", _("beleidsplan")
    API = "api", _("koppeling (andere module)")
    DEMO = "demo", _("demodata")


class ImportJobStatus(models.TextChoices):
    """An uploaded file's way through the background import."""

    QUEUED = "wachtrij", _("in de wachtrij")
    RUNNING = "bezig", _("bezig")
    DONE = "gereed", _("gereed")
    FAILED = "mislukt", _("mislukt")


# Police tables the connector and the importers know; region dimension name per table.
POLICE_TABLES = {
    "47013NED": (IndicatorSource.CRIMES, "RegioS"),
    "47018NED": (IndicatorSource.CRIMES, "WijkenEnBuurten"),
    "47022NED": (IndicatorSource.CRIMES, "WijkenEnBuurten"),
    "47021NED": (IndicatorSource.NUISANCE, "WijkenEnBuurten"),
    "47024NED": (IndicatorSource.NUISANCE, "WijkenEnBuurten"),
}
