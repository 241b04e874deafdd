# SPDX-License-Identifier: EUPL-1.2
"""Policy's background work: the weekly reminder to action owners (Monday 07:00)."""

from kompas.core import tasks

from .selectors import today
from .services.reminders import action_reminders_send


@tasks.weekly_task()
def action_reminders_weekly() -> int:
    return action_reminders_send(on=today())
