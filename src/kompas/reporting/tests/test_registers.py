# SPDX-License-Identifier: EUPL-1.2
"""The registers above reporting in the reports, through core.hooks: the voortgangsrapportage
shows crisis readiness and the stale openbare-orde risk items (a person by pseudonym only),
frozen in its snapshot and PDF; the jaarverslag veiligheid shows every register's figures of
its year and counts for the norm "verantwoording in het jaarverslag" of that year."""

import re
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from kompas.cases.services import PersonData
from kompas.openbareorde import services as oo_services
from kompas.openbareorde.models import RiskItem
from kompas.reporting import rendering, services, sources
from kompas.reporting.periods import current_tertial, parse_period

pytestmark = pytest.mark.django_db


@pytest.fixture
def adviseur(demo_heerenveen, make_member):
    return make_member(demo_heerenveen, "adviseur", username="adviseur-registers")


def _stale_person(municipality):
    return oo_services.risk_save(
        owner=municipality,
        obj=RiskItem(),
        by=None,
        fields={
            "kind": "persoon",
            "theme": "radicalisering",
            "level": "hoog",
            "reasons": "r",
            "review_on": timezone.localdate() - timedelta(days=5),
        },
        person=PersonData(name="Wieke Geheimhouden"),
    )


def test_sent_voortgang_shows_readiness_and_stale_risk_by_pseudonym(
    demo_heerenveen, adviseur, pdf_text
):
    item = _stale_person(demo_heerenveen)
    item.refresh_from_db()
    report = services.report_create(
        municipality=demo_heerenveen,
        kind="voortgang",
        period=current_tertial(timezone.localdate()),
        by=adviseur,
    )
    sent = services.report_send(report=report, by=adviseur)
    titles = [s["title"] for s in sent.snapshot["registers"]]
    assert "Crisisorganisatie: paraatheid" in titles
    assert "Openbare orde: risico-inventarisatie" in titles
    text = pdf_text(bytes(sent.pdf))
    assert "Crisisorganisatie: paraatheid" in text
    assert "Sleutelfuncties op sterkte" in text and "Sleutelfuncties niet gevuld" in text
    assert item.title in text  # the pseudonym, e.g. "... persoon A"
    assert "Geheimhouden" not in text and "Geheimhouden" not in str(sent.snapshot)
    # frozen: the item reviewed afterwards does not change the sent report
    RiskItem.objects.filter(pk=item.pk).update(review_on=timezone.localdate() + timedelta(days=9))
    again = services.report_snapshot(report=sent)
    assert item.title in str(again["registers"])
    assert item.title in pdf_text(services.report_pdf(report=sent))


def _jaarverslag_done(municipality, on):
    return next(
        n["done"]
        for n in sources.norms(municipality=municipality, on=on)
        if n["code"] == "jaarverslag"
    )


def test_jaarverslag_renders_the_years_figures_and_counts_for_that_year(
    demo_heerenveen, adviseur, pdf_text
):
    from kompas.ondermijning import selectors as ondermijning_selectors

    controles = ondermijning_selectors.year_figures(municipality=demo_heerenveen, year=2025)
    assert controles["controles"] >= 2  # the demo's uitgevoerde controles of 2025
    end_2025, today = date(2025, 12, 31), timezone.localdate()
    before, before_now = (
        _jaarverslag_done(demo_heerenveen, end_2025),
        _jaarverslag_done(demo_heerenveen, today),
    )
    report = services.report_create(
        municipality=demo_heerenveen, kind="jaarverslag", period=parse_period("2025"), by=adviseur
    )
    assert report.title.startswith("Jaarverslag veiligheid 2025")
    sent = services.report_send(report=report, by=adviseur)
    assert sent.sha256 == rendering.sha256(bytes(sent.pdf))
    text = pdf_text(bytes(sent.pdf))
    assert "Cijfers uit de registers over 2025" in text
    assert re.search(rf"Integrale controles uitgevoerd\s+{controles['controles']}\b", text)
    assert "Crisisorganisatie" in text and "Openbare orde" in text
    signals_2025 = sources.signal_statistics(
        municipality=demo_heerenveen, start=date(2025, 1, 1), end=end_2025
    )
    assert f"In 2025 kwamen {signals_2025['total']} meldingen binnen" in " ".join(text.split())
    titles = [s["title"] for s in sent.snapshot["registers"]]
    assert titles.index("Ondermijning") < titles.index("Crisisorganisatie")  # by their order
    # sent in 2026 about 2025: the norm counts it for 2025, not for the year it was sent in
    assert _jaarverslag_done(demo_heerenveen, end_2025) == before + 1
    assert _jaarverslag_done(demo_heerenveen, today) == before_now
    [event] = sources.events(
        municipality=demo_heerenveen, kinds=["jaarverantwoording"], start=today, end=today
    )
    assert event["title"] == sent.title
    # a new version of the same year replaces that event instead of counting twice
    services.report_send(report=services.report_new_version(report=sent, by=adviseur))
    assert _jaarverslag_done(demo_heerenveen, end_2025) == before + 1


def test_jaarverslag_counts_signals_per_phenomenon_of_its_year(demo_heerenveen):
    year = timezone.localdate().year  # the demo's signals are recent
    report = services.report_create(
        municipality=demo_heerenveen, kind="jaarverslag", period=parse_period(str(year))
    )
    snap = services.report_snapshot(report=report)
    expected = sources.signal_statistics(
        municipality=demo_heerenveen, start=date(year, 1, 1), end=date(year, 12, 31)
    )
    assert expected["by_phenomenon"]
    assert snap["signals"]["by_phenomenon"] == expected["by_phenomenon"]
    assert f"Meldingen per fenomeen in {year}" in rendering.render_body(snap)


def test_jaarverslag_covers_one_calendar_year(client, demo_heerenveen, adviseur):
    with pytest.raises(ValidationError, match="kalenderjaar"):
        services.report_create(
            municipality=demo_heerenveen, kind="jaarverslag", period=parse_period("2025-T2")
        )
    client.force_login(adviseur)
    page = client.post(
        "/heerenveen/rapportages/nieuw/", {"kind": "jaarverslag", "periode": "2025-T2"}
    )
    assert page.status_code == 200
    assert "gaat over één kalenderjaar" in page.content.decode()
