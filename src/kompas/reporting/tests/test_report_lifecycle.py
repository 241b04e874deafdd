# SPDX-License-Identifier: EUPL-1.2
"""Concept -> vastgesteld en verzonden: texts editable only as concept; sending freezes the
PDF, the data snapshot and the SHA-256; later data changes never alter a sent report; a new
version differs; sending counts for the plan's reporting norm; every write is audited."""

import hashlib

import pytest
from django.core.exceptions import ValidationError

from kompas.core.models import AuditEntry
from kompas.monitoring.services import observation_upsert_many
from kompas.reporting import services, sources
from kompas.reporting.constants import ReportStatus
from kompas.reporting.models import Report
from kompas.reporting.periods import parse_period


@pytest.fixture
def adviseur(demo_heerenveen, make_member):
    return make_member(demo_heerenveen, "adviseur", username="adviseur-rapportage")


def test_concept_texts_are_editable_and_audited(demo_heerenveen, adviseur):
    report = services.report_create(
        municipality=demo_heerenveen,
        kind="tussenevaluatie",
        period=parse_period("2023-01-01..2024-12-31"),
        by=adviseur,
    )
    assert report.status == ReportStatus.CONCEPT
    services.report_texts_update(
        report=report,
        texts={"summary": "Inleiding", "assessments": {"1": "Goed op weg"}, "adjustments": "Meer"},
        by=adviseur,
    )
    report.refresh_from_db()
    assert report.texts["assessments"] == {"1": "Goed op weg"}
    snap = services.report_snapshot(report=report)
    assert snap["texts"]["adjustments"] == "Meer"
    actions = set(
        AuditEntry.objects.filter(
            object_type="reporting.report", object_id=str(report.pk)
        ).values_list("action", flat=True)
    )
    assert actions == {"create", "update"}


def test_sent_report_is_byte_identical_after_data_changes_and_new_version_differs(
    demo_heerenveen, adviseur, pdf_text
):
    report = services.report_create(
        municipality=demo_heerenveen, kind="digitaal", period=parse_period("2025"), by=adviseur
    )
    services.report_texts_update(
        report=report, texts={"focus": "Phishing bij ouderen"}, by=adviseur
    )
    sent = services.report_send(report=report, by=adviseur)
    pdf, digest, snapshot = bytes(sent.pdf), sent.sha256, sent.snapshot
    assert digest == hashlib.sha256(pdf).hexdigest()
    assert "Phishing bij ouderen" in pdf_text(pdf)

    # The figures change afterwards: a correction of the 2025 cybercrime count.
    observation_upsert_many(
        indicator_code="politie-misdrijven:3.7.4",
        rows=[("GM0074", "2025JJ00", 4321)],
        provenance="correctie politie",
    )
    stored = Report.objects.get(pk=sent.pk)
    assert bytes(stored.pdf) == pdf
    assert hashlib.sha256(bytes(stored.pdf)).hexdigest() == digest == stored.sha256
    assert stored.snapshot == snapshot
    assert bytes(services.report_pdf(report=stored)) == pdf
    assert "4.321" not in pdf_text(pdf)

    with pytest.raises(ValidationError):
        services.report_texts_update(report=stored, texts={"focus": "anders"}, by=adviseur)
    with pytest.raises(ValidationError):
        services.report_send(report=stored, by=adviseur)
    with pytest.raises(ValidationError):
        services.report_delete(report=stored, by=adviseur)

    new = services.report_new_version(report=stored, by=adviseur)
    assert (new.version, new.status, new.previous_id) == (2, ReportStatus.CONCEPT, stored.pk)
    assert new.texts["focus"] == "Phishing bij ouderen"
    new = services.report_send(report=new, by=adviseur)
    assert new.sha256 != digest
    assert "4.321" in pdf_text(bytes(new.pdf))
    assert "4.321" not in pdf_text(bytes(Report.objects.get(pk=sent.pk).pdf))


