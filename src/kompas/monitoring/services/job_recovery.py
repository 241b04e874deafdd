# SPDX-License-Identifier: EUPL-1.2
"""Crash safety of import jobs: a running attempt's heartbeat, and the sweep that finds the
jobs of a worker that died (kill -9, out of memory, power loss) and queues them once more or
fails them with a clear message.

The import writes in one transaction, so a killed worker leaves no rows of its job; only the
job itself stays "bezig". The heartbeat lives in the task queue's store (kompas.core.tasks
state), never in the main database, whose write lock the import holds on SQLite. The sweep
runs when a worker starts (monitoring.tasks, tasks.worker_start) and every minute."""

import logging
import os
import socket
import threading
import time
from dataclasses import asdict

from django.conf import settings
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from kompas.core import tasks

from ..constants import ImportJobStatus
from ..importers import Problem
from ..models import ImportJob

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 2  # the first run and one automatic retry
# Before any heartbeat of this process: a beat with this process id from before then was
# written by a predecessor that had the same id (a restarted container), never by us.
PROCESS_STARTED = time.time()


def stale_seconds() -> float:
    return float(getattr(settings, "KOMPAS_IMPORT_JOB_STALE_SECONDS", 60.0))


def died_message() -> str:
    return _(
        "de achtergrondverwerking is tijdens de import gestopt (bijvoorbeeld door een "
        "herstart of te weinig geheugen), ook bij de herhaalde poging; er is niets "
        "geïmporteerd. Upload het bestand opnieuw; lukt het weer niet, neem dan contact op "
        "met de beheerder."
    )


class Heartbeat:
    """While a job's attempt runs: every few seconds (a sixth of the stale time) the worker's
    host, process id and the time under the job's heartbeat key, from a daemon thread (it
    beats on while the import's statements run)."""

    def __init__(self, job: ImportJob):
        self.key, self.attempt = job.heartbeat_key, job.attempts
        self.interval = min(max(stale_seconds() / 6, 0.1), 10.0)
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True, name=f"heartbeat {job.pk}")

    def _beat(self) -> None:
        value = {"at": time.time(), "host": socket.gethostname(), "pid": os.getpid()}
        tasks.state_put(self.key, {**value, "attempt": self.attempt})

    def _run(self) -> None:
        while not self.stop.wait(self.interval):
            try:
                self._beat()
            except Exception:  # the queue's store is briefly unreachable: beat again later
                logger.warning("heartbeat %s niet geschreven", self.key, exc_info=True)

    def __enter__(self) -> "Heartbeat":
        self._beat()
        self.thread.start()
        return self

    def __exit__(self, *exc) -> bool:
        self.stop.set()
        self.thread.join()
        tasks.state_delete(self.key)
        return False


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _is_dead(job: ImportJob, beat: dict | None, *, now: float) -> bool:
    """Does the job's running attempt belong to a worker that is gone? On this machine it is
    known at once: the beating process no longer exists, or it has this worker's own process
    id but beat before this process started (a restarted container). Otherwise the heartbeat
    has been silent for the stale time (a worker on another machine)."""
    if beat is None or beat.get("attempt") != job.attempts:
        last = job.started_at.timestamp() if job.started_at else 0.0
        return now - last > stale_seconds()
    at = float(beat.get("at") or 0)
    if beat.get("host") == socket.gethostname():
        pid = int(beat.get("pid") or 0)
        if pid == os.getpid() and at < PROCESS_STARTED:
            return True
        if pid != os.getpid() and not _pid_alive(pid):
            return True
    return now - at > stale_seconds()


def import_jobs_recover() -> list[int]:
    """Find running jobs whose worker died: queue each once more (its file is still stored;
    the earlier attempt imported nothing) or, after MAX_ATTEMPTS, fail it with a Dutch
    message. Each change is a conditional update on (status, attempts), so two sweeps, or a
    sweep and a worker that was only slow, never both act on one attempt. Returns the ids of
    the jobs it changed."""
    from ..tasks import import_job_task

    changed, now = [], time.time()
    running = ImportJob.objects.filter(status=ImportJobStatus.RUNNING).only(
        "pk", "attempts", "started_at", "file_name"
    )
    for job in running:
        if not _is_dead(job, tasks.state_get(job.heartbeat_key), now=now):
            continue
        same_attempt = ImportJob.objects.filter(
            pk=job.pk, status=ImportJobStatus.RUNNING, attempts=job.attempts
        )
        if same_attempt.filter(attempts__lt=MAX_ATTEMPTS, file_data__isnull=False).update(
            status=ImportJobStatus.QUEUED, started_at=None
        ):
            logger.warning(
                "importopdracht %s (%s): worker gestopt tijdens poging %s; opnieuw in de wachtrij",
                job.pk,
                job.file_name,
                job.attempts,
            )
            tasks.state_delete(job.progress_key)
            tasks.enqueue(import_job_task, job_id=job.pk)
            changed.append(job.pk)
            continue
        problem = Problem(0, _("import"), died_message(), job.file_name)
        if same_attempt.update(
            status=ImportJobStatus.FAILED,
            problems=[asdict(problem)],
            problem_count=1,
            file_data=None,
            finished_at=timezone.now(),
        ):
            logger.error(
                "importopdracht %s (%s): worker gestopt tijdens poging %s; mislukt",
                job.pk,
                job.file_name,
                job.attempts,
            )
            tasks.state_delete(job.progress_key)
            changed.append(job.pk)
    return changed


def import_job_claim(*, job_id: int) -> ImportJob | None:
    """Take a queued job for this worker: status bezig, one attempt more (a conditional
    update, so a job delivered twice runs once). None when it is not queued."""
    claimed = ImportJob.objects.filter(pk=job_id, status=ImportJobStatus.QUEUED).update(
        status=ImportJobStatus.RUNNING, started_at=timezone.now(), attempts=F("attempts") + 1
    )
    if not claimed:
        return None
    return ImportJob.objects.select_related("municipality", "user").get(pk=job_id)
