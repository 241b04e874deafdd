# SPDX-License-Identifier: EUPL-1.2
"""`kompas keys generate`: new keys, made without the settings.

In production the settings refuse to load without KOMPAS_SECRET_KEY, KOMPAS_SIGNALS_KEYS and
KOMPAS_SIGNALS_LOOKUP_KEY (the server must not start without them), so the command that makes
those keys cannot wait for the settings: the `kompas` script runs it before Django starts
(kompas.manage), and the management command calls the same functions. Nothing here imports
Django's settings or models; the keys go to stdout only, never to a file or a log."""

from __future__ import annotations

import base64
import secrets


def fernet_key() -> str:
    """A key for KOMPAS_SIGNALS_KEYS (Fernet: 32 random bytes, URL-safe base64)."""
    return base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()


def environment_lines() -> list[str]:
    """The three secrets a new production installation needs, as lines for kompas.env."""
    return [
        f"KOMPAS_SECRET_KEY={secrets.token_urlsafe(64)}",
        f"KOMPAS_SIGNALS_KEYS={fernet_key()}",
        f"KOMPAS_SIGNALS_LOOKUP_KEY={secrets.token_urlsafe(48)}",
    ]


def output(*, environment: bool) -> str:
    return "\n".join(environment_lines() if environment else [fernet_key()]) + "\n"


ENVIRONMENT_HELP = (
    "alle drie de geheimen voor een nieuwe installatie (KOMPAS_SECRET_KEY, KOMPAS_SIGNALS_KEYS, "
    "KOMPAS_SIGNALS_LOOKUP_KEY) als regels voor kompas.env"
)


def main(argv: list[str]) -> int:
    """`kompas keys generate [--omgeving]` before the settings exist."""
    import sys

    from kompas.core.commands import DutchCommandParser  # Django's parser, no settings needed

    parser = DutchCommandParser(
        prog="kompas keys generate",
        description="Maak een nieuwe sleutel voor KOMPAS_SIGNALS_KEYS (of met --omgeving alle "
        "geheimen van een nieuwe installatie) en schrijf die naar de standaarduitvoer.",
        called_from_command_line=True,
    )
    parser.add_argument("--omgeving", action="store_true", help=ENVIRONMENT_HELP)
    options = parser.parse_args(argv)
    sys.stdout.write(output(environment=options.omgeving))
    return 0
