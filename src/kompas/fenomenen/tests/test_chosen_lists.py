# SPDX-License-Identifier: EUPL-1.2
"""The "Alleen gekozen fenomenen (JJJJ)" filter on the other apps' staff lists: the meldpunt's
signals, the integrale controles and the plan actions read the adopted fenomenenkeuze of their
own gemeente through core.hooks.chosen_phenomena (voorlichting: test_pages). Another gemeente's
keuze never changes a list."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from kompas.signals.models import Dossier, Signal

pytestmark = pytest.mark.django_db

THIS_YEAR = timezone.localdate().year
LAST_YEAR = THIS_YEAR - 1


@pytest.fixture
def keuzes(heerenveen, weststellingwerf, make_keuze):
    """Heerenveen chose woonfraude this year (and drugs last year); Weststellingwerf witwassen;
    a draft of Heerenveen for next year is not a choice."""
    make_keuze(heerenveen, year=THIS_YEAR, phenomena=["woonfraude"])
    make_keuze(heerenveen, year=LAST_YEAR, phenomena=["drugs_teelt"])
    make_keuze(weststellingwerf, year=THIS_YEAR, phenomena=["witwassen"])


def _listed(response) -> list:
    assert response.status_code == 200
    return list(response.context["page"].object_list)


def test_signals_of_this_year_on_a_chosen_phenomenon(
    client, heerenveen, weststellingwerf, make_member, make_signal, keuzes
):
    housing = make_signal("woonfraude", THIS_YEAR)
    reclassified = make_signal("drugs_teelt", THIS_YEAR)
    Signal.objects.filter(pk=reclassified.pk).update(classification="woonfraude")
    make_signal("witwassen", THIS_YEAR)  # Weststellingwerf's phenomenon, not Heerenveen's
    make_signal("woonfraude", LAST_YEAR)  # chosen, but not of this year
    team_says_other = make_signal("woonfraude", THIS_YEAR)
    Signal.objects.filter(pk=team_says_other.pk).update(classification="overig")
    ws_laundering = make_signal("witwassen", THIS_YEAR, municipality=weststellingwerf)
    make_signal("woonfraude", THIS_YEAR, municipality=weststellingwerf)

    client.force_login(make_member(heerenveen, "adviseur"))
    url = reverse("signals:signal_list", args=["heerenveen"])
    assert len(_listed(client.get(url))) == 5
    response = client.get(url, {"gekozen": "on"})
    assert f"Alleen gekozen fenomenen ({THIS_YEAR})" in response.content.decode()
    assert {s.pk for s in _listed(response)} == {housing.pk, reclassified.pk}
    # Combined with another filter of the list.
    assert _listed(client.get(url, {"gekozen": "on", "phenomenon": "witwassen"})) == []

    client.force_login(make_member(weststellingwerf, "adviseur"))
    url = reverse("signals:signal_list", args=["weststellingwerf"])
    assert [s.pk for s in _listed(client.get(url, {"gekozen": "on"}))] == [ws_laundering.pk]


def test_controles_held_for_the_chosen_phenomena(
    client, heerenveen, weststellingwerf, make_member, make_signal, keuzes
):
    from kompas.ondermijning import services
    from kompas.ondermijning.models import Branche, Controle

    services.branches_ensure()
    horeca = Branche.objects.get(code="horeca")

    def controle(municipality, title, reason="signalen", on=date(THIS_YEAR, 1, 2), dossier=None):
        return services.controle_save(
            municipality=municipality,
            controle=Controle(),
            by=None,
            fields={
                "title": title,
                "date": on,
                "branche": horeca,
                "reason": reason,
                "status": "uitgevoerd",
            },
            locations=[{"address": "Kerkstraat 1", "dossier": dossier}],
        )

    housing = Dossier.objects.create(municipality=heerenveen, title="Kerkstraat 1")
    Signal.objects.filter(pk=make_signal("woonfraude", LAST_YEAR).pk).update(dossier=housing)
    drugs = Dossier.objects.create(municipality=heerenveen, title="Molenweg 3")
    Signal.objects.filter(pk=make_signal("drugs_teelt", THIS_YEAR).pk).update(dossier=drugs)
    controle(heerenveen, "Om de keuze", reason="fenomenenkeuze")
    controle(heerenveen, "Adres met woonfraude", dossier=housing)
    controle(heerenveen, "Adres met hennep", dossier=drugs)
    controle(heerenveen, "Gewone horeca")
    controle(
        heerenveen, "Vorig jaar om de keuze", reason="fenomenenkeuze", on=date(LAST_YEAR, 5, 1)
    )
    controle(heerenveen, "Hennep vorig jaar", on=date(LAST_YEAR, 6, 1), dossier=drugs)
    controle(weststellingwerf, "Wolvega om de keuze", reason="fenomenenkeuze")
    controle(
        weststellingwerf, "Wolvega vorig jaar", reason="fenomenenkeuze", on=date(LAST_YEAR, 3, 1)
    )

    client.force_login(make_member(heerenveen, "adviseur"))
    url = reverse("ondermijning:controle_list", args=["heerenveen"])
    response = client.get(url, {"gekozen": "on"})
    assert f"Alleen gekozen fenomenen ({THIS_YEAR})" in response.content.decode()
    assert {c.title for c in _listed(response)} == {"Om de keuze", "Adres met woonfraude"}
    # The list's year filter chooses whose keuze applies: last year's was drugs.
    response = client.get(url, {"gekozen": "on", "jaar": str(LAST_YEAR)})
    assert f"Alleen gekozen fenomenen ({LAST_YEAR})" in response.content.decode()
    assert {c.title for c in _listed(response)} == {"Vorig jaar om de keuze", "Hennep vorig jaar"}
    # Combined with search.
    response = client.get(url, {"gekozen": "on", "q": "woonfraude"})
    assert [c.title for c in _listed(response)] == ["Adres met woonfraude"]

    client.force_login(make_member(weststellingwerf, "adviseur"))
    url = reverse("ondermijning:controle_list", args=["weststellingwerf"])
    assert [c.title for c in _listed(client.get(url, {"gekozen": "on"}))] == ["Wolvega om de keuze"]
    # No keuze adopted for that year: nothing, and the page says why.
    response = client.get(url, {"gekozen": "on", "jaar": str(LAST_YEAR)})
    assert _listed(response) == []
    assert f"Voor {LAST_YEAR} is geen fenomenenkeuze vastgesteld" in response.content.decode()


def test_plan_actions_of_this_year_that_name_a_chosen_phenomenon(
    client, heerenveen, weststellingwerf, make_member, keuzes
):
    from kompas.policy.planfile import PLANS_DIR
    from kompas.policy.services import action_create, plan_import

    plans = {
        m.pk: plan_import(path=PLANS_DIR / name).plan
        for m, name in (
            (heerenveen, "GM0074-ivp-2023-2026.yaml"),
            (weststellingwerf, "GM0098-ivb-2024-2027.yaml"),
        )
    }

    def action(municipality, title, description="", start=None, due=None):
        plan = plans[municipality.pk]
        return action_create(
            plan=plan,
            priority=plan.priorities.first(),
            execution_plan=plan.execution_plans.first(),
            title=title,
            description=description,
            start=start,
            due=due,
        )

    action(heerenveen, "Woonfraude: adrescontroles met Sociale Zaken")
    action(heerenveen, "Voorlichting makelaars", description="Signalen van WOONFRAUDE herkennen")
    action(heerenveen, "Hennepkwekerijen opsporen")  # last year's phenomenon
    action(heerenveen, "Woonfraude-aanpak", due=date(LAST_YEAR, 12, 31))  # done before the year
    action(heerenveen, "Witwassen in de horeca")  # Weststellingwerf's phenomenon
    action(weststellingwerf, "Witwassen in de horeca")
    action(weststellingwerf, "Woonfraude aanpakken")

    client.force_login(make_member(heerenveen, "lezer"))
    url = reverse("policy:action_list", args=["heerenveen"])
    assert len(_listed(client.get(url))) == 5
    response = client.get(url, {"gekozen": "on"})
    assert f"Alleen gekozen fenomenen ({THIS_YEAR})" in response.content.decode()
    assert {a.title for a in _listed(response)} == {
        "Woonfraude: adrescontroles met Sociale Zaken",
        "Voorlichting makelaars",
    }
    response = client.get(url, {"gekozen": "on", "q": "makelaars"})
    assert [a.title for a in _listed(response)] == ["Voorlichting makelaars"]

    client.force_login(make_member(weststellingwerf, "lezer"))
    url = reverse("policy:action_list", args=["weststellingwerf"])
    assert [a.title for a in _listed(client.get(url, {"gekozen": "on"}))] == [
        "Witwassen in de horeca"
    ]
