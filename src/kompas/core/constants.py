# SPDX-License-Identifier: EUPL-1.2
from django.db import models
from django.utils.translation import gettext_lazy as _


class RegionLevel(models.TextChoices):
    COUNTRY = "land", _("land")
    MUNICIPALITY = "gemeente", _("gemeente")
    DISTRICT = "wijk", _("wijk")
    NEIGHBOURHOOD = "buurt", _("buurt")


class Role(models.TextChoices):
    ADMIN = "beheerder", _("beheerder")
    ADVISOR = "adviseur", _("adviseur")
    READER = "lezer", _("lezer")
    PARTNER = "partner", _("partner")
    REGISSEUR = "regisseur", _("regisseur (casusoverleg)")
    BIBOB = "bibob", _("bibob-coördinator")


# Roles that work inside the gemeente's own team and must use a second factor in production.
# The bibob-coördinator is an adviseur who may also open Bibob files (ondermijning).
STAFF_ROLES = (Role.ADMIN, Role.ADVISOR, Role.BIBOB)
# Roles that may read the gemeente's own (non-personal) data.
INTERNAL_ROLES = (Role.ADMIN, Role.ADVISOR, Role.BIBOB, Role.READER)


class PartnerKind(models.TextChoices):
    POLICE = "politie", _("politie")
    JUSTICE = "justitie", _("justitie")
    STATE = "rijk", _("rijk")
    CARE = "zorg", _("zorg")
    SAFETY_REGION = "veiligheidsregio", _("veiligheidsregio")
    MUNICIPAL = "gemeentelijk", _("gemeentelijk")
    SOCIETY = "maatschappelijk", _("maatschappelijk")
    OTHER = "overig", _("overig")


class AuditAction(models.TextChoices):
    VIEW = "view", _("bekeken")
    CREATE = "create", _("aangemaakt")
    UPDATE = "update", _("gewijzigd")
    DELETE = "delete", _("verwijderd")
    EXPORT = "export", _("geëxporteerd")
    LOGIN = "login", _("ingelogd")
    FAILED_LOGIN = "failed_login", _("mislukte inlogpoging")
    LOGOUT = "logout", _("uitgelogd")
    # The identity behind a pseudonym was shown (cases: "toon identiteit", with a reason).
    REVEAL = "reveal", _("identiteit getoond")


# Session key: this login's second factor was the identity provider's MFA, trusted by
# KOMPAS_OIDC_TRUST_MFA (kompas.core.sso); it then counts as the TOTP step.
SSO_MFA_SESSION_KEY = "kompas_sso_mfa"
