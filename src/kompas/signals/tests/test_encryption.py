# SPDX-License-Identifier: EUPL-1.2
"""A raw dump of the database shows none of the plaintext; key rotation re-encrypts."""

import subprocess
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection

from kompas.signals import crypto
from kompas.signals.attachments import attachment_clean
from kompas.signals.models import Signal, SignalMessage
from kompas.signals.services import (
    Contact,
    Location,
    signal_question_ask,
    signal_reporter_reply,
    signal_view,
)

pytestmark = pytest.mark.django_db(transaction=True)

SECRETS = [
    "Cannabisgeur-bij-de-Zonnebloemstraat",
    "Jantje Geheimnaam",
    "jantje.geheim@voorbeeld.nl",
    "0612345678",
    "Antwoord-met-geheim-woord-Zeepaard",
    "Vraag-van-team-Kwartelkoning",
    "Achter-de-molen-plek",
    "Bijlage-met-geheim-woord-Grutto",
]


def _raw_dump() -> bytes:
    """The database as an attacker with a copy of it would see it."""
    settings_dict = connection.settings_dict
    if connection.vendor == "sqlite":
        # The test database lives in memory: copy it page by page into a file with SQLite's
        # backup API, then read that file's bytes, exactly as a stolen kompas.sqlite3 would be.
        import sqlite3
        import tempfile

        connection.ensure_connection()
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "dump.sqlite3"
            target = sqlite3.connect(path)
            connection.connection.backup(target)
            target.close()
            return path.read_bytes()
    # PostgreSQL: pg_dump of the test database when available, else every column raw.
    try:
        result = subprocess.run(
            [
                "pg_dump",
                "-h",
                settings_dict.get("HOST") or "127.0.0.1",
                "-p",
                str(settings_dict.get("PORT") or 5432),
                "-U",
                settings_dict.get("USER") or "postgres",
                "--data-only",
                settings_dict["NAME"],
            ],
            capture_output=True,
            timeout=120,
            check=True,
        )
        return result.stdout
    except (OSError, subprocess.SubprocessError):
        rows = []
        with connection.cursor() as cursor:
            for table in connection.introspection.table_names():
                cursor.execute(f'SELECT * FROM "{table}"')
                rows.extend(repr(r) for r in cursor.fetchall())
        return "\n".join(rows).encode()


def _pdf_with(text: str) -> bytes:
    """A real one-page PDF whose content stream holds `text` in plain bytes."""
    stream = f"BT /F1 12 Tf 20 100 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = b"%PDF-1.4\n"
    for number, body in enumerate(objects, start=1):
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    return out + b"trailer << /Root 1 0 R >>\n%%EOF\n"


def _make(make_signal, adviseur):
    signal, _code = make_signal(
        description=f"Ik ruik {SECRETS[0]} elke avond.",
        contact=Contact(name=SECRETS[1], email=SECRETS[2], phone=SECRETS[3]),
        location=Location(description=SECRETS[6]),
        attachments=[attachment_clean(data=_pdf_with(SECRETS[7]), name="bewijs.pdf")],
    )
    signal_question_ask(signal=signal, text=SECRETS[5], by=adviseur)
    signal_reporter_reply(signal=signal, text=SECRETS[4])
    return signal


def test_raw_database_dump_contains_no_plaintext(make_signal, adviseur_heerenveen, settings):
    signal = _make(make_signal, adviseur_heerenveen)
    assert signal.attachments.count() == 1
    assert SECRETS[7].encode() in _pdf_with(SECRETS[7])  # the attachment holds it in plaintext
    dump = _raw_dump()
    assert len(dump) > 10_000
    assert b"signals_signal" in dump or b"gAAAAA" in dump  # the dump really holds our tables
    for secret in SECRETS:
        assert secret.encode() not in dump, secret
        assert secret.encode("utf-16-le") not in dump


def test_key_rotation_reencrypts_with_new_key(make_signal, adviseur_heerenveen, settings):
    signal = _make(make_signal, adviseur_heerenveen)
    old_key = settings.KOMPAS_SIGNALS_KEYS[0]
    new_key = Fernet.generate_key().decode()
    settings.KOMPAS_SIGNALS_KEYS = [new_key, old_key]
    call_command("keys", "rotate")
    settings.KOMPAS_SIGNALS_KEYS = [new_key]  # old key retired
    signal = Signal.objects.get(pk=signal.pk)
    view = signal_view(signal=signal, user=adviseur_heerenveen)
    assert SECRETS[0] in view.description
    assert view.contact["name"] == SECRETS[1]
    assert [m["text"] for m in view.messages] == [SECRETS[5], SECRETS[4]]
    message = SignalMessage.objects.first()
    assert Fernet(new_key.encode()).decrypt(message.body_enc.encode())


def test_unknown_key_gives_a_clear_error(make_signal, settings):
    signal, _code = make_signal()
    settings.KOMPAS_SIGNALS_KEYS = [Fernet.generate_key().decode()]
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured, match="geen van de sleutels"):
        crypto.decrypt(signal.description_enc)


def test_production_without_keys_refuses_to_start(tmp_path):
    import os
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith("KOMPAS_SIGNALS")} | {
        "KOMPAS_ENV": "production",
        "KOMPAS_SECRET_KEY": "x" * 60,
        "KOMPAS_DATA_DIR": str(tmp_path),
        "KOMPAS_ALLOWED_HOSTS": "localhost",
    }
    result = subprocess.run(
        [sys.executable, "-c", "import kompas.settings"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "KOMPAS_SIGNALS_KEYS ontbreekt" in result.stderr
