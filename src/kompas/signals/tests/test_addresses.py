# SPDX-License-Identifier: EUPL-1.2
"""Addresses on the meldpunt: postcode + huisnummer resolved to street, woonplaats and CBS
buurt through the PDOK Locatieserver (recorded answers, never the network) or the gemeente's
own list; an address in another gemeente gets a question, not a refusal; counts per buurt."""

import io
import json
import logging
from datetime import timedelta
from urllib.error import URLError

import pytest
from django.utils import timezone

from kompas.signals import addresses, crypto
from kompas.signals.models import Address, Signal

from .conftest import intake_data

pytestmark = pytest.mark.django_db
URL = "/heerenveen/meldpunt/"


def _location(signal) -> dict:
    return json.loads(crypto.decrypt(signal.location_enc))


def test_recorded_pdok_answer_gives_street_woonplaats_and_buurt(client, heerenveen, pdok, caplog):
    caplog.set_level(logging.DEBUG)
    response = client.post(URL, intake_data(postcode="8441 es", number="2"))
    assert response.status_code == 302
    signal = Signal.objects.get()
    assert signal.buurt_code == "BU00740101"
    location = _location(signal)
    assert location["street"] == "Dracht" and location["town"] == "Heerenveen"
    assert location["other_municipality"] == ""
    # The query PDOK got, in the documented form.
    assert pdok[0]["q"] == ["postcode:8441ES and huisnummer:2"]
    assert pdok[0]["fq"] == ["type:adres"]
    assert "buurtcode" in pdok[0]["fl"][0] and "gemeentecode" in pdok[0]["fl"][0]
    # The street is only in the encrypted location; nothing logged the address.
    assert "Dracht" not in signal.location_enc
    assert not any("8441" in r.getMessage() or "Dracht" in r.getMessage() for r in caplog.records)


def test_the_huisletter_picks_its_own_document(client, heerenveen, pdok):
    client.post(URL, intake_data(postcode="8441ES", number="2", addition="a"))
    assert Signal.objects.get().buurt_code == "BU00740102"


