# SPDX-License-Identifier: EUPL-1.2
"""Fixtures for casework: Heerenveen's OVO and JOS tables, a regisseur, partner users (GGD at
the OVO; politie at OVO and JOS), a beheerder, an adviseur and a case on the OVO."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from kompas.cases import services
from kompas.cases.services import InterventionData, PersonData
from kompas.core.models import PartnerOrganisation
from kompas.meetings import services as meetings_services

GROUND = {
    "legal_ground_kind": "convenant",
    "legal_ground_name": "Convenant ZVH Fryslân",
    "legal_ground_date": date(2023, 1, 1),
}
NAMES = ("Jorrit Testhuizen", "Aukje Proefstra")


def earlier_today(minutes: int):
    """`minutes` ago, but not before local midnight: a meeting held "just now" is on today's
    table also when the test runs shortly after midnight (a case listed today is not on
    yesterday's meeting)."""
    midnight = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    return max(timezone.now() - timedelta(minutes=minutes), midnight)


@pytest.fixture
def regisseur(heerenveen, make_member):
    return make_member(heerenveen, "regisseur", username="regisseur-hv")


@pytest.fixture
def beheerder(heerenveen, make_member):
    return make_member(heerenveen, "beheerder", username="beheerder-hv")


@pytest.fixture
def ggd_user(heerenveen, make_member):
    return make_member(heerenveen, "partner", username="ggd-hv", partner_code="ggd")


@pytest.fixture
def police_user(heerenveen, make_member):
    return make_member(heerenveen, "partner", username="politie-hv", partner_code="politie")


@pytest.fixture
def om_user(heerenveen, make_member):
    """A partner of Heerenveen at no table."""
    return make_member(heerenveen, "partner", username="om-hv", partner_code="om")


def _table(municipality, kind, name, by, members):
    series = meetings_services.series_create(
        municipality=municipality, name=name, kind=kind, confidentiality="vertrouwelijk", by=by
    )
    for user in members:
        meetings_services.series_member_add(series=series, user=user, by=by)
    return series


@pytest.fixture
def ovo(heerenveen, adviseur_heerenveen, ggd_user, police_user, regisseur):
    return _table(heerenveen, "ovo", "OVO Heerenveen", adviseur_heerenveen, [ggd_user, police_user])


@pytest.fixture
def jos(heerenveen, adviseur_heerenveen, police_user):
    return _table(heerenveen, "jos", "JOS Heerenveen", adviseur_heerenveen, [police_user])


@pytest.fixture
def weegploeg(heerenveen, adviseur_heerenveen):
    return _table(heerenveen, "weegploeg", "Weegploeg Noord", adviseur_heerenveen, [])


@pytest.fixture
def make_case(heerenveen, regisseur):
    def make(*, series=(), ground=True, persons=NAMES, **extra):
        return services.case_create(
            municipality=extra.pop("municipality", heerenveen),
            case_type=extra.pop("case_type", "huiselijk_geweld"),
            by=extra.pop("by", regisseur),
            regisseur_user=extra.pop("regisseur_user", regisseur),
            summary=extra.pop("summary", "Ruzie in huis, buren melden geschreeuw."),
            persons=[
                PersonData(name=n, birth_date=date(1980, 1, 1), bsn="111222333") for n in persons
            ],
            interventions=extra.pop(
                "interventions",
                [
                    InterventionData(
                        "Huisbezoek",
                        timezone.localdate() + timedelta(days=28),
                        PartnerOrganisation.objects.get(code="ggd"),
                    ),
                    InterventionData(
                        "Gesprek wijkagent",
                        timezone.localdate() + timedelta(days=28),
                        PartnerOrganisation.objects.get(code="politie"),
                    ),
                ],
            ),
            series=list(series),
            **(GROUND if ground else {}),
            **extra,
        )

    return make


@pytest.fixture
def ovo_case(make_case, ovo):
    return make_case(series=[ovo])


@pytest.fixture
def login(client):
    def do(user):
        client.force_login(user)
        return client

    return do
