# SPDX-License-Identifier: EUPL-1.2
"""Imports are staged in short transactions and switched visible in one (issue 15 item 5):
readers never see half an import, a failure mid-way leaves the previous figures and nothing
staged, the result is the same as a one-transaction import, and between chunks the import
holds no transaction (so the meldpunt can write on SQLite while a long import runs)."""

import datetime as dt

import pytest
from django.db import connection
from django.utils import timezone

from kompas.monitoring.constants import ImportJobStatus
from kompas.monitoring.importers import ParsedRow, ParseResult, parse_path
from kompas.monitoring.models import DataImport, ImportJob, Observation, ObservationStage
from kompas.monitoring.services import data_import, import_job_run, import_parsed, staging

BUURTEN = "47018NED_2023_buurten_zo_friesland.csv"  # one figure per buurt, 2023


@pytest.fixture
def small_chunks(monkeypatch):
    """Chunks of 25 rows, so the real buurt file (hundreds of rows) is staged in many."""
    monkeypatch.setattr(staging, "STAGE_CHUNK", 25)
    return 25


def _figures() -> dict[tuple, float | None]:
    return {
        (o.indicator.code, o.region_code, o.period): o.value
        for o in Observation.objects.select_related("indicator")
    }


def _changed(result: ParseResult, delta: float = 1.0) -> ParseResult:
    """The same rows with every known value raised by `delta` (a revised publication)."""
    rows = [
        ParsedRow(
            r.line, r.indicator_code, r.region_code, r.period,
            None if r.value is None else r.value + delta, r.status, r.file,
        )
        for r in result.rows
    ]  # fmt: skip
    return ParseResult(rows, result.format, result.table, result.rows_read)


@pytest.mark.django_db
def test_staged_import_gives_the_same_figures_and_counts(reference_data, shared_data, small_chunks):
    parsed = parse_path(shared_data / BUURTEN)
    expected = {(r.indicator_code, r.region_code, r.period): r.value for r in parsed.rows}
    assert len(expected) > 4 * small_chunks

    first = data_import(path=shared_data / BUURTEN)
    assert (first.inserted, first.updated, first.unchanged) == (len(expected), 0, 0)
    assert _figures() == expected
    assert set(Observation.objects.values_list("source_import", flat=True)) == {
        first.data_import.pk
    }

    again = data_import(path=shared_data / BUURTEN)
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, len(expected))

    # One figure revised: only that observation changes, and names the new import.
    revised = parsed.rows[7]
    rows = list(parsed.rows)
    rows[7] = ParsedRow(
        revised.line, revised.indicator_code, revised.region_code, revised.period,
        (revised.value or 0) + 5, revised.status, revised.file,
    )  # fmt: skip
    third = import_parsed(
        result=ParseResult(rows, parsed.format, parsed.table, parsed.rows_read),
        file_name="herzien.csv",
    )
    assert (third.inserted, third.updated, third.unchanged) == (0, 1, len(expected) - 1)
    key = (revised.indicator_code, revised.region_code, revised.period)
    assert _figures() == {**expected, key: (revised.value or 0) + 5}
    moved = Observation.objects.get(indicator__code=key[0], region_code=key[1], period=key[2])
    assert moved.source_import_id == third.data_import.pk
    assert Observation.objects.filter(source_import=first.data_import).count() == len(expected) - 1
    assert ObservationStage.objects.count() == 0  # nothing left in the staging area


@pytest.mark.django_db
def test_a_failure_mid_way_leaves_the_previous_figures_and_nothing_staged(
    reference_data, shared_data, small_chunks
):
    data_import(path=shared_data / BUURTEN)
    before, imports = _figures(), DataImport.objects.count()
    seen_mid_way = []

    def crash_after_three_chunks(written, to_write):
        if written >= 3 * small_chunks:
            # Half the revision is staged; readers still see only the previous figures.
            seen_mid_way.append((ObservationStage.objects.count(), _figures()))
            raise RuntimeError("worker stopped")

    with pytest.raises(RuntimeError):
        import_parsed(
            result=_changed(parse_path(shared_data / BUURTEN)),
            file_name="herzien.csv",
            progress=crash_after_three_chunks,
        )
    assert seen_mid_way[0] == (3 * small_chunks, before)
    assert _figures() == before
    assert DataImport.objects.count() == imports  # no import recorded, none half
    assert ObservationStage.objects.count() == 0


@pytest.mark.django_db
def test_a_job_that_breaks_off_while_staging_is_failed_with_nothing_imported(
    reference_data, shared_data, heerenveen, adviseur_heerenveen, small_chunks, monkeypatch
):
    real_stage = staging.batch_stage

    def stage_then_break(batch, rows, total, progress=None):
        real_stage(batch, list(rows)[: 2 * small_chunks], total, progress)
        raise OSError("disk full")

    monkeypatch.setattr(staging, "batch_stage", stage_then_break)
    job = ImportJob.objects.create(
        municipality=heerenveen,
        user=adviseur_heerenveen,
        file_name=BUURTEN,
        file_data=(shared_data / BUURTEN).read_bytes(),
    )
    import_job_run(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == ImportJobStatus.FAILED and job.data_import is None
    assert "onverwacht afgebroken" in job.problems[0]["message"]
    assert Observation.objects.count() == 0 and DataImport.objects.count() == 0
    assert ObservationStage.objects.count() == 0


@pytest.mark.django_db
def test_rows_left_by_a_killed_import_are_removed_by_the_next_one(reference_data, shared_data):
    def stage(batch: str) -> ObservationStage:
        return ObservationStage.objects.create(
            batch=batch, indicator_code="politie-misdrijven:0.0.0", region_code="GM0074",
            period="2023JJ00", year=2023, grain="year", value=1.0, status="definitief",
        )  # fmt: skip

    stale, running = stage("a" * 32), stage("b" * 32)
    ObservationStage.objects.filter(pk=stale.pk).update(
        staged_at=timezone.now() - staging.STALE_AFTER - dt.timedelta(minutes=1)
    )
    report = data_import(path=shared_data / BUURTEN)
    # The stale batch is gone; another import's fresh batch is left alone; neither counted.
    assert list(ObservationStage.objects.values_list("batch", flat=True)) == ["b" * 32]
    assert Observation.objects.count() == report.inserted
    running.delete()


@pytest.mark.django_db
def test_between_chunks_the_import_holds_no_transaction(reference_data, shared_data, small_chunks):
    """On SQLite a held transaction is the write lock the meldpunt waits for. The test's own
    transaction is open around everything; the import must open none beyond it while it
    stages."""
    data_import(path=shared_data / BUURTEN)
    outside, depths = len(connection.atomic_blocks), []
    report = import_parsed(
        result=_changed(parse_path(shared_data / BUURTEN)),
        file_name="herzien.csv",
        progress=lambda written, to_write: depths.append(len(connection.atomic_blocks)),
    )
    assert len(depths) > 4 and set(depths) == {outside}
    assert report.updated > 4 * small_chunks
