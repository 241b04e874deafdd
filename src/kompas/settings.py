# SPDX-License-Identifier: EUPL-1.2
"""Settings, read only from the environment (12-factor); every variable is in README.md."""

import secrets
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

from kompas.settings_oidc import oidc_settings

BASE_DIR = Path(__file__).resolve().parent
env = environ.Env()

KOMPAS_ENV = env.str("KOMPAS_ENV", default="demo")
if KOMPAS_ENV not in ("demo", "production"):
    raise ImproperlyConfigured(f"KOMPAS_ENV moet 'demo' of 'production' zijn, niet {KOMPAS_ENV!r}.")
PRODUCTION = KOMPAS_ENV == "production"

DATA_DIR = Path(env.str("KOMPAS_DATA_DIR", default=str(Path.cwd() / "var"))).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)


def _secret_key() -> str:
    key = env.str("KOMPAS_SECRET_KEY", default="")
    if key:
        return key
    if PRODUCTION:
        raise ImproperlyConfigured(
            "KOMPAS_SECRET_KEY ontbreekt. In productie (KOMPAS_ENV=production) moet een geheime "
            "sleutel van minstens 50 tekens in de omgeving staan; de server start niet zonder."
        )
    # Demo: generate once and keep it in the data directory, readable by the owner only.
    path = DATA_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(64))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = env.bool("KOMPAS_DEBUG", default=False)
ALLOWED_HOSTS = env.list(
    "KOMPAS_ALLOWED_HOSTS", default=[] if PRODUCTION else ["127.0.0.1", "localhost", "testserver"]
)
CSRF_TRUSTED_ORIGINS = env.list("KOMPAS_CSRF_TRUSTED_ORIGINS", default=[])
# Where people reach the product: links in mails sent without a request (weekly reminders).
KOMPAS_BASE_URL = env.str("KOMPAS_BASE_URL", default="http://127.0.0.1:8000").rstrip("/")
CSRF_FAILURE_VIEW = "kompas.core.errors.csrf_failure"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "csp",
    "huey.contrib.djhuey",
    "kompas.core",
    "kompas.policy",
    "kompas.signals",
    "kompas.meetings",
    "kompas.cases",
    "kompas.monitoring",
    "kompas.reporting",
    "kompas.crisis",
    "kompas.openbareorde",
    "kompas.ondermijning",
    "kompas.fenomenen",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "kompas.core.middleware.ApiVersionMiddleware",
    "kompas.core.middleware.RejectNulMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "kompas.core.middleware.SecondFactorRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "kompas.urls"
WSGI_APPLICATION = "kompas.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kompas.core.context_processors.kompas",
            ],
        },
    },
]

DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{DATA_DIR / 'kompas.sqlite3'}")
}
# Keep server connections open between requests (PostgreSQL); 0 closes them after each one.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("KOMPAS_DB_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server read while an import writes; IMMEDIATE avoids lock upgrades.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ------------------------------------------------------------------------------------
# Shared by every web and task process: the meldpunt's rate limits, wrong-code counters and
# single-use tokens must count across gunicorn workers. Default: a file cache in the data
# directory (the demo, one machine), whose add/incr are made atomic across processes with a
# file lock (kompas.signals.cache). Production: a Redis URL, e.g. redis://127.0.0.1:6379/1,
# served by Django's own Redis backend (the `redis` package is pinned).
KOMPAS_CACHE_URL = env.str("KOMPAS_CACHE_URL", default=f"filecache://{DATA_DIR / 'cache'}")


