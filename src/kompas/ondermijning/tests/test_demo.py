# SPDX-License-Identifier: EUPL-1.2
"""The demo: controles and ondermijningsdagen labelled demodata, idempotent, and the 2025
norm statuses (written as seen from 2026, so: last year) read from these registers only."""

from datetime import date

import pytest
from django.utils import timezone

from kompas.ondermijning.demo import load_demo
from kompas.ondermijning.models import Controle, UnderminingDay
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
    counts = (Controle.objects.count(), UnderminingDay.objects.count(), Event.objects.count())
    assert "12 ondermijningsdagen" in demo
    load_demo()
    assert counts == (
        Controle.objects.count(),
        UnderminingDay.objects.count(),
        Event.objects.count(),
    )
    assert all(c.is_demo for c in Controle.objects.all())
    assert all(d.is_demo for d in UnderminingDay.objects.all())
    kinds = ["integrale_controle", "ondermijningsdag"]
    assert all(e.is_demo for e in Event.objects.filter(kind__in=kinds))


def test_last_years_norms_read_from_the_registers(demo, reference_data):
    last_year = timezone.localdate().year - 1
    on = date(last_year, 12, 31)
    hv, ws = reference_data["GM0074"], reference_data["GM0098"]
    for gemeente in (hv, ws):
        assert (
            Controle.objects.filter(
                municipality=gemeente,
                date__year=last_year,
                status__in=["uitgevoerd", "afgerond"],
            ).count()
            >= 2
        )
        assert _status(gemeente, "integrale-controles", on) == (2, "voldaan")
    held = UnderminingDay.objects.filter(date__year=last_year, status="gehouden")
    assert held.count() == 10
    assert set(held.values_list("host__code", flat=True)) == {
        "GM0074",
        "GM0085",
        "GM0086",
        "GM0098",
    }
    assert _status(ws, "ondermijningsdagen", on) == (10, "voldaan")
    # nothing of these kinds is typed in: every event comes from a register
    events = Event.objects.filter(kind__in=["integrale_controle", "ondermijningsdag"])
    assert events.exists()
    assert set(events.values_list("source_type", flat=True)) == {
        "ondermijning.controle",
        "ondermijning.dag",
    }


def test_demo_opkopers_and_kvo_parks(demo, client, make_member):
    from kompas.core.models import Municipality
    from kompas.ondermijning.models import Dealer, DealerCheck, KvoPark

    assert "4 opkopers en 2 KVO-B-bedrijventerreinen" in demo
    assert "0 opkopers en 0 KVO-B" in load_demo()
    assert Dealer.objects.count() == 4 and DealerCheck.objects.count() == 3
    assert all(d.is_demo for d in Dealer.objects.all())
    assert all(p.is_demo for p in KvoPark.objects.all()) and KvoPark.objects.count() == 2
    heerenveen = Municipality.objects.get(code="GM0074")
    client.force_login(make_member(heerenveen, "lezer"))
    assert "Bedrijventerrein Kanaal (demo)" in client.get("/heerenveen/").content.decode()
