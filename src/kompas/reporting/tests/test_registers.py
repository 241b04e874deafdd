# SPDX-License-Identifier: EUPL-1.2
"""The registers above reporting in the reports, through core.hooks: the voortgangsrapportage
shows crisis readiness and the stale openbare-orde risk items (a person by pseudonym only),
frozen in its snapshot and PDF."""

from datetime import timedelta

import pytest
from django.utils import timezone

from kompas.cases.services import PersonData
from kompas.openbareorde import services as oo_services
from kompas.openbareorde.models import RiskItem
from kompas.reporting import services
from kompas.reporting.periods import current_tertial

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
