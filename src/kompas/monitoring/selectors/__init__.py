# SPDX-License-Identifier: EUPL-1.2
"""Reads for monitoring: series (yearly values of monthly data are sums; composite police
indicators sum their codes), target evaluations and roll-ups, comparisons per 1,000
inhabitants and drill-down. Tenancy is the caller's job: views pass the user's gemeente.

A package since issue 11; every public name stays importable from
`kompas.monitoring.selectors`:
- `timeseries`: series, values per region and period, indicators of a gemeente, latest import;
- `targets`: target evaluations and their roll-ups;
- `national`: figures from the national store and their source (FigureSource);
- `comparisons`: comparisons per 1,000 inhabitants, drill-down, buurt reconciliation;
- `provenance`: which figures are generated demo data, the open-data attribution;
- `jobs`: import jobs, their progress and problems;
- `national_loads`: loads of the national table and what the store holds now.
"""

from .comparisons import (
    BuurtReconciliation,
    ComparisonRow,
    buurt_reconciliation,
    children_values,
    comparison,
)
from .fingerprint import public_data_fingerprint
from .jobs import (
    IMPORT_JOB_QUEUED_PATIENCE,
    IMPORT_JOB_SILENCE_PATIENCE,
    import_job_get,
    import_job_list,
    import_job_problem_texts,
    import_job_progress,
    import_job_stalled,
)
from .national import OBSERVATIONS, FigureSource
from .national_loads import national_load_line, national_load_list, national_store_line
from .overview import yearly_series_with_demo
from .provenance import (
    OPEN_DATA_ATTRIBUTION,
    demo_cells,
    demo_periods,
    demo_regions,
    is_open_data,
)
from .targets import (
    TargetResult,
    goal_status_rollup,
    priority_status_rollup,
    status_label,
    target_evaluate,
    target_evaluations,
    target_list,
    targets_changed,
)
from .timeseries import (
    component_indicator_ids,
    indicator_get,
    indicators_for_municipality,
    latest_import,
    models_q,
    period_label,
    region_allowed,
    region_imports,
    series,
    series_with_source,
    values_by_region,
    yearly,
)

__all__ = [
    "yearly_series_with_demo",
    "public_data_fingerprint",
    "IMPORT_JOB_QUEUED_PATIENCE",
    "IMPORT_JOB_SILENCE_PATIENCE",
    "OBSERVATIONS",
    "OPEN_DATA_ATTRIBUTION",
    "BuurtReconciliation",
    "ComparisonRow",
    "FigureSource",
    "TargetResult",
    "buurt_reconciliation",
    "children_values",
    "comparison",
    "component_indicator_ids",
    "demo_cells",
    "demo_periods",
    "demo_regions",
    "goal_status_rollup",
    "import_job_get",
    "import_job_list",
    "import_job_problem_texts",
    "import_job_progress",
    "import_job_stalled",
    "indicator_get",
    "indicators_for_municipality",
    "is_open_data",
    "latest_import",
    "models_q",
    "national_load_line",
    "national_load_list",
    "national_store_line",
    "period_label",
    "priority_status_rollup",
    "region_allowed",
    "region_imports",
    "series",
    "series_with_source",
    "status_label",
    "target_evaluate",
    "target_evaluations",
    "target_list",
    "targets_changed",
    "values_by_region",
    "yearly",
]
