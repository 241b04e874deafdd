# SPDX-License-Identifier: EUPL-1.2
"""Openbare orde in the reports, through core.hooks: the risk items overdue for review in the
voortgangsrapportage (a person by pseudonym only), and the year's demonstrations, incidents,
matches and events in the jaarverslag."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from kompas.cases.services import PersonData
from kompas.core import hooks
from kompas.openbareorde import services
from kompas.openbareorde.models import Demonstration, Incident, Match, PublicEvent, RiskItem

pytestmark = pytest.mark.django_db


def _section(results, title):
    [section] = [s for s in results if s["title"] == title]
    return section["rows"]


def _risk(municipality, review_on, person=None, **fields):
    return services.risk_save(
        owner=municipality,
        obj=RiskItem(),
        by=None,
        fields={
            "kind": "persoon" if person else "locatie",
            "title": "Opvanglocatie",
            "theme": "polarisatie",
            "level": "midden",
            "reasons": "r",
            "review_on": review_on,
            **fields,
        },
        person=person,
    )


def test_progress_section_lists_overdue_items_with_persons_by_pseudonym(heerenveen):
    today = timezone.localdate()
    _risk(heerenveen, today - timedelta(days=10))
    person = _risk(heerenveen, today - timedelta(days=3), person=PersonData(name="Wieke Geheim"))
    _risk(heerenveen, today + timedelta(days=10), title="Nog actueel")
    _risk(heerenveen, today - timedelta(days=30), title="Afgesloten", closed=True)
    results = hooks.progress_sections(
        municipality=heerenveen, start=today - timedelta(days=90), end=today
    )
    rows = _section(results, "Openbare orde: risico-inventarisatie")
    assert rows[0]["value"] == "2"
    person.refresh_from_db()
    assert [r["label"] for r in rows[1:]] == ["Opvanglocatie", person.title]
    assert person.title.endswith("persoon A") and "Geheim" not in str(results)
    # a period that ended before the reviews were due: nothing overdue then
    earlier = hooks.progress_sections(
        municipality=heerenveen, start=today - timedelta(days=90), end=today - timedelta(days=20)
    )
    assert _section(earlier, "Openbare orde: risico-inventarisatie")[0]["value"] == "0"


def test_annual_figures_count_the_years_registers(heerenveen, weststellingwerf):
    for municipality, day in ((heerenveen, date(2026, 5, 1)), (heerenveen, date(2025, 5, 1))):
        Demonstration.objects.create(
            municipality=municipality,
            title="Protest",
            date=day,
            place="Plein",
            notified_on=day,
            legal_ground="wom-5-1" if day.year == 2026 else "",
            conditions="Route",
        )
        Incident.objects.create(
            municipality=municipality, date=day, place="Plein", kind="rellen", description="x"
        )
        Match.objects.create(municipality=municipality, date=day, opponent="PSV", risk_class="C")
        Match.objects.create(municipality=municipality, date=day, opponent="AZ", risk_class="A")
    PublicEvent.objects.create(
        municipality=heerenveen,
        name="Festival",
        date=date(2026, 7, 1),
        location="x",
        risk_class="B",
    )
    Demonstration.objects.create(
        municipality=weststellingwerf,
        title="Elders",
        date=date(2026, 5, 1),
        place="Wolvega",
        notified_on=date(2026, 5, 1),
    )
    rows = {
        r["label"]: (r["value"], r["note"])
        for r in _section(hooks.annual_figures(municipality=heerenveen, year=2026), "Openbare orde")
    }
    assert rows["Demonstraties (kennisgevingen)"] == (
        1,
        "waarvan 1 met voorschriften of beperkingen",
    )
    assert rows["Openbare-ordeincidenten"][0] == 1
    assert rows["Voetbalwedstrijden"] == (2, "waarvan 1 met verhoogd of hoog risico (B/C)")
    assert rows["Evenementen met veiligheidsadvies"][0] == 1
