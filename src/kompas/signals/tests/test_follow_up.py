# SPDX-License-Identifier: EUPL-1.2
"""Anonymous follow-up with the receipt code: status in plain words, questions, answers;
wrong codes are rate-limited and codes expire after a period without use."""

from datetime import timedelta

import pytest
from django.utils import timezone

from kompas.signals.models import Signal, SignalMessage
from kompas.signals.services import signal_question_ask

pytestmark = pytest.mark.django_db
URL = "/heerenveen/meldpunt/opvolgen/"


def test_reporter_reads_question_and_answers(client, make_signal, adviseur_heerenveen):
    signal, code = make_signal()
    signal_question_ask(signal=signal, text="Sinds wanneer ruikt u het?", by=adviseur_heerenveen)
    grouped = " ".join(code[i : i + 4] for i in range(0, 16, 4))
    response = client.post(URL, {"code": grouped})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Wij hebben een vraag aan u" in html
    assert "Sinds wanneer ruikt u het?" in html
    assert "adviseur" not in html  # no staff names for the reporter
    access = response.context["reply_form"].initial["access"]
    response = client.post(URL, {"access": access, "text": "Sinds januari, vooral 's nachts."})
    assert response.status_code == 200
    assert "Sinds januari" in response.content.decode()
    signal.refresh_from_db()
    assert signal.status == "in_behandeling"
    assert SignalMessage.objects.filter(signal=signal, direction="van_melder").count() == 1


def test_reply_with_forged_access_is_refused(client, make_signal):
    make_signal()
    response = client.post(URL, {"access": "vervalst", "text": "hallo"})
    assert response.status_code == 403
    assert SignalMessage.objects.count() == 0


def test_wrong_codes_are_refused_and_rate_limited(client, make_signal, settings):
    settings.KOMPAS_MELDPUNT_CODE_FAILURES_PER_HOUR = 3
    signal, code = make_signal()
    for _i in range(3):
        response = client.post(URL, {"code": "1234 5678 9012 3456"})
        assert response.status_code == 400
        assert "Deze code kennen we niet" in response.content.decode()
    response = client.post(URL, {"code": code})  # even the right code waits now
    assert response.status_code == 429
    assert "Probeer het over een uur opnieuw" in response.content.decode()


def test_code_of_another_gemeente_does_not_work(client, make_signal, weststellingwerf):
    _signal, code = make_signal(municipality=weststellingwerf)
    assert client.post(URL, {"code": code}).status_code == 400


def test_code_expires_after_period_without_use(client, make_signal, settings):
    settings.KOMPAS_MELDPUNT_CODE_EXPIRY_DAYS = 90
    signal, code = make_signal()
    Signal.objects.filter(pk=signal.pk).update(
        code_last_used_at=timezone.now() - timedelta(days=89)
    )
    assert client.post(URL, {"code": code}).status_code == 200  # use renews the period
    Signal.objects.filter(pk=signal.pk).update(
        code_last_used_at=timezone.now() - timedelta(days=91)
    )
    response = client.post(URL, {"code": code})
    assert response.status_code == 400
    assert "verlopen" in response.content.decode()


def test_empty_and_over_long_answers_are_refused(client, make_signal):
    _signal, code = make_signal()
    response = client.post(URL, {"code": code})
    access = response.context["reply_form"].initial["access"]
    assert client.post(URL, {"access": access, "text": ""}).status_code == 400
    response = client.post(URL, {"access": access, "text": "x" * 3001})
    assert response.status_code == 400
    assert "te lang" in response.content.decode()
    assert SignalMessage.objects.count() == 0


def test_a_busy_database_keeps_the_answer_on_screen(client, make_signal, monkeypatch):
    """SQLite busy past its timeout while the reporter answers: 503, their answer is still in
    the form and nothing is stored; opening with the code says the same, not a 500."""
    from django.db import OperationalError

    from kompas.signals import services

    signal, code = make_signal()
    access = client.post(URL, {"code": code}).context["reply_form"].initial["access"]

    def locked(**kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr(services, "signal_reporter_reply", locked)
    response = client.post(URL, {"access": access, "text": "Vooral op dinsdagavond."})
    assert response.status_code == 503
    html = response.content.decode()
    assert "er is niets opgeslagen" in html and "Vooral op dinsdagavond." in html
    assert SignalMessage.objects.count() == 0

    monkeypatch.setattr(services, "signal_follow_up_open", locked)
    response = client.post(URL, {"code": code})
    assert response.status_code == 503 and "er is niets opgeslagen" in response.content.decode()
