# SPDX-License-Identifier: EUPL-1.2
"""Fixtures for overleggen: a LIO in Heerenveen with the adviseur and the police as members."""

from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone

from kompas.core.models import PartnerOrganisation
from kompas.meetings import services
from kompas.meetings.constants import Confidentiality, SeriesKind


def at(days: int, hour: int = 10) -> datetime:
    return timezone.make_aware(
        datetime.combine(timezone.localdate() + timedelta(days=days), time(hour))
    )


@pytest.fixture
def advisor(adviseur_heerenveen):
    return adviseur_heerenveen


@pytest.fixture
def police_user(heerenveen, make_member):
    return make_member(heerenveen, "partner", username="politie-hv", partner_code="politie")


@pytest.fixture
def om_user(heerenveen, make_member):
    """A partner member of Heerenveen whose organisation (OM) is not in the LIO."""
    return make_member(heerenveen, "partner", username="om-hv", partner_code="om")


@pytest.fixture
def lio(heerenveen, advisor):
    series = services.series_create(
        municipality=heerenveen,
        name="LIO Heerenveen",
        kind=SeriesKind.LIO,
        confidentiality=Confidentiality.SECRET,
        by=advisor,
    )
    services.series_member_add(series=series, user=advisor, role="voorzitter", by=advisor)
    services.series_member_add(
        series=series, partner=PartnerOrganisation.objects.get(code="politie"), by=advisor
    )
    return series


@pytest.fixture
def ovo(heerenveen, advisor):
    """A second series of Heerenveen that the police is NOT a member of."""
    series = services.series_create(
        municipality=heerenveen,
        name="OVO Heerenveen",
        kind=SeriesKind.OVO,
        confidentiality=Confidentiality.CONFIDENTIAL,
        by=advisor,
    )
    services.series_member_add(
        series=series, partner=PartnerOrganisation.objects.get(code="om"), by=advisor
    )
    return series


@pytest.fixture
def lio_meeting(lio, advisor):
    meeting = services.meeting_create(series=lio, starts_at=at(7), location="Raadhuis", by=advisor)
    services.agenda_item_add_topic(meeting=meeting, title="Loodsen bedrijventerrein", by=advisor)
    services.agenda_item_add_topic(meeting=meeting, title="Rondvraag", by=advisor)
    return meeting


@pytest.fixture
def ovo_meeting(ovo, advisor):
    meeting = services.meeting_create(series=ovo, starts_at=at(3), by=advisor)
    services.agenda_item_add_topic(meeting=meeting, title="Demonstratie zaterdag", by=advisor)
    return meeting


@pytest.fixture
def login(client):
    def do(user):
        client.force_login(user)
        return client

    return do
