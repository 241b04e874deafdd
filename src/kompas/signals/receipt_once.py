# SPDX-License-Identifier: EUPL-1.2
"""The receipt code is shown once, on the page the meldpunt redirects to after a report
(POST/redirect/GET), so that reloading the thank-you page never sends the report again.

The code travels from the POST to that GET in a short-lived cookie that only the reporter's
browser holds: encrypted with the meldpunt's keys (Fernet, with a time limit), restricted to
the thank-you address, and single-use: the first GET marks its nonce used in the shared cache
(signals/cache.py) and removes the cookie. Nothing about the reporter is stored on the server;
the cache keeps only a hash of the random nonce."""

import hashlib
import json
import secrets

from cryptography.fernet import InvalidToken
from django.conf import settings
from django.core.cache import cache

from . import crypto

COOKIE = "kompas_meldpunt_code"
MAX_AGE = 10 * 60
_SHOWN_KEY = "signals:receipt-shown:"


def cookie_value(code: str) -> str:
    payload = json.dumps({"c": code, "n": secrets.token_urlsafe(12)})
    return crypto.fernet().encrypt(payload.encode("utf-8")).decode("ascii")


def code_take(value: str | None) -> str | None:
    """The code in the cookie, the first time only; None when absent, forged, expired or
    already shown."""
    if not value:
        return None
    try:
        data = json.loads(crypto.fernet().decrypt(value.encode("ascii"), ttl=MAX_AGE))
        code, nonce = str(data["c"]), str(data["n"])
    except (InvalidToken, ValueError, UnicodeError, KeyError, TypeError):
        return None
    shown_key = _SHOWN_KEY + hashlib.sha256(nonce.encode()).hexdigest()[:40]
    if not cache.add(shown_key, 1, timeout=MAX_AGE + 60):
        return None
    return code


def cookie_set(response, *, code: str, path: str) -> None:
    response.set_cookie(
        COOKIE,
        cookie_value(code),
        max_age=MAX_AGE,
        path=path,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Strict",
    )


def cookie_delete(response, *, path: str) -> None:
    response.delete_cookie(COOKIE, path=path, samesite="Strict")
