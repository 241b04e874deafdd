# SPDX-License-Identifier: EUPL-1.2
"""Core's entries in the verwerkingsregister (kompas.core.privacy): accounts, the audit log,
and the libraries' records of logins and sessions."""

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from . import privacy as p
from .services.retention import audit_retention_days, login_log_retention_days

RUN = "kompas retention run"

ACCOUNT_TERM = p.fixed(
    _lazy(
        "Zolang de medewerker een rol heeft; na intrekken van de laatste rol wordt het account "
        "gedeactiveerd (niet automatisch verwijderd)."
    )
)


def _audit_term(_municipality) -> str:
    return _(
        "%(days)s dagen na de handeling verwijderd (KOMPAS_AUDIT_RETENTION_DAYS); tot dan kan "
        "de auditlog niet worden gewijzigd of verwijderd (databasetriggers)."
    ) % {"days": audit_retention_days()}


AUDIT_TERM = p.Retention(describe=_audit_term, enforced_by=RUN)


def _attempt_term(_municipality) -> str:
    return _(
        "Verwijderd bij een geslaagde login, anders na de afkoeltijd van %(hours)s uur "
        "(opgeruimd bij de volgende poging)."
    ) % {"hours": f"{settings.AXES_COOLOFF_TIME:g}"}


def _session_term(_municipality) -> str:
    return _("Verloopt %(hours)s uur na het inloggen (KOMPAS_SESSION_AGE); daarna verwijderd.") % {
        "hours": f"{settings.SESSION_COOKIE_AGE / 3600:g}"
    }


def _login_log_term(_municipality) -> str:
    return _("%(days)s dagen na het inloggen verwijderd (KOMPAS_LOGIN_LOG_DAYS).") % {
        "days": login_log_retention_days()
    }


AXES_LABELS = {
    "username": _lazy("gebruikersnaam"),
    "ip_address": _lazy("IP-adres"),
    "user_agent": _lazy("browser (user agent)"),
}
SECURITY = _lazy("AVG art. 32 (beveiliging van de verwerking); BIO 9.4 (toegangsbeveiliging)")


def declare() -> None:
    p.declare(
        "auth.User",
        ["username", "first_name", "last_name", "email"],
        category=p.ACCOUNT,
        basis=p.PUBLIC_TASK,
        retention=ACCOUNT_TERM,
        purpose=_lazy("Inloggen, rollen per gemeente, uitnodigingen en berichten per e-mail."),
    )
    p.declare(
        "auth.User",
        ["password"],
        category=p.ACCOUNT,
        basis=_lazy("AVG art. 32 (beveiliging van de verwerking)"),
        retention=ACCOUNT_TERM,
        purpose=_lazy("Inloggen; alleen als hash (Argon2) opgeslagen, niet terug te lezen."),
    )
    p.declare(
        "core.AuditEntry",
        ["username", "note"],
        category=p.LOGGING,
        basis=_lazy("AVG art. 32 (beveiliging) en art. 5 lid 2 (verantwoording); BIO 12.4"),
        retention=AUDIT_TERM,
        purpose=_lazy("Vastleggen wie welk gegeven heeft ingezien of gewijzigd."),
    )
    p.declare(
        "axes.AccessAttempt",
        ["username", "ip_address", "user_agent"],
        record=_lazy("mislukte inlogpoging (django-axes)"),
        labels=AXES_LABELS,
        category=p.LOGGING,
        basis=SECURITY,
        retention=p.Retention(describe=_attempt_term),
        purpose=_lazy("Blokkeren na herhaald mislukt inloggen (django-axes)."),
    )
    p.declare(
        "axes.AccessLog",
        ["username", "ip_address", "user_agent"],
        record=_lazy("loginlog (django-axes)"),
        labels=AXES_LABELS,
        category=p.LOGGING,
        basis=SECURITY,
        retention=p.Retention(describe=_login_log_term, enforced_by=RUN),
        purpose=_lazy("Nagaan wie wanneer en vanaf waar heeft ingelogd."),
    )
    p.declare(
        "axes.AccessFailureLog",
        ["username", "ip_address", "user_agent"],
        record=_lazy("log mislukte logins (django-axes)"),
        labels=AXES_LABELS,
        category=p.LOGGING,
        basis=SECURITY,
        retention=p.fixed(_lazy("Niet gebruikt: AXES_ENABLE_ACCESS_FAILURE_LOG staat uit.")),
        purpose=_lazy("Log van mislukte logins (uitgeschakeld)."),
    )
    p.declare(
        "sessions.Session",
        ["session_data"],
        category=p.ACCOUNT,
        basis=SECURITY,
        retention=p.Retention(describe=_session_term, enforced_by=RUN),
        purpose=_lazy("Ingelogd blijven (gebruiker, tweede factor, taal)."),
    )
    p.declare(
        "admin.LogEntry",
        ["object_repr", "change_message"],
        record=_lazy("logregel Django-admin"),
        category=p.LOGGING,
        basis=SECURITY,
        retention=p.fixed(_lazy("Geen automatische termijn (log van de Django-admin).")),
        purpose=_lazy(
            "Wijzigingen via /django-admin/ (noodbeheer; gewoon beheer loopt via Beheer)."
        ),
    )
    p.not_personal("auth.Permission", ["name", "codename"], reason="names of permissions")
    p.not_personal("auth.Group", ["name"], reason="names of permission groups")
    p.not_personal("otp_totp.TOTPDevice", ["name"], reason="the fixed device name 'authenticator'")
    p.not_personal("core.Region", ["name"], reason="name of a CBS region (wijk, buurt), no person")
    p.not_personal(
        "core.Municipality",
        ["name", "public_name"],
        reason="name of the gemeente itself",
    )
    p.not_personal(
        "core.Partnership",
        ["name", "description"],
        reason="name and description of a samenwerkingsverband of gemeenten",
    )
    p.not_personal(
        "core.PartnerOrganisation", ["name"], reason="name of an organisation (politie, OM)"
    )
