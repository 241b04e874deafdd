# SPDX-License-Identifier: EUPL-1.2
"""Municipal SSO with OpenID Connect (the optional extra `oidc`; README "Inloggen met SSO").

Imported only when KOMPAS_OIDC_ENABLED is true. mozilla-django-oidc runs the authorisation code
flow: state, nonce and PKCE in the session, the code exchanged at the token endpoint, the ID
token's signature checked against the provider's JWKS. This module decides who may come in:

- **Who**: the claim KOMPAS_OIDC_EMAIL_CLAIM (default `email`) must equal the e-mail address of
  exactly one active Kompas account. Those accounts exist only because a beheerder invited the
  person; SSO never makes an account, a membership or a role (default deny). Anyone else is
  refused with a Dutch message on the login page, and the refusal is in the audit log.
- **Second factor**: SSO replaces the password, not the TOTP step. Only when the operator
  trusts the provider's MFA (KOMPAS_OIDC_TRUST_MFA) AND this ID token says MFA was used (an
  `amr` value in KOMPAS_OIDC_MFA_AMR or its `acr` in KOMPAS_OIDC_MFA_ACR) does the login count
  as the second factor for this session (constants.SSO_MFA_SESSION_KEY).
- The ID token's audience must be our client id and, when KOMPAS_OIDC_ISSUER is set, its
  issuer that value (mozilla-django-oidc checks neither).
"""

import logging

import jwt
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import SuspiciousOperation
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
)
from requests.exceptions import RequestException

from .constants import SSO_MFA_SESSION_KEY, AuditAction
from .selectors import sso_user_list
from .services import audit_log

logger = logging.getLogger(__name__)

# The attribute on the request through which the backend tells the callback why it refused.
_REFUSAL = "kompas_sso_refusal"


def idp_mfa_satisfied(claims: dict) -> bool:
    """Whether this ID token's MFA may stand in for the TOTP step (see the module doc)."""
    if not settings.KOMPAS_OIDC_TRUST_MFA:
        return False
    amr = claims.get("amr") or []
    if isinstance(amr, str):
        amr = [amr]
    if set(amr) & set(settings.KOMPAS_OIDC_MFA_AMR):
        return True
    acr = claims.get("acr")
    return bool(acr) and acr in settings.KOMPAS_OIDC_MFA_ACR


def _idp() -> str:
    return settings.KOMPAS_OIDC_PROVIDER_NAME


class KompasOIDCBackend(OIDCAuthenticationBackend):
    """Finds the invited Kompas account of the person the provider vouches for; never makes
    one. A refusal answers None (Django then tries no other way in for this request)."""

    def get_or_create_user(self, access_token, id_token, payload):
        if not self._token_is_ours(payload):
            return None
        userinfo = self.get_userinfo(access_token, id_token, payload)
        claims = {**payload, **userinfo}
        claim = settings.KOMPAS_OIDC_EMAIL_CLAIM
        value = str(claims.get(claim) or "").strip()
        if not value:
            return self._refuse(
                _("%(idp)s gaf geen e-mailadres door (claim '%(claim)s'). Vraag uw ICT-afdeling.")
                % {"idp": _idp(), "claim": claim},
                note=f"claim {claim} ontbreekt",
            )
        if claim == "email" and claims.get("email_verified") is False:
            return self._refuse(
                _("Uw e-mailadres is bij %(idp)s niet bevestigd; zo kunt u niet inloggen.")
                % {"idp": _idp()},
                note=f"{claim} {value} niet bevestigd",
            )
        users = list(sso_user_list(email=value)[:2])
        if len(users) != 1:
            return self._refuse(
                _(
                    "U bent bij %(idp)s ingelogd als %(email)s, maar Veiligheidskompas kent geen "
                    "(actief) account met dat e-mailadres. Vraag de beheerder van uw gemeente om "
                    "u uit te nodigen."
                )
                % {"idp": _idp(), "email": value},
                note=f"{claim} {value}: {len(users)} accounts",
            )
        user = users[0]
        user.kompas_sso_mfa = idp_mfa_satisfied(payload)
        return user

    def _token_is_ours(self, payload: dict) -> bool:
        audience = payload.get("aud")
        audience = [audience] if isinstance(audience, str) else list(audience or [])
        issuer = settings.KOMPAS_OIDC_ISSUER
        if self.OIDC_RP_CLIENT_ID in audience and (not issuer or payload.get("iss") == issuer):
            return True
        logger.warning("SSO: ID token for aud=%r iss=%r refused", audience, payload.get("iss"))
        self._refuse(None, note="ID-token niet voor deze toepassing")
        return False

    def _refuse(self, message: str | None, *, note: str):
        if message:
            setattr(self.request, _REFUSAL, message)
        audit_log(
            user=None,
            action=AuditAction.FAILED_LOGIN,
            object_type="auth.user",
            note=f"SSO ({_idp()}): {note}",
        )
        return None


class SSOStartView(OIDCAuthenticationRequestView):
    """Sends the browser to the identity provider (state, nonce, PKCE in the session)."""


class SSOCallbackView(OIDCAuthenticationCallbackView):
    """Where the provider sends the browser back. Every failure, a forged or replayed state
    among them, ends on the login page with a Dutch message, never logged in."""

    def get(self, request):
        try:
            return super().get(request)
        except (SuspiciousOperation, RequestException, jwt.PyJWTError) as exc:
            logger.warning("SSO: login refused: %s", exc)
            return self.login_failure()

    def login_failure(self):
        message = getattr(self.request, _REFUSAL, None) or _(
            "Inloggen met %(idp)s is niet gelukt of verlopen. Probeer het opnieuw."
        ) % {"idp": _idp()}
        messages.error(self.request, message)
        return redirect("core:login")

    def login_success(self):
        self.request.kompas_login_via = _idp()  # read by the audit entry of the login
        response = super().login_success()
        if getattr(self.user, "kompas_sso_mfa", False):
            self.request.session[SSO_MFA_SESSION_KEY] = True
        else:
            self.request.session.pop(SSO_MFA_SESSION_KEY, None)
        return response
