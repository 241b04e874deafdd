# SPDX-License-Identifier: EUPL-1.2
"""The demo: a fenomenenkeuze per gemeente for last year and voorlichting activities,
labelled demodata, idempotent, and the plans' `fenomenenkeuze` norm of that year read from
the register."""

from datetime import date

import pytest
from django.utils import timezone

from kompas.fenomenen.demo import load_demo
from kompas.fenomenen.models import Activity, PhenomenonChoice, WhiteSpot
from kompas.policy.models import Event

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(reference_data):
    from kompas.policy.demo import load_demo as policy_demo

    policy_demo()
    return load_demo()


def _status(municipality, code, on):
    from kompas.policy import selectors as policy_selectors

    rows = policy_selectors.norm_status_list(municipality=municipality, on=on)
    row = next(r for r in rows if r.norm.code == code)
    return row.done, row.state


def test_demo_is_labelled_and_idempotent(demo):
    counts = (
        PhenomenonChoice.objects.count(),
        WhiteSpot.objects.count(),
        Activity.objects.count(),
        Event.objects.count(),
    )
    assert counts[0] == 4 and counts[2] >= 4
    load_demo()
    assert counts == (
        PhenomenonChoice.objects.count(),
        WhiteSpot.objects.count(),
        Activity.objects.count(),
        Event.objects.count(),
    )
    assert all(k.is_demo for k in PhenomenonChoice.objects.all())
    assert all(a.is_demo for a in Activity.objects.all())
    assert all(e.is_demo for e in Event.objects.filter(kind="fenomenenkeuze"))


def test_last_years_norm_reads_from_the_register(demo, reference_data):
    last_year = timezone.localdate().year - 1
    on = date(last_year, 12, 31)
    assert set(PhenomenonChoice.objects.values_list("year", flat=True)) == {last_year}
    for code in ("GM0074", "GM0098"):
        done, state = _status(reference_data[code], "fenomenenkeuze", on)
        assert done == 1 and state == "voldaan", code
    events = Event.objects.filter(kind="fenomenenkeuze")
    assert set(events.values_list("source_type", flat=True)) == {"fenomenen.keuze"}
