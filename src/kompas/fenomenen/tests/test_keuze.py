# SPDX-License-Identifier: EUPL-1.2
"""The fenomenenkeuze: adoption registers the `fenomenenkeuze` event once (saved again it is
the same event), concept or delete withdraws it, the event register no longer offers the kind
for hand entry; the evidence page gathers the meldpunt's counts of the year before."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kompas.fenomenen import services
from kompas.fenomenen.models import PhenomenonChoice
from kompas.policy.models import Event

pytestmark = pytest.mark.django_db


def _events(keuze):
    return Event.objects.filter(
        kind="fenomenenkeuze", source_type="fenomenen.keuze", source_id=str(keuze.pk)
    )


def test_adoption_registers_one_event_and_saving_again_keeps_it_one(heerenveen, make_keuze):
    keuze = make_keuze(heerenveen, status="concept", decision_date=None, decided_by="")
    assert not _events(keuze).exists()
    fields = {"status": "vastgesteld", "decision_date": date(2025, 2, 11), "decided_by": "driehoek"}
    services.keuze_save(municipality=heerenveen, keuze=keuze, by=None, fields=fields)
    services.keuze_save(municipality=heerenveen, keuze=keuze, by=None, fields=fields)
    event = _events(keuze).get()
    assert (event.date, event.municipality) == (date(2025, 2, 11), heerenveen)
    services.keuze_save(
        municipality=heerenveen,
        keuze=keuze,
        by=None,
        fields={**fields, "decision_date": date(2025, 3, 4)},
    )
    assert _events(keuze).get().date == date(2025, 3, 4)
    services.keuze_save(municipality=heerenveen, keuze=keuze, by=None, fields={"status": "concept"})
    assert not _events(keuze).exists()


def test_deleting_an_adopted_choice_withdraws_its_event(heerenveen, make_keuze):
    keuze = make_keuze(heerenveen)
    assert _events(keuze).count() == 1
    services.keuze_delete(municipality=heerenveen, keuze=keuze, by=None)
    assert not Event.objects.filter(kind="fenomenenkeuze").exists()


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"decision_date": None}, "decision_date"),
        ({"decision_date": date(2099, 1, 1)}, "decision_date"),
        ({"decided_by": ""}, "decided_by"),
        ({"phenomena": [], "free_phenomena": ""}, "phenomena"),
        ({"phenomena": ["kaas"]}, "phenomena"),
    ],
)
def test_an_incomplete_adoption_stores_nothing(heerenveen, make_keuze, fields, field):
    with pytest.raises(ValidationError) as exc:
        make_keuze(heerenveen, **fields)
    assert field in exc.value.message_dict
    assert not PhenomenonChoice.objects.exists()
    assert not Event.objects.exists()


def test_one_choice_per_year(heerenveen, weststellingwerf, make_keuze):
    make_keuze(heerenveen)
    make_keuze(weststellingwerf)
    with pytest.raises(ValidationError) as exc:
        make_keuze(heerenveen, status="concept")
    assert "al een fenomenenkeuze" in str(exc.value)


def test_the_event_register_no_longer_offers_the_kind_for_hand_entry(heerenveen):
    from kompas.policy.forms import EventForm

    kinds = {value for value, _label in EventForm(municipality=heerenveen).fields["kind"].choices}
    assert "fenomenenkeuze" not in kinds
    assert "lio_overleg" in kinds


def test_evidence_page_shows_signal_counts_per_phenomenon_of_the_year_before(
    client, heerenveen, weststellingwerf, adviseur_heerenveen, make_keuze, make_signal
):
    for _i in range(3):
        make_signal("woonfraude", 2025)
    make_signal("drugs_teelt", 2025)
    make_signal("mensenhandel", 2024)  # another year: not counted
    make_signal("zorgfraude", 2025, municipality=weststellingwerf)  # another gemeente
    keuze = make_keuze(
        heerenveen,
        year=2026,
        free_phenomena="Havengebied",
        decision_date=date(2026, 2, 10),
        partner_input="Politie: hennep.",
    )
    client.force_login(adviseur_heerenveen)
    response = client.get(reverse("fenomenen:keuze_detail", args=["heerenveen", keuze.pk]))
    assert response.status_code == 200
    evidence = response.context["evidence"]
    assert evidence["base_year"] == 2025
    counts = {r["label"]: (r["count"], r["chosen"]) for r in evidence["signals"]["by_phenomenon"]}
    assert counts == {
        "Drugs: teelt (bijvoorbeeld een hennepkwekerij)": (1, True),
        "Woonfraude": (3, True),
    }
    html = response.content.decode()
    assert "4 meldingen in 2025" in html
    assert "Havengebied" in html and "Politie: hennep." in html


def test_evidence_page_shows_the_controles_of_the_year_before_through_the_hook(
    client, heerenveen, adviseur_heerenveen, make_keuze
):
    from kompas.ondermijning import services as ondermijning_services
    from kompas.ondermijning.models import Branche, Controle

    ondermijning_services.branches_ensure()
    for on in (date(2025, 3, 1), date(2025, 9, 1)):
        ondermijning_services.controle_save(
            municipality=heerenveen,
            controle=Controle(),
            by=None,
            fields={
                "title": "Horeca",
                "date": on,
                "branche": Branche.objects.get(code="horeca"),
                "reason": "signalen",
                "status": "uitgevoerd",
            },
        )
    keuze = make_keuze(heerenveen, year=2026, decision_date=date(2026, 2, 10))
    client.force_login(adviseur_heerenveen)
    response = client.get(reverse("fenomenen:keuze_detail", args=["heerenveen", keuze.pk]))
    sections = {s["title"]: s for s in response.context["evidence"]["registers"]}
    assert "Fenomenen en voorlichting" not in sections
    rows = {r["label"]: r["value"] for r in sections["Ondermijning"]["rows"]}
    assert rows["Integrale controles uitgevoerd"] == 2


def test_annual_figures_count_the_adopted_choice_and_the_voorlichting(
    heerenveen, make_keuze, make_activity
):
    from kompas.fenomenen.panels import annual_figures

    make_keuze(heerenveen, free_phenomena="Havengebied")
    make_activity(heerenveen)
    make_activity(heerenveen, people=5, organisations=0)
    make_activity(heerenveen, on=date(2024, 5, 1))
    rows = annual_figures(municipality=heerenveen, year=2025)["rows"]
    assert rows[0]["value"] == "ja" and rows[0]["note"] == "3 gekozen fenomenen"
    assert rows[1]["value"] == 2
    assert rows[1]["note"] == "bereik 35 personen, 12 organisaties"


def test_evidence_page_shows_police_figures_with_trend_and_comparison(
    client, heerenveen, adviseur_heerenveen, make_keuze
):
    from kompas.monitoring.models import DataImport, Indicator, Observation

    indicator = Indicator.objects.create(
        code="test-drugshandel",
        name="Drugshandel (test)",
        unit="aantal",
        source="politie-misdrijven",
    )
    origin = DataImport.objects.create(file_name="test", format="client-csv")
    for code, year, value in (
        ("GM0074", 2023, 40),
        ("GM0074", 2024, 52),
        ("GM0074", 2025, 61),
        ("GM0098", 2025, 9),
    ):
        Observation.objects.create(
            indicator=indicator,
            region_code=code,
            period=str(year),
            year=year,
            grain="year",
            value=value,
            source_import=origin,
        )
    keuze = make_keuze(heerenveen, year=2026, decision_date=date(2026, 2, 10))
    client.force_login(adviseur_heerenveen)
    response = client.get(reverse("fenomenen:keuze_detail", args=["heerenveen", keuze.pk]))
    (figure,) = response.context["evidence"]["police"]
    assert [(p["period"], p["value"]) for p in figure["points"]] == [
        ("2023", 40),
        ("2024", 52),
        ("2025", 61),
    ]
    assert figure["year"] == 2025
    assert figure["rows"][0].is_own and figure["rows"][0].value == 61
    labels = [r.label for r in figure["rows"]]
    assert "Zuidoost Friesland" in " ".join(labels) and any("Gemeenten met" in x for x in labels)
    assert "Drugshandel (test)" in response.content.decode()
