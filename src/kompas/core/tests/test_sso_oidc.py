# SPDX-License-Identifier: EUPL-1.2
"""SSO with OpenID Connect, end to end (issue 15 item 11): a real provider, django-oauth-toolkit
in OIDC mode with an RS256 key made here, runs as a second process (tests/oidc_provider); the
product answers on the live server with the settings that settings_oidc.oidc_settings reads from
KOMPAS_OIDC_* variables. A real HTTP client (requests, cookies, redirects) logs in at the
provider and comes back: an invited person lands on their start page; an unknown e-mail
address, an unconfirmed one, a deactivated account and a forged state are refused with a
Dutch message; staff still enter their TOTP unless the provider's MFA is trusted and used."""

import json
import os
import re
import secrets
import select
import socket
import subprocess
import sys
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

import environ
import pytest
import requests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured

from kompas.core.constants import AuditAction, Role
from kompas.core.models import AuditEntry
from kompas.core.services.beheer import membership_remove, user_invite
from kompas.settings_oidc import oidc_settings

PASSWORD = "idp-wachtwoord-1"
CLIENT_ID = "veiligheidskompas"
IDP_NAME = "Test-IdP Gemeente"
# The provider's people. Kompas knows only those a test invites.
IDP_USERS = [
    {"username": "anna", "email": "Anna.Smit@Heerenveen.nl", "amr": ["pwd"]},
    {"username": "bart", "email": "bart@heerenveen.nl", "amr": ["pwd", "mfa", "otp"]},
    {"username": "onbekend", "email": "iemand@elders.nl"},
    {"username": "carla", "email": "carla@heerenveen.nl", "email_verified": False},
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _env(values: dict) -> environ.Env:
    source = environ.Env()
    source.ENVIRON = values
    return source


@pytest.fixture(scope="module")
def provider(live_server, tmp_path_factory):
    """The OpenID provider in its own process, on a free port; stopped after the module."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    secret = secrets.token_urlsafe(32)
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(
        OIDCP_PORT=str(port),
        OIDCP_BASE_URL=base,
        OIDCP_RSA_PRIVATE_KEY=pem,
        OIDCP_USERS=json.dumps([{**u, "password": PASSWORD} for u in IDP_USERS]),
        OIDCP_CLIENT=json.dumps(
            {
                "client_id": CLIENT_ID,
                "client_secret": secret,
                "redirect_uri": f"{live_server.url}/inloggen/sso/terug/",
            }
        ),
    )
    log = tmp_path_factory.mktemp("oidc-provider") / "stderr.log"
    with log.open("w") as stderr:
        proc = subprocess.Popen(
            [sys.executable, "-m", "kompas.core.tests.oidc_provider"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
        )
    try:
        ready, _w, _x = select.select([proc.stdout], [], [], 60)
        if not ready or proc.stdout.readline().strip() != "READY":
            proc.kill()
            proc.wait(timeout=10)
            pytest.fail(f"De test-IdP startte niet:\n{log.read_text()}")
        yield {"base": base, "secret": secret}
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture
def sso(settings, provider):
    """SSO on, configured the way an operator does it: KOMPAS_OIDC_* variables, read by the
    product's own settings code. TOTP enforced, as in production."""
    base = provider["base"]
    variables = {
        "KOMPAS_OIDC_ENABLED": "true",
        "KOMPAS_OIDC_PROVIDER_NAME": IDP_NAME,
        "KOMPAS_OIDC_CLIENT_ID": CLIENT_ID,
        "KOMPAS_OIDC_CLIENT_SECRET": provider["secret"],
        "KOMPAS_OIDC_AUTHORIZATION_ENDPOINT": f"{base}/o/authorize/",
        "KOMPAS_OIDC_TOKEN_ENDPOINT": f"{base}/o/token/",
        "KOMPAS_OIDC_USER_ENDPOINT": f"{base}/o/userinfo/",
        "KOMPAS_OIDC_JWKS_ENDPOINT": f"{base}/o/.well-known/jwks.json",
        "KOMPAS_OIDC_ISSUER": f"{base}/o",
    }
    _configure(settings, variables)
    settings.KOMPAS_REQUIRE_2FA = True
    return settings


def _configure(settings, variables: dict) -> None:
    for name, value in oidc_settings(_env(variables)).items():
        setattr(settings, name, value)
    settings.AUTHENTICATION_BACKENDS = [
        *settings.AUTHENTICATION_BACKENDS,
        "kompas.core.sso.KompasOIDCBackend",
    ]


@pytest.fixture
def invite(heerenveen, make_member):
    admin = make_member(heerenveen, Role.ADMIN, username="beheer")

    def make(email, role=Role.READER):
        membership, _new = user_invite(
            municipality=heerenveen,
            email=email,
            first_name="Test",
            last_name="Persoon",
            role=role,
            by=admin,
        )
        return membership

    make.admin = admin
    return make


def _at_provider_login(session, kompas, next_path=""):
    """Start at Kompas' SSO link; answers the provider's login form it ends on."""
    query = f"?{urlencode({'next': next_path})}" if next_path else ""
    page = session.get(f"{kompas}/inloggen/sso/{query}", timeout=10)
    assert "/accounts/login/" in page.url, page.url
    return page


def _submit_provider_login(session, page, username, **kwargs):
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    next_value = re.search(r'name="next" value="([^"]*)"', page.text).group(1)
    form = {
        "csrfmiddlewaretoken": csrf,
        "username": username,
        "password": PASSWORD,
        "next": next_value.replace("&amp;", "&"),
    }
    return session.post(page.url, data=form, timeout=10, **kwargs)


def sso_login(kompas, username, next_path=""):
    """The whole round trip as a browser makes it; answers (session, last page)."""
    session = requests.Session()
    page = _at_provider_login(session, kompas, next_path)
    return session, _submit_provider_login(session, page, username)


def _path(response) -> str:
    parts = urlsplit(response.url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def test_invited_person_lands_logged_in_on_their_start_page(sso, live_server, invite):
    page = requests.get(f"{live_server.url}/inloggen/?next=/heerenveen/", timeout=10)
    assert f"Inloggen met {IDP_NAME}" in page.text
    assert 'href="/inloggen/sso/?next=/heerenveen/"' in page.text
    membership = invite("anna.smit@heerenveen.nl")  # other case than the provider's claim
    session, page = sso_login(live_server.url, "anna")
    assert page.status_code == 200
    assert _path(page) == "/heerenveen/"
    assert "Uitloggen" in page.text
    login = AuditEntry.objects.filter(action=AuditAction.LOGIN, user=membership.user).get()
    assert login.note == f"via {IDP_NAME}"
    # No account was made: the invited one logged in.
    assert get_user_model().objects.filter(email__iexact="anna.smit@heerenveen.nl").count() == 1
    # The session is a real one: another page, and the way back to where the person asked.
    assert _path(session.get(f"{live_server.url}/", timeout=10)) == "/heerenveen/"
    _s, page = sso_login(live_server.url, "anna", next_path="/heerenveen/regios/")
    assert _path(page) == "/heerenveen/regios/"


def test_staff_enter_their_totp_unless_the_providers_mfa_is_trusted(sso, live_server, invite):
    invite("anna.smit@heerenveen.nl", role=Role.ADVISOR)
    invite("bart@heerenveen.nl", role=Role.ADVISOR)
    api = f"{live_server.url}/api/v1/municipalities/"
    # Not trusted (the default): even bart's MFA at the provider does not replace the TOTP.
    session, page = sso_login(live_server.url, "bart")
    assert _path(page).startswith("/tweestapsverificatie/instellen/")
    assert session.get(api, timeout=10).status_code == 403
    sso.KOMPAS_OIDC_TRUST_MFA = True
    # Trusted, but anna logged in with a password only: TOTP still.
    _s, page = sso_login(live_server.url, "anna")
    assert _path(page).startswith("/tweestapsverificatie/instellen/")
    # Trusted and used (amr "mfa"): bart is in, pages and session API alike.
    session, page = sso_login(live_server.url, "bart")
    assert _path(page) == "/heerenveen/"
    assert session.get(api, timeout=10).status_code == 200


def test_unknown_unconfirmed_or_deactivated_people_are_refused(sso, live_server, invite):
    invite("carla@heerenveen.nl")  # invited, but the provider says the address is unconfirmed
    anna = invite("anna.smit@heerenveen.nl")
    # Anna's last membership goes: her account is deactivated, and SSO cannot bring it back.
    assert membership_remove(membership=anna, by=invite.admin)
    users_before = get_user_model().objects.count()
    for username, message in [
        ("onbekend", "ingelogd als iemand@elders.nl, maar Veiligheidskompas kent geen (actief)"),
        ("carla", "Uw e-mailadres is bij Test-IdP Gemeente niet bevestigd"),
        ("anna", "kent geen (actief) account met dat e-mailadres"),
    ]:
        session, page = sso_login(live_server.url, username)
        assert _path(page) == "/inloggen/", username
        assert message in page.text, username
        home = session.get(f"{live_server.url}/heerenveen/", timeout=10)
        assert _path(home).startswith("/inloggen/"), username
    assert get_user_model().objects.count() == users_before
    refusals = AuditEntry.objects.filter(action=AuditAction.FAILED_LOGIN)
    assert [e.note.split(":")[0] for e in refusals] == [f"SSO ({IDP_NAME})"] * 3
    assert not AuditEntry.objects.filter(action=AuditAction.LOGIN).exists()


def test_forged_state_is_refused_and_the_genuine_one_still_works(sso, live_server, invite):
    invite("anna.smit@heerenveen.nl")
    session = requests.Session()
    page = _at_provider_login(session, live_server.url)
    answer = _submit_provider_login(session, page, "anna", allow_redirects=False)
    # Follow the provider's redirects by hand up to the way back to Kompas.
    while not answer.headers["Location"].startswith(f"{live_server.url}/inloggen/sso/terug/"):
        location = answer.headers["Location"]
        if location.startswith("/"):
            location = f"{provider_base(page.url)}{location}"
        answer = session.get(location, allow_redirects=False, timeout=10)
    callback = urlsplit(answer.headers["Location"])
    query = parse_qs(callback.query)
    forged = {**{k: v[0] for k, v in query.items()}, "state": "vervalst" + query["state"][0]}
    page = session.get(urlunsplit(callback._replace(query=urlencode(forged))), timeout=10)
    assert _path(page) == "/inloggen/"
    assert f"Inloggen met {IDP_NAME} is niet gelukt of verlopen" in page.text
    assert _path(session.get(f"{live_server.url}/heerenveen/", timeout=10)).startswith("/inloggen/")
    # The refusal was the state's doing: the untouched answer logs in.
    page = session.get(answer.headers["Location"], timeout=10)
    assert _path(page) == "/heerenveen/"
    # The same answer in another browser (a stolen callback URL) logs nobody in.
    thief = requests.Session()
    page = thief.get(answer.headers["Location"], timeout=10)
    assert _path(page) == "/inloggen/"
    assert _path(thief.get(f"{live_server.url}/", timeout=10)).startswith("/inloggen/")


def provider_base(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


# --- Settings and the MFA rule, without a provider ---------------------------------------------
def test_settings_name_every_missing_variable():
    with pytest.raises(ImproperlyConfigured) as error:
        oidc_settings(_env({"KOMPAS_OIDC_ENABLED": "true", "KOMPAS_OIDC_CLIENT_ID": "x"}))
    assert "KOMPAS_OIDC_CLIENT_SECRET" in str(error.value)
    assert "KOMPAS_OIDC_JWKS_ENDPOINT" in str(error.value)
    assert "KOMPAS_OIDC_CLIENT_ID," not in str(error.value)
    assert oidc_settings(_env({})) == {"KOMPAS_OIDC_ENABLED": False}


def test_acr_counts_as_mfa_only_when_configured(settings):
    from kompas.core.sso import idp_mfa_satisfied

    settings.KOMPAS_OIDC_TRUST_MFA = True
    settings.KOMPAS_OIDC_MFA_AMR = ["mfa"]
    settings.KOMPAS_OIDC_MFA_ACR = []
    substantial = {"acr": "urn:etoegang:core:assurance-class:loa3", "amr": ["pwd"]}
    assert not idp_mfa_satisfied(substantial)
    settings.KOMPAS_OIDC_MFA_ACR = ["urn:etoegang:core:assurance-class:loa3"]
    assert idp_mfa_satisfied(substantial)
    settings.KOMPAS_OIDC_TRUST_MFA = False
    assert not idp_mfa_satisfied(substantial)
    assert not idp_mfa_satisfied({"amr": ["mfa"]})


@pytest.mark.django_db
def test_token_for_another_client_or_issuer_is_refused(settings, rf):
    from kompas.core.sso import KompasOIDCBackend

    idp = "https://idp.example"
    variables = {"KOMPAS_OIDC_CLIENT_ID": "kompas", "KOMPAS_OIDC_CLIENT_SECRET": "geheim"}
    for name in ("AUTHORIZATION", "TOKEN", "USER", "JWKS"):
        variables[f"KOMPAS_OIDC_{name}_ENDPOINT"] = f"{idp}/{name.lower()}"
    variables.update(KOMPAS_OIDC_ENABLED="true", KOMPAS_OIDC_ISSUER=idp)
    _configure(settings, variables)
    backend = KompasOIDCBackend()
    backend.request = rf.get("/inloggen/sso/terug/")
    ours = "kompas"
    # Refused before the provider is asked anything (userinfo would fail: no such host).
    for payload in ({"aud": "een-andere-toepassing", "iss": idp}, {"aud": ours, "iss": "x"}):
        assert backend.get_or_create_user("token", "id-token", payload) is None
    assert AuditEntry.objects.filter(action=AuditAction.FAILED_LOGIN).count() == 2


def test_the_environment_alone_turns_sso_on(tmp_path):
    """As an operator starts it: only variables, in a fresh process that loads the settings,
    builds the login backends (the OIDC one among them) and sends a visitor of the SSO start
    to the provider. (A missing variable: test_settings_name_every_missing_variable.)"""
    idp = "https://idp.gemeente.example"
    env = {k: v for k, v in os.environ.items() if not k.startswith("KOMPAS_OIDC_")}
    env.update(
        DJANGO_SETTINGS_MODULE="kompas.settings",
        KOMPAS_DATA_DIR=str(tmp_path),
        KOMPAS_OIDC_ENABLED="true",
        KOMPAS_OIDC_PROVIDER_NAME="Gemeente Heerenveen",
        KOMPAS_OIDC_CLIENT_ID="kompas",
        KOMPAS_OIDC_CLIENT_SECRET="geheim",
        KOMPAS_OIDC_AUTHORIZATION_ENDPOINT=f"{idp}/authorize",
        KOMPAS_OIDC_TOKEN_ENDPOINT=f"{idp}/token",
        KOMPAS_OIDC_USER_ENDPOINT=f"{idp}/userinfo",
        KOMPAS_OIDC_JWKS_ENDPOINT=f"{idp}/jwks",
    )
    script = (
        "import django; django.setup()\n"
        "from django.contrib.auth import get_backends\n"
        "from django.contrib.sessions.backends.signed_cookies import SessionStore\n"
        "from django.test import RequestFactory\n"
        "from kompas.core.views import sso_start\n"
        "print([type(b).__name__ for b in get_backends()])\n"
        "request = RequestFactory().get('/inloggen/sso/')\n"
        "request.session = SessionStore()\n"
        "page = sso_start(request)\n"
        "print(page.status_code, page['Location'].split('?')[0])\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 0, run.stderr
    backends, start = run.stdout.strip().splitlines()[-2:]
    assert "KompasOIDCBackend" in backends
    assert start == f"302 {idp}/authorize"
