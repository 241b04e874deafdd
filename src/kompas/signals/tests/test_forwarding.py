# SPDX-License-Identifier: EUPL-1.2
"""Forwarding exports a signal or dossier as PDF or JSON and records what was shared with
whom, when, and on what ground; contact details are never shared."""

import json
from datetime import date

import pytest

from kompas.core.models import AuditEntry, PartnerOrganisation
from kompas.signals.models import Forwarding
from kompas.signals.services import Contact, Location

pytestmark = pytest.mark.django_db


def test_json_export_of_signal_is_recorded(staff_client, make_signal, make_agreement):
    signal, _ = make_signal(
        description="Hennep in de loods",
        contact=Contact(name="Geheime Melder", phone="0611111111"),
    )
    politie = PartnerOrganisation.objects.get(code="politie")
    agreement = make_agreement(
        "politie", name="Convenant LIO", signed_on=date(2024, 2, 1), legal_ground="art. 5"
    )
    response = staff_client.post(
        f"/heerenveen/meldingen/{signal.pk}/delen/", {"agreement": agreement.pk, "fmt": "json"}
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('-politie.json"')
    data = json.loads(response.content)
    assert data["gedeeld_met"] == politie.name
    assert data["grondslag"] == "Convenant LIO van 1 februari 2024: art. 5"
    assert data["meldingen"][0]["omschrijving"] == "Hennep in de loods"
    assert b"Geheime Melder" not in response.content and b"0611111111" not in response.content
    forwarding = Forwarding.objects.get()
    assert forwarding.partner == politie and forwarding.signal_ids == [signal.pk]
    assert forwarding.agreement == agreement and forwarding.ground == data["grondslag"]
    history = signal.history.get(kind="forwarded")
    assert history.data["partner"] == "politie"
    assert AuditEntry.objects.filter(action="export", object_id=str(signal.pk)).exists()


def test_pdf_export_of_dossier(staff_client, make_signal, make_agreement):
    a, _ = make_signal(location=Location(postcode="8441AB", number="3"))
    b, _ = make_signal(location=Location(postcode="8441AB", number="3"))
    a.refresh_from_db()
    riec = make_agreement("riec", name="RIEC-convenant")
    response = staff_client.post(
        f"/heerenveen/dossiers/{a.dossier_id}/", {"agreement": riec.pk, "fmt": "pdf"}
    )
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    assert sorted(Forwarding.objects.get().signal_ids) == sorted([a.pk, b.pk])
    assert AuditEntry.objects.filter(action="export").count() == 2


def test_forwarding_without_a_choice_is_refused(staff_client, make_signal, make_agreement):
    signal, _ = make_signal()
    make_agreement("politie")
    response = staff_client.post(
        f"/heerenveen/meldingen/{signal.pk}/delen/", {"agreement": "", "fmt": "json"}
    )
    assert response.status_code == 400
    assert "Kies met wie u deelt." in response.content.decode()
    assert Forwarding.objects.count() == 0
