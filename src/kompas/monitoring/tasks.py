# SPDX-License-Identifier: EUPL-1.2
"""Background tasks of monitoring (kompas.core.tasks); the work itself is in services."""

from kompas.core import tasks

from . import services


@tasks.background_task(name="monitoring.import_job")
def import_job_task(*, job_id: int) -> None:
    services.import_job_run(job_id=job_id)
