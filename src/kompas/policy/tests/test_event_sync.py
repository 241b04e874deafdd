# SPDX-License-Identifier: EUPL-1.2
"""event_sync keeps a register's norm event in step with its record: one event while the
record counts (updated, never doubled), none once it no longer does."""

from datetime import date

import pytest

from kompas.policy.models import Event
from kompas.policy.services import event_sync

pytestmark = pytest.mark.django_db


def test_registered_while_it_counts_updated_in_place_and_withdrawn_after(heerenveen):
    common = {"kind": "integrale_controle", "source_type": "test.bron", "source_id": 7}
    event_sync(
        counts=True, date=date(2025, 3, 1), title="Eerste", municipality=heerenveen, **common
    )
    event_sync(
        counts=True, date=date(2025, 4, 1), title="Tweede", municipality=heerenveen, **common
    )
    (event,) = Event.objects.filter(source_type="test.bron")
    assert (event.date, event.title) == (date(2025, 4, 1), "Tweede")
    event_sync(counts=False, **common)
    assert not Event.objects.filter(source_type="test.bron").exists()
    event_sync(counts=False, **common)  # nothing left to withdraw: no error
