# SPDX-License-Identifier: EUPL-1.2
"""Settings of the test provider; everything it needs comes from OIDCP_* variables."""

import json
import os
from pathlib import Path

BASE = os.environ["OIDCP_BASE_URL"]  # e.g. http://127.0.0.1:41234
SECRET_KEY = "test-provider-only"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "oauth2_provider",
]
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
ROOT_URLCONF = "kompas.core.tests.oidc_provider.urls"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [Path(__file__).parent / "templates"],
        "OPTIONS": {"context_processors": ["django.template.context_processors.request"]},
    }
]
# One thread serves every request (wsgiref), so the in-memory database lives as long as it.
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
USE_TZ = True
LOGIN_URL = "/accounts/login/"
# Cookies are per host, not per port: names of its own keep them apart from Kompas' cookies.
SESSION_COOKIE_NAME = "idp_session"
CSRF_COOKIE_NAME = "idp_csrf"

OAUTH2_PROVIDER = {
    "OIDC_ENABLED": True,
    "OIDC_RSA_PRIVATE_KEY": os.environ["OIDCP_RSA_PRIVATE_KEY"],
    "OIDC_ISS_ENDPOINT": f"{BASE}/o",
    "OAUTH2_VALIDATOR_CLASS": "kompas.core.tests.oidc_provider.urls.Validator",
    "SCOPES": {"openid": "OpenID Connect", "email": "e-mail", "profile": "profiel"},
    "PKCE_REQUIRED": True,
}

# [{"username", "password", "email", "email_verified", "amr"}], and the one client.
USERS = json.loads(os.environ["OIDCP_USERS"])
CLIENT = json.loads(os.environ["OIDCP_CLIENT"])  # {"client_id", "client_secret", "redirect_uri"}
LOGGING = {"version": 1, "root": {"level": "WARNING"}}
# Tables straight from the models (no migration files run): the provider starts in a second.
MIGRATION_MODULES = {app: None for app in ("auth", "contenttypes", "sessions", "oauth2_provider")}
