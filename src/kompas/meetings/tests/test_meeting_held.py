# SPDX-License-Identifier: EUPL-1.2
"""Marking a meeting held: only from planned, never in the future, and it registers an event
for the plan's norms in the policy app."""

import pytest
from django.core.exceptions import ValidationError

from kompas.meetings import integrations, services
from kompas.meetings.constants import Confidentiality, MeetingStatus, SeriesKind
from kompas.policy.constants import EventKind
from kompas.policy.models import Event

from .conftest import at

pytestmark = pytest.mark.django_db


def test_status_page_asks_confirmation_then_marks_held(login, advisor, lio):
    meeting = services.meeting_create(series=lio, starts_at=at(-1), by=advisor)
    client = login(advisor)
    url = f"/heerenveen/overleggen/vergaderingen/{meeting.pk}/status/"
    page = client.get(url)
    assert "Dit kunt u niet terugdraaien" in page.content.decode()
    client.post(url, {"status": "gehouden", "bevestigd": "ja"})
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.HELD
    assert meeting.closed_at is not None


def test_future_meeting_cannot_be_marked_held(advisor, lio):
    meeting = services.meeting_create(series=lio, starts_at=at(2), by=advisor)
    with pytest.raises(ValidationError, match="nog niet begonnen"):
        services.meeting_status_set(meeting=meeting, status=MeetingStatus.HELD, by=advisor)


def test_cancelled_meeting_cannot_be_held_afterwards(advisor, lio):
    meeting = services.meeting_create(series=lio, starts_at=at(-1), by=advisor)
    services.meeting_status_set(meeting=meeting, status=MeetingStatus.CANCELLED, by=advisor)
    with pytest.raises(ValidationError, match="geannuleerd"):
        services.meeting_status_set(meeting=meeting, status=MeetingStatus.HELD, by=advisor)


def test_held_lio_counts_as_event_in_the_policy_register(advisor, lio, heerenveen):
    meeting = services.meeting_create(series=lio, starts_at=at(-2), by=advisor)
    services.meeting_status_set(meeting=meeting, status=MeetingStatus.HELD, by=advisor)
    event = Event.objects.get(source_type="meetings.meeting", source_id=str(meeting.pk))
    assert (event.kind, event.date, event.municipality, event.title) == (
        "lio_overleg",
        at(-2).date(),
        heerenveen,
        "LIO Heerenveen",
    )
    # a cancelled meeting registers nothing
    other = services.meeting_create(series=lio, starts_at=at(-1), by=advisor)
    services.meeting_status_set(meeting=other, status=MeetingStatus.CANCELLED, by=advisor)
    assert not Event.objects.filter(source_id=str(other.pk)).exists()


def test_held_football_meeting_counts_for_the_football_norm(advisor, heerenveen):
    series = services.series_create(
        municipality=heerenveen,
        name="Voetbaloverleg sc Heerenveen",
        kind=SeriesKind.FOOTBALL,
        confidentiality=Confidentiality.CONFIDENTIAL,
        by=advisor,
    )
    meeting = services.meeting_create(series=series, starts_at=at(-3), by=advisor)
    services.meeting_status_set(meeting=meeting, status=MeetingStatus.HELD, by=advisor)
    assert Event.objects.get(source_id=str(meeting.pk)).kind == "voetbaloverleg"


def test_event_kind_follows_the_series_kind():
    assert integrations.policy_event_kind(SeriesKind.LIO) == "lio_overleg"
    assert integrations.policy_event_kind(SeriesKind.OVO) == "ovo_overleg"
    assert integrations.policy_event_kind(SeriesKind.OTHER) is None
    # Every kind that registers an event names a kind the policy app knows.
    assert set(integrations.POLICY_EVENT_KIND.values()) <= set(EventKind.values)
