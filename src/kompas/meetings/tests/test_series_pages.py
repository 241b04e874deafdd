# SPDX-License-Identifier: EUPL-1.2
"""The advisor creates a series, adds members, plans a meeting; errors name the field."""

import pytest

from kompas.core.models import AuditEntry, PartnerOrganisation
from kompas.meetings.models import Meeting, MeetingSeries

pytestmark = pytest.mark.django_db


def test_create_series_add_members_and_plan_meeting(login, advisor, police_user, heerenveen):
    client = login(advisor)
    response = client.post(
        "/heerenveen/overleggen/nieuw/",
        {"name": "JOS Heerenveen", "kind": "jos", "confidentiality": "vertrouwelijk"},
    )
    series = MeetingSeries.objects.get(name="JOS Heerenveen")
    assert response["Location"] == f"/heerenveen/overleggen/{series.pk}/"
    vth = PartnerOrganisation.objects.get(code="vth")
    client.post(f"/heerenveen/overleggen/{series.pk}/deelnemers/", {"partner": vth.pk})
    client.post(f"/heerenveen/overleggen/{series.pk}/deelnemers/", {"user": police_user.pk})
    page = client.get(f"/heerenveen/overleggen/{series.pk}/").content.decode()
    assert "Afdeling Vergunningen, Toezicht en Handhaving (VTH)" in page
    assert "politie-hv" in page
    assert "Vertrouwelijkheid: vertrouwelijk" in page
    client.post(
        f"/heerenveen/overleggen/{series.pk}/vergadering-plannen/",
        {"date": "2031-03-04", "time": "14:30", "location": "Raadszaal"},
    )
    meeting = Meeting.objects.get(series=series)
    assert meeting.location == "Raadszaal"
    assert (
        AuditEntry.objects.filter(object_type="meetings.seriesmember", action="create").count() == 2
    )


def test_member_needs_person_or_organisation(login, advisor, lio):
    client = login(advisor)
    response = client.post(f"/heerenveen/overleggen/{lio.pk}/deelnemers/", {"role": "notulist"})
    assert response.status_code == 400
    assert "Kies een persoon óf een organisatie" in response.content.decode()


def test_remove_member_after_confirmation(login, advisor, lio):
    client = login(advisor)
    member = lio.members.get(partner__code="politie")
    url = f"/heerenveen/overleggen/{lio.pk}/deelnemers/{member.pk}/verwijderen/"
    assert "Wilt u Politie" in client.get(url).content.decode()
    assert lio.members.filter(pk=member.pk).exists()
    client.post(url)
    assert not lio.members.filter(pk=member.pk).exists()


def test_bad_meeting_date_is_named(login, advisor, lio):
    client = login(advisor)
    response = client.post(
        f"/heerenveen/overleggen/{lio.pk}/vergadering-plannen/",
        {"date": "31-31-2030", "time": "10:00"},
    )
    assert response.status_code == 200
    assert "Voer een geldige datum in" in response.content.decode()
    assert not Meeting.objects.exists()


def test_duplicate_series_name_is_refused(login, advisor, lio):
    response = login(advisor).post(
        "/heerenveen/overleggen/nieuw/",
        {"name": "LIO Heerenveen", "kind": "lio", "confidentiality": "intern"},
    )
    assert response.status_code == 200
    assert MeetingSeries.objects.filter(name="LIO Heerenveen").count() == 1
