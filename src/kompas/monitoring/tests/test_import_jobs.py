# SPDX-License-Identifier: EUPL-1.2
"""Upload in the UI as a background job: upload -> queued job -> import by the task worker ->
job page with progress and the result; bad files fail line-exact with nothing imported;
tenancy; progress while importing the real StatLine file; a real worker on SQLite storage."""

import re
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from kompas.core import tasks
from kompas.core.models import AuditEntry
from kompas.monitoring import services
from kompas.monitoring.constants import ImportJobStatus
from kompas.monitoring.models import DataImport, ImportJob, Observation
from kompas.monitoring.services import data_import, import_job_create, import_job_run

UPLOAD = "/heerenveen/monitoring/importeren/"
FILE_2024 = "statline_47013NED_gemeenten_2024.csv"
FILE_2022_2023 = "statline_47013NED_gemeenten_2022_2023.csv"


def _upload(client, name, data, fmt=""):
    return client.post(UPLOAD, {"file": SimpleUploadedFile(name, data), "format": fmt})


@pytest.mark.django_db
def test_upload_becomes_a_job_that_finishes_with_counts(
    client, adviseur_heerenveen, shared_data, heerenveen, django_capture_on_commit_callbacks
):
    client.force_login(adviseur_heerenveen)
    data = (shared_data / FILE_2024).read_bytes()
    with django_capture_on_commit_callbacks(execute=True) as queued:
        response = _upload(client, "statline.csv", data)
        job = ImportJob.objects.get()
        # Stored and queued, not yet imported: the request did no import work.
        assert job.status == ImportJobStatus.QUEUED and bytes(job.file_data) == data
        assert job.user == adviseur_heerenveen and job.municipality == heerenveen
        assert Observation.objects.count() == 0
    assert len(queued) == 1
    assert response.status_code == 302
    assert response["Location"] == f"/heerenveen/monitoring/imports/{job.pk}/"

    job.refresh_from_db()
    assert job.status == ImportJobStatus.DONE
    assert job.file_data is None  # the upload is deleted once processed
    assert job.data_import.rows_read == job.rows_read == 356
    assert job.data_import.inserted == Observation.objects.count() > 0
    assert tasks.state_get(job.progress_key) is None  # progress entry cleaned up

    page = client.get(response["Location"])
    text = page.content.decode()
    assert page.status_code == 200 and "no-cache" in page["Cache-Control"]
    assert "Import van statline.csv gelukt" in text and "gereed" in text
    assert "<dt>Rijen gelezen</dt><dd>356</dd>" in text
    # a row holds a figure per year: rows and figures are counted apart, and say so
    assert f"<dt>Cijfers nieuw</dt><dd>{job.data_import.inserted}</dd>" in text
    assert "import_job.js" not in text and "Vernieuwen" not in text

    audited = set(
        AuditEntry.objects.filter(user=adviseur_heerenveen).values_list("action", "object_type")
    )
    assert ("create", "monitoring.importjob") in audited  # the upload
    assert ("view", "monitoring.importjob") in audited  # the job page with its result
    assert ("create", "monitoring.dataimport") in audited  # the import itself, as before

    # A second run of the same file changes nothing (idempotent), reported as unchanged.
    with django_capture_on_commit_callbacks(execute=True):
        again = _upload(client, "statline.csv", data)
    second = ImportJob.objects.get(pk=again["Location"].rstrip("/").rsplit("/", 1)[1])
    assert second.status == ImportJobStatus.DONE
    assert second.data_import.inserted == 0 and second.data_import.unchanged > 0


@pytest.mark.django_db
def test_a_bad_file_fails_with_every_line_named_and_nothing_imported(
    client, adviseur_heerenveen, shared_data, heerenveen, django_capture_on_commit_callbacks
):
    client.force_login(adviseur_heerenveen)
    lines = (shared_data / FILE_2024).read_bytes().split(b"\n")
    heerenveen_line = next(i for i, line in enumerate(lines, 1) if line.startswith(b'"Heerenveen"'))
    lines[heerenveen_line - 1] = lines[heerenveen_line - 1].replace(b"Heerenveen", b"Atlantis")
    lines[heerenveen_line] = re.sub(rb'"\d+"\r?$', b'"veel"', lines[heerenveen_line])
    with django_capture_on_commit_callbacks(execute=True):
        response = _upload(client, "fout.csv", b"\n".join(lines))
    job = ImportJob.objects.get()
    assert job.status == ImportJobStatus.FAILED
    assert job.file_data is None
    assert job.problem_count == 2
    assert [(p["line"], p["field"]) for p in job.problems] == [
        (heerenveen_line, "regio"),
        (heerenveen_line + 1, "Geregistreerde misdrijven 2024"),
    ]
    assert Observation.objects.count() == 0 and DataImport.objects.count() == 0

    text = client.get(response["Location"]).content.decode()
    assert "mislukt" in text
    assert "Er zijn 2 fouten gevonden; er is niets geïmporteerd." in text
    assert f"fout.csv: regel {heerenveen_line}, regio: onbekende regio &#x27;Atlantis&#x27;" in text
    assert f"regel {heerenveen_line + 1}, Geregistreerde misdrijven 2024:" in text
    assert "&#x27;veel&#x27; is geen getal" in text