def _cache(url: str) -> dict:
    config = environ.Env.cache_url_config(url)
    scheme = url.split(":", 1)[0]
    if scheme == "filecache":
        config["BACKEND"] = "kompas.signals.cache.LockedFileBasedCache"
        # Django's default of 300 entries would cull live counters (and the daily salt).
        config.setdefault("OPTIONS", {}).setdefault("MAX_ENTRIES", 20000)
    elif scheme.startswith(("redis", "rediss")):
        config["BACKEND"] = "kompas.core.cache.RedisCache"
    elif scheme == "locmemcache" and PRODUCTION:
        raise ImproperlyConfigured(
            "KOMPAS_CACHE_URL=locmemcache:// geldt per proces: de limieten van het meldpunt "
            "tellen dan per gunicorn-worker. Gebruik in productie een redis://-URL."
        )
    return config


CACHES = {"default": _cache(KOMPAS_CACHE_URL)}

# --- Background tasks -------------------------------------------------------------------------
# Huey behind kompas.core.tasks (docs/adr/0003-task-queue.md). KOMPAS_TASK_QUEUE is `sqlite`
# (a file in the data directory: the embedded demo), a `redis://` URL (production), or
# `immediate` (tasks run at once inside the calling process; for debugging only). The worker is
# `kompas run_huey`; `kompas demo` starts one beside the web server.
KOMPAS_TASK_QUEUE = env.str("KOMPAS_TASK_QUEUE", default="sqlite")
KOMPAS_TASK_WORKERS = env.int("KOMPAS_TASK_WORKERS", default=1)
# A running import job writes a heartbeat into the queue's store; one silent for this long
# belongs to a worker that died (kill -9, power loss) and is queued again or failed
# (kompas.monitoring.services.job_recovery). A worker restarted on the same machine
# recognises its dead predecessor at once.
KOMPAS_IMPORT_JOB_STALE_SECONDS = env.float("KOMPAS_IMPORT_JOB_STALE_SECONDS", default=60.0)


def _huey(queue: str) -> dict:
    consumer = {"workers": KOMPAS_TASK_WORKERS, "worker_type": "thread"}
    common = {"name": "kompas", "immediate": False, "consumer": consumer}
    if queue == "sqlite":
        # SQLite cannot block on an empty queue: poll it, at least once a second.
        consumer.update({"initial_delay": 0.1, "backoff": 1.15, "max_delay": 1.0})
        return {
            **common,
            "huey_class": "huey.SqliteHuey",
            "filename": str(DATA_DIR / "tasks.sqlite3"),
        }
    if queue.startswith(("redis://", "rediss://", "unix://")):
        return {**common, "huey_class": "huey.RedisHuey", "url": queue}
    if queue == "immediate":
        return {**common, "huey_class": "huey.MemoryHuey", "immediate": True}
    raise ImproperlyConfigured(
        f"KOMPAS_TASK_QUEUE moet 'sqlite', 'immediate' of een redis://-URL zijn, niet {queue!r}."
    )


HUEY = _huey(KOMPAS_TASK_QUEUE)

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
LOGIN_URL = "core:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "core:login"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
MEDIA_ROOT = DATA_DIR / "media"
STATIC_ROOT.mkdir(exist_ok=True)

# --- Security -----------------------------------------------------------------------------
# Second factor (TOTP) for beheerder and adviseur; on by default in production only.
KOMPAS_REQUIRE_2FA = env.bool("KOMPAS_REQUIRE_2FA", default=PRODUCTION)
OTP_TOTP_ISSUER = "Veiligheidskompas"

SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = PRODUCTION
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = env.int("KOMPAS_SESSION_AGE", default=8 * 3600)
SECURE_HSTS_SECONDS = 31536000 if PRODUCTION else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = PRODUCTION
SECURE_SSL_REDIRECT = env.bool("KOMPAS_SSL_REDIRECT", default=PRODUCTION)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if PRODUCTION else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# Lock out a user name after repeated failed logins. Lockout is per user name, so the
# lockout does not depend on (or require storing) the client's IP address.
AXES_FAILURE_LIMIT = env.int("KOMPAS_LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("KOMPAS_LOGIN_COOLOFF_HOURS", default=1.0)
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "core/locked_out.html"
AXES_ENABLE_ACCESS_FAILURE_LOG = False
# Days the login log (axes AccessLog: user name, IP address, browser per login) is kept;
# `kompas retention run` deletes older entries and expired sessions (verwerkingsregister).
LOGIN_LOG_RETENTION_DAYS = env.int("KOMPAS_LOGIN_LOG_DAYS", default=180)

# --- Retention terms applied by `kompas retention run` (README "Bewaartermijnen") -----------
# The verwerkingsregister reads these same settings. The bases are cited in the README; a
# gemeente's archivist may set other terms (within its own selectielijst) via the environment.
# Audit log: 5 years (BIO 12.4.1 logging; NEN 7513 term for access logs of sensitive data; AVG
# art. 5 lid 2 accountability). Older entries are deleted; the run itself is audited.
AUDIT_RETENTION_DAYS = env.int("KOMPAS_AUDIT_RETENTION_DAYS", default=5 * 365)
# Risk inventory maatschappelijke onrust: a closed item (with its person and level history) is
# deleted 12 months after closing (AVG art. 5 lid 1 sub e: no longer needed once the risk is
# gone; one year covers a recurrence and the annual evaluation).
RISK_ITEM_RETENTION_MONTHS = env.int("KOMPAS_RISK_ITEM_RETENTION_MONTHS", default=12)
# Openbare-orde incidents: the free-text description is erased 5 years after the date; the
# record (date, place, kind, measures, instruments) stays for the figures and the archive.
INCIDENT_RETENTION_YEARS = env.int("KOMPAS_INCIDENT_RETENTION_YEARS", default=5)
# Crisis organisation: a member who left (made inactive) is deleted 6 months later, with
# assignments, piket, absences and qualifications; a fire station's contact person is erased
# 24 months after the last recorded contact (a contact not confirmed for two years is stale).
CRISIS_MEMBER_RETENTION_MONTHS = env.int("KOMPAS_CRISIS_MEMBER_RETENTION_MONTHS", default=6)
CRISIS_CONTACT_RETENTION_MONTHS = env.int("KOMPAS_CRISIS_CONTACT_RETENTION_MONTHS", default=24)
# Bestuurlijke maatregelen (incl. Bibob): personal data erased 10 years after the decision
# lapsed (end date, reopening, else the decision date), after the Selectielijst gemeenten en
# intergemeentelijke organen 2020, which counts the destruction term of handhavings- and
# vergunningbesluiten from the lapse of the decision (to be confirmed against the gemeente's
# own selectielijst); the non-personal decision record stays (Archiefwet 1995 art. 3).
MEASURE_RETENTION_YEARS = env.int("KOMPAS_MEASURE_RETENTION_YEARS", default=10)
# Meetings: minutes and decisions of agenda items erased, follow-up actions deleted, 5 years
# after the meeting (the longest casework term, so minutes never outlive the cases discussed).
MINUTES_RETENTION_YEARS = env.int("KOMPAS_MINUTES_RETENTION_YEARS", default=5)
AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]
AXES_VERBOSE = False

