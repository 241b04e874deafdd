# SPDX-License-Identifier: EUPL-1.2
"""Issue 17 item 1: a report is filed once. POST/redirect/GET with the code shown once on the
thank-you page; the signed form token is single-use; a refused form says that its attachment
must be added again; a reporter's answer shows the new status at once."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import OperationalError

from kompas.signals import receipt_once
from kompas.signals.constants import PUBLIC_STATUS_TEXT, SignalStatus
from kompas.signals.models import Signal
from kompas.signals.services import signal_question_ask

from .conftest import intake_data, png_bytes

pytestmark = pytest.mark.django_db
URL = "/heerenveen/meldpunt/"
RECEIPT_URL = "/heerenveen/meldpunt/verstuurd/"
CODE = re.compile(r"\d{4} \d{4} \d{4} \d{4}")


def test_the_same_form_posted_twice_files_one_signal(client, heerenveen):
    data = intake_data()
    assert client.post(URL, data).status_code == 302
    response = client.post(URL, data)  # a reload of the old POST, or a double click
    assert response.status_code == 409
    html = response.content.decode()
    assert "Deze melding is al verstuurd" in html
    assert "niet nog een keer opgeslagen" in html
    assert not CODE.search(html)
    assert Signal.objects.count() == 1


def test_two_forms_served_in_the_same_second_are_two_reports(client, heerenveen):
    first, second = intake_data(), intake_data()
    assert first["started"] != second["started"]
    assert client.post(URL, first).status_code == 302
    assert client.post(URL, second).status_code == 302
    assert Signal.objects.count() == 2


def test_reloading_the_thank_you_page_shows_no_code_and_files_nothing(client, heerenveen):
    client.post(URL, intake_data())
    first = client.get(RECEIPT_URL)
    assert CODE.search(first.content.decode())
    assert "no-store" in first["Cache-Control"]
    again = client.get(RECEIPT_URL)
    html = again.content.decode()
    assert again.status_code == 200
    assert not CODE.search(html) and "<code>" not in html
    assert "Uw code is al getoond" in html
    assert "één keer laten zien" in html
    assert Signal.objects.count() == 1


def test_the_code_cookie_is_single_use_even_when_sent_again(client, heerenveen):
    response = client.post(URL, intake_data())
    cookie = response.cookies[receipt_once.COOKIE]
    assert cookie["path"] == RECEIPT_URL and cookie["httponly"]
    assert not CODE.search(cookie.value) and not re.search(r"\d{16}", cookie.value)
    assert CODE.search(client.get(RECEIPT_URL).content.decode())
    client.cookies[receipt_once.COOKIE] = cookie.value  # replayed by hand
    assert not CODE.search(client.get(RECEIPT_URL).content.decode())


def test_a_forged_code_cookie_shows_no_code(client, heerenveen):
    client.cookies[receipt_once.COOKIE] = "1234123412341234"
    assert "Uw code is al getoond" in client.get(RECEIPT_URL).content.decode()


def test_a_form_that_was_not_stored_may_be_sent_again(client, heerenveen, monkeypatch):
    from kompas.signals import services

    real = services.signal_create

    def busy_once(**kwargs):
        monkeypatch.setattr(services, "signal_create", real)
        raise OperationalError("database is locked")

    monkeypatch.setattr(services, "signal_create", busy_once)
    data = intake_data()
    assert client.post(URL, data).status_code == 503
    assert client.post(URL, data).status_code == 302
    assert Signal.objects.count() == 1


def test_timing_error_says_the_attachment_must_be_added_again(client, heerenveen, settings):
    settings.KOMPAS_MELDPUNT_MIN_FILL_SECONDS = 60
    upload = SimpleUploadedFile("foto.png", png_bytes(), content_type="image/png")
    response = client.post(URL, {**intake_data(), "attachments": [upload]})
    assert response.status_code == 400
    html = response.content.decode()
    assert "te snel of te laat verstuurd" in html
    assert "Uw bijlage is daardoor niet meegekomen: voeg de bijlage opnieuw toe" in html
    assert "Uw bijlage is niet meegestuurd" in html  # at the field itself
    assert 'href="#id_attachments"' in html  # and linked from the error summary
    assert Signal.objects.count() == 0


def test_timing_error_without_attachment_does_not_mention_one(client, heerenveen, settings):
    settings.KOMPAS_MELDPUNT_MIN_FILL_SECONDS = 60
    html = client.post(URL, intake_data()).content.decode()
    assert "te snel of te laat verstuurd" in html
    assert "bijlage opnieuw" not in html


def test_other_errors_with_an_attachment_ask_to_add_it_again(client, heerenveen):
    upload = SimpleUploadedFile("foto.png", png_bytes(), content_type="image/png")
    response = client.post(URL, {**intake_data(description=""), "attachments": [upload]})
    assert response.status_code == 400
    assert "Uw bijlage is niet meegestuurd" in response.content.decode()


def test_after_answering_the_page_shows_the_new_status(client, make_signal, adviseur_heerenveen):
    signal, code = make_signal()
    signal_question_ask(signal=signal, text="Sinds wanneer?", by=adviseur_heerenveen)
    response = client.post("/heerenveen/meldpunt/opvolgen/", {"code": code})
    assert str(PUBLIC_STATUS_TEXT[SignalStatus.WAITING_FOR_REPORTER]) in response.content.decode()
    access = response.context["reply_form"].initial["access"]
    response = client.post(
        "/heerenveen/meldpunt/opvolgen/", {"access": access, "text": "Sinds januari."}
    )
    assert response.status_code == 200
    status = re.search(r'<dd id="status-tekst">(.*?)</dd>', response.content.decode()).group(1)
    assert status == str(PUBLIC_STATUS_TEXT[SignalStatus.IN_PROGRESS])


def test_the_same_answer_posted_twice_is_kept_once(client, make_signal, adviseur_heerenveen):
    from kompas.signals.models import SignalMessage

    signal, code = make_signal()
    signal_question_ask(signal=signal, text="Sinds wanneer?", by=adviseur_heerenveen)
    response = client.post("/heerenveen/meldpunt/opvolgen/", {"code": code})
    data = {"access": response.context["reply_form"].initial["access"], "text": "Sinds mei."}
    assert client.post("/heerenveen/meldpunt/opvolgen/", data).status_code == 200
    again = client.post("/heerenveen/meldpunt/opvolgen/", data)  # a reload after sending
    assert again.status_code == 200
    assert "Uw bericht was al verstuurd" in again.content.decode()
    assert SignalMessage.objects.filter(signal=signal, direction="van_melder").count() == 1
    # the page it shows carries a fresh token: a next answer goes through
    fresh = {"access": again.context["reply_form"].initial["access"], "text": "En juni."}
    client.post("/heerenveen/meldpunt/opvolgen/", fresh)
    assert SignalMessage.objects.filter(signal=signal, direction="van_melder").count() == 2
