# SPDX-License-Identifier: EUPL-1.2
"""The weekly reminder to owners of plan actions that are due within two weeks or overdue."""

from __future__ import annotations

from datetime import date
from itertools import groupby

from django.conf import settings
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from kompas.core.services.notifications import notify

from ..selectors import actions_to_remind

NOTIFICATION_KIND = "actie_herinnering"


def action_reminders_send(*, on: date) -> int:
    """One mail per owner listing their actions (title, gemeente, due date, link); answers
    the number of mails queued. Titles are plan text, not personal data."""
    sent = 0
    for _owner_id, group in groupby(actions_to_remind(on=on), key=lambda a: a.owner_user_id):
        actions = list(group)
        lines = [
            {
                "title": a.title,
                "municipality": a.plan.municipality.name,
                "due": date_format(a.due, "j F Y"),
                "overdue": a.due < on,
                "url": settings.KOMPAS_BASE_URL
                + reverse(
                    "policy:action_detail", kwargs={"slug": a.plan.municipality.slug, "pk": a.pk}
                ),
            }
            for a in actions
        ]
        sent += notify(
            kind=NOTIFICATION_KIND,
            users=[actions[0].owner_user],
            subject=_("Uw acties in Veiligheidskompas: %(n)s aflopend of te laat")
            % {"n": len(lines)},
            template="policy/mail/action_reminder.txt",
            context={"actions": lines},
        )
    return sent