# --- E-mail ---------------------------------------------------------------------------------
EMAIL_CONFIG = env.email_url("KOMPAS_EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("KOMPAS_DEFAULT_FROM_EMAIL", default="veiligheidskompas@localhost")

# --- OIDC (municipal SSO) -------------------------------------------------------------------
# Off by default. `pip install .[oidc]` (mozilla-django-oidc), KOMPAS_OIDC_ENABLED=true and the
# KOMPAS_OIDC_* variables (README, "Inloggen met SSO (OIDC)"). Accounts are never made
# on first login: the identity provider's e-mail claim must match an invited, active account.
# The variables and their defaults: kompas/settings_oidc.py.
_OIDC = oidc_settings(env)
vars().update(_OIDC)
KOMPAS_OIDC_ENABLED = _OIDC["KOMPAS_OIDC_ENABLED"]
if KOMPAS_OIDC_ENABLED:
    AUTHENTICATION_BACKENDS.append("kompas.core.sso.KompasOIDCBackend")

# --- API ------------------------------------------------------------------------------------
REST_FRAMEWORK = {
    # Token first: DRF takes the WWW-Authenticate header from the first class, so an anonymous
    # API call answers 401 with "WWW-Authenticate: Token" (session auth has no such header and
    # would turn it into 403). Logged-in browser sessions work as before.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.IsAuthenticated",
        "kompas.core.api.permissions.SecondFactorVerified",
    ],
    # drf-spectacular, plus the problem responses (400/401/403/404) of every operation.
    "DEFAULT_SCHEMA_CLASS": "kompas.core.api.schema.KompasAutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    # Errors as application/problem+json (RFC 9457) with Dutch titles; docs/api.md.
    "EXCEPTION_HANDLER": "kompas.core.api_errors.exception_handler",
}
# Full version of the API (semver; the URL carries the major, /api/v1/). Sent as the
# API-Version header and in the OpenAPI document; changes are listed in docs/api.md.
KOMPAS_API_VERSION = "1.1.0"
SPECTACULAR_SETTINGS = {
    "TITLE": "Veiligheidskompas API",
    "DESCRIPTION": "API van Veiligheidskompas. Alle gegevens zijn beperkt tot de gemeenten "
    "waarvan de gebruiker lid is.",
    "VERSION": KOMPAS_API_VERSION,
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Named enums where several apps have a `status` field of their own.
    "ENUM_NAME_OVERRIDES": {
        "ControleStatusEnum": "kompas.ondermijning.constants.ControleStatus",
        "UnderminingDayStatusEnum": "kompas.ondermijning.constants.DayStatus",
        "PhenomenonChoiceStatusEnum": "kompas.fenomenen.constants.KeuzeStatus",
        "ActionStatusEnum": "kompas.policy.constants.ActionStatus",
        "CaseStatusEnum": "kompas.cases.constants.CaseStatus",
        "MeasureStatusEnum": "kompas.cases.constants.MeasureStatus",
        "MeasureKindEnum": "kompas.cases.constants.MeasureKind",
        "RegionLevelEnum": "kompas.core.constants.RegionLevel",
        "KvoLevelEnum": "kompas.ondermijning.constants.KvoLevel",
        # Meetings and OTO activities share the same three states.
        "PlannedHeldStatusEnum": "kompas.meetings.constants.MeetingStatus",
    },
}

# --- Logging ----------------------------------------------------------------------------------
LOG_LEVEL = env.str("KOMPAS_LOG_LEVEL", default="INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # reporting: WeasyPrint logs every layout step at INFO
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        # The task worker (kompas run_huey) logs through Django's console handler only.
        "huey": {"handlers": ["console"], "level": LOG_LEVEL, "propagate": False},
    },
}

# Lockout is by user name on purpose (see AXES_LOCKOUT_PARAMETERS above).
SILENCED_SYSTEM_CHECKS = ["axes.W006"]


# --- Signals (meldpunt) -----------------------------------------------------------------------
# Encryption at rest of signal contents (docs/adr/0002-signal-encryption.md): comma-separated
# Fernet keys, the first one encrypts, all of them decrypt (rotation: `kompas keys rotate`).
# A separate secret keys the HMAC lookup tags of receipt codes and addresses.
def _signals_secret(name: str, generate) -> str:
    value = env.str(name, default="")
    if value:
        return value
    if PRODUCTION:
        raise ImproperlyConfigured(
            f"{name} ontbreekt. In productie moet deze sleutel in de omgeving staan, anders kan "
            "het meldpunt meldingen niet versleutelen; de server start niet zonder. Maak een "
            "sleutel met `kompas keys generate` (zie README, 'Meldpunt')."
        )
    path = DATA_DIR / name.lower()
    if not path.exists():
        path.write_text(generate())
        path.chmod(0o600)
    return path.read_text().strip()


