# SPDX-License-Identifier: EUPL-1.2
"""Monitoring holds figures per region and period, no personal data; its fields whose names
suggest otherwise are listed here for the verwerkingsregister (kompas.core.privacy)."""

from kompas.core import privacy as p


def declare() -> None:
    p.not_personal("monitoring.Indicator", ["name", "note"], reason="an indicator's definition")
    p.not_personal(
        "monitoring.DataImport", ["file_name"], reason="file or source of aggregated figures"
    )
    p.not_personal(
        "monitoring.ImportJob", ["file_name"], reason="file of aggregated figures being imported"
    )
    p.not_personal(
        "monitoring.NationalLoad",
        ["file_name"],
        reason="path of the national police table (aggregated figures) on the worker's disk",
    )
    p.not_personal(
        "monitoring.Target", ["plan_short_name", "text"], reason="a target of the policy plan"
    )
