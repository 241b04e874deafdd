# SPDX-License-Identifier: EUPL-1.2
"""The read-only API gives the team every series of its gemeente with members, filters
meetings by status, and audits a meeting's detail."""

import pytest

from kompas.core.models import AuditEntry
from kompas.meetings import services
from kompas.meetings.constants import MeetingStatus

from .conftest import at

pytestmark = pytest.mark.django_db


def test_team_sees_all_series_with_members(login, advisor, lio, ovo):
    data = login(advisor).get("/api/v1/meetings/heerenveen/series/").json()["results"]
    assert [s["name"] for s in data] == ["LIO Heerenveen", "OVO Heerenveen"]
    lio_members = {(m["kind"], m["username"] or m["partner_code"]) for m in data[0]["members"]}
    assert lio_members == {("persoon", "adviseur-hv"), ("organisatie", "politie")}
    assert data[0]["confidentiality"] == "strikt_vertrouwelijk"


def test_meetings_filter_by_status_and_detail_is_audited(login, advisor, lio, lio_meeting):
    held = services.meeting_create(series=lio, starts_at=at(-3), by=advisor)
    services.meeting_status_set(meeting=held, status=MeetingStatus.HELD, by=advisor)
    client = login(advisor)
    planned = client.get("/api/v1/meetings/heerenveen/meetings/?status=gepland").json()
    assert [m["id"] for m in planned["results"]] == [lio_meeting.pk]
    everything = client.get("/api/v1/meetings/heerenveen/meetings/").json()["results"]
    assert [m["id"] for m in everything] == [lio_meeting.pk, held.pk]  # newest first
    detail = client.get(f"/api/v1/meetings/heerenveen/meetings/{lio_meeting.pk}/").json()
    assert detail["confidentiality"] == "strikt_vertrouwelijk"
    assert [i["order"] for i in detail["items"]] == [1, 2]
    assert AuditEntry.objects.filter(
        object_type="meetings.meeting", object_id=str(lio_meeting.pk), action="view", note="via API"
    ).exists()


def test_api_requires_login(client, lio_meeting):
    assert client.get("/api/v1/meetings/heerenveen/meetings/").status_code in (401, 403)
