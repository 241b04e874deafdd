# SPDX-License-Identifier: EUPL-1.2
"""Retention (AVG): dry-run lists, run anonymises and purges, the statistics record remains."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from kompas.signals.models import Signal, SignalMessage, SignalStatistic
from kompas.signals.selectors import signal_counts_per_quarter
from kompas.signals.services import (
    Contact,
    retention_settings_get,
    signal_reporter_reply,
    signal_transition,
)

pytestmark = pytest.mark.django_db


def _closed(make_signal, adviseur, *, days_ago, outcome, contact=False):
    signal, _ = make_signal(contact=Contact(name="Piet Melder") if contact else None)
    signal_reporter_reply(signal=signal, text="nog iets")
    signal_transition(signal=signal, to="afgesloten", by=adviseur, outcome=outcome)
    Signal.objects.filter(pk=signal.pk).update(closed_at=timezone.now() - timedelta(days=days_ago))
    return signal


def test_dry_run_lists_and_run_purges_keeping_statistics(make_signal, adviseur_heerenveen):
    keep = _closed(make_signal, adviseur_heerenveen, days_ago=10, outcome="doorgezet", contact=True)
    anon = _closed(
        make_signal, adviseur_heerenveen, days_ago=400, outcome="doorgezet", contact=True
    )
    no_ground = _closed(make_signal, adviseur_heerenveen, days_ago=400, outcome="geen_grond")
    old = _closed(make_signal, adviseur_heerenveen, days_ago=5 * 365 + 5, outcome="maatregel")
    open_signal, _ = make_signal(contact=Contact(name="Open Melder"))

    out = StringIO()
    call_command("retention", "run", "--dry-run", stdout=out)
    text = out.getvalue()
    assert "PROEF" in text
    assert f"anonimiseren: 1 melding(en) ({anon.pk})" in text
    assert f"verwijderen: 2 melding(en) ({no_ground.pk}, {old.pk})" in text
    assert Signal.objects.count() == 5 and SignalStatistic.objects.count() == 0

    call_command("retention", "run", stdout=StringIO())
    assert set(Signal.objects.values_list("pk", flat=True)) == {keep.pk, anon.pk, open_signal.pk}
    anon.refresh_from_db()
    assert anon.contact_enc == "" and not anon.has_contact and anon.contact_anonymised_at
    keep.refresh_from_db()
    assert keep.has_contact
    assert not SignalMessage.objects.filter(signal_id__in=[no_ground.pk, old.pk]).exists()
    stats = {s.signal_id: s for s in SignalStatistic.objects.all()}
    assert set(stats) == {no_ground.pk, old.pk}
    assert stats[no_ground.pk].outcome == "geen_grond"
    assert stats[old.pk].phenomenon == "drugs_teelt" and stats[old.pk].closed_at is not None
    # deleted signals still count in the quarterly statistics
    total = sum(r["count"] for r in signal_counts_per_quarter(municipality=keep.municipality))
    assert total == 5


def test_per_gemeente_settings_apply(make_signal, adviseur_heerenveen, heerenveen):
    rules = retention_settings_get(municipality=heerenveen)
    rules.contact_days = 5
    rules.save()
    signal = _closed(make_signal, adviseur_heerenveen, days_ago=6, outcome="overig", contact=True)
    call_command("retention", "run", stdout=StringIO())
    signal.refresh_from_db()
    assert not signal.has_contact
