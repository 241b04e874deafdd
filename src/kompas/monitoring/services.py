# SPDX-License-Identifier: EUPL-1.2
"""Writes for monitoring: indicators, observations (imports, fetches, other apps' feeds),
targets from the plans, and the remembered target status."""

import datetime as dt
import logging
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kompas.core import tasks
from kompas.core.constants import AuditAction
from kompas.core.services import audit_log

from . import codelists
from .constants import (
    POLICE_SOURCES,
    Direction,
    ImportFormat,
    ImportJobStatus,
    IndicatorUnit,
    ObservationStatus,
    RuleKind,
)
from .importers import ParsedRow, ParseError, ParseResult, Problem, ProgressCallback, parse_path
from .models import DataImport, ImportJob, Indicator, Observation, Target

logger = logging.getLogger(__name__)


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


# --- Indicators ---------------------------------------------------------------------------------
def indicator_ensure(*, code: str) -> Indicator:
    """The indicator with `code`; police codes (`politie-misdrijven:1.1.1`) are created from the
    shipped code lists on first use. Raises MonitoringError for an unknown code."""
    existing = Indicator.objects.filter(code=code).first()
    if existing:
        return existing
    source, _sep, key = code.partition(":")
    if source in POLICE_SOURCES and key in codelists.type_names(source):
        indicator = Indicator(
            code=code,
            name=codelists.type_names(source)[key],
            unit=IndicatorUnit.COUNT,
            source=source,
            definition=[key],
            better=Direction.LOWER,
            per_1000_inhabitants=True,
        )
        indicator.full_clean()
        indicator.save()
        return indicator
    raise MonitoringError([Problem(0, "indicator", _("onbekende indicator %(c)r") % {"c": code})])


@transaction.atomic
def indicator_upsert(
    *,
    code: str,
    name: str,
    unit: str,
    source: str,
    definition: list[str],
    better: str,
    per_1000_inhabitants: bool = False,
    note: str = "",
) -> Indicator:
    indicator = Indicator.objects.filter(code=code).first() or Indicator(code=code)
    indicator.name, indicator.unit, indicator.source = name, unit, source
    indicator.definition, indicator.better = list(definition), better
    indicator.per_1000_inhabitants, indicator.note = per_1000_inhabitants, note
    indicator.full_clean()
    indicator.save()
    return indicator


# --- Observations -------------------------------------------------------------------------------
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


# --- Import jobs (upload in the UI, import in the background) -------------------------------
@transaction.atomic
def import_job_create(
    *, municipality, user, file_name: str, content: bytes, fmt: str = ""
) -> ImportJob:
    """Store an uploaded file as a queued job and queue its import (after commit). The
    worker runs import_job_run; the job page shows its progress and result."""
    from .tasks import import_job_task

    job = ImportJob(
        municipality=municipality,
        user=user if user is not None and user.is_authenticated else None,
        file_name=file_name[:300],
        format=fmt or "",
        file_data=content,
        file_size=len(content),
    )
    job.full_clean()
    job.save()
    audit_log(
        user=user,
        action=AuditAction.CREATE,
        obj=job,
        municipality=municipality,
        note=f"upload {job.file_name} ({job.file_size} bytes)",
    )
    tasks.enqueue(import_job_task, job_id=job.pk)
    return job


class _JobProgress:
    """A running job's progress, in the task queue's key-value store: never in the main
    database, whose write lock the import's transaction holds on SQLite. At most one write per
    INTERVAL seconds."""

    INTERVAL = 0.5

    def __init__(self, job: ImportJob):
        self.key, self.last, self.rows_read = job.progress_key, 0.0, 0

    def reading(self, rows_read: int, fraction: float | None) -> None:
        self.rows_read = rows_read
        now = time.monotonic()
        if now - self.last < self.INTERVAL and fraction != 1.0:
            return
        self.last = now
        percent = None if fraction is None else int(fraction * 100)
        self._put(phase="lezen", percent=percent)

    def saving_started(self, rows_read: int) -> None:
        """The file is read; the import compares with what is stored before it writes."""
        self.rows_read, self.last = rows_read, time.monotonic()
        self._put(phase="opslaan", written=0, to_write=None, percent=None)

    def saving(self, written: int, to_write: int) -> None:
        """While the import's transaction writes: observations written of those to write."""
        now = time.monotonic()
        if now - self.last < self.INTERVAL and 0 < written < to_write:
            return
        self.last = now
        percent = int(written / to_write * 100) if to_write else 100
        self._put(phase="opslaan", written=written, to_write=to_write, percent=percent)

    def _put(self, **value) -> None:
        # `at` (epoch seconds) lets the job page notice a worker that stopped reporting.
        tasks.state_put(self.key, {**value, "rows": self.rows_read, "at": time.time()})

    def clear(self) -> None:
        tasks.state_delete(self.key)


