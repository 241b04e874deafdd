# SPDX-License-Identifier: EUPL-1.2
"""Encryption at rest and keyed lookup tags for the meldpunt (docs/adr/0002).

- `encrypt`/`decrypt`: MultiFernet (AES-128-CBC + HMAC-SHA256) with the keys in
  settings.KOMPAS_SIGNALS_KEYS; the first key encrypts, every key decrypts.
- `lookup_tag`: HMAC-SHA256 with settings.KOMPAS_SIGNALS_LOOKUP_KEY, so a receipt code or an
  address can be found by equality without storing it.
- Receipt codes: 16 random digits, verified with Argon2id (argon2-cffi).
"""

import hashlib
import hmac
import re
import secrets
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


@lru_cache(maxsize=4)
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    try:
        return MultiFernet([Fernet(k.encode()) for k in keys])
    except (ValueError, TypeError) as exc:
        raise ImproperlyConfigured(
            "KOMPAS_SIGNALS_KEYS bevat een ongeldige sleutel: elke sleutel is 32 bytes in "
            "URL-veilige base64 (maak er een met `kompas keys generate`)."
        ) from exc


def fernet() -> MultiFernet:
    keys = tuple(settings.KOMPAS_SIGNALS_KEYS)
    if not keys:
        raise ImproperlyConfigured("KOMPAS_SIGNALS_KEYS is leeg.")
    return _fernet(keys)


def encrypt(text: str) -> str:
    """Encrypt a text; the empty text stays empty (nothing to hide, and cheap to test)."""
    if not text:
        return ""
    return fernet().encrypt(text.encode("utf-8")).decode("ascii")


def decrypt(token: str) -> str:
    if not token:
        return ""
    try:
        return fernet().decrypt(token.encode("ascii")).decode("utf-8")
    except InvalidToken as exc:
        raise ImproperlyConfigured(
            "Een versleuteld gegeven kan met geen van de sleutels in KOMPAS_SIGNALS_KEYS worden "
            "gelezen. Is een oude sleutel te vroeg verwijderd?"
        ) from exc


def encrypt_bytes(data: bytes) -> bytes:
    return fernet().encrypt(data)


def decrypt_bytes(token: bytes) -> bytes:
    return fernet().decrypt(bytes(token))


def rotate_text(token: str) -> str:
    return fernet().rotate(token.encode("ascii")).decode("ascii") if token else ""


def rotate_bytes(token: bytes) -> bytes:
    return fernet().rotate(bytes(token))


def lookup_tag(kind: str, value: str) -> str:
    key = settings.KOMPAS_SIGNALS_LOOKUP_KEY.encode()
    return hmac.new(key, f"{kind}\x00{value}".encode(), hashlib.sha256).hexdigest()


# --- Receipt codes ----------------------------------------------------------------------------
# 16 digits = 53 bits of entropy. Lookup needs the server's HMAC key; the Argon2 hash protects
# the codes if database AND key leak. With 53 bits of entropy even modest Argon2id parameters
# make brute force infeasible (10^16 guesses x ~1 ms of memory-hard work = 300,000 core-years),
# so we keep the cost low enough for a busy meldpunt (benchmarks/signals). See ADR 0002.
_hasher = PasswordHasher(time_cost=1, memory_cost=2048, parallelism=1)
CODE_DIGITS = 16


def receipt_code_new() -> str:
    # One uniform draw from the operating system's CSPRNG (not 16 separate system calls).
    return f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"


def receipt_code_normalise(raw: str) -> str | None:
    digits = re.sub(r"[\s\-.]", "", raw or "")
    if len(digits) != CODE_DIGITS or not digits.isdigit():
        return None
    return digits


def receipt_code_format(code: str) -> str:
    return " ".join(code[i : i + 4] for i in range(0, len(code), 4))


def receipt_code_hash(code: str) -> str:
    return _hasher.hash(code)


def receipt_code_verify(code_hash: str, code: str) -> bool:
    try:
        return _hasher.verify(code_hash, code)
    except (VerificationError, InvalidHashError):
        return False


def receipt_code_tag(code: str) -> str:
    return lookup_tag("receipt", code)
