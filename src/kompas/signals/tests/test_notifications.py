# SPDX-License-Identifier: EUPL-1.2
"""Meldpunt notifications by e-mail (issue 17 item 10): the team hears of a new signal and of
a reporter's answer, and each morning of signals past their term — never what they say."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from kompas.core.models import NotificationOptOut
from kompas.signals import services
from kompas.signals.constants import Phenomenon, SignalStatus
from kompas.signals.models import Signal
from kompas.signals.tasks import overdue_notify

pytestmark = pytest.mark.django_db

SECRET = "Hennepgeur bij de loods aan de Industrieweg, elke nacht busjes."


@pytest.fixture
def team(heerenveen, make_member):
    people = {}
    for role, name in (("adviseur", "adviseur"), ("beheerder", "beheerder"), ("lezer", "lezer")):
        user = make_member(heerenveen, role, username=f"{name}-mail")
        user.email = f"{name}@heerenveen.nl"
        user.save()
        people[role] = user
    partner = make_member(heerenveen, "partner", username="politie-mail", partner_code="politie")
    partner.email = "politie@politie.nl"
    partner.save()
    return people


def _report(municipality):
    return services.signal_create(
        municipality=municipality, phenomenon=Phenomenon.DRUGS_CULTIVATION, description=SECRET
    )


def test_the_team_hears_of_a_new_signal_without_its_content(
    heerenveen, team, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        new = _report(heerenveen)
    assert sorted(m.to[0] for m in mail.outbox) == [
        "adviseur@heerenveen.nl",
        "beheerder@heerenveen.nl",
    ]
    message = mail.outbox[0]
    assert "Heerenveen" in message.subject
    assert f"/heerenveen/meldingen/{new.signal.pk}/" in message.body
    for leak in (SECRET, "Hennep", "teelt", new.receipt_code):
        assert leak not in message.body and leak not in message.subject


def test_an_answer_goes_to_the_handler_only(heerenveen, team, django_capture_on_commit_callbacks):
    signal = _report(heerenveen).signal
    adviseur = team["adviseur"]
    services.signal_assign(signal=signal, assignee=adviseur, by=adviseur)
    signal = services.signal_transition(signal=signal, to=SignalStatus.IN_PROGRESS, by=adviseur)
    with django_capture_on_commit_callbacks(execute=True):
        services.signal_reporter_reply(signal=Signal.objects.get(pk=signal.pk), text="Ook overdag.")
    assert [m.to for m in mail.outbox] == [["adviseur@heerenveen.nl"]]
    assert "Ook overdag" not in mail.outbox[0].body


def test_each_morning_the_number_past_the_term(
    heerenveen, weststellingwerf, team, django_capture_on_commit_callbacks
):
    late = [_report(heerenveen).signal for _ in range(3)]
    _report(heerenveen)  # still within its term
    Signal.objects.filter(pk__in=[s.pk for s in late]).update(
        due_at=timezone.now() - timedelta(days=1)
    )
    NotificationOptOut.objects.create(user=team["beheerder"], kind="melding_termijn")
    with django_capture_on_commit_callbacks(execute=True):
        assert overdue_notify() == 1
    (message,) = mail.outbox
    assert message.to == ["adviseur@heerenveen.nl"]
    assert message.subject.startswith("3 meldingen over hun reactietermijn")
    assert "/heerenveen/meldingen/?overdue=on" in message.body
