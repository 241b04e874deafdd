# SPDX-License-Identifier: EUPL-1.2
"""Sending e-mail notifications and keeping each person's choice (see core/notifications.py)."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.template.loader import render_to_string

from .. import notifications, tasks
from ..constants import AuditAction
from ..models import NotificationOptOut
from . import audit_log


def recipients(*, kind: str, users: Iterable) -> list:
    """The users (active, with an e-mail address) who have not switched `kind` off; each once."""
    notifications.kind_get(kind)  # an unknown kind is a programming error, never silence
    users = {u.pk: u for u in users if u is not None and u.is_active and u.email}
    off = set(
        NotificationOptOut.objects.filter(kind=kind, user_id__in=users).values_list(
            "user_id", flat=True
        )
    )
    return [u for pk, u in sorted(users.items()) if pk not in off]


def notify(*, kind: str, users: Iterable, subject: str, template: str, context: dict) -> int:
    """Mail every recipient of `kind` a text rendered from `template` (after the commit,
    through the task queue). Answers the number of mails queued."""
    people = recipients(kind=kind, users=users)
    for user in people:
        body = render_to_string(
            template, {**context, "recipient_name": user.get_full_name() or user.username}
        )
        tasks.enqueue(tasks.notification_mail, email=user.email, subject=subject, body=body)
    return len(people)


@transaction.atomic
def preferences_save(*, user, enabled: Iterable[str], offered: Iterable[str]) -> None:
    """Store which of the `offered` kinds the person wants; the rest are switched off."""
    enabled, offered = set(enabled), set(offered)
    NotificationOptOut.objects.filter(user=user, kind__in=enabled).delete()
    for kind in sorted(offered - enabled):
        NotificationOptOut.objects.get_or_create(user=user, kind=kind)
    audit_log(
        user=user,
        action=AuditAction.UPDATE,
        obj=user,
        fields=["e-mailberichten"],
        note=", ".join(sorted(offered - enabled)) or "alle aan",
    )


def mail_send(
    *, user, subject: str, body: str, attachments: Iterable[tuple[str, bytes, str]] = ()
) -> None:
    """Send one mail now, with attachments (filename, content, mimetype): for an app's own
    background task that renders them (a meeting's agenda as PDF and .ics), so no file
    content travels through the queue."""
    from django.core.mail import EmailMessage

    message = EmailMessage(subject, body, None, [user.email])
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    message.send()
