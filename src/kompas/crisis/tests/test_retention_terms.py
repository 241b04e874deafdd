# SPDX-License-Identifier: EUPL-1.2
"""Retention of the crisis organisation's contact data with a moved clock: a member who left
and a stale fire-station contact go on the day the verwerkingsregister names, not before."""

from datetime import date, datetime, time

import pytest
from django.utils import timezone

from kompas.core import privacy
from kompas.crisis import retention, services
from kompas.crisis.models import Assignment, CrisisMember, FireStation

pytestmark = pytest.mark.django_db


def _noon(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(12)))


def _rows(municipality):
    return {(r.record, r.field): r for r in privacy.register_rows(municipality=municipality)}


def test_member_who_left_goes_on_the_day(settings, heerenveen, hv_owner, make_crisis, monkeypatch):
    settings.CRISIS_MEMBER_RETENTION_MONTHS = 6
    row = _rows(heerenveen)[("lid crisisorganisatie", "phone")]
    assert row.retention.startswith("6 maanden nadat de persoon de crisisorganisatie verliet")
    assert row.enforced_by == "kompas retention run"
    _function, member = make_crisis(name="Vertrekt")
    _function, stays = make_crisis(name="Blijft")
    monkeypatch.setattr(services, "today", lambda: date(2026, 8, 31))
    services.record_save(obj=member, owner=hv_owner, by=None, fields={"active": False})
    member.refresh_from_db()
    assert member.left_on == date(2026, 8, 31)

    retention.retention_run(dry_run=False, now=_noon(date(2027, 2, 27)))
    assert CrisisMember.objects.filter(pk=member.pk).exists()
    lines = retention.retention_run(dry_run=False, now=_noon(date(2027, 2, 28)))  # 31 Feb
    assert lines[0].endswith(": 1")
    assert not CrisisMember.objects.filter(pk=member.pk).exists()
    assert not Assignment.objects.filter(member_id=member.pk).exists()
    assert CrisisMember.objects.filter(pk=stays.pk).exists()


def test_coming_back_stops_the_term(hv_owner, make_crisis):
    _function, member = make_crisis()
    services.record_save(obj=member, owner=hv_owner, by=None, fields={"active": False})
    services.record_save(obj=member, owner=hv_owner, by=None, fields={"active": True})
    member.refresh_from_db()
    assert member.left_on is None
    retention.retention_run(dry_run=False, now=_noon(date(2099, 1, 1)))
    assert CrisisMember.objects.filter(pk=member.pk).exists()


def test_fire_station_contact_is_erased_on_the_day(settings, heerenveen, hv_owner):
    settings.CRISIS_CONTACT_RETENTION_MONTHS = 24
    row = _rows(heerenveen)[("brandweerpost", "contact_name")]
    assert row.retention.startswith("24 maanden na het laatste overleg gewist")
    station = services.record_save(
        obj=FireStation(
            name="Post Oost",
            contact_name="Piet Post",
            contact_phone="0513-123456",
            last_contact_on=date(2026, 5, 10),
        ),
        owner=hv_owner,
        by=None,
    )
    retention.retention_run(dry_run=False, now=_noon(date(2028, 5, 9)))
    station.refresh_from_db()
    assert station.contact_name == "Piet Post"
    retention.retention_run(dry_run=False, now=_noon(date(2028, 5, 10)))
    station.refresh_from_db()
    assert (station.name, station.contact_name, station.contact_phone) == ("Post Oost", "", "")
