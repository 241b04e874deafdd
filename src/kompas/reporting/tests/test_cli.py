# SPDX-License-Identifier: EUPL-1.2
"""`kompas report voortgang GM0074 --periode 2025-T2 --pdf out.pdf` and friends."""

import json

import pytest
from django.core.management import CommandError, call_command

from kompas.reporting.models import Report

pytestmark = pytest.mark.django_db


def test_report_command_writes_pdf_html_and_json(heerenveen, tmp_path, capsys):
    pdf, html, data = tmp_path / "out.pdf", tmp_path / "out.html", tmp_path / "out.json"
    call_command(
        "report",
        "voortgang",
        "GM0074",
        "--periode",
        "2025-T2",
        "--pdf",
        str(pdf),
        "--html",
        str(html),
        "--json",
        str(data),
    )
    assert pdf.read_bytes().startswith(b"%PDF")
    assert "Voortgangsrapportage 2025-T2" in html.read_text()
    assert json.loads(data.read_text())["period"]["start"] == "2025-05-01"
    assert Report.objects.get().status == "concept"
    assert "concept" in capsys.readouterr().out


def test_running_twice_reuses_the_open_concept_with_its_texts(heerenveen, tmp_path, capsys):
    call_command("report", "voortgang", "GM0074", "--periode", "2025-T2")
    concept = Report.objects.get()
    concept.texts = {"summary": "Samenvatting van het team"}
    concept.save()
    html = tmp_path / "again.html"
    call_command("report", "voortgang", "GM0074", "--periode", "2025-T2", "--html", str(html))
    assert Report.objects.count() == 1
    assert "Bestaand concept gebruikt (versie 1)" in capsys.readouterr().out
    assert "Samenvatting van het team" in html.read_text()
    call_command("report", "voortgang", "GM0074", "--periode", "2025-T2", "--nieuw")
    assert sorted(Report.objects.values_list("version", flat=True)) == [1, 2]


def test_digitaal_with_jaar_and_send(heerenveen, tmp_path):
    call_command("report", "digitaal", "GM0074", "--jaar", "2025", "--verzenden")
    report = Report.objects.get()
    assert (report.kind, report.period_label, report.status) == ("digitaal", "2025", "verzonden")


def test_errors_name_the_problem(heerenveen):
    with pytest.raises(CommandError, match="Onbekende gemeente"):
        call_command("report", "voortgang", "GM9999", "--periode", "2025-T2")
    with pytest.raises(CommandError, match="--periode"):
        call_command("report", "voortgang", "GM0074", "--periode", "2025-T9")
