# SPDX-License-Identifier: EUPL-1.2
"""Settings come from the environment; production refuses to start without a secret."""

import os
import subprocess
import sys
from pathlib import Path

# Production also needs the meldpunt's keys (signals app; see README "Meldpunt").
SIGNALS_KEYS = {
    "KOMPAS_SIGNALS_KEYS": "q3uZ9l6pX2bKx8Yt0N1mV4cR7sWfHjL5aEeDgT9iUoQ=",
    "KOMPAS_SIGNALS_LOOKUP_KEY": "lookup-" + "z" * 40,
}


def _kompas(args, **env):
    environment = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("KOMPAS_", "DATABASE_URL", "DJANGO_ALLOW_ASYNC"))
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-m", "kompas.manage", *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_without_secret_key_refuses_to_start(tmp_path):
    result = _kompas(["check"], KOMPAS_ENV="production", KOMPAS_DATA_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "KOMPAS_SECRET_KEY ontbreekt" in result.stderr


def test_production_with_secret_key_starts(tmp_path):
    result = _kompas(
        ["check", "--deploy", "--fail-level", "ERROR"],
        KOMPAS_ENV="production",
        KOMPAS_DATA_DIR=str(tmp_path),
        KOMPAS_SECRET_KEY="k8#Qz!" * 11,
        KOMPAS_ALLOWED_HOSTS="veiligheid.example.nl",
        **SIGNALS_KEYS,
    )
    assert result.returncode == 0, result.stderr


def test_unknown_environment_is_refused(tmp_path):
    result = _kompas(["check"], KOMPAS_ENV="staging", KOMPAS_DATA_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "KOMPAS_ENV moet" in result.stderr


def test_demo_generates_and_keeps_secret_key(tmp_path):
    assert _kompas(["check"], KOMPAS_DATA_DIR=str(tmp_path)).returncode == 0
    key_file = tmp_path / "secret_key"
    first = key_file.read_text()
    assert len(first) > 50 and oct(key_file.stat().st_mode)[-3:] == "600"
    _kompas(["check"], KOMPAS_DATA_DIR=str(tmp_path))
    assert key_file.read_text() == first


def test_production_cookies_and_hsts(tmp_path):
    code = (
        "from django.conf import settings as s;"
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS,"
        " s.KOMPAS_REQUIRE_2FA)"
    )
    environment = {k: v for k, v in os.environ.items() if not k.startswith("KOMPAS_")}
    environment.update(
        KOMPAS_ENV="production",
        KOMPAS_SECRET_KEY="y" * 64,
        KOMPAS_DATA_DIR=str(tmp_path),
        DJANGO_SETTINGS_MODULE="kompas.settings",
        **SIGNALS_KEYS,
    )
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup();" + code],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.split() == ["True", "True", "31536000", "True"], result.stderr


def test_command_on_an_unmigrated_database_says_to_migrate(tmp_path):
    """A newcomer who runs a command before `kompas migrate` gets a Dutch instruction, not a
    traceback about a missing table."""
    plan = str(Path(__file__).parents[2] / "policy" / "plans" / "GM0098-ivb-2024-2027.yaml")
    result = _kompas(["plan", "validate", plan], KOMPAS_DATA_DIR=str(tmp_path))
    assert result.returncode == 1
    assert "Draai eerst 'kompas migrate'" in result.stderr
    assert "Traceback" not in result.stderr
    assert _kompas(["migrate", "-v", "0"], KOMPAS_DATA_DIR=str(tmp_path)).returncode == 0
    result = _kompas(["plan", "validate", plan], KOMPAS_DATA_DIR=str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "in orde" in result.stdout


def test_keys_generate_works_in_production_before_the_keys_exist(tmp_path):
    """The production settings refuse to load without their keys; the command that makes
    them runs before the settings, so a new installation can get its keys. The check itself
    stays: any other command (here `keys rotate` and `check`) still refuses to start."""
    from cryptography.fernet import Fernet

    production = {"KOMPAS_ENV": "production", "KOMPAS_DATA_DIR": str(tmp_path)}
    one = _kompas(["keys", "generate"], **production)
    assert one.returncode == 0, one.stderr
    Fernet(one.stdout.strip())  # a valid key for KOMPAS_SIGNALS_KEYS
    env = _kompas(["keys", "generate", "--omgeving"], **production)
    assert env.returncode == 0, env.stderr
    secrets = dict(line.split("=", 1) for line in env.stdout.splitlines())
    assert sorted(secrets) == [
        "KOMPAS_SECRET_KEY",
        "KOMPAS_SIGNALS_KEYS",
        "KOMPAS_SIGNALS_LOOKUP_KEY",
    ]
    assert not [p for p in tmp_path.iterdir() if "key" in p.name]  # stdout only, no file
    refused = _kompas(["keys", "rotate"], **production)
    assert refused.returncode != 0 and "KOMPAS_SECRET_KEY ontbreekt" in refused.stderr
    # With the generated secrets in the environment the production server passes its check.
    started = _kompas(
        ["check", "--deploy", "--fail-level", "ERROR"],
        KOMPAS_ALLOWED_HOSTS="veiligheid.example.nl",
        **production,
        **secrets,
    )
    assert started.returncode == 0, started.stderr
