# SPDX-License-Identifier: EUPL-1.2
"""Background work: the one small interface every app uses (docs/adr/0003-task-queue.md).

Behind it is Huey, configured from the environment in settings (`KOMPAS_TASK_QUEUE`): SQLite
storage in the data directory for the embedded demo, Redis in production, immediate mode (run
at once, in-process) in the tests. Apps never import huey themselves:

    from kompas.core import tasks

    @tasks.background_task()
    def report_render(*, report_id: int) -> None: ...   # in the app's tasks.py

    tasks.enqueue(report_render, report_id=report.pk)   # runs after the transaction commits

Tasks live in an app's `tasks.py`: the worker (`kompas run_huey`) imports every app's `tasks`
module at start. Pass ids, never model instances or file contents: the arguments are pickled
into the queue.

`state_put`/`state_get`/`state_delete` are a small key-value store in the queue's storage (not
the main database), for progress that a running task reports while its own transaction holds
the database's write lock (SQLite).
"""

from collections.abc import Callable
from typing import Any

from django.db import transaction
from huey.contrib.djhuey import HUEY, db_task

__all__ = [
    "HUEY",
    "background_task",
    "enqueue",
    "state_delete",
    "state_get",
    "scheduled_task",
    "state_put",
    "weekly_task",
    "worker_start",
]

STATE_PREFIX = "kompas:state:"


def background_task(**options) -> Callable:
    """Decorator: the function becomes a task. It closes stale database connections before and
    after each run. Huey options (retries, retry_delay, priority, name, ...) pass through."""
    return db_task(**options)


def scheduled_task(*, day_of_week: str = "*", hour: str = "7", minute: str = "0") -> Callable:
    """Decorator: the function runs on a schedule in the worker (crontab fields in the
    server's time zone; default every day at 07:00). Also callable directly (tests)."""
    from huey import crontab
    from huey.contrib.djhuey import db_periodic_task

    return db_periodic_task(crontab(day_of_week=day_of_week, hour=hour, minute=minute))


def weekly_task(*, day_of_week: str = "1", hour: str = "7", minute: str = "0") -> Callable:
    """Decorator: every week in the worker, by default Monday 07:00."""
    return scheduled_task(day_of_week=day_of_week, hour=hour, minute=minute)


def worker_start(fn: Callable[[], None]) -> Callable[[], None]:
    """Decorator: `fn()` runs in each worker thread of `kompas run_huey` as it starts, before
    it takes a task (e.g. to recover the work of a worker that was killed). Its database
    connection is closed afterwards; an exception is logged by Huey and the worker starts."""
    from django.db import connection

    def run() -> None:
        try:
            fn()
        finally:
            connection.close()

    HUEY.on_startup(name=f"{fn.__module__}.{fn.__qualname__}")(run)
    return fn


def enqueue(task, /, *args, **kwargs) -> None:
    """Queue `task(*args, **kwargs)` once the current transaction commits (at once outside a
    transaction), so the worker always sees the rows the caller just wrote. In immediate mode
    the task runs then, in the calling thread."""
    transaction.on_commit(lambda: task(*args, **kwargs))


def state_put(key: str, value: Any) -> None:
    """Store a small picklable value under `key` in the queue's storage (overwrites)."""
    HUEY.put(STATE_PREFIX + key, value)


def state_get(key: str, default: Any = None) -> Any:
    """The value under `key`, or `default`; never blocks on the main database."""
    value = HUEY.get(STATE_PREFIX + key, peek=True)
    return default if value is None else value


def state_delete(key: str) -> None:
    HUEY.delete(STATE_PREFIX + key)


def is_immediate() -> bool:
    """True when tasks run at once in the calling process (tests, `KOMPAS_TASK_QUEUE=immediate`)."""
    return bool(HUEY.immediate)


@background_task(retries=3, retry_delay=60)
def invitation_mail(*, email: str, url: str, municipality_name: str, inviter: str) -> None:
    """The invitation to Veiligheidskompas (Beheer > Gebruikers > Uitnodigen)."""
    from django.core.mail import send_mail
    from django.template.loader import render_to_string
    from django.utils.translation import gettext as _

    context = {"url": url, "municipality_name": municipality_name, "inviter": inviter}
    send_mail(
        _("Uitnodiging voor Veiligheidskompas (gemeente %(name)s)") % {"name": municipality_name},
        render_to_string("core/mail/invitation.txt", context),
        None,
        [email],
    )


@background_task(retries=3, retry_delay=60)
def notification_mail(*, email: str, subject: str, body: str) -> None:
    """One notification mail (kompas.core.services.notifications.notify)."""
    from django.core.mail import send_mail

    send_mail(subject, body, None, [email])
