# SPDX-License-Identifier: EUPL-1.2
"""The verwerkingsregister's terms for signals are the ones the retention run applies: with a
gemeente's own settings and a moved clock, contact details go on the day the register says,
and closed signals (with and without ground) on theirs."""

from datetime import timedelta

import pytest
from django.utils import timezone

from kompas.core import privacy
from kompas.signals.models import Signal
from kompas.signals.services import (
    Contact,
    retention_run,
    retention_settings_update,
    signal_transition,
)

pytestmark = pytest.mark.django_db


def _term(municipality, model, field) -> str:
    rows = privacy.register_rows(municipality=municipality)
    [row] = [r for r in rows if (r.record, r.field) == (model._meta.verbose_name, field)]
    return row.retention


def _closed_at(make_signal, adviseur, moment, *, outcome, contact=False):
    signal, _code = make_signal(contact=Contact(name="Piet Melder") if contact else None)
    signal_transition(signal=signal, to="afgesloten", by=adviseur, outcome=outcome)
    Signal.objects.filter(pk=signal.pk).update(closed_at=moment)
    return signal.pk


def test_signal_terms_in_the_register_are_the_terms_the_run_applies(
    make_signal, adviseur_heerenveen, heerenveen, weststellingwerf, make_member
):
    retention_settings_update(
        municipality=heerenveen,
        by=make_member(heerenveen, "beheerder"),
        contact_days=40,
        delete_years=3,
        delete_years_no_ground=2,
    )
    assert _term(heerenveen, Signal, "contact_enc").startswith("40 dagen na afsluiten")
    assert "na 3 jaar verwijderd, meldingen zonder grond na 2 jaar" in _term(
        heerenveen, Signal, "description_enc"
    )
    # Another gemeente keeps the defaults, in the register as in the run.
    assert _term(weststellingwerf, Signal, "contact_enc").startswith("365 dagen")

    closed = timezone.now() - timedelta(days=1)
    with_contact = _closed_at(
        make_signal, adviseur_heerenveen, closed, outcome="doorgezet", contact=True
    )
    no_ground = _closed_at(make_signal, adviseur_heerenveen, closed, outcome="geen_grond")

    def due(days):
        report = retention_run(dry_run=True, now=closed + timedelta(days=days))
        return set(report.anonymise), set(report.delete)

    assert due(39) == (set(), set())
    assert due(41) == ({with_contact}, set())
    assert due(2 * 365 - 1) == ({with_contact}, set())
    assert due(2 * 365 + 1) == ({with_contact}, {no_ground})
    assert due(3 * 365 + 1) == (set(), {with_contact, no_ground})

    retention_run(dry_run=False, now=closed + timedelta(days=41))
    signal = Signal.objects.get(pk=with_contact)
    assert signal.contact_enc == "" and not signal.has_contact
    assert Signal.objects.filter(pk=no_ground).exists()