@pytest.mark.django_db
def test_only_staff_of_the_jobs_gemeente_see_it(
    client, heerenveen, weststellingwerf, make_member, adviseur_heerenveen
):
    job = import_job_create(
        municipality=heerenveen, user=adviseur_heerenveen, file_name="a.csv", content=b"x"
    )
    url = f"/heerenveen/monitoring/imports/{job.pk}/"
    client.force_login(adviseur_heerenveen)
    assert client.get(url).status_code == 200

    west = make_member(weststellingwerf, "adviseur")
    client.force_login(west)
    assert client.get(url).status_code == 404
    assert client.get(f"/weststellingwerf/monitoring/imports/{job.pk}/").status_code == 404
    assert "a.csv" not in client.get("/weststellingwerf/monitoring/imports/").content.decode()

    for role in ("lezer", "partner"):
        client.force_login(make_member(heerenveen, role, partner_code="politie"))
        assert client.get(url).status_code == 404
    client.force_login(make_member(heerenveen, "beheerder"))
    assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_job_page_and_list_show_a_queued_and_a_running_job_without_writing(
    client, adviseur_heerenveen, heerenveen
):
    # Outside django_capture_on_commit_callbacks the queued task never starts here.
    job = import_job_create(
        municipality=heerenveen, user=adviseur_heerenveen, file_name="groot.csv", content=b"x"
    )
    client.force_login(adviseur_heerenveen)
    entries = AuditEntry.objects.count()
    url = f"/heerenveen/monitoring/imports/{job.pk}/"
    text = client.get(url).content.decode()
    assert "in de wachtrij" in text and "<progress" in text
    assert f'href="{url}"' in text and "Vernieuwen" in text  # works without JavaScript
    assert 'src="/static/monitoring/import_job.js"' in text and "http-equiv" not in text

    listing = client.get("/heerenveen/monitoring/imports/").content.decode()
    assert "groot.csv" in listing and "in de wachtrij" in listing

    ImportJob.objects.filter(pk=job.pk).update(status=ImportJobStatus.RUNNING)
    tasks.state_put(job.progress_key, {"phase": "lezen", "rows": 120, "percent": 40})
    text = client.get(url).content.decode()
    assert 'max="100" value="40"' in text and "120 regels gelezen, 40% van het bestand" in text
    assert '<label for="import-progress">Voortgang</label>' in text
    tasks.state_put(
        job.progress_key,
        {"phase": "opslaan", "rows": 300, "written": 0, "to_write": None, "percent": None},
    )
    text = client.get(url).content.decode()
    assert "Bestand gelezen (300 regels); de cijfers worden vergeleken en opgeslagen." in text
    tasks.state_put(
        job.progress_key,
        {"phase": "opslaan", "rows": 300, "written": 200, "to_write": 800, "percent": 25},
    )
    text = client.get(url).content.decode()
    assert 'max="100" value="25"' in text
    assert "200 van 800 nieuwe of gewijzigde waarnemingen opgeslagen" in text
    assert "bezig" in client.get("/heerenveen/monitoring/imports/").content.decode()
    # Polling a running job writes nothing to the main database (SQLite: the import holds
    # the write lock).
    assert AuditEntry.objects.count() == entries


@pytest.mark.django_db
def test_progress_is_reported_while_importing_the_real_file(reference_data, shared_data):
    calls = []
    report = data_import(
        path=shared_data / FILE_2022_2023, progress=lambda n, f: calls.append((n, f))
    )
    counts = [n for n, _f in calls]
    fractions = [f for _n, f in calls]
    assert len(calls) >= 5
    assert counts == sorted(set(counts)) and counts[-1] == report.rows_read
    assert all(0 < f <= 1 for f in fractions) and fractions == sorted(fractions)
    assert fractions[-1] == 1.0 and fractions[0] < 0.5


