# SPDX-License-Identifier: EUPL-1.2
"""The demo loader: a LIO for Heerenveen with members, one held and one upcoming meeting;
running it twice changes nothing."""

import pytest

from kompas.core.demo import load_core
from kompas.meetings.constants import MeetingStatus
from kompas.meetings.demo import LIO_NAME, load_demo
from kompas.meetings.models import AgendaItem, FollowUpAction, Meeting, MeetingSeries

pytestmark = pytest.mark.django_db


def test_demo_lio_is_loaded_once(reference_data, client):
    load_core()
    assert "vth-heerenveen" in load_demo()
    load_demo()
    series = MeetingSeries.objects.get(name=LIO_NAME)
    assert MeetingSeries.objects.count() == 1
    members = {
        str(m.partner.code if m.partner_id else m.user.username) for m in series.members.all()
    }
    assert members == {"adviseur-heerenveen", "politie-heerenveen", "politie", "vth"}
    assert sorted(Meeting.objects.values_list("status", flat=True)) == sorted(
        [MeetingStatus.PLANNED, MeetingStatus.HELD]
    )
    assert AgendaItem.objects.count() == 4  # 2 + 2 topics; no signals demo loaded here
    assert FollowUpAction.objects.count() == 2

    # the VTH colleague logs in and sees the LIO and the VTH action
    from django.contrib.auth import get_user_model

    vth_user = get_user_model().objects.get(username="vth-heerenveen")
    assert vth_user.check_password("demo-vth-heerenveen")
    client.force_login(vth_user)
    text = client.get("/heerenveen/overleggen/mijn-acties/").content.decode()
    assert "Integrale controle voorbereiden met VTH en politie" in text
