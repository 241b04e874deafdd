# SPDX-License-Identifier: EUPL-1.2
"""Notifications of the meldpunt, in the worker: a new signal and a reporter's answer to the
team, and each morning the number of signals past their response term. The mails name the
gemeente and link to the page — never the phenomenon, the text or anything of the reporter."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from kompas.core import tasks
from kompas.core.models import Municipality
from kompas.core.services.notifications import notify

from .models import Signal
from .selectors import overdue_counts, signal_team

NEW, ANSWER, OVERDUE = "melding_nieuw", "melding_reactie", "melding_termijn"


def _signal_url(signal: Signal) -> str:
    path = reverse(
        "signals:signal_detail", kwargs={"slug": signal.municipality.slug, "pk": signal.pk}
    )
    return settings.KOMPAS_BASE_URL + path


@tasks.background_task(retries=2, retry_delay=60)
def signal_new_notify(*, signal_id: int) -> int:
    signal = Signal.objects.select_related("municipality").get(pk=signal_id)
    return notify(
        kind=NEW,
        users=signal_team(municipality=signal.municipality),
        subject=_("Nieuwe melding bij het meldpunt van gemeente %(name)s")
        % {"name": signal.municipality.name},
        template="signals/mail/new_signal.txt",
        context={"municipality": signal.municipality, "url": _signal_url(signal)},
    )


@tasks.background_task(retries=2, retry_delay=60)
def signal_answer_notify(*, signal_id: int) -> int:
    """To the handler of the signal; to the team while nobody handles it."""
    signal = Signal.objects.select_related("municipality", "assignee").get(pk=signal_id)
    users = [signal.assignee] if signal.assignee else signal_team(municipality=signal.municipality)
    return notify(
        kind=ANSWER,
        users=users,
        subject=_("De melder heeft gereageerd (gemeente %(name)s)")
        % {"name": signal.municipality.name},
        template="signals/mail/answer.txt",
        context={"municipality": signal.municipality, "url": _signal_url(signal)},
    )


def overdue_notify() -> int:
    """Per gemeente with signals past their response term: one mail to each of the team."""
    sent = 0
    counts = overdue_counts()
    for municipality in Municipality.objects.filter(pk__in=counts):
        path = reverse("signals:signal_list", kwargs={"slug": municipality.slug})
        sent += notify(
            kind=OVERDUE,
            users=signal_team(municipality=municipality),
            subject=_("%(n)s meldingen over hun reactietermijn (gemeente %(name)s)")
            % {"n": counts[municipality.pk], "name": municipality.name},
            template="signals/mail/overdue.txt",
            context={
                "municipality": municipality,
                "count": counts[municipality.pk],
                "url": f"{settings.KOMPAS_BASE_URL}{path}?overdue=on",
            },
        )
    return sent


@tasks.scheduled_task(hour="8", minute="0")
def overdue_notify_daily() -> int:
    return overdue_notify()