@pytest.mark.django_db
def test_the_job_writes_its_progress_to_the_queue_store(
    reference_data, shared_data, heerenveen, adviseur_heerenveen, monkeypatch
):
    job = import_job_create(
        municipality=heerenveen,
        user=adviseur_heerenveen,
        file_name=FILE_2022_2023,
        content=(shared_data / FILE_2022_2023).read_bytes(),
    )
    written = []
    real_put = tasks.state_put

    def spy(key, value):
        if key == job.progress_key:
            written.append(dict(value))
        real_put(key, value)

    monkeypatch.setattr(tasks, "state_put", spy)
    monkeypatch.setattr(services._JobProgress, "INTERVAL", 0.0)
    import_job_run(job_id=job.pk)
    reading = [w for w in written if w["phase"] == "lezen"]
    assert [w["rows"] for w in reading] == sorted(w["rows"] for w in reading)
    assert reading[0]["percent"] == 0 and reading[-1]["percent"] == 100
    assert any(0 < w["percent"] < 100 for w in reading)
    saving = [w for w in written if w["phase"] == "opslaan"]
    assert written[-len(saving) :] == saving  # reading first, then saving
    assert saving[0]["to_write"] is None and saving[0]["percent"] is None  # comparing first
    assert saving[-1]["written"] == saving[-1]["to_write"] > 0 and saving[-1]["percent"] == 100
    job.refresh_from_db()
    assert job.status == ImportJobStatus.DONE and job.rows_read == saving[-1]["rows"]
    assert job.data_import.inserted == saving[-1]["written"]
    assert import_job_run(job_id=job.pk) is None  # a second delivery does nothing


@pytest.mark.django_db(transaction=True)
def test_a_real_worker_imports_an_upload_from_sqlite_queue_storage(
    task_worker, client, adviseur_heerenveen, shared_data
):
    client.force_login(adviseur_heerenveen)
    response = _upload(client, "statline.csv", (shared_data / FILE_2024).read_bytes())
    assert response.status_code == 302
    job = ImportJob.objects.get()
    deadline = time.monotonic() + 60
    while not job.is_finished and time.monotonic() < deadline:
        time.sleep(0.2)
        job.refresh_from_db()
    assert job.status == ImportJobStatus.DONE, job.problems
    assert job.rows_read == 356 and job.file_data is None
    assert Observation.objects.filter(source_import=job.data_import).count() > 0
    assert task_worker.pending_count() == 0
    text = client.get(response["Location"]).content.decode()
    assert "Import van statline.csv gelukt" in text


@pytest.mark.django_db
def test_command_line_import_stays_synchronous_and_prints_progress(
    reference_data, shared_data, capsys
):
    from django.core.management import call_command

    call_command("data", "import", str(shared_data / FILE_2022_2023), verbosity=2)
    out, err = capsys.readouterr()
    assert "356 regels gelezen (100%)" in err
    assert "356 rijen gelezen" in out and ImportJob.objects.count() == 0
    assert Observation.objects.count() > 0


@pytest.mark.django_db
def test_a_locked_sqlite_database_gives_a_dutch_message_not_a_500(
    client, adviseur_heerenveen, heerenveen, monkeypatch, django_capture_on_commit_callbacks
):
    """On SQLite a long import holds the write lock; a write that times out waiting for it
    (the upload's job row, the audit entry of a result view) says so and stores nothing."""
    from django.db import OperationalError

    from kompas.monitoring import views

    client.force_login(adviseur_heerenveen)

    def locked(**kwargs):
        raise OperationalError("database is locked")

    with monkeypatch.context() as m:
        m.setattr(views, "import_job_create", locked)
        response = _upload(client, "a.csv", b"x")
    assert response.status_code == 503
    assert "andere import opgeslagen" in response.content.decode()
    assert ImportJob.objects.count() == 0

    with django_capture_on_commit_callbacks(execute=True):
        job_url = _upload(client, "a.csv", b"x")["Location"]
    monkeypatch.setattr(views, "audit_log", locked)
    page = client.get(job_url)
    assert page.status_code == 503
    text = page.content.decode()
    assert "andere import opgeslagen" in text and "Vernieuwen" in text
    assert "fout gevonden" not in text  # no result without its audit entry


@pytest.mark.django_db
def test_a_job_that_waits_or_is_silent_too_long_says_so(client, adviseur_heerenveen, heerenveen):
    import datetime as dt

    from django.utils import timezone

    job = import_job_create(
        municipality=heerenveen, user=adviseur_heerenveen, file_name="a.csv", content=b"x"
    )
    client.force_login(adviseur_heerenveen)
    url = f"/heerenveen/monitoring/imports/{job.pk}/"
    assert "nog niet begonnen" not in client.get(url).content.decode()
    long_ago = timezone.now() - dt.timedelta(minutes=15)
    ImportJob.objects.filter(pk=job.pk).update(created_at=long_ago)
    assert "Mogelijk draait de achtergrondverwerking niet" in client.get(url).content.decode()

    ImportJob.objects.filter(pk=job.pk).update(status=ImportJobStatus.RUNNING, started_at=long_ago)
    fresh = {"phase": "lezen", "rows": 50, "percent": 10, "at": time.time()}
    tasks.state_put(job.progress_key, fresh)
    assert "geen voortgang gemeld" not in client.get(url).content.decode()
    tasks.state_put(job.progress_key, {**fresh, "at": time.time() - 11 * 60})
    assert "Er is al tien minuten geen voortgang gemeld" in client.get(url).content.decode()
