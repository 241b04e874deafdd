# SPDX-License-Identifier: EUPL-1.2
"""The crisis organisation in the reports, through core.hooks: readiness (filled vs. empty),
expiring qualifications and OTO held in the voortgangsrapportage; the year's OTO and the
readiness at its end in the jaarverslag. No member's name in either."""

from datetime import date, timedelta

import pytest

from kompas.core import hooks
from kompas.crisis import services
from kompas.crisis.models import OtoActivity

pytestmark = pytest.mark.django_db


def _section(results, title):
    [section] = [s for s in results if s["title"] == title]
    return {r["label"]: (r["value"], r["note"]) for r in section["rows"]}


def _qualify(owner, member, function, expires):
    services.qualification_add(
        owner=owner,
        member=member,
        function=function,
        by=None,
        name="Vakbekwaam",
        obtained_on=date(2025, 1, 1),
        expires_on=expires,
    )


def _oto(owner, day, status="gehouden", level="lokaal", kind="oefening"):
    return services.oto_save(
        owner=owner,
        activity=OtoActivity(),
        by=None,
        fields={"title": "Oefening", "kind": kind, "level": level, "date": day, "status": status},
    )


@pytest.fixture
def crisis(hv_owner, make_crisis):
    """OvD green (2 qualified), TL amber (1), gemsec red (0); Anna's expires in 30 days."""
    ovd, anna = make_crisis(code="ovd-bz", name="Anna Geheim")
    _f, bert = make_crisis(code="ovd-bz", name="Bert Geheim")
    tl, carla = make_crisis(code="tl-bz", name="Carla Geheim")
    make_crisis(code="gemsec", name="Dirk Geheim")
    on = date(2026, 11, 1)
    _qualify(hv_owner, anna, ovd, on + timedelta(days=30))
    _qualify(hv_owner, bert, ovd, None)
    _qualify(hv_owner, carla, tl, None)
    _oto(hv_owner, date(2026, 3, 1), level="district")
    _oto(hv_owner, date(2026, 10, 15), kind="training")
    _oto(hv_owner, date(2026, 10, 20), status="gepland")
    _oto(hv_owner, date(2025, 10, 15))
    return on


def test_progress_section_counts_functions_expiring_and_held_oto(heerenveen, crisis):
    results = hooks.progress_sections(municipality=heerenveen, start=date(2026, 9, 1), end=crisis)
    rows = _section(results, "Crisisorganisatie: paraatheid")
    assert rows["Sleutelfuncties op sterkte (groen)"][0] == "1 van 3"
    assert rows["Sleutelfuncties onderbezet (oranje)"] == ("1", "Functie tl-bz")
    assert rows["Sleutelfuncties niet gevuld (rood)"] == ("1", "Functie gemsec")
    assert rows["Kwalificaties die binnen 60 dagen verlopen"][0] == "1"
    assert rows["OTO-activiteiten gehouden in deze periode"] == ("1", "sinds 1 januari 2026: 2")
    assert "Geheim" not in str(results)


def test_annual_figures_count_the_years_oto_and_readiness(heerenveen, crisis):
    rows = _section(hooks.annual_figures(municipality=heerenveen, year=2026), "Crisisorganisatie")
    assert rows["OTO-activiteiten gehouden"] == (2, "training 1, oefening 1")
    assert rows["waarvan op district- of regionaal niveau"][0] == 1
    assert rows["Sleutelfuncties niet gevuld (rood)"][0] == "1"
    last_year = _section(
        hooks.annual_figures(municipality=heerenveen, year=2025), "Crisisorganisatie"
    )
    assert last_year["OTO-activiteiten gehouden"][0] == 1


def test_a_gemeente_without_crisis_records_adds_nothing(weststellingwerf):
    assert not [
        s
        for s in hooks.progress_sections(
            municipality=weststellingwerf, start=date(2026, 1, 1), end=date(2026, 6, 30)
        )
        if s["title"].startswith("Crisisorganisatie")
    ]
    assert not [
        s
        for s in hooks.annual_figures(municipality=weststellingwerf, year=2026)
        if s["title"].startswith("Crisisorganisatie")
    ]
