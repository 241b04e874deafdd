# SPDX-License-Identifier: EUPL-1.2
"""The recovery sweep's decisions (the real kill -9 is in test_crash_safety): a job whose
worker died is queued once more and then failed with a Dutch message; a job whose worker lives
is left alone; an attempt that lost its job to the sweep writes nothing. And the outcome of
`kompas data landelijk --achtergrond` in `--status` and on the imports page."""

import datetime as dt
import io
import os
import socket
import subprocess
import time

import pytest
from django.core.management import call_command
from django.utils import timezone

from kompas.core import tasks
from kompas.monitoring import services
from kompas.monitoring.constants import ImportJobStatus
from kompas.monitoring.models import DataImport, ImportJob, NationalLoad, Observation
from kompas.monitoring.services import import_job_run, import_jobs_recover, job_recovery
from kompas.monitoring.services import jobs as jobs_module

FILE_2024 = "statline_47013NED_gemeenten_2024.csv"


def _running(heerenveen, content: bytes, *, attempts: int, minutes_ago: float = 0) -> ImportJob:
    """A job as a worker leaves it when it is killed mid-import: bezig, file still stored."""
    return ImportJob.objects.create(
        municipality=heerenveen,
        file_name="statline.csv",
        file_data=content,
        file_size=len(content),
        status=ImportJobStatus.RUNNING,
        attempts=attempts,
        started_at=timezone.now() - dt.timedelta(minutes=minutes_ago),
    )


def _dead_pid() -> int:
    proc = subprocess.Popen(["true"])
    proc.wait()
    return proc.pid


@pytest.mark.django_db
def test_a_dead_workers_job_is_imported_again_and_a_second_death_fails_it_in_dutch(
    client, adviseur_heerenveen, heerenveen, shared_data, django_capture_on_commit_callbacks
):
    content = (shared_data / FILE_2024).read_bytes()
    job = _running(heerenveen, content, attempts=1)
    beat = {"at": time.time(), "host": socket.gethostname(), "pid": _dead_pid(), "attempt": 1}
    tasks.state_put(job.heartbeat_key, beat)
    # A fresh heartbeat, but its process on this machine is gone: known at once.
    with django_capture_on_commit_callbacks(execute=True):
        assert import_jobs_recover() == [job.pk]
    job.refresh_from_db()
    assert job.status == ImportJobStatus.DONE and job.attempts == 2
    assert DataImport.objects.count() == 1 and Observation.objects.count() > 0

    # Died again in its last attempt: failed, with a message, file deleted, nothing imported.
    other = _running(heerenveen, content, attempts=2, minutes_ago=5)
    assert import_jobs_recover() == [other.pk]
    other.refresh_from_db()
    assert other.status == ImportJobStatus.FAILED and other.file_data is None
    assert DataImport.objects.count() == 1
    client.force_login(adviseur_heerenveen)
    text = client.get(f"/heerenveen/monitoring/imports/{other.pk}/").content.decode()
    assert "de achtergrondverwerking is tijdens de import gestopt" in text
    assert "er is niets geïmporteerd" in text and "Upload het bestand opnieuw" in text


@pytest.mark.django_db
def test_a_living_workers_job_is_left_alone(client, adviseur_heerenveen, heerenveen, monkeypatch):
    # A worker process that started a few seconds ago (the test process itself may run for
    # longer than the stale time, which would make its start-up beat stale).
    monkeypatch.setattr(job_recovery, "PROCESS_STARTED", time.time() - 5)
    job = _running(heerenveen, b"x", attempts=1, minutes_ago=30)
    # This process beats (a worker thread of this worker, during the minutely sweep).
    beat = {"at": time.time(), "host": socket.gethostname(), "pid": os.getpid(), "attempt": 1}
    tasks.state_put(job.heartbeat_key, beat)
    assert import_jobs_recover() == []
    # Another worker thread of this process, starting while this one imports: still alive.
    tasks.state_put(job.heartbeat_key, {**beat, "at": job_recovery.PROCESS_STARTED + 0.001})
    assert import_jobs_recover() == []
    # This process id, but beating before this process started: a restarted container's
    # predecessor.
    tasks.state_put(job.heartbeat_key, {**beat, "at": job_recovery.PROCESS_STARTED - 1})
    assert import_jobs_recover() == [job.pk]
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJobStatus.RUNNING)
    # A worker on another machine that beats is alive; one silent for the stale time is not.
    tasks.state_put(job.heartbeat_key, {**beat, "host": "elders", "pid": 1})
    assert import_jobs_recover() == []
    tasks.state_put(job.heartbeat_key, {**beat, "host": "elders", "at": time.time() - 3600})
    assert import_jobs_recover() == [job.pk]
    job.refresh_from_db()
    assert job.status == ImportJobStatus.QUEUED  # queued again (its task runs on commit)
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJobStatus.RUNNING, attempts=2)
    client.force_login(adviseur_heerenveen)
    text = client.get(f"/heerenveen/monitoring/imports/{job.pk}/").content.decode()
    assert "De vorige poging is afgebroken doordat de achtergrondverwerking stopte" in text


