# SPDX-License-Identifier: EUPL-1.2
"""Retention of core's records of logins (AVG): expired sessions and the login log (django-axes
AccessLog: user name, IP address and browser of every login) older than
settings.LOGIN_LOG_RETENTION_DAYS. Run by `kompas retention run` through
`core.hooks.retention_run`; the verwerkingsregister reads the same setting."""

from datetime import datetime, timedelta

from axes.models import AccessLog
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone


def login_log_retention_days() -> int:
    return settings.LOGIN_LOG_RETENTION_DAYS


def login_records_retention_run(*, dry_run: bool = True, now: datetime | None = None) -> list[str]:
    """Delete expired sessions and login-log entries past their term; answers report lines."""
    now = now or timezone.now()
    sessions = Session.objects.filter(expire_date__lt=now)
    logins = AccessLog.objects.filter(
        attempt_time__lt=now - timedelta(days=login_log_retention_days())
    )
    counts = (sessions.count(), logins.count())
    if not dry_run:
        with transaction.atomic():
            sessions.delete()
            logins.delete()
    return [
        f"verlopen sessies verwijderen: {counts[0]}",
        f"loginlog verwijderen (ouder dan {login_log_retention_days()} dagen): {counts[1]}",
    ]
