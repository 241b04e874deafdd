# SPDX-License-Identifier: EUPL-1.2
"""Need-to-know, generated from the URL conf: every page of the cases app and every casework
API endpoint, for role x table membership x gemeente x case state, answers 200 (or a redirect
after a write) where allowed and 404 everywhere else. A new URL without a rule fails here."""

from datetime import timedelta

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from kompas.cases import services
from kompas.cases.models import CaseListing

from .conftest import earlier_today

pytestmark = pytest.mark.django_db

# What each URL needs: "read" = may see the case; "manage" = regisseur; "admin" = beheerder;
# "casework" = regisseur, beheerder or partner (case-independent pages); "measures" /
# "measures_write" = the instruments register; "intervention" = regisseur or the owning partner.
RULES = {
    "cases:case_list": "casework",
    "cases:case_create": "manage",
    "cases:retention_settings": "admin",
    "cases:table_list": "casework",
    "cases:table_detail": "table",
    "cases:meeting_cases": "table",
    "cases:discussion_edit": "manage",
    "cases:intervention_edit": "intervention",
    "cases:listing_end": "manage",
    "cases:case_detail": "read",
    "cases:case_edit": "manage",
    "cases:case_status": "manage",
    "cases:case_reveal": "read",
    "cases:person_add": "manage",
    "cases:intervention_add": "manage",
    "cases:listing_add": "manage",
    "cases:assessment_add": "manage",
    "cases:person_export": "admin",
    "cases:person_erase": "admin",
    "cases:measure_list": "measures",
    "cases:measure_create": "measures_write",
    "cases:measure_edit": "measures_write",
    "api-cases-list": "casework",
    "api-cases-detail": "read",
    "api-cases-reveal": "read",
    "api-cases-interventions": "read",
    "api-cases-measures": "measures",
    "api-cases-measure-detail": "measures",
}
POST_ONLY = {"cases:listing_add", "api-cases-reveal"}


def _patterns(resolver=None, prefix="", namespace=""):
    resolver = resolver or get_resolver()
    for p in resolver.url_patterns:
        if isinstance(p, URLResolver):
            ns = f"{namespace}{p.namespace}:" if p.namespace else namespace
            yield from _patterns(p, prefix + str(p.pattern), ns)
        elif isinstance(p, URLPattern) and p.name:
            name = f"{namespace}{p.name}"
            if name.startswith("cases:") or name.startswith("api-cases-"):
                yield name, prefix + str(p.pattern)


def test_every_url_has_a_rule():
    names = {n for n, _p in _patterns()}
    assert names == set(RULES), names ^ set(RULES)


# Users: (fixture/username, what they are)
USERS = ["regisseur", "beheerder", "adviseur", "ggd_at_ovo", "om_no_table", "regisseur_elsewhere"]
# Case states: the ovo case listed now; without legal ground; taken off recently; long ago.
STATES = ["listed", "no_ground", "ended_recently", "ended_long_ago"]


def _allowed(rule: str, user: str, state: str) -> bool:
    partner_sees = user == "ggd_at_ovo" and state in ("listed", "ended_recently")
    return {
        "casework": user in ("regisseur", "beheerder", "ggd_at_ovo", "om_no_table"),
        "table": user in ("regisseur", "beheerder", "ggd_at_ovo"),
        "read": user in ("regisseur", "beheerder") or partner_sees,
        "manage": user == "regisseur",
        "admin": user == "beheerder",
        "intervention": user == "regisseur" or partner_sees,
        "measures": user in ("regisseur", "beheerder", "adviseur"),
        "measures_write": user in ("regisseur", "beheerder", "adviseur"),
    }[rule]


@pytest.fixture
def world(
    make_case,
    ovo,
    regisseur,
    beheerder,
    adviseur_heerenveen,
    ggd_user,
    om_user,
    weststellingwerf,
    make_member,
    adviseur_heerenveen_meeting,
):
    return {
        "regisseur": regisseur,
        "beheerder": beheerder,
        "adviseur": adviseur_heerenveen,
        "ggd_at_ovo": ggd_user,
        "om_no_table": om_user,
        "regisseur_elsewhere": make_member(weststellingwerf, "regisseur", username="regisseur-ws"),
    }


