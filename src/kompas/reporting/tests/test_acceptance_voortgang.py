# SPDX-License-Identifier: EUPL-1.2
"""Acceptance: the PDF of demo Heerenveen's voortgangsrapportage 2025-T2, made from the
demo data of every app, holds the four priorities with their ambitions, the charts, the
target statuses with their sentences and the actions (read back with pypdf)."""

import re

import pytest

from kompas.reporting import services, sources
from kompas.reporting.periods import parse_period
from kompas.reporting.tests.pdftext import pdf_page_count, pdf_text


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00ad", "")).strip()


@pytest.fixture
def sent_pdf(demo_heerenveen):
    report = services.report_create(
        municipality=demo_heerenveen, kind="voortgang", period=parse_period("2025-T2")
    )
    report = services.report_send(report=report)
    return report, bytes(report.pdf)


def test_pdf_holds_priorities_ambitions_charts_targets_and_actions(demo_heerenveen, sent_pdf):
    report, pdf = sent_pdf
    raw = pdf_text(pdf, layout=False)
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

    assert pdf_page_count(pdf) >= 20


def _layout_lines(pdf: bytes) -> list[str]:
    return [_flat(line) for line in pdf_text(pdf).splitlines()]


def test_every_norm_row_keeps_its_label_beside_its_figures(demo_heerenveen):
    """A table row is never split over two pages: in the concept's PDF (what staff download)
    and in the sent one, the reader sees each norm's name on the same line as its period,
    figures and status (layout extraction keeps a row on one line)."""
    concept = services.report_create(
        municipality=demo_heerenveen, kind="voortgang", period=parse_period("2025-T2")
    )
    snapshot = services.report_snapshot(report=concept)
    concept_pdf = services.report_pdf(report=concept)
    sent_pdf = bytes(services.report_send(report=concept).pdf)
    norms = [n for p in snapshot["priorities"] for n in p["norms"]] + snapshot["norms_general"]
    assert len(norms) >= 10
    for pdf in (concept_pdf, sent_pdf):
        lines = _layout_lines(pdf)
        for norm in norms:
            head = " ".join(norm["title"].split()[:2])
            assert any(
                line.startswith(head)
                and norm["period_label"] in line
                and norm["status_label"] in line
                for line in lines
            ), f"norm {norm['code']!r} lost its label: no line with {head!r} and its figures"


def test_a_table_row_never_breaks_across_pages():
    """Deterministic version of the check above: a norms table long enough to cross several
    page breaks, with names that wrap over three lines, rendered with the report's own CSS.
    Every row's name still stands on the line of its figures (without `break-inside: avoid`
    on rows WeasyPrint moves a wrapped name to the next page and leaves its figures behind)."""
    from django.template.loader import render_to_string
    from weasyprint import CSS, HTML

    from kompas.reporting.rendering import REPORT_CSS, STATIC

    norms = [
        {
            "title": f"Norm{i:02d} met een lange naam die in de smalle kolom over drie regels"
            " loopt",
            "period_label": "2025",
            "done": i % 3,
            "required": 2,
            "status_css": "warn",
            "status_label": "achter",
        }
        for i in range(60)
    ]
    table = render_to_string("reporting/_norms.html", {"norms": norms, "caption": "Normen"})
    html = f'<html><body class="report-document"><h1>Normen</h1>{table}</body></html>'
    pdf = HTML(string=html, base_url=str(STATIC)).write_pdf(
        stylesheets=[CSS(filename=str(REPORT_CSS))]
    )
    lines = _layout_lines(pdf)
    assert sum("pagina" in line for line in lines) >= 3  # the table crosses page breaks
    for i in range(60):
        assert any(
            line.startswith(f"Norm{i:02d} met") and "2025" in line and "achter" in line
            for line in lines
        ), f"row {i} split over two pages"
