# SPDX-License-Identifier: EUPL-1.2
"""Import jobs: an upload in the UI is stored as a job and imported in the background."""

import logging
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kompas.core import tasks
from kompas.core.constants import AuditAction
from kompas.core.services import audit_log

from ..constants import ImportJobStatus
from ..importers import ParseError, Problem, parse_path
from ..models import DataImport, ImportJob
from ._common import MonitoringError
from .job_recovery import Heartbeat, import_job_claim
from .observations import import_parsed

logger = logging.getLogger(__name__)


@transaction.atomic
def import_job_create(
    *, municipality, user, file_name: str, content: bytes, fmt: str = ""
) -> ImportJob:
    """Store an uploaded file as a queued job and queue its import (after commit). The
    worker runs import_job_run; the job page shows its progress and result."""
    from ..tasks import import_job_task

    job = ImportJob(
        municipality=municipality,
        user=user if user is not None and user.is_authenticated else None,
        file_name=file_name[:300],
        format=fmt or "",
        file_data=content,
        file_size=len(content),
    )
    job.full_clean()
    job.save()
    audit_log(
        user=user,
        action=AuditAction.CREATE,
        obj=job,
        municipality=municipality,
        note=f"upload {job.file_name} ({job.file_size} bytes)",
    )
    tasks.enqueue(import_job_task, job_id=job.pk)
    return job


class _JobProgress:
    """A running job's progress, in the task queue's key-value store: never in the main
    database, which the import's chunks keep busy on SQLite. At most one write per INTERVAL
    seconds."""

    INTERVAL = 0.5

    def __init__(self, job: ImportJob):
        self.key, self.last, self.rows_read = job.progress_key, 0.0, 0

    def reading(self, rows_read: int, fraction: float | None) -> None:
        self.rows_read = rows_read
        now = time.monotonic()
        if now - self.last < self.INTERVAL and fraction != 1.0:
            return
        self.last = now
        percent = None if fraction is None else int(fraction * 100)
        self._put(phase="lezen", percent=percent)

    def saving_started(self, rows_read: int) -> None:
        """The file is read; the import compares with what is stored before it writes."""
        self.rows_read, self.last = rows_read, time.monotonic()
        self._put(phase="opslaan", written=0, to_write=None, percent=None)

    def saving(self, written: int, to_write: int) -> None:
        """While the import's transaction writes: observations written of those to write."""
        now = time.monotonic()
        if now - self.last < self.INTERVAL and 0 < written < to_write:
            return
        self.last = now
        percent = int(written / to_write * 100) if to_write else 100
        self._put(phase="opslaan", written=written, to_write=to_write, percent=percent)

    def _put(self, **value) -> None:
        # `at` (epoch seconds) lets the job page notice a worker that stopped reporting.
        tasks.state_put(self.key, {**value, "rows": self.rows_read, "at": time.time()})

    def clear(self) -> None:
        tasks.state_delete(self.key)


class _Superseded(Exception):
    """The job is no longer this attempt's (the recovery sweep took it): roll back."""


def _job_finish(
    job: ImportJob,
    *,
    status: str,
    rows_read: int = 0,
    data_import: DataImport | None = None,
    problems: list[Problem] = (),
) -> bool:
    """Record the attempt's result, only if the job is still this attempt's (status bezig,
    same attempt number; see job_recovery). False when it is not: nothing is written."""
    job.status = status
    job.rows_read = rows_read
    job.data_import = data_import
    job.problems = [asdict(p) for p in problems[: ImportJob.MAX_PROBLEMS]]
    job.problem_count = len(problems)
    job.file_data = None  # the upload is not kept once it has been processed
    job.finished_at = timezone.now()
    return bool(
        ImportJob.objects.filter(
            pk=job.pk, status=ImportJobStatus.RUNNING, attempts=job.attempts
        ).update(
            status=job.status,
            rows_read=job.rows_read,
            data_import=job.data_import,
            problems=job.problems,
            problem_count=job.problem_count,
            file_data=None,
            finished_at=job.finished_at,
        )
    )


def import_job_run(*, job_id: int) -> ImportJob | None:
    """Run a queued import job (the worker calls this through monitoring.tasks). Reads the
    stored file with progress, imports it (import_parsed: staged, then switched in one
    transaction) and records the result: gereed
    with the DataImport, or mislukt with every problem (nothing imported). Either way the file's
    bytes are deleted. A job that is not queued (already run) is left alone. While it runs, a
    heartbeat tells the recovery sweep that this worker lives (job_recovery): a worker killed
    mid-import leaves no rows (the transaction is rolled back) and its job is queued again."""
    job = import_job_claim(job_id=job_id)
    if job is None:
        return None
    progress = _JobProgress(job)
    try:
        with Heartbeat(job):
            _attempt(job, progress)
    except _Superseded:
        logger.warning("import job %s: taken over by the recovery sweep; result dropped", job.pk)
        return None
    finally:
        progress.clear()
    return job


def _attempt(job: ImportJob, progress: _JobProgress) -> None:
    progress.reading(0, 0.0)
    result = None
    try:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"upload{Path(job.file_name).suffix.lower()[:10]}"
            path.write_bytes(bytes(job.file_data or b""))
            result = parse_path(path, job.format or None, job.file_name, progress.reading)
        progress.saving_started(result.rows_read)
        # Staged in short transactions; the job is marked done in the switch's transaction,
        # so "gereed" and the imported rows become visible in one commit. A job the recovery
        # sweep took over meanwhile is not finished here: the switch is rolled back.

        def finish(report):
            if not _job_finish(
                job,
                status=ImportJobStatus.DONE,
                rows_read=report.rows_read,
                data_import=report.data_import,
            ):
                raise _Superseded

        import_parsed(
            result=result,
            file_name=job.file_name,
            user=job.user,
            municipality=job.municipality,
            progress=progress.saving,
            on_switch=finish,
        )
    except _Superseded:
        raise
    except (ParseError, MonitoringError) as exc:
        read = getattr(exc, "rows_read", 0) or (result.rows_read if result else 0)
        if not _job_finish(
            job, status=ImportJobStatus.FAILED, rows_read=read, problems=exc.problems
        ):
            raise _Superseded from exc
    except Exception as exc:
        logger.exception("import job %s broke off", job.pk)
        if not _job_finish(
            job,
            status=ImportJobStatus.FAILED,
            problems=[
                Problem(
                    0,
                    _("import"),
                    _(
                        "de import is onverwacht afgebroken. Probeer het opnieuw; lukt het "
                        "weer niet, neem dan contact op met de beheerder."
                    ),
                    job.file_name,
                )
            ],
        ):
            raise _Superseded from exc