def _job_finish(
    job: ImportJob,
    *,
    status: str,
    rows_read: int = 0,
    data_import: DataImport | None = None,
    problems: list[Problem] = (),
) -> None:
    job.status = status
    job.rows_read = rows_read
    job.data_import = data_import
    job.problems = [asdict(p) for p in problems[: ImportJob.MAX_PROBLEMS]]
    job.problem_count = len(problems)
    job.file_data = None  # the upload is not kept once it has been processed
    job.finished_at = timezone.now()
    job.save(
        update_fields=[
            "status",
            "rows_read",
            "data_import",
            "problems",
            "problem_count",
            "file_data",
            "finished_at",
        ]
    )


def import_job_run(*, job_id: int) -> ImportJob | None:
    """Run a queued import job (the worker calls this through monitoring.tasks). Reads the
    stored file with progress, imports it in one transaction and records the result: gereed
    with the DataImport, or mislukt with every problem (nothing imported). Either way the file's
    bytes are deleted. A job that is not queued (already run) is left alone."""
    with transaction.atomic():
        job = (
            ImportJob.objects.select_for_update(of=("self",))
            .select_related("municipality", "user")
            .filter(pk=job_id, status=ImportJobStatus.QUEUED)
            .first()
        )
        if job is None:
            return None
        job.status, job.started_at = ImportJobStatus.RUNNING, timezone.now()
        job.save(update_fields=["status", "started_at"])
    progress = _JobProgress(job)
    progress.reading(0, 0.0)
    result = None
    try:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"upload{Path(job.file_name).suffix.lower()[:10]}"
            path.write_bytes(bytes(job.file_data or b""))
            result = parse_path(path, job.format or None, job.file_name, progress.reading)
        progress.saving_started(result.rows_read)
        with transaction.atomic():
            report = import_parsed(
                result=result,
                file_name=job.file_name,
                user=job.user,
                municipality=job.municipality,
                progress=progress.saving,
            )
            _job_finish(
                job,
                status=ImportJobStatus.DONE,
                rows_read=report.rows_read,
                data_import=report.data_import,
            )
    except (ParseError, MonitoringError) as exc:
        read = getattr(exc, "rows_read", 0) or (result.rows_read if result else 0)
        _job_finish(job, status=ImportJobStatus.FAILED, rows_read=read, problems=exc.problems)
    except Exception:
        logger.exception("import job %s broke off", job.pk)
        _job_finish(
            job,
            status=ImportJobStatus.FAILED,
            problems=[
                Problem(
                    0,
                    _("import"),
                    _(
                        "de import is onverwacht afgebroken. Probeer het opnieuw; lukt het "
                        "weer niet, neem dan contact op met de beheerder."
                    ),
                    job.file_name,
                )
            ],
        )
    finally:
        progress.clear()
    return job


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


# --- Targets from the plans ---------------------------------------------------------------------
RULE_FIELDS = ("threshold", "baseline_years", "year", "reference_region", "percent", "tolerance")


def _deadline(value) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    text = str(value)
    if len(text) == 4 and text.isdigit():
        return dt.date(int(text), 12, 31)
    return dt.date.fromisoformat(text)


