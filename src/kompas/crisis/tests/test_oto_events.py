# SPDX-License-Identifier: EUPL-1.2
"""A held OTO activity registers the `crisisoefening` event itself (source set, idempotent),
so norms that expect exercises count them without a hand entry."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from kompas.crisis import services
from kompas.crisis.models import OtoActivity
from kompas.policy.models import Event

pytestmark = pytest.mark.django_db


def _save(owner, activity=None, **fields):
    base = {
        "title": "Oefening actiecentrum",
        "kind": "oefening",
        "level": "lokaal",
        "date": date(2026, 3, 10),
        "status": "gepland",
    }
    return services.oto_save(
        owner=owner, activity=activity or OtoActivity(), by=None, fields={**base, **fields}
    )


def test_held_activity_registers_one_event_with_its_source(hv_owner):
    activity = _save(hv_owner)
    assert not Event.objects.filter(kind="crisisoefening").exists()
    _save(hv_owner, activity, status="gehouden")
    _save(hv_owner, activity, status="gehouden", date=date(2026, 3, 11))
    event = Event.objects.get(kind="crisisoefening")
    assert (event.source_type, event.source_id) == ("crisis.otoactivity", str(activity.pk))
    assert event.municipality == hv_owner.municipality
    assert event.date == date(2026, 3, 11)


def test_held_stays_held_and_a_future_activity_cannot_be_held(hv_owner):
    activity = _save(hv_owner, status="gehouden")
    with pytest.raises(ValidationError):
        _save(hv_owner, activity, status="geannuleerd")
    future = timezone.localdate() + timedelta(days=30)
    with pytest.raises(ValidationError) as exc:
        _save(hv_owner, status="gehouden", date=future)
    assert "toekomst" in str(exc.value)
    assert OtoActivity.objects.count() == 1


def test_district_exercise_counts_for_the_partnership(reference_data):
    from kompas.core.models import Partnership
    from kompas.crisis.selectors import Owner

    howo = Partnership.objects.get(code="howo")
    _save(Owner(partnership=howo, can_write=True), status="gehouden")
    event = Event.objects.get(kind="crisisoefening")
    assert event.partnership == howo and event.municipality is None


def test_the_event_register_no_longer_offers_crisisoefening_for_hand_entry():
    from kompas.policy.selectors import hand_entry_kinds

    offered = [kind for kind, _label in hand_entry_kinds()]
    assert "crisisoefening" not in offered
    assert len(offered) > 5  # the kinds no register records stay available
