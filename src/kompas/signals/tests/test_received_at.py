# SPDX-License-Identifier: EUPL-1.2
"""A report entered afterwards (a phone call written down, the demo) keeps the moment it came
in: its date, its response term and its first history row all say the same day."""

from datetime import timedelta

import pytest
from django.utils import timezone

from kompas.signals.demo import load_demo
from kompas.signals.models import Signal

pytestmark = pytest.mark.django_db


def test_received_at_sets_date_term_and_first_history_row(make_signal):
    before = timezone.now() - timedelta(days=6)
    plain, _code = make_signal()
    late, _code = make_signal(received_at=before)
    assert late.created_at == before
    assert late.due_at - late.created_at == plain.due_at - plain.created_at
    first = late.history.order_by("at", "id").first()
    assert first.kind == "created" and first.at == before


def test_demo_signals_history_starts_when_they_were_received(heerenveen, adviseur_heerenveen):
    load_demo()
    signals = Signal.objects.filter(municipality=heerenveen)
    assert signals.count() == 4
    assert any(s.created_at.date() < timezone.now().date() for s in signals)
    for signal in signals:
        assert signal.history.order_by("at", "id").first().at == signal.created_at
