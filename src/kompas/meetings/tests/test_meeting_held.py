# SPDX-License-Identifier: EUPL-1.2
"""Marking a meeting held: only from planned, never in the future, and it registers an event
for the plan's norms in the policy app."""

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError

from kompas.meetings import integrations, services
from kompas.meetings.constants import MeetingStatus, SeriesKind

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


def test_held_meeting_calls_the_event_register(monkeypatch, advisor, lio, heerenveen):
    calls = []
    monkeypatch.setattr(
        integrations, "policy_event_register_function", lambda: lambda **kw: calls.append(kw)
    )
    monkeypatch.setattr(integrations, "policy_event_kind", lambda kind: f"{kind}_overleg")
    meeting = services.meeting_create(series=lio, starts_at=at(-2), by=advisor)
    services.meeting_status_set(meeting=meeting, status=MeetingStatus.HELD, by=advisor)
    assert calls == [
        {
            "kind": "lio_overleg",
            "date": at(-2).date(),
            "title": "LIO Heerenveen",
            "municipality": heerenveen,
            "source_type": "meetings.meeting",
            "source_id": str(meeting.pk),
        }
    ]
    # a cancelled meeting registers nothing
    other = services.meeting_create(series=lio, starts_at=at(-1), by=advisor)
    services.meeting_status_set(meeting=other, status=MeetingStatus.CANCELLED, by=advisor)
    assert len(calls) == 1


@pytest.mark.skipif(not apps.is_installed("kompas.policy"), reason="policy-app niet geïnstalleerd")
def test_held_lio_counts_as_event_in_the_policy_register(advisor, lio, heerenveen):
    from kompas.policy.models import Event

    meeting = services.meeting_create(series=lio, starts_at=at(-2), by=advisor)
    services.meeting_status_set(meeting=meeting, status=MeetingStatus.HELD, by=advisor)
    event = Event.objects.get(source_type="meetings.meeting", source_id=str(meeting.pk))
    assert (event.kind, event.date, event.municipality) == (
        "lio_overleg",
        at(-2).date(),
        heerenveen,
    )


def test_event_kind_follows_the_series_kind():
    if not apps.is_installed("kompas.policy"):
        assert integrations.policy_event_kind(SeriesKind.LIO) is None
        return
    assert integrations.policy_event_kind(SeriesKind.LIO) == "lio_overleg"
    assert integrations.policy_event_kind(SeriesKind.OTHER) is None
