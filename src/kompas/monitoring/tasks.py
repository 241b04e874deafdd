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


@tasks.background_task(name="monitoring.national_load")
def national_load_task(*, path: str) -> None:
    """`kompas data landelijk FILE --achtergrond`: load the national table in the worker (the
    file must be on the worker's disk). The result, or every rejected line, goes to the
    worker's log; on an error the existing store stays in use (analytics.load_national)."""
    try:
        report = analytics.load_national(path)
    except analytics.AnalyticsLoadError as exc:
        for line, field, message in exc.problems[:50]:
            logger.error("%s: regel %s, %s: %s", path, line, field, message)
        logger.error(
            "%s: %s fout(en); de landelijke tabel is niet gewijzigd.", path, len(exc.problems)
        )
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
