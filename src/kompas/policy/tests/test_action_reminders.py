# SPDX-License-Identifier: EUPL-1.2
"""The weekly reminder to action owners (issue 17 item 10): one mail per owner with their
open actions due within two weeks or overdue, links only, and only for who wants it."""

from datetime import date, datetime

import pytest
from django.core import mail

from kompas.core.models import NotificationOptOut
from kompas.policy.constants import ActionStatus
from kompas.policy.services.reminders import action_reminders_send
from kompas.policy.tasks import action_reminders_weekly

pytestmark = pytest.mark.django_db

MONDAY = date(2026, 3, 2)


@pytest.fixture
def owner(heerenveen, make_member):
    user = make_member(heerenveen, "adviseur", username="eigenaar-hv")
    user.email = "eigenaar@heerenveen.nl"
    user.first_name = "Sanne"
    user.save()
    return user


def _actions(ivp, owner, *dues_and_statuses):
    from kompas.policy.services import action_create

    return [
        action_create(
            plan=ivp,
            priority=ivp.priorities.get(number=1),
            execution_plan=ivp.execution_plans.get(key="2025-2026"),
            title=f"Actie {n} van {owner.username}",
            owner_user=owner,
            due=due,
            status=status,
        )
        for n, (due, status) in enumerate(dues_and_statuses, start=1)
    ]


def test_one_mail_lists_the_owners_due_and_overdue_actions(
    ivp, owner, django_capture_on_commit_callbacks
):
    actions = _actions(
        ivp,
        owner,
        (date(2026, 3, 10), ActionStatus.RUNNING),  # due in 8 days
        (date(2026, 1, 15), ActionStatus.DELAYED),  # overdue
        (date(2026, 5, 1), ActionStatus.PLANNED),  # too far ahead
        (date(2026, 3, 5), ActionStatus.DONE),  # finished
        (date(2026, 3, 4), ActionStatus.CANCELLED),  # dropped
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert action_reminders_send(on=MONDAY) == 1
    (message,) = mail.outbox
    assert message.to == ["eigenaar@heerenveen.nl"]
    assert "2 aflopend of te laat" in message.subject
    assert "Beste Sanne" in message.body
    assert actions[0].title in message.body and "gereed op 10 maart 2026" in message.body
    assert actions[1].title in message.body and "te laat sinds 15 januari 2026" in message.body
    for skipped in actions[2:]:
        assert skipped.title not in message.body
    assert f"/heerenveen/beleid/acties/{actions[0].pk}/" in message.body


def test_no_mail_for_who_switched_it_off_or_has_no_address(
    ivp, owner, heerenveen, make_member, django_capture_on_commit_callbacks
):
    silent = make_member(heerenveen, "adviseur", username="zonder-adres")
    _actions(ivp, owner, (date(2026, 3, 3), ActionStatus.RUNNING))
    _actions(ivp, silent, (date(2026, 3, 3), ActionStatus.RUNNING))
    NotificationOptOut.objects.create(user=owner, kind="actie_herinnering")
    with django_capture_on_commit_callbacks(execute=True):
        assert action_reminders_send(on=MONDAY) == 0
    assert mail.outbox == []


def test_the_weekly_task_is_scheduled_for_monday_morning():
    from huey.api import PeriodicTask

    # huey's crontab compares naive local times, as its consumer does
    task = action_reminders_weekly.task_class()
    assert isinstance(task, PeriodicTask)
    assert task.validate_datetime(datetime(2026, 3, 2, 7, 0))  # noqa: DTZ001 - Monday 07:00
    assert not task.validate_datetime(datetime(2026, 3, 3, 7, 0))  # noqa: DTZ001
    assert not task.validate_datetime(datetime(2026, 3, 2, 8, 0))  # noqa: DTZ001
