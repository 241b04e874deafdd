# SPDX-License-Identifier: EUPL-1.2
"""Observations: file imports, fetched pages and other apps' feeds, each written in one
transaction with its DataImport record."""

from collections.abc import Callable
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from kompas.core.constants import AuditAction
from kompas.core.services import audit_log

from .. import codelists
from ..constants import ImportFormat
from ..importers import ParsedRow, ParseResult, Problem, ProgressCallback, parse_path
from ..models import DataImport, Indicator, Observation
from ._common import ImportReport, MonitoringError
from .indicators import indicator_ensure
from .statuses import target_statuses_refresh

WRITE_CHUNK = 10_000


def _write_rows(
    rows: list[ParsedRow],
    data_import: DataImport,
    *,
    file: str = "",
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Upsert parsed rows. Caller holds the transaction. Unknown indicators are problems.
    `progress(written, to_write)` after each chunk of WRITE_CHUNK new or changed rows."""
    report = ImportReport(data_import)
    indicators: dict[str, Indicator] = {}
    problems: list[Problem] = []
    for code in sorted({r.indicator_code for r in rows}):
        try:
            indicators[code] = indicator_ensure(code=code)
        except MonitoringError:
            first = next(r for r in rows if r.indicator_code == code)
            problems.append(
                Problem(
                    first.line,
                    "indicator",
                    _("onbekende indicator %(c)r; leg hem eerst vast in het beleidsplan")
                    % {"c": code},
                    first.file or file,
                )
            )
    if problems:
        raise MonitoringError(problems)
    existing: dict[tuple, Observation] = {}
    ids = [i.pk for i in indicators.values()]
    regions = {r.region_code for r in rows}
    qs = Observation.objects.filter(indicator_id__in=ids)
    if len(regions) <= 500:
        qs = qs.filter(region_code__in=regions)
    for obs in qs.only("id", "indicator_id", "region_code", "period", "value", "status"):
        existing[(obs.indicator_id, obs.region_code, obs.period)] = obs
    new, changed = [], []
    for r in rows:
        ind = indicators[r.indicator_code]
        obs = existing.get((ind.pk, r.region_code, r.period))
        if obs is None:
            period = codelists.parse_period(r.period)
            new.append(
                Observation(
                    indicator=ind,
                    region_code=r.region_code,
                    period=period.code,
                    year=period.year,
                    grain=period.grain,
                    number=period.number,
                    value=r.value,
                    status=r.status,
                    source_import=data_import,
                )
            )
        elif obs.value != r.value or obs.status != r.status:
            obs.value, obs.status, obs.source_import = r.value, r.status, data_import
            changed.append(obs)
        else:
            report.unchanged += 1
    total, written = len(new) + len(changed), 0
    if progress is not None:
        progress(0, total)
    writes = (
        (new, lambda chunk: Observation.objects.bulk_create(chunk, batch_size=2000)),
        (
            changed,
            lambda chunk: Observation.objects.bulk_update(
                chunk, ["value", "status", "source_import"], batch_size=2000
            ),
        ),
    )
    for objects, write in writes:
        for start in range(0, len(objects), WRITE_CHUNK):
            chunk = objects[start : start + WRITE_CHUNK]
            write(chunk)
            written += len(chunk)
            if progress is not None:
                progress(written, total)
    report.inserted, report.updated = len(new), len(changed)
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


@transaction.atomic
def import_parsed(
    *,
    result: ParseResult,
    file_name: str,
    user=None,
    municipality=None,
    is_demo=False,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Write parsed rows in one transaction and record the import. `progress(written,
    to_write)` reports the new and changed observations written so far."""
    record = DataImport(
        file_name=file_name[:300],
        format=result.format,
        table=result.table,
        user=user if user is not None and user.is_authenticated else None,
        municipality=municipality,
        is_demo=is_demo,
    )
    record.full_clean()
    record.save()
    report = _write_rows(result.rows, record, file=file_name, progress=progress)
    _finish(record, report, result.rows_read)
    if user is not None:
        audit_log(
            user=user,
            action=AuditAction.CREATE,
            obj=record,
            municipality=municipality,
            note=f"import {file_name}: {report.inserted} nieuw, {report.updated} gewijzigd",
        )
    target_statuses_refresh()
    return report


@transaction.atomic
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
