# SPDX-License-Identifier: EUPL-1.2
from datetime import date

import pytest

from kompas.fenomenen import services
from kompas.fenomenen.models import Activity, PhenomenonChoice


@pytest.fixture
def make_keuze(db):
    """make_keuze(municipality, year=2025, status='vastgesteld', **fields)."""

    def make(municipality, year=2025, status="vastgesteld", **fields):
        fields = {
            "year": year,
            "phenomena": ["drugs_teelt", "woonfraude"],
            "status": status,
            "decision_date": date(year, 2, 11),
            "decided_by": "driehoek",
            **fields,
        }
        return services.keuze_save(
            municipality=municipality, keuze=PhenomenonChoice(), by=None, fields=fields
        )

    return make


@pytest.fixture
def make_activity(db):
    """make_activity(municipality, on=date(2025, 5, 13), topic='drugs_teelt', **fields)."""

    def make(municipality, on=date(2025, 5, 13), topic="drugs_teelt", **fields):
        fields = {
            "date": on,
            "title": "Voorlichting ondernemers",
            "activity_type": "ondernemers",
            "topic": topic,
            "people": 30,
            "organisations": 12,
            **fields,
        }
        return services.activity_save(
            municipality=municipality, activity=Activity(), by=None, fields=fields
        )

    return make


@pytest.fixture
def make_signal(heerenveen):
    """make_signal(phenomenon, year) -> a meldpunt signal received in `year`."""
    from django.utils import timezone

    from kompas.signals.models import Signal
    from kompas.signals.services import Contact, Location, signal_create

    def make(phenomenon="drugs_teelt", year=2025, municipality=None):
        signal = signal_create(
            municipality=municipality or heerenveen,
            phenomenon=phenomenon,
            description="Hennepgeur uit de schuur achter nummer 12.",
            location=Location(),
            contact=Contact(),
        ).signal
        received = timezone.make_aware(timezone.datetime(year, 6, 1, 12, 0))
        Signal.objects.filter(pk=signal.pk).update(created_at=received)
        return signal

    return make
