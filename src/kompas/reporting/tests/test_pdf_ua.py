# SPDX-License-Identifier: EUPL-1.2
"""A published report is a tagged PDF/UA-1 document (issue 17 item 5, Besluit digitale
toegankelijkheid overheid): language, title, headings, tables and charts with alt texts."""

import pytest

from kompas.core.tests.pdfcheck import pdf_ua_problems, structure
from kompas.reporting import services
from kompas.reporting.periods import parse_period

pytestmark = pytest.mark.django_db


@pytest.fixture
def adviseur(demo_heerenveen, make_member):
    return make_member(demo_heerenveen, "adviseur", username="adviseur-pdf-ua")


def test_a_sent_progress_report_is_a_tagged_pdf(demo_heerenveen, adviseur):
    report = services.report_create(
        municipality=demo_heerenveen, kind="voortgang", period=parse_period("2025-T2"), by=adviseur
    )
    sent = services.report_send(report=report, by=adviseur)
    pdf = bytes(sent.pdf)
    assert pdf_ua_problems(pdf, title=sent.snapshot["title"]) == []
    kinds = [kind for kind, _alt in structure(pdf)]
    assert kinds.count("/Table") >= 1 and "/H1" in kinds and "/H2" in kinds
