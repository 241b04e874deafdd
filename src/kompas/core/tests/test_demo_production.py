# SPDX-License-Identifier: EUPL-1.2
"""`kompas demo` and the demo loaders refuse in production: the demo creates beheerder and
adviseur accounts with predictable passwords in whatever database DATABASE_URL names."""

import sqlite3

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from kompas.core import demo

from .test_settings import SIGNALS_KEYS, _kompas


def test_demo_command_refuses_in_production_with_exit_code_and_dutch_message(tmp_path):
    database = tmp_path / "production.sqlite3"
    result = _kompas(
        ["demo", "--no-serve"],
        KOMPAS_ENV="production",
        KOMPAS_DATA_DIR=str(tmp_path),
        KOMPAS_SECRET_KEY="k8#Qz!" * 11,
        DATABASE_URL=f"sqlite:///{database}",
        **SIGNALS_KEYS,
    )
    assert result.returncode != 0
    assert "in productie (KOMPAS_ENV=production) niet geladen" in result.stderr
    assert "Traceback" not in result.stderr
    # Refused before anything touched the database: not even migrated, no accounts.
    if database.exists():
        tables = sqlite3.connect(database).execute("select name from sqlite_master").fetchall()
        assert ("auth_user",) not in tables


@pytest.mark.django_db
def test_demo_command_in_production_creates_no_accounts(settings):
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="niet geladen"):
        call_command("demo", "--no-serve")
    assert not get_user_model().objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("loader", [demo.load_core, demo.load_all])
def test_demo_loaders_refuse_in_production(settings, loader):
    settings.PRODUCTION = True
    with pytest.raises(demo.DemoRefusedError):
        loader()
    assert not get_user_model().objects.filter(username__startswith="beheerder-").exists()
