# SPDX-License-Identifier: EUPL-1.2
"""The history of a meeting, its agenda and its actions (the audit entries meetings writes)
shows the values that changed, old → new, never free text such as minutes."""

from datetime import datetime

import pytest
from django.utils import timezone

from kompas.core.models import AuditEntry
from kompas.meetings import services
from kompas.meetings.constants import ActionStatus, MeetingStatus

from .conftest import at

pytestmark = pytest.mark.django_db


def _last_update(obj) -> AuditEntry:
    return AuditEntry.objects.filter(
        object_type=obj._meta.label_lower, object_id=str(obj.pk), action="update"
    ).latest("pk")


def test_meeting_moved_shows_old_and_new_date_and_place(advisor, lio):
    meeting = services.meeting_create(
        series=lio,
        starts_at=datetime(2031, 3, 12, 10, tzinfo=timezone.get_current_timezone()),
        location="Raadhuis",
        by=advisor,
    )
    services.meeting_update(
        meeting=meeting,
        starts_at=datetime(2031, 3, 19, 14, 30, tzinfo=timezone.get_current_timezone()),
        location="Raadszaal",
        by=advisor,
    )
    note = _last_update(meeting).note
    assert "datum en tijd: 12 maart 2031 10:00 → 19 maart 2031 14:30" in note
    assert "plaats: Raadhuis → Raadszaal" in note


def test_meeting_held_shows_status_change(advisor, lio):
    meeting = services.meeting_create(series=lio, starts_at=at(-1), by=advisor)
    services.meeting_status_set(meeting=meeting, status=MeetingStatus.HELD, by=advisor)
    assert _last_update(meeting).note == "status: gepland → gehouden"


def test_action_done_shows_status_change(advisor, lio_meeting):
    item = lio_meeting.items.first()
    action = services.action_create(
        item=item, description="Kadaster", due_date=at(5).date(), owner_user=advisor, by=advisor
    )
    services.action_status_set(action=action, status=ActionStatus.DONE, by=advisor)
    assert _last_update(action).note == "status: open → gereed"


def test_item_moved_shows_its_position(advisor, lio_meeting):
    item = lio_meeting.items.order_by("order").last()
    services.agenda_item_move(item=item, direction="up", by=advisor)
    assert _last_update(item).note == "volgorde: 2 → 1"


def test_series_renamed_shows_names_but_minutes_never_reach_the_log(advisor, lio, lio_meeting):
    services.series_update(series=lio, name="LIO Heerenveen-Zuid", by=advisor)
    assert _last_update(lio).note == "naam: LIO Heerenveen → LIO Heerenveen-Zuid"
    item = lio_meeting.items.first()
    services.agenda_item_record(
        item=item, minutes="Jan de Vries woont op nummer 12.", decisions="", by=advisor
    )
    entry = _last_update(item)
    assert entry.fields == ["minutes"]
    assert "Jan de Vries" not in entry.note
