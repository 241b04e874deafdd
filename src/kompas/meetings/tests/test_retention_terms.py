# SPDX-License-Identifier: EUPL-1.2
"""Retention of meeting minutes with a moved clock: minutes, decisions and follow-up actions
go on the day the verwerkingsregister names; the meeting and its agenda stay."""

from datetime import date, datetime, time

import pytest
from django.utils import timezone

from kompas.core import privacy
from kompas.core.models import PartnerOrganisation
from kompas.meetings import retention
from kompas.meetings.models import AgendaItem, FollowUpAction, Meeting, MeetingSeries

pytestmark = pytest.mark.django_db


def _noon(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(12)))


def test_minutes_go_on_the_day_the_register_names(settings, heerenveen):
    settings.MINUTES_RETENTION_YEARS = 5
    rows = {(r.record, r.field): r for r in privacy.register_rows(municipality=heerenveen)}
    row = rows[("agendapunt", "minutes")]
    assert row.retention.startswith("5 jaar na de vergadering gewist")
    assert row.enforced_by == "kompas retention run"
    series = MeetingSeries.objects.create(
        municipality=heerenveen,
        name="LIO",
        kind=MeetingSeries._meta.get_field("kind").choices[0][0],
    )
    meeting = Meeting.objects.create(series=series, starts_at=_noon(date(2026, 3, 10)))
    item = AgendaItem.objects.create(
        meeting=meeting,
        order=1,
        kind="onderwerp",
        title="Overlast Stationsplein",
        minutes="Buurtbewoner K. belde drie keer",
        decisions="Gesprek met K.",
    )
    FollowUpAction.objects.create(
        item=item,
        description="K. bellen",
        due_date=date(2026, 4, 1),
        owner_partner=PartnerOrganisation.objects.get(code="politie"),
    )

    retention.retention_run(dry_run=False, now=_noon(date(2031, 3, 9)))
    item.refresh_from_db()
    assert item.minutes and FollowUpAction.objects.filter(item=item).exists()

    lines = retention.retention_run(dry_run=False, now=_noon(date(2031, 3, 10)))
    assert lines == ["verslagen van overleggen wissen (ouder dan 5 jaar): 1 vergadering(en)"]
    item.refresh_from_db()
    assert (item.title, item.minutes, item.decisions) == ("Overlast Stationsplein", "", "")
    assert not FollowUpAction.objects.filter(item=item).exists()
    assert retention.retention_run(dry_run=True, now=_noon(date(2032, 1, 1)))[0].endswith(
        ": 0 vergadering(en)"
    )
