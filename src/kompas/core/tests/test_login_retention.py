# SPDX-License-Identifier: EUPL-1.2
"""Retention of the login records with a moved clock: `kompas retention run` deletes expired
sessions and login-log entries on the day the verwerkingsregister names."""

from datetime import timedelta
from io import StringIO

import pytest
from axes.models import AccessLog
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone

from kompas.core import privacy
from kompas.core.services.retention import login_records_retention_run

pytestmark = pytest.mark.django_db


def test_login_log_and_sessions_go_on_the_day_the_register_names(settings, heerenveen):
    settings.LOGIN_LOG_RETENTION_DAYS = 20
    rows = {(r.record, r.field): r for r in privacy.register_rows(municipality=heerenveen)}
    login_log = rows[("loginlog (django-axes)", "ip_address")]
    assert login_log.retention.startswith("20 dagen na het inloggen verwijderd")
    assert login_log.enforced_by == "kompas retention run"

    logged_in = timezone.now() - timedelta(hours=1)
    entry = AccessLog.objects.create(
        username="adviseur", ip_address="192.0.2.7", user_agent="Firefox"
    )
    AccessLog.objects.filter(pk=entry.pk).update(attempt_time=logged_in)  # auto_now_add
    store = SessionStore()
    store["tijdelijk"] = "ja"
    store.create()
    expires = Session.objects.get(pk=store.session_key).expire_date

    assert login_records_retention_run(dry_run=True, now=logged_in + timedelta(days=19)) == [
        "verlopen sessies verwijderen: 1",  # 8 hours, long past
        "loginlog verwijderen (ouder dan 20 dagen): 0",
    ]
    login_records_retention_run(dry_run=False, now=expires - timedelta(seconds=1))
    assert Session.objects.filter(pk=store.session_key).exists()
    login_records_retention_run(dry_run=False, now=expires + timedelta(seconds=1))
    assert not Session.objects.filter(pk=store.session_key).exists()
    assert AccessLog.objects.filter(pk=entry.pk).exists()

    out = StringIO()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(timezone, "now", lambda: logged_in + timedelta(days=21))
        call_command("retention", "run", stdout=out)
    assert "loginlog verwijderen (ouder dan 20 dagen): 1" in out.getvalue()
    assert not AccessLog.objects.filter(pk=entry.pk).exists()
