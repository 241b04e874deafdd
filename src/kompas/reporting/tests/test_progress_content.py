# SPDX-License-Identifier: EUPL-1.2
"""What a voortgangsrapportage says about its period (issue 17 item 4): the team's assessment
per priority, the action status at the period's end, charts that read as Dutch numbers, and
an appendix that names only this gemeente's sources. Made from the demo data of every app."""

import re

import pytest

from kompas.reporting import services
from kompas.reporting.periods import parse_period
from kompas.reporting.tests.pdftext import pdf_text


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00ad", "")).strip()


@pytest.fixture
def adviseur(demo_heerenveen, make_member):
    return make_member(demo_heerenveen, "adviseur", username="adviseur-voortgang")


def test_assessment_per_priority_is_edited_shown_under_it_and_frozen(
    client, demo_heerenveen, adviseur
):
    report = services.report_create(
        municipality=demo_heerenveen, kind="voortgang", period=parse_period("2025-T2")
    )
    client.force_login(adviseur)
    base = f"/heerenveen/rapportages/{report.pk}"
    form = client.get(f"{base}/teksten/").content.decode()
    assert "Beoordeling prioriteit 1: Ondermijnende criminaliteit" in form
    assert "Beoordeling prioriteit 4: Maatschappelijke onrust" in form
    one = "Het meldpunt loopt goed; de Bibob-toetsen blijven achter."
    three = "Voorlichting aan ouderen over phishing had veel bereik."
    response = client.post(
        f"{base}/teksten/",
        {"title": report.title, "assessment_1": one, "assessment_3": three},
    )
    assert response.status_code == 302
    page = client.get(f"{base}/").content.decode()
    sections = {
        int(n): body
        for n, body in re.findall(r'id="prioriteit-(\d)"(.*?)</section>', page, flags=re.S)
    }
    assert one in sections[1] and three not in sections[1]
    assert three in sections[3] and one not in sections[3]
    assert "Nog geen beoordeling geschreven." in sections[2]

    sent = services.report_send(report=report, by=adviseur)
    text = _flat(pdf_text(bytes(sent.pdf), layout=False))
    p1, p2 = text.index("Prioriteit 1: Ondermijnende"), text.index("Prioriteit 2: Veilige")
    p3, p4 = text.index("Prioriteit 3: Digitale"), text.index("Prioriteit 4: Maatschappelijke")
    assert p1 < text.index(one) < p2
    assert p3 < text.index(three) < p4
    # frozen: the snapshot holds the texts, and they can no longer change
    assert [p["assessment"] for p in sent.snapshot["priorities"]] == [one, "", three, ""]
    response = client.post(f"{base}/teksten/", {"title": report.title, "assessment_1": "Anders"})
    assert response.status_code == 302
    sent.refresh_from_db()
    assert sent.texts["assessments"] == {"1": one, "3": three}
