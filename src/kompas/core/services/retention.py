# SPDX-License-Identifier: EUPL-1.2
"""Retention of core's records of logins (AVG): expired sessions and the login log (django-axes
AccessLog: user name, IP address and browser of every login) older than
settings.LOGIN_LOG_RETENTION_DAYS, and the audit log older than settings.AUDIT_RETENTION_DAYS.
Run by `kompas retention run` through `core.hooks.retention_run`; the verwerkingsregister reads
the same settings. Also the date arithmetic the apps' terms share."""

from calendar import monthrange
from datetime import date, datetime, timedelta

from axes.models import AccessLog
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone

from ..models import AuditEntry, AuditPurgeWindow


def add_months(day: date, months: int) -> date:
    """`day` plus (or minus) whole months; the month's last day when it has no such day."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, monthrange(year, month)[1]))


def add_years(day: date, years: int) -> date:
    return add_months(day, 12 * years)


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


def audit_retention_days() -> int:
    return settings.AUDIT_RETENTION_DAYS


def audit_log_retention_run(*, dry_run: bool = True, now: datetime | None = None) -> list[str]:
    """Delete audit entries older than the term. The triggers allow DELETE only below the
    cutoff written in AuditPurgeWindow within this transaction (core.audit_triggers)."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=audit_retention_days())
    due = AuditEntry.objects.filter(at__lt=cutoff)
    count = due.count()
    if not dry_run and count:
        with transaction.atomic():
            window = AuditPurgeWindow.objects.create(before=cutoff)
            due.delete()
            window.delete()
            from . import audit_log  # the package imports this module

            audit_log(
                user=None,
                action="delete",
                object_type="core.auditentry",
                note=f"{count} auditregels ouder dan {audit_retention_days()} dagen verwijderd "
                "(bewaartermijn)",
            )
    return [f"auditlog verwijderen (ouder dan {audit_retention_days()} dagen): {count}"]
