# SPDX-License-Identifier: EUPL-1.2
"""Choices of the casework app. Official Dutch names of laws and instruments stay Dutch."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kompas.core.constants import Role


class CaseType(models.TextChoices):
    NUISANCE_PGA = "overlast_pga", _("overlast / persoonsgerichte aanpak")
    DOMESTIC_VIOLENCE = "huiselijk_geweld", _("huiselijk geweld")
    CARE_AVOIDER = "zorgmijder", _("zorgmijder")
    YOUTH = "jeugd", _("jeugd")
    RADICALISATION = "radicalisering", _("radicalisering / extremisme")
    SUPPORTER = "supporter", _("overlastgevende supporter")
    AFTERCARE = "nazorg", _("nazorg ex-gedetineerde")
    HOUSING_NUISANCE = "woonoverlast", _("woonoverlast")
    OTHER = "anders", _("anders")


class SubjectKind(models.TextChoices):
    PERSONS = "personen", _("een of meer personen")
    HOUSEHOLD = "huishouden", _("huishouden")
    ADDRESS = "adres", _("adres (dossier van het meldpunt)")
    GROUP = "groep", _("groep")


class CaseStatus(models.TextChoices):
    REGISTERED = "aangemeld", _("aangemeld")
    DISCUSSED = "besproken", _("besproken")
    IN_APPROACH = "in_aanpak", _("in aanpak")
    SCALED_DOWN = "afgeschaald", _("afgeschaald")
    CLOSED = "afgesloten", _("afgesloten")


# The workflow as a plain transition table. Closed is final: a new concern is a new case.
ALLOWED_CASE_TRANSITIONS = {
    CaseStatus.REGISTERED: {CaseStatus.DISCUSSED, CaseStatus.CLOSED},
    CaseStatus.DISCUSSED: {CaseStatus.IN_APPROACH, CaseStatus.SCALED_DOWN, CaseStatus.CLOSED},
    CaseStatus.IN_APPROACH: {CaseStatus.DISCUSSED, CaseStatus.SCALED_DOWN, CaseStatus.CLOSED},
    CaseStatus.SCALED_DOWN: {CaseStatus.IN_APPROACH, CaseStatus.CLOSED},
    CaseStatus.CLOSED: set(),
}


class CloseReason(models.TextChoices):
    GOAL_REACHED = "doel_bereikt", _("doel bereikt, risico weggenomen")
    REGULAR_CARE = "reguliere_zorg", _("overgedragen aan reguliere zorg of hulpverlening")
    MOVED = "verhuisd", _("verhuisd buiten de gemeente")
    NO_GROUND = "geen_grond", _("geen grond (meer) voor de aanpak")
    DECEASED = "overleden", _("overleden")
    OTHER = "anders", _("anders")


class LegalGroundKind(models.TextChoices):
    COVENANT = "convenant", _("convenant")
    WAMS = "wams", _("Wams (Wet aanpak meervoudige problematiek sociaal domein)")
    WVGGZ = "wvggz", _("Wvggz")
    AVG_6 = "avg6", _("AVG artikel 6 (grondslag)")


class InterventionStatus(models.TextChoices):
    OPEN = "open", _("open")
    RUNNING = "loopt", _("loopt")
    DONE = "gereed", _("gereed")
    DROPPED = "vervallen", _("vervallen")


class MeasureCategory(models.TextChoices):
    MAYOR = "burgemeester", _("instrument van de burgemeester")
    ADMINISTRATIVE = "bestuurlijk", _("bestuurlijke maatregel")


class MeasureKind(models.TextChoices):
    """One register for the burgemeester's instruments and (later, ondermijning) the
    administrative measures. Add a kind here, with its category in MEASURE_CATEGORY."""

    HUISVERBOD = "huisverbod", _("huisverbod opgelegd")
    HUISVERBOD_EXTENDED = "huisverbod_verlengd", _("huisverbod verlengd")
    HUISVERBOD_BREACHED = "huisverbod_overtreden", _("huisverbod overtreden")
    WVGGZ_ORDER = "wvggz_zorgmachtiging", _("Wvggz: zorgmachtiging aangevraagd")
    WVGGZ_CRISIS = "wvggz_crisismaatregel", _("Wvggz: crisismaatregel")
    WOONOVERLAST_WARNING = "woonoverlast_waarschuwing", _("Wet woonoverlast: waarschuwing")
    WOONOVERLAST_ORDER = "woonoverlast_gedragsaanwijzing", _("Wet woonoverlast: gedragsaanwijzing")
    LANDLORD = "goed_verhuurderschap", _("Wet goed verhuurderschap: maatregel")
    CLOSURE_13B = "sluiting_13b", _("sluiting (Opiumwet artikel 13b)")
    CLOSURE_174A = "sluiting_174a", _("sluiting (Gemeentewet artikel 174a)")
    EMERGENCY_ORDER = "noodbevel", _("noodbevel")
    EMERGENCY_BYLAW = "noodverordening", _("noodverordening")
    CAMERA = "cameratoezicht", _("cameratoezicht (besluit)")
    RISK_AREA = "veiligheidsrisicogebied", _("aanwijzing veiligheidsrisicogebied")
    AREA_BAN = "gebiedsverbod", _("gebiedsverbod")
    # Administrative measures of the ondermijning app (same model).
    BIBOB = "bibob", _("Bibob-toets / -besluit")
    DAMOCLES = "damocles", _("Damocles-sluiting")
    PENALTY = "dwangsom", _("last onder dwangsom")
    ENFORCEMENT = "bestuursdwang", _("last onder bestuursdwang")
    WARNING = "waarschuwing", _("bestuurlijke waarschuwing")
    PERMIT_REVOKED = "intrekking_vergunning", _("intrekking vergunning")


_ADMINISTRATIVE = {
    MeasureKind.BIBOB,
    MeasureKind.DAMOCLES,
    MeasureKind.PENALTY,
    MeasureKind.ENFORCEMENT,
    MeasureKind.WARNING,
    MeasureKind.PERMIT_REVOKED,
}
MEASURE_CATEGORY = {
    kind: MeasureCategory.ADMINISTRATIVE if kind in _ADMINISTRATIVE else MeasureCategory.MAYOR
    for kind in MeasureKind
}
# Kinds whose files are visible to the gemeente's bibob-coördinator only (role `bibob`): not to
# the beheerder, the adviseurs or the regisseurs, never to partners. Only they register them.
RESTRICTED_KINDS = (MeasureKind.BIBOB,)
RESTRICTED_ROLES = (Role.BIBOB,)


class MeasureStatus(models.TextChoices):
    PREPARING = "voorbereiding", _("in voorbereiding")
    DECIDED = "besloten", _("besloten")
    EXECUTED = "uitgevoerd", _("uitgevoerd")
    FINISHED = "afgerond", _("afgerond")
    WITHDRAWN = "vervallen", _("vervallen of ingetrokken")


class BibobOutcome(models.TextChoices):
    """The degree of danger the Landelijk Bureau Bibob's advice names (Wet Bibob art. 3)."""

    NONE = "geen", _("geen mate van gevaar")
    MINOR = "mindere", _("mindere mate van gevaar")
    SERIOUS = "ernstige", _("ernstige mate van gevaar")


