# SPDX-License-Identifier: EUPL-1.2
"""Acceptance: the PDF of demo Heerenveen's voortgangsrapportage 2025-T2, made from the
demo data of every app, holds the four priorities with their ambitions, the charts, the
target statuses with their sentences and the actions (read back with pdftotext)."""

import re
import subprocess

import pytest

from kompas.reporting import services, sources
from kompas.reporting.periods import parse_period


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00ad", "")).strip()


@pytest.fixture
def sent_pdf(demo_heerenveen, tmp_path):
    report = services.report_create(
        municipality=demo_heerenveen, kind="voortgang", period=parse_period("2025-T2")
    )
    report = services.report_send(report=report)
    path = tmp_path / "voortgang.pdf"
    path.write_bytes(bytes(report.pdf))
    return report, path


def test_pdf_holds_priorities_ambitions_charts_targets_and_actions(demo_heerenveen, sent_pdf):
    report, path = sent_pdf
    raw = subprocess.run(
        ["pdftotext", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    text = _flat(raw)
    plan = sources.plan_current(municipality=demo_heerenveen, on=report.period_end)
    assert [p["title"] for p in plan["priorities"]] == [
        "Ondermijnende criminaliteit",
        "Veilige woon- en leefomgeving",
        "Digitale veiligheid",
        "Maatschappelijke onrust",
    ]
    for p in plan["priorities"]:
        assert f"Prioriteit {p['number']}: {p['title']}" in text
        assert _flat(p["ambition"])[:80] in text

    targets = sources.target_evaluations(
        municipality=demo_heerenveen, plan_short_name=plan["short_name"]
    )
    assert len(targets) == 3
    for t in targets:
        assert _flat(t["sentence"])[:60] in text
        assert t["status"] in text
    # Charts: the monitoring trend charts with their titles and axis, and their data tables.
    assert "Melding overlast jeugd in Heerenveen" in text
    assert "Cijfers bij de grafiek" in text
    assert raw.count("aantal") >= 3

    actions = sources.actions(municipality=demo_heerenveen, on=report.period_end)
    assert actions, "the policy demo has actions"
    for a in actions[:10]:
        assert _flat(a["title"])[:40] in text
    assert "Bijlage: gegevensbronnen" in text

    pages = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True)
    assert int(re.search(r"Pages:\s+(\d+)", pages.stdout).group(1)) >= 20
