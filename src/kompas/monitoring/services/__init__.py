# SPDX-License-Identifier: EUPL-1.2
"""Writes for monitoring: indicators, observations (imports, fetches, other apps' feeds),
targets from the plans, and the remembered target status.

A package since issue 11; every public name stays importable from
`kompas.monitoring.services`:
- `indicators`: indicator_ensure, indicator_upsert;
- `observations`: data_import, import_parsed, observation_upsert_many (each staged in short
  transactions, then made visible in one: `staging`);
- `staging`: the staging area of imports (ObservationStage);
- `jobs`: import jobs (upload in the UI, import in the background);
- `job_recovery`: heartbeat of a running job, recovery of a killed worker's jobs;
- `national`: loads of the national table, recorded with their outcome;
- `targets`: plan_monitoring_sync (a plan's monitoring sections);
- `statuses`: target_statuses_refresh (the remembered status per target).
"""

from ._common import ImportReport, MonitoringError
from .indicators import indicator_ensure, indicator_upsert
from .job_recovery import import_jobs_recover
from .jobs import _JobProgress, import_job_create, import_job_run
from .national import national_load_queue, national_load_run, national_loads_recover
from .observations import WRITE_CHUNK, data_import, import_parsed, observation_upsert_many
from .statuses import target_statuses_refresh
from .targets import RULE_FIELDS, plan_monitoring_sync

__all__ = [
    "RULE_FIELDS",
    "WRITE_CHUNK",
    "ImportReport",
    "MonitoringError",
    "_JobProgress",
    "data_import",
    "import_job_create",
    "import_job_run",
    "import_jobs_recover",
    "import_parsed",
    "indicator_ensure",
    "indicator_upsert",
    "national_load_queue",
    "national_load_run",
    "national_loads_recover",
    "observation_upsert_many",
    "plan_monitoring_sync",
    "target_statuses_refresh",
]
