# SPDX-License-Identifier: EUPL-1.2
"""Import jobs: the gemeente's uploads, their progress and problems."""

import datetime as dt

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from kompas.core import tasks
from kompas.core.models import Municipality

from ..constants import ImportJobStatus
from ..importers import Problem
from ..models import ImportJob


def import_job_list(*, municipality: Municipality, limit: int = 20) -> QuerySet[ImportJob]:
    """The gemeente's latest uploads, running ones included (without the file's bytes)."""
    return (
        ImportJob.objects.filter(municipality=municipality)
        .defer("file_data", "problems")
        .select_related("user", "data_import")
        .order_by("-created_at", "-id")[:limit]
    )


def import_job_get(*, municipality: Municipality, job_id: int) -> ImportJob:
    """A job of this gemeente; another gemeente's job is indistinguishable from none: 404."""
    job = (
        ImportJob.objects.filter(municipality=municipality, pk=job_id)
        .defer("file_data")
        .select_related("user", "data_import")
        .first()
    )
    if job is None:
        raise Http404
    return job


def import_job_progress(*, job: ImportJob) -> dict | None:
    """A running job's progress: {"phase": "lezen"|"opslaan", "rows": n, "percent": p|None},
    read from the task queue's store (never waits on the import's database lock)."""
    if job.status != ImportJobStatus.RUNNING:
        return None
    return tasks.state_get(job.progress_key)


IMPORT_JOB_QUEUED_PATIENCE = 120  # seconds before a queued job suggests the worker is down
IMPORT_JOB_SILENCE_PATIENCE = 600  # seconds without progress before a running job looks stuck


def import_job_stalled(*, job: ImportJob, progress: dict | None) -> bool:
    """True when a job waits or runs suspiciously long: queued for minutes (is the worker
    running?) or running without any progress report for ten minutes (did it stop?)."""
    now = timezone.now()
    if job.status == ImportJobStatus.QUEUED:
        return (now - job.created_at).total_seconds() > IMPORT_JOB_QUEUED_PATIENCE
    if job.status == ImportJobStatus.RUNNING:
        last = job.started_at or job.created_at
        if progress and progress.get("at"):
            last = max(last, dt.datetime.fromtimestamp(progress["at"], tz=dt.UTC))
        return (now - last).total_seconds() > IMPORT_JOB_SILENCE_PATIENCE
    return False


def import_job_problem_texts(*, job: ImportJob) -> list[str]:
    """The stored problems as the same Dutch sentences the CLI prints (file, line, field)."""
    return [str(Problem(**p)) for p in job.problems]
