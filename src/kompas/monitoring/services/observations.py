# SPDX-License-Identifier: EUPL-1.2
"""Observations: file imports, fetched pages and other apps' feeds. Each is staged in short
transactions and made visible with its DataImport record in one (services.staging)."""

import logging
from collections.abc import Callable
from pathlib import Path

from django.db import DatabaseError, transaction
from django.db.transaction import TransactionManagementError
from django.utils.translation import gettext as _

from kompas.core.constants import AuditAction
from kompas.core.services import audit_log

from .. import codelists
from ..constants import POLICE_SOURCES, ImportFormat
from ..importers import ParsedRow, ParseResult, Problem, ProgressCallback, parse_path
from ..models import DataImport, Indicator, Observation
from . import staging
from ._common import ImportReport, MonitoringError
from .indicators import indicator_ensure
from .staging import STAGE_CHUNK
from .statuses import target_statuses_refresh

logger = logging.getLogger(__name__)

WRITE_CHUNK = STAGE_CHUNK  # rows per short transaction while an import is staged


def _indicators_check(rows: list[ParsedRow], file: str) -> tuple[dict[str, Indicator], list[str]]:
    """The stored indicators of the rows' codes, and the police codes still to be created (at
    the switch). An unknown code is a problem naming its first line. Writes nothing."""
    codes = sorted({r.indicator_code for r in rows})
    found = {i.code: i for i in Indicator.objects.filter(code__in=codes)}
    missing, problems = [], []
    for code in codes:
        if code in found:
            continue
        source, _sep, key = code.partition(":")
        if source in POLICE_SOURCES and key in codelists.type_names(source):
            missing.append(code)
            continue
        first = next(r for r in rows if r.indicator_code == code)
        problems.append(
            Problem(
                first.line,
                "indicator",
                _("onbekende indicator %(c)r; leg hem eerst vast in het beleidsplan") % {"c": code},
                first.file or file,
            )
        )
    if problems:
        raise MonitoringError(problems)
    return found, missing


def _compare(rows: list[ParsedRow], indicators: dict[str, Indicator], report: ImportReport):
    """The rows to write (new or changed) as tuples for staging.batch_stage; counts them into
    `report`, with the unchanged ones. Reads only."""
    existing: dict[tuple, tuple] = {}
    ids = [i.pk for i in indicators.values()]
    regions = {r.region_code for r in rows}
    qs = Observation.objects.filter(indicator_id__in=ids)
    if len(regions) <= 500:
        qs = qs.filter(region_code__in=regions)
    codes = {i.pk: code for code, i in indicators.items()}
    for ind_id, region, period, value, status in qs.values_list(
        "indicator_id", "region_code", "period", "value", "status"
    ).iterator(chunk_size=STAGE_CHUNK):
        existing[(codes[ind_id], region, period)] = (value, status)
    out = []
    for r in rows:
        stored = existing.get((r.indicator_code, r.region_code, r.period))
        if stored == (r.value, r.status):
            report.unchanged += 1
            continue
        if stored is None:
            report.inserted += 1
        else:
            report.updated += 1
        p = codelists.parse_period(r.period)
        # in the order of staging.STAGED_COLUMNS
        out.append(
            (r.indicator_code, r.region_code, p.code, p.year, p.grain, p.number, r.value, r.status)
        )
    return out


def _write_rows(rows: list[ParsedRow], data_import: DataImport, *, file: str = "") -> ImportReport:
    """A few rows inside the caller's transaction (a plan's observations section): the same
    comparison, staging and switch as import_parsed, attributed to `data_import`."""
    report = ImportReport(data_import)
    indicators, missing = _indicators_check(rows, file)
    for code in missing:
        indicators[code] = indicator_ensure(code=code)
    to_write = _compare(rows, indicators, report)
    batch = staging.batch_new()
    staging.batch_stage(batch, to_write, len(to_write))
    staging.batch_switch(batch, data_import)
    staging.batch_delete(batch)
    return report


def _finish(data_import: DataImport, report: ImportReport, rows_read: int) -> ImportReport:
    report.rows_read = rows_read
    data_import.rows_read, data_import.inserted = rows_read, report.inserted
    data_import.updated, data_import.unchanged = report.updated, report.unchanged
    data_import.full_clean()
    data_import.save()
    return report