def test_address_in_another_gemeente_asks_then_files_on_confirmation(client, heerenveen, pdok):
    data = intake_data(postcode="8911 AC", number="7")
    response = client.post(URL, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert (
        "Dit adres (Stationsweg 7, Leeuwarden) ligt in gemeente Leeuwarden, niet in gemeente "
        "Heerenveen. Klopt het adres? Verstuur opnieuw om het toch te melden."
    ) in html
    assert 'name="address_confirmed" value="8911AC|7|"' in html
    assert 'value="8911 AC"' in html  # the form keeps what was filled in
    assert not Signal.objects.exists()

    # Confirming another address than the one asked about asks again.
    assert client.post(URL, {**data, "address_confirmed": "8911AC|8|"}).status_code == 200
    assert not Signal.objects.exists()

    response = client.post(URL, {**data, "address_confirmed": "8911AC|7|"})
    assert response.status_code == 302
    signal = Signal.objects.get()
    assert signal.buurt_code == ""  # another gemeente's buurt is not counted here
    location = _location(signal)
    assert location["street"] == "Stationsweg" and location["other_municipality"] == "Leeuwarden"


def test_gemeente_list_is_used_when_pdok_is_off(client, heerenveen, settings, monkeypatch):
    settings.KOMPAS_PDOK_ENABLED = False

    def no_network(*args, **kwargs):
        raise AssertionError("PDOK asked while switched off")

    monkeypatch.setattr(addresses, "urlopen", no_network)
    Address.objects.create(
        municipality=heerenveen,
        postcode="8441AB",
        number=12,
        street="Burgemeester Kuperusplein",
        town="Heerenveen",
        buurt_code="BU00740103",
    )
    assert client.post(URL, intake_data(postcode="8441 AB", number="12")).status_code == 302
    signal = Signal.objects.get()
    assert signal.buurt_code == "BU00740103"
    assert _location(signal)["street"] == "Burgemeester Kuperusplein"


def test_gemeente_list_is_used_when_pdok_cannot_be_reached(
    client, heerenveen, settings, monkeypatch, caplog
):
    settings.KOMPAS_PDOK_ENABLED = True

    def down(request, timeout):
        raise URLError("timed out")

    monkeypatch.setattr(addresses, "urlopen", down)
    Address.objects.create(
        municipality=heerenveen,
        postcode="8441AB",
        number=12,
        addition="",
        street="Burgemeester Kuperusplein",
        town="Heerenveen",
        buurt_code="BU00740103",
    )
    caplog.set_level(logging.DEBUG)
    client.post(URL, intake_data(postcode="8441AB", number="12", addition="B"))
    assert Signal.objects.get().buurt_code == "BU00740103"  # same number, other letter
    messages = " ".join(r.getMessage() for r in caplog.records)
    assert "PDOK" in messages and "8441" not in messages and "api.pdok.nl" not in messages


def test_unknown_address_is_filed_as_entered(client, heerenveen, pdok):
    assert client.post(URL, intake_data(postcode="8442 ZZ", number="99")).status_code == 302
    signal = Signal.objects.get()
    assert signal.buurt_code == ""
    location = _location(signal)
    assert location["postcode"] == "8442ZZ" and location["street"] == ""


def test_counts_per_buurt_for_the_chosen_period(client, heerenveen, make_member, make_signal):
    from kompas.signals.services import Location

    now = timezone.now()
    make_signal(buurt_code="BU00740101", location=Location(postcode="8441ES", number="2"))
    make_signal(buurt_code="BU00740101")
    make_signal(buurt_code="BU00740102")
    make_signal()  # no address
    make_signal(buurt_code="BU00740102", received_at=now - timedelta(days=400))
    client.force_login(make_member(heerenveen, "lezer"))
    response = client.get("/heerenveen/meldingen/")
    html = response.content.decode()
    assert "Per buurt" in html
    assert '<td>Centrum</td><td>BU00740101</td><td class="num">2</td>' in html
    assert '<td>Midden</td><td>BU00740102</td><td class="num">1</td>' in html
    assert response.context["per_buurt"]["unknown"] == 1
    assert response.context["per_buurt"]["total"] == 4

    start = (now - timedelta(days=420)).date().isoformat()
    response = client.get("/heerenveen/meldingen/aantallen/", {"start": start})
    assert '<td>Midden</td><td>BU00740102</td><td class="num">2</td>' in response.content.decode()


def test_adviseur_reaches_the_counts_page_from_the_list(staff_client, heerenveen):
    html = staff_client.get("/heerenveen/meldingen/").content.decode()
    assert 'href="/heerenveen/meldingen/aantallen/"' in html
    response = staff_client.get("/heerenveen/meldingen/aantallen/")
    assert response.status_code == 200 and "Meldingen per CBS-buurt" in response.content.decode()


def test_deleted_signals_still_count_in_their_buurt(make_signal, adviseur_heerenveen, heerenveen):
    from django.core.management import call_command

    from kompas.signals.selectors import signal_counts_per_buurt
    from kompas.signals.services import signal_transition

    signal, _code = make_signal(buurt_code="BU00740101")
    signal_transition(signal=signal, to="afgesloten", by=adviseur_heerenveen, outcome="geen_grond")
    Signal.objects.filter(pk=signal.pk).update(closed_at=timezone.now() - timedelta(days=400))
    call_command("retention", "run", stdout=io.StringIO())
    assert not Signal.objects.exists()
    today = timezone.localdate()
    counts = signal_counts_per_buurt(municipality=heerenveen, start=today, end=today)
    assert counts["rows"] == [{"code": "BU00740101", "name": "Centrum", "count": 1}]


def test_demo_signals_get_their_buurt_from_the_demo_address_list(heerenveen):
    from kompas.signals.demo import load_demo

    load_demo()
    assert Address.objects.filter(municipality=heerenveen).count() == 3
    assert Signal.objects.filter(buurt_code="BU00740101").count() == 2
    located = Signal.objects.filter(buurt_code="BU00740101").first()
    assert _location(located)["street"] == "Demostraat"


def test_api_reports_get_their_address_resolved_too(client, heerenveen, pdok):
    from .test_intake import _api_payload

    data = _api_payload(client, postcode="8441ES", number="2")
    response = client.post(
        "/api/v1/meldpunt/heerenveen/signals/", data, content_type="application/json"
    )
    assert response.status_code == 201, response.content
    signal = Signal.objects.get()
    assert signal.buurt_code == "BU00740101" and _location(signal)["town"] == "Heerenveen"


def test_staff_see_street_woonplaats_and_buurt_on_the_signal(staff_client, make_signal):
    from kompas.signals.services import Location

    signal, _code = make_signal(
        buurt_code="BU00740101",
        location=Location(postcode="8441ES", number="2", street="Dracht", town="Heerenveen"),
    )
    html = staff_client.get(f"/heerenveen/meldingen/{signal.pk}/").content.decode()
    assert "Dracht 2, 8441ES Heerenveen" in html
    assert "buurt Centrum (BU00740101)" in html
