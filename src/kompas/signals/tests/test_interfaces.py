# SPDX-License-Identifier: EUPL-1.2
"""What the meetings and monitoring apps use: agenda selector, partner access, feed."""

from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.http import Http404

from kompas.core.models import AuditEntry
from kompas.signals.selectors import (
    signal_counts_per_quarter,
    signal_get_for_partner,
    signal_list_for_agenda,
)
from kompas.signals.services import Contact, signal_transition, signal_view_for_partner

pytestmark = pytest.mark.django_db


def test_agenda_selector_returns_scheduled_signals(make_signal, adviseur_heerenveen, heerenveen):
    a, _ = make_signal()
    make_signal()
    signal_transition(signal=a, to="in_behandeling", by=adviseur_heerenveen)
    signal_transition(signal=a, to="geagendeerd", by=adviseur_heerenveen)
    assert list(signal_list_for_agenda(municipality=heerenveen)) == [a]


def test_partner_sees_visible_signal_without_contact_and_is_audited(
    make_signal, heerenveen, make_member
):
    signal, _ = make_signal(description="Voor de partner", contact=Contact(name="Melder Naam"))
    partner = make_member(heerenveen, "partner", partner_code="politie")
    with pytest.raises(Http404):
        signal_get_for_partner(user=partner, signal_id=signal.pk, visible_signal_ids=[])
    found = signal_get_for_partner(
        user=partner, signal_id=signal.pk, visible_signal_ids=[signal.pk]
    )
    view = signal_view_for_partner(signal=found, user=partner)
    assert view.description == "Voor de partner" and view.contact == {}
    assert AuditEntry.objects.filter(user=partner, action="view", object_id=str(signal.pk)).exists()


def test_quarterly_counts(make_signal, heerenveen):
    make_signal(phenomenon="witwassen")
    make_signal(phenomenon="witwassen")
    make_signal(phenomenon="woonfraude")
    rows = signal_counts_per_quarter(municipality=heerenveen)
    assert {(r["phenomenon"], r["count"]) for r in rows} == {("witwassen", 2), ("woonfraude", 1)}


def test_the_feed_calls_monitoring_by_plain_import():
    """monitoring is a declared dependency: the feed imports its services, no string lookup
    that a renamed function would silently switch off."""
    from kompas.monitoring import services as monitoring_services
    from kompas.signals.services import feeds

    assert feeds.monitoring_services is monitoring_services
    assert "kompas.monitoring" in apps.get_app_config("signals").kompas_depends_on


def test_feed_reaches_monitoring(make_signal, heerenveen):
    from kompas.monitoring.models import Observation

    make_signal(phenomenon="witwassen")
    make_signal(phenomenon="witwassen")
    make_signal(phenomenon="woonfraude")
    out = StringIO()
    call_command("meldpunt", "feed", "--gemeente", "GM0074", stdout=out)
    assert "2 kwartaalcijfers" in out.getvalue()
    values = {
        o.indicator.code: o.value
        for o in Observation.objects.filter(indicator__code__startswith="meldpunt:")
    }
    assert values == {"meldpunt:witwassen": 2, "meldpunt:woonfraude": 1}
    call_command("meldpunt", "feed", stdout=StringIO())  # idempotent
    assert Observation.objects.filter(indicator__code__startswith="meldpunt:").count() == 2


def test_period_statistics_for_reports(make_signal, heerenveen, adviseur_heerenveen):
    from datetime import timedelta

    from django.utils import timezone

    from kompas.signals.models import Signal
    from kompas.signals.selectors import signal_statistics

    a, _ = make_signal(phenomenon="witwassen", description="Geheime inhoud")
    make_signal(phenomenon="woonfraude")
    old, _ = make_signal(phenomenon="zorgfraude")
    Signal.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=400))
    signal_transition(signal=a, to="afgesloten", by=adviseur_heerenveen, outcome="geen_grond")
    today = timezone.localdate()
    stats = signal_statistics(municipality=heerenveen, start=today - timedelta(days=30), end=today)
    assert stats["total"] == 2
    assert {r["label"]: r["count"] for r in stats["by_phenomenon"]} == {
        "Witwassen": 1,
        "Woonfraude": 1,
    }
    outcomes = {r["label"]: r["count"] for r in stats["by_outcome"]}
    assert outcomes == {"nog niet afgesloten": 1, "geen grond (geen aanwijzingen gevonden)": 1}
    assert "Geheime inhoud" not in str(stats)
