# SPDX-License-Identifier: EUPL-1.2
"""The loads of the national table and what the store holds now: for `kompas data landelijk
--status` and the imports page."""

from django.db.models import QuerySet
from django.utils import timezone

from .. import analytics
from ..constants import ImportJobStatus
from ..models import NationalLoad


def national_load_list(*, limit: int = 5) -> QuerySet[NationalLoad]:
    return NationalLoad.objects.order_by("-created_at", "-id")[:limit]


def _when(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else "—"


def national_load_line(load: NationalLoad) -> str:
    """One Dutch line: when, how, file, status and outcome (rows and duration, or errors)."""
    how = "achtergrond" if load.background else "opdrachtregel"
    head = f"{_when(load.created_at)} [{how}] {load.base_name}: {load.get_status_display()}"
    if load.status == ImportJobStatus.DONE:
        return f"{head}, {load.rows} rijen in {load.seconds:.1f} s; {load.message}"
    if load.status == ImportJobStatus.RUNNING:
        return f"{head} sinds {_when(load.started_at)} (proces {load.pid} op {load.host})"
    if load.status == ImportJobStatus.FAILED:
        return f"{head}: {load.message}"
    return head


def national_store_line() -> str:
    """What the pages read now: the store's file, load time and rows, or that there is none."""
    store = analytics.national_reader()
    if store is None:
        return "Landelijke tabel: nog niet geladen (of niet leesbaar)."
    try:
        info = store.info()
    finally:
        store.close()
    rows = f", {info.rows} rijen" if info.rows is not None else ""
    name = f" uit {info.file_name}" if info.file_name else ""
    return f"Landelijke tabel: geladen op {_when(info.loaded_at)}{name}{rows}."