def _fernet_key() -> str:
    import base64

    return base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()


KOMPAS_SIGNALS_KEYS = [
    k.strip() for k in _signals_secret("KOMPAS_SIGNALS_KEYS", _fernet_key).split(",") if k.strip()
]
KOMPAS_SIGNALS_LOOKUP_KEY = _signals_secret(
    "KOMPAS_SIGNALS_LOOKUP_KEY", lambda: secrets.token_urlsafe(48)
)
# Reverse proxies in front of the web server (comma-separated IPs or CIDRs). Only when the
# request comes from one of them is X-Forwarded-For read: the client is its right-most address
# that is not a trusted proxy. Without it, REMOTE_ADDR. Used only inside the salted rate-limit
# key (kompas.signals.antiabuse.client_key); never stored or logged.
KOMPAS_TRUSTED_PROXIES = env.list("KOMPAS_TRUSTED_PROXIES", default=[])


def _check_proxies(values: list[str]) -> None:
    import ipaddress

    for value in values:
        try:
            ipaddress.ip_network(value, strict=False)
        except ValueError:
            raise ImproperlyConfigured(
                f"KOMPAS_TRUSTED_PROXIES: {value!r} is geen IP-adres of netwerk (zoals "
                "10.0.0.0/8 of 192.0.2.10)."
            ) from None


_check_proxies(KOMPAS_TRUSTED_PROXIES)
KOMPAS_MELDPUNT_CODE_EXPIRY_DAYS = env.int("KOMPAS_MELDPUNT_CODE_EXPIRY_DAYS", default=90)
KOMPAS_MELDPUNT_SUBMISSIONS_PER_HOUR = env.int("KOMPAS_MELDPUNT_SUBMISSIONS_PER_HOUR", default=20)
KOMPAS_MELDPUNT_CODE_FAILURES_PER_HOUR = env.int(
    "KOMPAS_MELDPUNT_CODE_FAILURES_PER_HOUR", default=10
)
KOMPAS_MELDPUNT_MIN_FILL_SECONDS = env.int("KOMPAS_MELDPUNT_MIN_FILL_SECONDS", default=3)
KOMPAS_MELDPUNT_POW_BITS = env.int("KOMPAS_MELDPUNT_POW_BITS", default=16)
KOMPAS_MELDPUNT_MAX_UPLOAD_MB = env.int("KOMPAS_MELDPUNT_MAX_UPLOAD_MB", default=10)
# Addresses on the meldpunt: the PDOK Locatieserver is asked only when enabled (off in the demo
# and in tests); otherwise, and when it cannot be reached, the gemeente's own address list.
KOMPAS_PDOK_ENABLED = env.bool("KOMPAS_PDOK_ENABLED", default=False)
KOMPAS_PDOK_URL = env.str(
    "KOMPAS_PDOK_URL", default="https://api.pdok.nl/bzk/locatieserver/search/v3_1/free"
)
KOMPAS_PDOK_TIMEOUT_SECONDS = env.float("KOMPAS_PDOK_TIMEOUT_SECONDS", default=3.0)

# --- Meetings (overleggen) --------------------------------------------------------------------
# Days after a meeting was held during which its partner members still see the content of the
# signals that were on its agenda (to check the minutes); 0 = only until the meeting is held.
MEETINGS_PARTNER_ACCESS_DAYS = env.int("KOMPAS_MEETINGS_PARTNER_ACCESS_DAYS", default=14)
DEMONSTRATION_RETENTION_DAYS = env.int("KOMPAS_DEMONSTRATION_RETENTION_DAYS", default=90)

# --- Cases (casusoverleg) ---------------------------------------------------------------------
# Days after a case left a table (listed_until) during which that table's partner members still
# see it (to finish their interventions); 0 = only while it is listed.
KOMPAS_CASES_PARTNER_ACCESS_DAYS = env.int("KOMPAS_CASES_PARTNER_ACCESS_DAYS", default=14)
