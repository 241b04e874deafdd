# SPDX-License-Identifier: EUPL-1.2
"""Background tasks of monitoring (kompas.core.tasks); the work itself is in services."""

import logging

import duckdb

from kompas.core import tasks

from . import analytics, services

logger = logging.getLogger(__name__)


@tasks.background_task(name="monitoring.import_job")
def import_job_task(*, job_id: int) -> None:
    services.import_job_run(job_id=job_id)


@tasks.worker_start
def recover_on_worker_start() -> None:
    """A worker that starts takes back what a killed predecessor left "bezig"."""
    services.import_jobs_recover()
    services.national_loads_recover()


@tasks.scheduled_task(hour="*", minute="*")
def recover_every_minute() -> None:
    """A worker on another machine that died: its jobs' heartbeats fall silent."""
    services.import_jobs_recover()
    services.national_loads_recover()


@tasks.background_task(name="monitoring.national_load")
def national_load_task(*, path: str, load_id: int | None = None) -> None:
    """`kompas data landelijk FILE --achtergrond`: load the national table in the worker (the
    file must be on the worker's disk). The outcome is recorded on the NationalLoad
    (`kompas data landelijk --status`, the imports page) and logged; on an error the existing
    store stays in use (analytics.load_national)."""
    try:
        report = services.national_load_run(path=path, load_id=load_id)
    except analytics.AnalyticsLoadError as exc:
        for line, field, message in exc.problems[:50]:
            logger.error("%s: regel %s, %s: %s", path, line, field, message)
        logger.error(
            "%s: %s fout(en); de landelijke tabel is niet gewijzigd.", path, len(exc.problems)
        )
        return
    except analytics.NationalLoadBusy as exc:
        logger.error("%s: %s", path, exc)
        return
    except (OSError, duckdb.Error) as exc:
        logger.error("%s: laden mislukt (%s); de landelijke tabel is niet gewijzigd.", path, exc)
        return
    logger.info(
        "%s: %s rijen geladen in %.1f s; de landelijke tabel is vervangen.",
        path,
        report.rows,
        report.seconds,
    )
