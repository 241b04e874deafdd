# SPDX-License-Identifier: EUPL-1.2
"""Retention of the risk inventory and the incidents with a moved clock: nothing goes the day
before the term the verwerkingsregister names ends, everything on the day."""

from datetime import date, datetime, time

import pytest
from django.utils import timezone

from kompas.cases.services import PersonData
from kompas.core import privacy
from kompas.core.models import AuditEntry
from kompas.openbareorde import retention, services
from kompas.openbareorde.models import Incident, RiskItem, RiskLevelChange, RiskPerson

pytestmark = pytest.mark.django_db


def _noon(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(12)))


def _rows(municipality):
    return {(r.record, r.field): r for r in privacy.register_rows(municipality=municipality)}


def test_closed_risk_person_goes_on_the_day_the_register_names(settings, heerenveen, monkeypatch):
    settings.RISK_ITEM_RETENTION_MONTHS = 12
    row = _rows(heerenveen)[("persoon (risico-inventarisatie)", "name_enc")]
    assert row.retention.startswith("12 maanden na het afsluiten van het risico-item verwijderd")
    assert row.enforced_by == "kompas retention run"

    item = services.risk_save(
        owner=heerenveen,
        obj=RiskItem(),
        by=None,
        fields={
            "kind": "persoon",
            "theme": "radicalisering",
            "level": "hoog",
            "reasons": "Uitingen online",
            "review_on": date(2026, 3, 1),
        },
        person=PersonData(name="Proef Persoon", address="Proefstraat 3, Heerenveen"),
    )
    still_open = services.risk_save(
        owner=heerenveen,
        obj=RiskItem(),
        by=None,
        fields={
            "kind": "groep",
            "title": "Groep",
            "theme": "polarisatie",
            "level": "laag",
            "reasons": "Signalen",
            "review_on": date(2026, 3, 1),
        },
    )
    monkeypatch.setattr(services.selectors, "today", lambda: date(2026, 2, 28))
    services.risk_save(owner=heerenveen, obj=item, by=None, fields={"closed": True})
    item.refresh_from_db()
    assert item.closed_on == date(2026, 2, 28)

    retention.retention_run(dry_run=False, now=_noon(date(2027, 2, 27)))
    assert RiskItem.objects.filter(pk=item.pk).exists()
    assert RiskPerson.objects.filter(item=item).exists()
    assert retention.retention_run(dry_run=True, now=_noon(date(2027, 2, 28)))[0].endswith(": 1")
    assert RiskItem.objects.filter(pk=item.pk).exists()  # a dry run changes nothing

    retention.retention_run(dry_run=False, now=_noon(date(2027, 2, 28)))
    assert not RiskItem.objects.filter(pk=item.pk).exists()
    assert not RiskPerson.objects.exists() and not RiskLevelChange.objects.filter(item_id=item.pk)
    assert RiskItem.objects.filter(pk=still_open.pk).exists()  # open items have no term
    assert AuditEntry.objects.filter(
        object_type="openbareorde.riskitem", object_id=str(item.pk), action="delete"
    ).exists()


def test_reopening_an_item_stops_its_term(heerenveen):
    item = services.risk_save(
        owner=heerenveen,
        obj=RiskItem(),
        by=None,
        fields={
            "kind": "groep",
            "title": "Groep",
            "theme": "polarisatie",
            "level": "laag",
            "reasons": "Signalen",
            "review_on": date(2026, 3, 1),
            "closed": True,
        },
    )
    assert item.closed_on == timezone.localdate()
    services.risk_save(owner=heerenveen, obj=item, by=None, fields={"closed": False})
    item.refresh_from_db()
    assert item.closed_on is None
    retention.retention_run(dry_run=False, now=_noon(date(2099, 1, 1)))
    assert RiskItem.objects.filter(pk=item.pk).exists()


def test_incident_description_is_erased_on_the_day_and_the_record_stays(settings, heerenveen):
    settings.INCIDENT_RETENTION_YEARS = 5
    row = _rows(heerenveen)[("openbare-ordeincident", "description")]
    assert row.retention.startswith("5 jaar na de datum van het incident gewist")
    incident = Incident.objects.create(
        municipality=heerenveen,
        date=date(2024, 2, 29),
        place="Plein",
        kind=Incident._meta.get_field("kind").choices[0][0],
        description="Jan de Vries gooide vuurwerk",
        measures="Noodbevel",
    )
    retention.retention_run(dry_run=False, now=_noon(date(2029, 2, 27)))
    incident.refresh_from_db()
    assert incident.description == "Jan de Vries gooide vuurwerk"

    lines = retention.retention_run(dry_run=False, now=_noon(date(2029, 2, 28)))
    assert lines[1] == "omschrijving openbare-ordeincidenten wissen (ouder dan 5 jaar): 1"
    incident.refresh_from_db()
    assert "Jan de Vries" not in incident.description
    assert (incident.place, incident.measures, incident.description_erased_on) == (
        "Plein",
        "Noodbevel",
        date(2029, 2, 28),
    )
    assert retention.retention_run(dry_run=True, now=_noon(date(2030, 1, 1)))[1].endswith(": 0")