@pytest.fixture
def adviseur_heerenveen_meeting(ovo, adviseur_heerenveen):
    from kompas.meetings import services as meetings_services

    return meetings_services.meeting_create(
        series=ovo, starts_at=earlier_today(60), by=adviseur_heerenveen
    )


def _case_in_state(make_case, ovo, state):
    case = make_case(series=[ovo], ground=state != "no_ground")
    if state.startswith("ended"):
        days = 3 if state == "ended_recently" else 30
        CaseListing.objects.filter(case=case).update(
            listed_from=timezone.localdate() - timedelta(days=60),
            listed_until=timezone.localdate() - timedelta(days=days),
        )
    return case


def _url(pattern: str, **values) -> str:
    import re

    def fill(m):
        return str(values[m.group(2)])

    return "/" + re.sub(r"<(?:(\w+):)?(\w+)>", fill, pattern)


@pytest.mark.parametrize("state", STATES)
def test_authorisation_matrix(
    state, world, make_case, ovo, client, adviseur_heerenveen_meeting, settings
):
    settings.KOMPAS_CASES_PARTNER_ACCESS_DAYS = 14
    case = _case_in_state(make_case, ovo, state)
    measure = services.measure_create(
        municipality=case.municipality,
        kind="huisverbod",
        date=timezone.localdate(),
        by=world["regisseur"],
    )
    ggd_intervention = case.interventions.get(owner_partner__code="ggd")
    values = {
        "slug": "heerenveen",
        "gemeente": "heerenveen",
        "pk": case.pk,
        "case_pk": case.pk,
        "person_pk": case.persons.first().pk,
        "fmt": "json",
    }
    specials = {
        "cases:table_detail": {"pk": ovo.pk},
        "cases:meeting_cases": {"pk": adviseur_heerenveen_meeting.pk},
        "cases:discussion_edit": {"pk": adviseur_heerenveen_meeting.pk},
        "cases:intervention_edit": {"pk": ggd_intervention.pk},
        "cases:listing_end": {"pk": case.listings.first().pk},
        "cases:measure_edit": {"pk": measure.pk},
        "api-cases-measure-detail": {"pk": measure.pk},
    }
    failures = []
    for username, user in world.items():
        client.force_login(user)
        for name, pattern in _patterns():
            url = _url(pattern, **{**values, **specials.get(name, {})})
            if name in POST_ONLY:
                body = {"reason": "nodig voor het overleg"} if name.startswith("api") else {}
                response = (
                    client.post(url, body, content_type="application/json" if body else None)
                    if body
                    else client.post(url)
                )
            else:
                response = client.get(url)
            allowed = _allowed(RULES[name], username, state)
            ok = response.status_code in (200, 302) if allowed else response.status_code == 404
            if not ok:
                failures.append((username, name, response.status_code, allowed))
    assert failures == []


def test_another_gemeentes_user_gets_404_even_with_the_same_role(world, ovo_case, client):
    client.force_login(world["regisseur_elsewhere"])
    assert client.get(f"/heerenveen/casussen/{ovo_case.pk}/").status_code == 404
    assert client.get(f"/weststellingwerf/casussen/{ovo_case.pk}/").status_code == 404
    assert client.get(f"/api/v1/cases/weststellingwerf/{ovo_case.pk}/").status_code == 404


def test_partner_sees_only_own_organisations_interventions(ovo_case, ggd_user, client):
    client.force_login(ggd_user)
    page = client.get(f"/heerenveen/casussen/{ovo_case.pk}/").content.decode()
    assert "Huisbezoek" in page and "Gesprek wijkagent" not in page
    api = client.get(f"/api/v1/cases/heerenveen/{ovo_case.pk}/interventions/").json()
    assert [i["description"] for i in api["results"]] == ["Huisbezoek"]