# The Landelijk Bureau Bibob advises within eight weeks of the request (Wet Bibob art. 15).
BIBOB_ADVICE_WEEKS = 8
# Deadlines due within this many days appear on the start page.
DEADLINE_DAYS = 14
# The ondermijning controle a measure came from: source_type of the measure, the controle's
# id in source_id (cases sits below ondermijning and holds no foreign key to it).
CONTROLE_SOURCE = "ondermijning.controle"

# Fields that belong to some kinds only: filled in for another kind they are an error (a Bibob
# detail on a measure everyone may see would leak it).
BIBOB_FIELDS = (
    "bibob_application",
    "bibob_permit",
    "bibob_requested_on",
    "bibob_advice_due",
    "bibob_advice_on",
    "bibob_outcome",
)
KIND_FIELDS = {
    **{f: {MeasureKind.BIBOB} for f in BIBOB_FIELDS},
    **{
        f: {MeasureKind.DAMOCLES, MeasureKind.CLOSURE_13B, MeasureKind.CLOSURE_174A}
        for f in ("closure_date", "closure_months", "reopening_date")
    },
    "penalty_amount": {MeasureKind.PENALTY},
    "compliance_until": {MeasureKind.PENALTY, MeasureKind.ENFORCEMENT},
}

# The legal article a measure of this kind usually rests on (pre-filled, editable).
MEASURE_ARTICLE = {
    MeasureKind.HUISVERBOD: "Wet tijdelijk huisverbod, art. 2",
    MeasureKind.HUISVERBOD_EXTENDED: "Wet tijdelijk huisverbod, art. 9",
    MeasureKind.HUISVERBOD_BREACHED: "Wetboek van Strafrecht, art. 184",
    MeasureKind.WVGGZ_ORDER: "Wvggz, art. 5:3",
    MeasureKind.WVGGZ_CRISIS: "Wvggz, art. 7:1",
    MeasureKind.WOONOVERLAST_WARNING: "Gemeentewet, art. 151d",
    MeasureKind.WOONOVERLAST_ORDER: "Gemeentewet, art. 151d",
    MeasureKind.LANDLORD: "Wet goed verhuurderschap, art. 2 e.v.",
    MeasureKind.CLOSURE_13B: "Opiumwet, art. 13b",
    MeasureKind.CLOSURE_174A: "Gemeentewet, art. 174a",
    MeasureKind.EMERGENCY_ORDER: "Gemeentewet, art. 175",
    MeasureKind.EMERGENCY_BYLAW: "Gemeentewet, art. 176",
    MeasureKind.CAMERA: "Gemeentewet, art. 151c",
    MeasureKind.RISK_AREA: "Gemeentewet, art. 151b",
    MeasureKind.AREA_BAN: "Gemeentewet, art. 172a",
    MeasureKind.DAMOCLES: "Opiumwet, art. 13b",
    MeasureKind.BIBOB: "Wet Bibob, art. 3",
    MeasureKind.PENALTY: "Gemeentewet, art. 125; Awb, art. 5:32",
    MeasureKind.ENFORCEMENT: "Gemeentewet, art. 125; Awb, art. 5:21",
}

# Default retention per case type: years after closing (documented in README "Casusoverleg").
# Zorg- en Veiligheidshuis and PGA casework (persoonsgerichte aanpak, huiselijk geweld,
# zorgmijders, radicalisering, nazorg) 5 years; youth (JOS) and supporters 2 years.
DEFAULT_RETENTION_YEARS = {
    CaseType.NUISANCE_PGA: 5,
    CaseType.DOMESTIC_VIOLENCE: 5,
    CaseType.CARE_AVOIDER: 5,
    CaseType.YOUTH: 2,
    CaseType.RADICALISATION: 5,
    CaseType.SUPPORTER: 2,
    CaseType.AFTERCARE: 5,
    CaseType.HOUSING_NUISANCE: 5,
    CaseType.OTHER: 5,
}

# The meetings series kinds on which cases can be listed ("tables").
TABLE_KINDS = ("ovo", "ave", "jos", "pga", "zvh", "weegploeg")

# Number prefixes of the case numbers ("HV-2026-014") for the known gemeenten; others use the
# first two letters of their name.
NUMBER_PREFIX = {"GM0074": "HV", "GM0085": "OS", "GM0086": "OP", "GM0098": "WS"}
PERSON_LABELS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
