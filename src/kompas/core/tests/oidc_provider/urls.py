# SPDX-License-Identifier: EUPL-1.2
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import include, path
from oauth2_provider.oauth2_validators import OAuth2Validator


class Validator(OAuth2Validator):
    """Claims from the test's user list: e-mail (and whether it is verified) and the `amr`
    a real provider sets after MFA. `amr` goes into the ID token with the openid scope."""

    oidc_claim_scope = {
        **OAuth2Validator.oidc_claim_scope,
        "amr": "openid",
        "email_verified": "email",
    }

    def get_additional_claims(self, request):
        spec = next(u for u in settings.USERS if u["username"] == request.user.username)
        return {
            "email": spec["email"],
            "email_verified": spec.get("email_verified", True),
            "amr": spec.get("amr", ["pwd"]),
            "preferred_username": spec["username"],
        }


urlpatterns = [
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("o/", include("oauth2_provider.urls", namespace="oauth2_provider")),
]
