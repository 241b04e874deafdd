# SPDX-License-Identifier: EUPL-1.2
"""What the monitoring services share: their error and the import report."""

from dataclasses import dataclass, field

from ..importers import Problem
from ..models import DataImport


class MonitoringError(Exception):
    """Invalid input for a monitoring service; `problems` names the lines/fields."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems[:20]))


@dataclass
class ImportReport:
    data_import: DataImport | None
    rows_read: int = 0
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    problems: list[Problem] = field(default_factory=list)