def test_sending_a_voortgangsrapportage_counts_for_the_norm(demo_heerenveen, adviseur):
    from datetime import date

    from django.utils import timezone

    today = timezone.localdate()

    def norm_done(on):
        return next(
            n["done"]
            for n in sources.norms(municipality=demo_heerenveen, on=on)
            if "voortgangsrapportages" in n["title"].lower()
        )

    before_2025, before_now = norm_done(date(2025, 12, 31)), norm_done(today)
    report = services.report_create(
        municipality=demo_heerenveen, kind="voortgang", period=parse_period("2025-T3"), by=adviseur
    )
    services.report_send(report=report, by=adviseur)
    events = sources.events(
        municipality=demo_heerenveen, kinds=["voortgangsrapportage"], start=today, end=today
    )
    assert report.title in [e["title"] for e in events]
    # sent today about 2025-T3: it counts for 2025, the period it covers
    assert norm_done(date(2025, 12, 31)) == before_2025 + 1
    assert norm_done(today) == before_now


def test_concept_can_be_deleted(demo_heerenveen, adviseur):
    report = services.report_create(
        municipality=demo_heerenveen, kind="voortgang", period=parse_period("2025-T1"), by=adviseur
    )
    services.report_delete(report=report, by=adviseur)
    assert not Report.objects.filter(pk=report.pk).exists()


def test_midterm_assessment_per_priority_is_edited_in_the_ui(client, demo_heerenveen, adviseur):
    report = services.report_create(
        municipality=demo_heerenveen,
        kind="tussenevaluatie",
        period=parse_period("2023-01-01..2024-12-31"),
    )
    client.force_login(adviseur)
    base = f"/heerenveen/rapportages/{report.pk}"
    form = client.get(f"{base}/teksten/").content.decode()
    assert "Beoordeling prioriteit 2: Veilige woon- en leefomgeving" in form
    client.post(
        f"{base}/teksten/",
        {
            "title": report.title,
            "assessment_2": "Jeugdoverlast daalt, maar nog boven het niveau van 2018-2019.",
            "adjustments": "Extra inzet boa's in het centrum.",
        },
    )
    report.refresh_from_db()
    assert report.texts["assessments"] == {
        "2": "Jeugdoverlast daalt, maar nog boven het niveau van 2018-2019."
    }
    page = client.get(f"{base}/").content.decode()
    assert "Jeugdoverlast daalt, maar nog boven het niveau van 2018-2019." in page
    assert "Extra inzet boa&#x27;s in het centrum." in page
    assert "Ontwikkeling sinds de start van het plan" in page


def test_progress_report_shows_meldpunt_counts_of_the_period_only(demo_heerenveen):
    from django.utils import timezone

    today = timezone.localdate()
    everything = sources.signal_statistics(
        municipality=demo_heerenveen, start=today.replace(year=today.year - 5), end=today
    )
    assert everything["total"] > 0
    snap = services.report_snapshot(
        report=services.report_create(
            municipality=demo_heerenveen,
            kind="voortgang",
            period=parse_period(f"{today.year - 5}-01-01..{today.isoformat()}"),
        )
    )
    assert snap["signals"]["total"] == everything["total"]
    assert set(snap["signals"]) == {"scope", "total", "by_phenomenon", "by_outcome"}
    old = services.report_snapshot(
        report=services.report_create(
            municipality=demo_heerenveen, kind="voortgang", period=parse_period("2019-T1")
        )
    )
    assert old["signals"]["total"] == 0


def test_send_refuses_when_the_texts_changed_meanwhile(demo_heerenveen, adviseur, monkeypatch):
    report = services.report_create(
        municipality=demo_heerenveen, kind="voortgang", period=parse_period("2024-T3"), by=adviseur
    )
    from kompas.reporting import rendering

    real_render = rendering.render_pdf

    def render_while_a_colleague_edits(snap, meta=None):
        services.report_texts_update(report=report, texts={"summary": "Nieuw"}, by=adviseur)
        return real_render(snap, meta=meta)

    monkeypatch.setattr(rendering, "render_pdf", render_while_a_colleague_edits)
    with pytest.raises(ValidationError, match="intussen gewijzigd"):
        services.report_send(report=report, by=adviseur)
    report.refresh_from_db()
    assert report.status == ReportStatus.CONCEPT and report.pdf is None