def data_import(
    *,
    path: Path,
    fmt: str | None = None,
    user=None,
    municipality=None,
    display_name: str = "",
    progress: ProgressCallback | None = None,
) -> ImportReport:
    """Import one file (or a folder of OData pages) atomically and idempotently.

    Returns the report (rows read/inserted/updated/unchanged). On any bad row raises ParseError
    or MonitoringError naming every bad line; then nothing is imported. `progress(rows_read,
    fraction)` is called while the file is read (see importers)."""
    path = Path(path)
    result: ParseResult = parse_path(path, fmt, display_name or path.name, progress)
    return import_parsed(
        result=result, file_name=display_name or path.name, user=user, municipality=municipality
    )


def import_parsed(
    *,
    result: ParseResult,
    file_name: str,
    user=None,
    municipality=None,
    is_demo=False,
    progress: Callable[[int, int], None] | None = None,
    on_switch: Callable[[ImportReport], None] | None = None,
) -> ImportReport:
    """Write parsed rows and record the import, all or nothing for readers.

    Compares with what is stored (reads only), stages the new and changed rows in short
    transactions of WRITE_CHUNK rows (`progress(written, to_write)` after each), then in one
    transaction (the switch): creates missing police indicators, records the DataImport,
    moves the staged rows into Observation, writes the audit entry, refreshes the target
    statuses and calls `on_switch(report)` (e.g. to mark a job done in the same commit). On
    SQLite the write lock is thus held for a chunk or the switch at a time, never for the whole
    import. On any error nothing is imported and the staged rows are deleted."""
    report = ImportReport(None)
    indicators, missing = _indicators_check(result.rows, file_name)
    to_write = _compare(result.rows, indicators, report)
    report.rows_read = result.rows_read
    staging.stale_batches_delete()
    batch = staging.batch_new()
    try:
        staging.batch_stage(batch, to_write, len(to_write), progress)
        del to_write
        with transaction.atomic():
            for code in missing:
                indicator_ensure(code=code)
            record = DataImport(
                file_name=file_name[:300],
                format=result.format,
                table=result.table,
                user=user if user is not None and user.is_authenticated else None,
                municipality=municipality,
                is_demo=is_demo,
                rows_read=report.rows_read,
                inserted=report.inserted,
                updated=report.updated,
                unchanged=report.unchanged,
            )
            record.full_clean()
            record.save()
            report.data_import = record
            staging.batch_switch(batch, record)
            if user is not None:
                audit_log(
                    user=user,
                    action=AuditAction.CREATE,
                    obj=record,
                    municipality=municipality,
                    note=f"import {file_name}: {report.inserted} nieuw, {report.updated} gewijzigd",
                )
            target_statuses_refresh()
            if on_switch is not None:
                on_switch(report)
    finally:
        _batch_delete_quietly(batch)
    return report


def _batch_delete_quietly(batch: str) -> None:
    """Delete the staged rows; inside a broken outer transaction (the caller's), leave them
    to its rollback or to stale_batches_delete."""
    try:
        staging.batch_delete(batch)
    except (DatabaseError, TransactionManagementError):
        logger.warning("staged rows of import batch %s left for later removal", batch)


def observation_upsert_many(
    *,
    indicator_code: str,
    rows: list[tuple[str, str, float | None]],
    provenance: str,
    user=None,
    municipality=None,
) -> ImportReport:
    """Feed from another app (e.g. signals per phenomenon per quarter): rows of
    (region code, CBS period code, value). `provenance` names the feed in the import record.
    Idempotent; an unknown region or period raises MonitoringError with the row number."""
    problems = []
    parsed = []
    for n, (region_code, period, value) in enumerate(rows, start=1):
        region_code = codelists.normalise_region_code(region_code)
        if codelists.region(region_code) is None:
            problems.append(
                Problem(n, "regio", _("onbekende regiocode %(c)r") % {"c": region_code})
            )
            continue
        try:
            codelists.parse_period(period)
        except ValueError:
            problems.append(Problem(n, "periode", _("onbekende periode %(p)r") % {"p": period}))
            continue
        parsed.append(ParsedRow(n, indicator_code, region_code, period, value))
    if problems:
        raise MonitoringError(problems)
    seen = {}
    for r in parsed:
        key = (r.region_code, r.period)
        if key in seen:
            raise MonitoringError(
                [Problem(r.line, _("sleutel"), _("dubbel met rij %(o)s") % {"o": seen[key]})]
            )
        seen[key] = r.line
    result = ParseResult(parsed, ImportFormat.API, "", len(parsed))
    return import_parsed(result=result, file_name=provenance, user=user, municipality=municipality)