@pytest.mark.django_db
def test_an_attempt_whose_job_the_sweep_took_writes_nothing(heerenveen, shared_data, monkeypatch):
    content = (shared_data / FILE_2024).read_bytes()
    job = ImportJob.objects.create(
        municipality=heerenveen, file_name="s.csv", file_data=content, file_size=len(content)
    )
    real = jobs_module.import_parsed

    def slow_worker(**kwargs):
        finish = kwargs["on_switch"]

        def taken_over(report):
            # Meanwhile (while the rows were staged) the sweep judged this worker dead and
            # queued the job again; the switch then finds the job no longer this attempt's.
            ImportJob.objects.filter(pk=job.pk).update(status=ImportJobStatus.QUEUED)
            finish(report)

        return real(**{**kwargs, "on_switch": taken_over})

    monkeypatch.setattr(jobs_module, "import_parsed", slow_worker)
    assert import_job_run(job_id=job.pk) is None
    job.refresh_from_db()
    # (The sweep's update was inside this test's one connection, so it went with the
    # rollback; across processes it stays: see _job_finish.)
    assert job.status != ImportJobStatus.DONE and job.file_data is not None
    assert DataImport.objects.count() == 0 and Observation.objects.count() == 0
    assert tasks.state_get(job.heartbeat_key) is None


NATIONAL = (
    "SoortMisdrijf,WijkenEnBuurten,Perioden,GeregistreerdeMisdrijven_1\n"
    '"0.0.0","GM0074","2024JJ00",7777\n"0.0.0","GM0085","2023JJ00",1500\n'
)


@pytest.mark.django_db
def test_background_load_outcome_in_status_command_and_on_the_imports_page(
    tmp_path, client, adviseur_heerenveen, django_capture_on_commit_callbacks
):
    good, bad = tmp_path / "landelijk.csv", tmp_path / "kapot.csv"
    good.write_text(NATIONAL, encoding="utf-8")
    bad.write_text(NATIONAL.replace("GM0085", "GM9999"), encoding="utf-8")
    for path in (good, bad):
        with django_capture_on_commit_callbacks(execute=True):  # the worker runs it
            call_command("data", "landelijk", str(path), "--achtergrond", stdout=io.StringIO())
    # A load whose worker was killed: bezig, its process gone.
    NationalLoad.objects.create(
        file_name="/srv/dood.csv",
        background=True,
        status=ImportJobStatus.RUNNING,
        pid=_dead_pid(),
        host=socket.gethostname(),
    )

    out = io.StringIO()
    call_command("data", "landelijk", "--status", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("Landelijke tabel: geladen op") and "2 rijen" in lines[0]
    assert (
        "[achtergrond] dood.csv: mislukt: het laden is afgebroken doordat het proces stopte"
        in (lines[1])
    )
    assert (
        "[achtergrond] kapot.csv: mislukt: 1 fout(en); de landelijke tabel is niet gewijzigd."
        in (lines[2])
    )
    assert lines[3] == "    regel 3, WijkenEnBuurten: onbekende regiocode GM9999"
    assert "[achtergrond] landelijk.csv: gereed, 2 rijen in " in lines[4]
    assert "de landelijke tabel is vervangen." in lines[4]

    client.force_login(adviseur_heerenveen)
    page = client.get("/heerenveen/monitoring/imports/").content.decode()
    assert "Landelijke tabel: laatste ladingen" in page
    assert "regel 3, WijkenEnBuurten: onbekende regiocode GM9999" in page
    assert "/srv/" not in page  # the file name, not the server's path
    assert services.national_loads_recover() == []  # nothing left to recover
