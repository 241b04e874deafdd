# SPDX-License-Identifier: EUPL-1.2
"""The OIDC (municipal SSO) settings, read from the environment by settings.py: Kompas' own
KOMPAS_OIDC_* names and the OIDC_* names mozilla-django-oidc reads (README, "Inloggen met SSO
(OIDC)"). A module of its own so the end-to-end test can build the same settings for the live
server."""

import environ
from django.core.exceptions import ImproperlyConfigured

_OIDC_REQUIRED = (
    "KOMPAS_OIDC_CLIENT_ID",
    "KOMPAS_OIDC_CLIENT_SECRET",
    "KOMPAS_OIDC_AUTHORIZATION_ENDPOINT",
    "KOMPAS_OIDC_TOKEN_ENDPOINT",
    "KOMPAS_OIDC_USER_ENDPOINT",
    "KOMPAS_OIDC_JWKS_ENDPOINT",
)


def oidc_settings(source: environ.Env) -> dict:
    """The OIDC settings read from `source` (the environment): Kompas' own KOMPAS_OIDC_* names
    and the OIDC_* names mozilla-django-oidc reads. Empty when SSO is off."""
    if not source.bool("KOMPAS_OIDC_ENABLED", default=False):
        return {"KOMPAS_OIDC_ENABLED": False}
    import importlib.util

    if importlib.util.find_spec("mozilla_django_oidc") is None:
        raise ImproperlyConfigured(
            "KOMPAS_OIDC_ENABLED=true, maar de extra 'oidc' is niet geïnstalleerd: "
            "pip install '.[oidc]' (zie README, 'Inloggen met SSO')."
        )
    missing = [name for name in _OIDC_REQUIRED if not source.str(name, default="")]
    if missing:
        raise ImproperlyConfigured(
            "KOMPAS_OIDC_ENABLED=true, maar deze variabelen ontbreken: " + ", ".join(missing)
        )
    return {
        "KOMPAS_OIDC_ENABLED": True,
        # Shown on the login page: "Inloggen met <naam>".
        "KOMPAS_OIDC_PROVIDER_NAME": source.str("KOMPAS_OIDC_PROVIDER_NAME", default="SSO"),
        # The claim whose value is the person's e-mail address of their Kompas account.
        "KOMPAS_OIDC_EMAIL_CLAIM": source.str("KOMPAS_OIDC_EMAIL_CLAIM", default="email"),
        # When set, the ID token's `iss` must be exactly this.
        "KOMPAS_OIDC_ISSUER": source.str("KOMPAS_OIDC_ISSUER", default=""),
        # The identity provider's MFA replaces Kompas' TOTP only when trusted AND the ID token
        # says so (an `amr` value or the `acr` below); otherwise staff still enter their TOTP.
        "KOMPAS_OIDC_TRUST_MFA": source.bool("KOMPAS_OIDC_TRUST_MFA", default=False),
        "KOMPAS_OIDC_MFA_AMR": source.list("KOMPAS_OIDC_MFA_AMR", default=["mfa"]),
        "KOMPAS_OIDC_MFA_ACR": source.list("KOMPAS_OIDC_MFA_ACR", default=[]),
        "OIDC_RP_CLIENT_ID": source.str("KOMPAS_OIDC_CLIENT_ID"),
        "OIDC_RP_CLIENT_SECRET": source.str("KOMPAS_OIDC_CLIENT_SECRET"),
        "OIDC_OP_AUTHORIZATION_ENDPOINT": source.str("KOMPAS_OIDC_AUTHORIZATION_ENDPOINT"),
        "OIDC_OP_TOKEN_ENDPOINT": source.str("KOMPAS_OIDC_TOKEN_ENDPOINT"),
        "OIDC_OP_USER_ENDPOINT": source.str("KOMPAS_OIDC_USER_ENDPOINT"),
        "OIDC_OP_JWKS_ENDPOINT": source.str("KOMPAS_OIDC_JWKS_ENDPOINT"),
        "OIDC_RP_SIGN_ALGO": source.str("KOMPAS_OIDC_SIGN_ALGO", default="RS256"),
        "OIDC_RP_SCOPES": source.str("KOMPAS_OIDC_SCOPES", default="openid email profile"),
        "OIDC_TOKEN_USE_BASIC_AUTH": source.bool("KOMPAS_OIDC_TOKEN_BASIC_AUTH", default=False),
        "OIDC_USE_PKCE": True,
        "OIDC_TIMEOUT": source.float("KOMPAS_OIDC_TIMEOUT_SECONDS", default=10.0),
        "OIDC_CREATE_USER": False,  # accounts and memberships are made by a beheerder first
        "OIDC_AUTHENTICATION_CALLBACK_URL": "core:sso_callback",
    }
