# SPDX-License-Identifier: EUPL-1.2
import re
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.shortcuts import redirect
from django.urls import reverse

from .constants import SSO_MFA_SESSION_KEY, STAFF_ROLES
from .selectors import membership_list, otp_device_confirmed_exists

# Paths a signed-in user without a verified second factor may still reach.
_OTP_EXEMPT_NAMES = {"core:otp_setup", "core:otp_verify", "core:logout"}


def requires_second_factor(user) -> bool:
    """Beheerders and adviseurs (and superusers) need a verified TOTP device when enforced."""
    if not settings.KOMPAS_REQUIRE_2FA or not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return membership_list(user=user).filter(role__in=STAFF_ROLES).exists()


def second_factor_verified(request) -> bool:
    """A TOTP code was entered this session, or the identity provider's MFA is trusted for it
    (SSO with KOMPAS_OIDC_TRUST_MFA and an MFA claim in the ID token, kompas.core.sso)."""
    if request.user.is_verified():
        return True
    return request.session.get(SSO_MFA_SESSION_KEY) is True


class SecondFactorRequiredMiddleware:
    """Sends staff who have not verified a second factor this session to set one up or enter
    one. Runs after django-otp's OTPMiddleware, which sets `user.is_verified()`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        match = request.resolver_match
        if match is None or match.view_name in _OTP_EXEMPT_NAMES:
            return None
        if getattr(view_func, "login_required", True) is False:
            # Public pages (meldpunt, dashboard, health), and DRF views, which check the
            # second factor in their permission class SecondFactorVerified.
            return None
        if not requires_second_factor(user) or second_factor_verified(request):
            return None
        has_device = otp_device_confirmed_exists(user=user)
        target = "core:otp_verify" if has_device else "core:otp_setup"
        return redirect(with_next(reverse(target), request.get_full_path()))


def with_next(url: str, next_path: str) -> str:
    """`url?next=...` with the path URL-encoded, so its own query string survives whole."""
    return f"{url}?{urlencode({'next': next_path})}"


class ApiVersionMiddleware:
    """Every /api/ response carries the full API version (`API-Version: 1.1.0`, NL API Design
    Rules API-57), also errors and redirects; the OpenAPI document may be read from any origin
    (API-51)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/api/"):
            response["API-Version"] = settings.KOMPAS_API_VERSION
            if request.path.endswith(("/openapi.json", "/openapi.yaml")):
                response["Access-Control-Allow-Origin"] = "*"
        return response


# A JSON string escape for NUL that is not itself an escaped backslash (`\\u0000` is text).
_JSON_NUL = re.compile(rb"(?<!\\)(?:\\\\)*\\u0000")


def _carries_nul(request) -> bool:
    """Whether the query string or an urlencoded/JSON body holds a NUL character. PostgreSQL
    refuses NUL in text (a 500 from any lookup or INSERT with it), SQLite stores it; no Dutch
    name, address or code has one. Multipart bodies are left to the forms (Django's CharField
    refuses NUL; the meldpunt sets its own upload handlers, so the body is not read here)."""
    if any("\x00" in k or any("\x00" in v for v in vs) for k, vs in request.GET.lists()):
        return True
    if request.method in ("GET", "HEAD", "OPTIONS"):
        return False
    content_type = request.META.get("CONTENT_TYPE", "")
    if content_type.startswith("application/x-www-form-urlencoded"):
        return b"%00" in request.body or b"\x00" in request.body
    if "json" in content_type:
        return b"\x00" in request.body or bool(_JSON_NUL.search(request.body))
    return False


class RejectNulMiddleware:
    """A request with a NUL character in its parameters is a bad request (400: the Dutch
    error page, or a problem document under /api/), before any view looks a value up."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _carries_nul(request):
            raise SuspiciousOperation("NUL-teken in het verzoek")
        return self.get_response(request)
