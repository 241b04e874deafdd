# SPDX-License-Identifier: EUPL-1.2
"""Anti-abuse for the public meldpunt without storing who the reporter is.

- Rate limits: short-lived counters in Django's shared cache (KOMPAS_CACHE_URL), keyed by
  HMAC(daily salt, client address; behind a trusted proxy the forwarded address). The salt
  is random, lives only in the cache and changes every day, so a counter key cannot be
  linked back to an address, not even by us, once the day is over.
- Forms: a honeypot field and a signed start time (minimum fill time), plus CSRF; a form
  token is single-use (a marker in the shared cache).
- API: proof of work (hashcash): the client finds a nonce so that
  sha256(challenge ":" nonce) starts with N zero bits; a challenge is signed and single-use.
"""

import functools
import hashlib
import hmac
import ipaddress
import secrets
import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils import timezone

_SALT_KEY = "signals:ratelimit-salt:{day}"
_TIMESTAMP_SALT = "kompas.signals.form-started"
_POW_SALT = "kompas.signals.pow"


def _daily_salt() -> bytes:
    key = _SALT_KEY.format(day=timezone.now().date().isoformat())
    salt = cache.get(key)
    if salt is None:
        cache.add(key, secrets.token_hex(32), timeout=26 * 3600)
        salt = cache.get(key)
    return salt.encode()


@functools.lru_cache(maxsize=8)
def _networks(values: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(v.strip(), strict=False) for v in values if v.strip())


def _trusted(address: str, networks) -> bool:
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return False
    return any(ip in net for net in networks)


def client_address(request) -> str:
    """The client's address, for client_key only (never stored, never logged).

    REMOTE_ADDR, unless that is a trusted reverse proxy (KOMPAS_TRUSTED_PROXIES): then the
    right-most X-Forwarded-For address that is not a trusted proxy. Addresses left of it were
    written by the client itself and cannot be believed."""
    remote = request.META.get("REMOTE_ADDR", "")
    networks = _networks(tuple(settings.KOMPAS_TRUSTED_PROXIES))
    if not networks or not _trusted(remote, networks):
        return remote
    hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    hops = [h for h in hops if h]
    for hop in reversed(hops):
        if not _trusted(hop, networks):
            return hop
    # Every hop is a trusted proxy (or there is no header): the left-most one is the client.
    return hops[0] if hops else remote


def client_key(request) -> str:
    """An anonymous, daily-changing key for the client; the address itself is not kept.
    Computed once per request (the limit is checked and then counted: one salt read less)."""
    key = getattr(request, "_kompas_client_key", None)
    if key is None:
        address = client_address(request)
        key = hmac.new(_daily_salt(), address.encode(), hashlib.sha256).hexdigest()[:32]
        request._kompas_client_key = key
    return key


def limit_reached(request, *, bucket: str, limit: int, window: int = 3600) -> bool:
    """True when the client already used `limit` hits of `bucket` in the current window."""
    if limit <= 0:
        return False
    slot = int(time.time() // window)
    key = f"signals:rl:{bucket}:{slot}:{client_key(request)}"
    return (cache.get(key) or 0) >= limit


def limit_hit(request, *, bucket: str, window: int = 3600) -> None:
    slot = int(time.time() // window)
    key = f"signals:rl:{bucket}:{slot}:{client_key(request)}"
    if not cache.add(key, 1, timeout=window):
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, 1, timeout=window)


# --- Forms: honeypot + minimum fill time + single use ---------------------------------------------
FORM_MAX_AGE = 24 * 3600
_FORM_USED_KEY = "signals:form-used:"


def form_started_token() -> str:
    """A signed start time with a random nonce: every form served gets its own token."""
    return signing.dumps(
        {"t": int(time.time()), "n": secrets.token_urlsafe(12)}, salt=_TIMESTAMP_SALT
    )


def _form_started_at(token: str) -> int | None:
    try:
        data = signing.loads(token or "", salt=_TIMESTAMP_SALT, max_age=FORM_MAX_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("t"), int) or not data.get("n"):
        return None  # e.g. the nonce-less tokens of older versions: the form is served anew
    return data["t"]


def form_fill_ok(token: str) -> bool:
    """The form was served by us, at least the minimum fill time ago and at most a day ago."""
    started = _form_started_at(token)
    if started is None:
        return False
    return time.time() - started >= settings.KOMPAS_MELDPUNT_MIN_FILL_SECONDS


def _form_used_key(token: str) -> str:
    return _FORM_USED_KEY + hashlib.sha256(token.encode()).hexdigest()[:40]


def form_token_claim(token: str) -> bool:
    """Mark a form token used, atomically in the shared cache: True the first time only, so a
    reload or a double click that posts the same form again files nothing a second time. The
    marker outlives the token itself."""
    return cache.add(_form_used_key(token), 1, timeout=FORM_MAX_AGE + 3600)


def form_token_release(token: str) -> None:
    """Nothing was stored after all (a refusal, a busy database): the form may be sent again."""
    cache.delete(_form_used_key(token))


# --- API: proof of work ---------------------------------------------------------------------------
def pow_challenge() -> dict:
    challenge = signing.dumps(secrets.token_hex(16), salt=_POW_SALT)
    return {"challenge": challenge, "bits": settings.KOMPAS_MELDPUNT_POW_BITS}


def _leading_zero_bits(digest: bytes) -> int:
    bits = 0
    for byte in digest:
        if byte == 0:
            bits += 8
            continue
        return bits + (8 - byte.bit_length())
    return bits


def pow_solve(challenge: str, bits: int) -> str:
    """Reference solver (tests, benchmark, and documentation for API clients)."""
    nonce = 0
    while True:
        digest = hashlib.sha256(f"{challenge}:{nonce}".encode()).digest()
        if _leading_zero_bits(digest) >= bits:
            return str(nonce)
        nonce += 1


def pow_verify(challenge: str, nonce: str) -> bool:
    bits = settings.KOMPAS_MELDPUNT_POW_BITS
    if bits <= 0:
        return True
    try:
        signing.loads(challenge or "", salt=_POW_SALT, max_age=600)
    except signing.BadSignature:
        return False
    if len(str(nonce)) > 40:
        return False
    digest = hashlib.sha256(f"{challenge}:{nonce}".encode()).digest()
    if _leading_zero_bits(digest) < bits:
        return False
    # single use
    used_key = "signals:pow-used:" + hashlib.sha256(challenge.encode()).hexdigest()
    return cache.add(used_key, 1, timeout=660)
