# SPDX-License-Identifier: EUPL-1.2
"""Signals about the same normalised address, or linked by staff, share one dossier with one
timeline."""

import pytest

from kompas.signals.models import Dossier
from kompas.signals.services import Location, address_normalise

pytestmark = pytest.mark.django_db


def test_address_normalisation():
    assert address_normalise(postcode="8441 ab", number="012", addition=" a-") == "8441AB|12|A"
    assert address_normalise(postcode="8441", number="12") is None


def test_same_address_forms_one_dossier(make_signal, weststellingwerf):
    a, _ = make_signal(location=Location(postcode="8441AB", number="12"))
    b, _ = make_signal(location=Location(postcode="8441 ab", number="12", addition=""))
    c, _ = make_signal(location=Location(postcode="8441AB", number="12", addition="A"))
    d, _ = make_signal(
        municipality=weststellingwerf, location=Location(postcode="8441AB", number="12")
    )
    for s in (a, b, c, d):
        s.refresh_from_db()
    assert a.dossier is not None and a.dossier == b.dossier
    assert c.dossier is None  # toevoeging A is another address
    assert d.dossier is None  # another gemeente never joins
    e, _ = make_signal(location=Location(postcode="8441AB", number="12"))
    e.refresh_from_db()
    assert e.dossier == a.dossier
    assert Dossier.objects.count() == 1


def test_staff_link_and_timeline(staff_client, make_signal):
    a, _ = make_signal(description="Eerste melding over de loods")
    b, _ = make_signal(description="Tweede melding over de loods")
    response = staff_client.post(f"/heerenveen/meldingen/{a.pk}/koppelen/", {"other": b.pk})
    assert response.status_code == 302
    a.refresh_from_db()
    b.refresh_from_db()
    assert a.dossier == b.dossier
    html = staff_client.get(f"/heerenveen/dossiers/{a.dossier_id}/").content.decode()
    assert "melding ontvangen" in html and "aan dossier gekoppeld" in html
    assert f"Melding {a.pk}" in html and f"Melding {b.pk}" in html
    assert staff_client.get("/heerenveen/dossiers/").status_code == 200


def test_link_to_unknown_or_foreign_signal_is_refused(staff_client, make_signal, weststellingwerf):
    a, _ = make_signal()
    foreign, _ = make_signal(municipality=weststellingwerf)
    response = staff_client.post(f"/heerenveen/meldingen/{a.pk}/koppelen/", {"other": foreign.pk})
    assert response.status_code == 400
    assert "geen andere melding met dit nummer" in response.content.decode()
    assert Dossier.objects.count() == 0


def test_address_dossier_history_and_queries(make_signal, django_assert_max_num_queries):
    """The first signal about a known address creates the dossier and links both signals; a
    third joins it. Each signal's history: created, then linked; one audit entry per intake."""
    from kompas.core.models import AuditEntry
    from kompas.signals.models import SignalHistory

    a, _ = make_signal(location=Location(postcode="8441AB", number="12"))
    b, _ = make_signal(location=Location(postcode="8441AB", number="12"))
    with django_assert_max_num_queries(7):  # lookup, signal, history, audit (+ transaction)
        c, _ = make_signal(location=Location(postcode="8441AB", number="12"))
    dossier = Dossier.objects.get()
    for s in (a, b, c):
        s.refresh_from_db()
        assert s.dossier == dossier
        kinds = list(SignalHistory.objects.filter(signal=s).values_list("kind", "data"))
        assert kinds == [
            ("created", {"channel": "web", "attachments": 0}),
            ("linked", {"dossier": dossier.pk}),
        ]
    assert AuditEntry.objects.filter(object_type="signals.signal", action="create").count() == 3


def test_public_gemeente_lookup_follows_changes(client, heerenveen):
    from kompas.signals.selectors import municipality_for_public

    assert municipality_for_public("heerenveen").pk == heerenveen.pk
    heerenveen.slug = "heerenveen-nieuw"
    heerenveen.save()
    assert client.get("/heerenveen/meldpunt/").status_code == 404
    assert client.get("/heerenveen-nieuw/meldpunt/").status_code == 200
    assert client.get("/api/v1/meldpunt/onbekend/challenge/").status_code == 404