@transaction.atomic
def plan_monitoring_sync(
    *,
    municipality,
    plan_short_name: str,
    indicators: list[dict],
    targets: list[dict],
    observations: list[dict],
    user=None,
) -> dict:
    """Materialise a plan's `indicators`, `targets` and `observations` sections. Idempotent:
    a second call with the same content changes nothing; targets no longer in the plan are
    removed. Called by the policy app after each plan import."""
    counts = {"indicators": 0, "targets_created": 0, "targets_updated": 0, "targets_removed": 0}
    for item in indicators:
        indicator_upsert(
            code=item["code"],
            name=item["name"],
            unit=item["unit"],
            source=item["source"],
            definition=item.get("definition") or [],
            better=item.get("better", Direction.LOWER),
            per_1000_inhabitants=bool(item.get("per_1000_inhabitants")),
            note=item.get("note", ""),
        )
        counts["indicators"] += 1
    problems = []
    keep = []
    for n, item in enumerate(targets, start=1):
        try:
            indicator = indicator_ensure(code=item["indicator"])
        except MonitoringError:
            problems.append(
                Problem(n, "indicator", _("onbekende indicator %(c)r") % {"c": item["indicator"]})
            )
            continue
        rule = item.get("rule") or {}
        if rule.get("kind") not in RuleKind.values:
            problems.append(
                Problem(n, "rule.kind", _("onbekende regel %(k)r") % {"k": rule.get("kind")})
            )
            continue
        region_code = codelists.normalise_region_code(item["region"])
        target = Target.objects.filter(
            municipality=municipality, plan_short_name=plan_short_name, code=item["code"]
        ).first()
        created = target is None
        target = target or Target(
            municipality=municipality, plan_short_name=plan_short_name, code=item["code"]
        )
        target.priority_number = item.get("priority")
        target.goal_ref = str(item.get("goal") or "")[:300]
        target.indicator = indicator
        target.region_code = region_code
        target.rule_kind = rule["kind"]
        target.threshold = rule.get("threshold")
        target.baseline_years = [int(y) for y in rule.get("baseline_years") or []]
        target.reference_year = rule.get("year")
        target.reference_region = codelists.normalise_region_code(
            rule.get("reference_region") or ""
        )
        target.percent = rule.get("percent")
        target.tolerance = rule.get("tolerance")
        target.strict = bool(rule.get("strict", False))
        target.deadline = _deadline(item.get("deadline"))
        target.text = item.get("text", "")
        target.full_clean()
        target.save()
        keep.append(target.pk)
        counts["targets_created" if created else "targets_updated"] += 1
    if problems:
        raise MonitoringError(problems)
    removed, _d = (
        Target.objects.filter(municipality=municipality, plan_short_name=plan_short_name)
        .exclude(pk__in=keep)
        .delete()
    )
    counts["targets_removed"] = removed
    rows = [
        ParsedRow(
            n,
            o["indicator"],
            codelists.normalise_region_code(o["region"]),
            o["period"],
            None if o.get("value") is None else float(o["value"]),
            ObservationStatus.FINAL,
            o.get("source", ""),
        )
        for n, o in enumerate(observations, start=1)
    ]
    counts["observations"] = 0
    # One provenance record per distinct source text, so each figure names where it came from.
    for source_text in sorted({r.file for r in rows}):
        subset = [r for r in rows if r.file == source_text]
        record = DataImport.objects.filter(
            format=ImportFormat.PLAN, file_name=source_text[:300], municipality=municipality
        ).first()
        if record is None:
            record = DataImport(
                file_name=(source_text or plan_short_name)[:300],
                format=ImportFormat.PLAN,
                table=plan_short_name[:20],
                municipality=municipality,
            )
            record.full_clean()
            record.save()
        report = _write_rows(subset, record)
        _finish(record, report, len(subset))
        counts["observations"] += report.inserted + report.updated
    target_statuses_refresh(municipality=municipality)
    return counts


@transaction.atomic
def target_statuses_refresh(*, municipality=None) -> int:
    """Remember each target's status and when it last changed (for the start-page panel)."""
    from .selectors import target_evaluate

    qs = Target.objects.select_related("indicator", "municipality")
    if municipality is not None:
        qs = qs.filter(municipality=municipality)
    changed = 0
    now = timezone.now()
    for target in qs:
        status = target_evaluate(target=target).status
        if status != target.last_status:
            target.previous_status = target.last_status
            target.last_status = status
            target.status_changed_at = now
            target.save(update_fields=["previous_status", "last_status", "status_changed_at"])
            changed += 1
    return changed
