# SPDX-License-Identifier: EUPL-1.2
"""The agenda (PDF + .ics) and minutes (PDF) by e-mail to a meeting's members (issue 17 item
10): through the task queue, only to members who want it, without signal content."""

import pytest
from django.core import mail

from kompas.core.models import AuditEntry, NotificationOptOut
from kompas.core.tests.pdfcheck import pdf_ua_problems
from kompas.meetings import services
from kompas.meetings.constants import MeetingStatus
from kompas.reporting.tests.pdftext import pdf_text

from .conftest import at
from .test_signals_on_agenda import SECRET_TEXT, make_signal

pytestmark = pytest.mark.django_db


@pytest.fixture
def members(advisor, police_user, om_user):
    for user, email in (
        (advisor, "adviseur@heerenveen.nl"),
        (police_user, "wijkagent@politie.nl"),
        (om_user, "officier@om.nl"),  # OM is no member of the LIO
    ):
        user.email = email
        user.save()
    return advisor, police_user, om_user


def _send(client, meeting, what, capture):
    with capture(execute=True):
        return client.post(
            f"/heerenveen/overleggen/vergaderingen/{meeting.pk}/versturen/", {"what": what}
        )


def test_the_agenda_goes_to_the_members_with_pdf_and_invitation(
    login, advisor, heerenveen, lio_meeting, members, django_capture_on_commit_callbacks
):
    services.agenda_item_add_signal(
        meeting=lio_meeting, signal=make_signal(heerenveen, advisor), by=advisor
    )
    response = _send(login(advisor), lio_meeting, "agenda", django_capture_on_commit_callbacks)
    assert response.status_code == 302

    assert sorted(m.to[0] for m in mail.outbox) == [
        "adviseur@heerenveen.nl",
        "wijkagent@politie.nl",
    ]
    message = mail.outbox[0]
    assert "Agenda LIO Heerenveen" in message.subject
    assert SECRET_TEXT not in message.body
    (pdf_name, pdf, pdf_type), (ics_name, ics, ics_type) = message.attachments
    assert pdf_type == "application/pdf" and ics_type == "text/calendar"
    text = pdf_text(pdf)
    assert "Loodsen bedrijventerrein" in text and "Rondvraag" in text
    assert "hennepgeur" not in text  # a signal shows its title only
    assert pdf_ua_problems(pdf) == []
    ics_text = ics if isinstance(ics, str) else ics.decode()  # text/* arrives as text
    assert "BEGIN:VEVENT" in ics_text and "LOCATION:Raadhuis" in ics_text
    assert f"UID:overleg-{lio_meeting.pk}@testserver" in ics_text
    assert all(len(line.encode()) <= 75 for line in ics_text.split("\r\n"))
    assert AuditEntry.objects.filter(action="export", object_type="meetings.meeting").exists()


def test_a_member_who_switched_it_off_gets_nothing(
    login, advisor, lio_meeting, members, police_user, django_capture_on_commit_callbacks
):
    NotificationOptOut.objects.create(user=police_user, kind="overleg_stukken")
    _send(login(advisor), lio_meeting, "agenda", django_capture_on_commit_callbacks)
    assert [m.to for m in mail.outbox] == [["adviseur@heerenveen.nl"]]


def test_minutes_only_after_the_meeting_and_never_a_signals_minutes(
    login, advisor, heerenveen, lio, members, django_capture_on_commit_callbacks
):
    lio_meeting = services.meeting_create(series=lio, starts_at=at(-1), by=advisor)
    services.agenda_item_add_topic(
        meeting=lio_meeting, title="Loodsen bedrijventerrein", by=advisor
    )
    client = login(advisor)
    response = client.get(f"/heerenveen/overleggen/vergaderingen/{lio_meeting.pk}/")
    assert "Agenda mailen aan de deelnemers" in response.content.decode()
    refused = _send(client, lio_meeting, "verslag", django_capture_on_commit_callbacks)
    assert refused.status_code == 302 and mail.outbox == []

    signal_item = services.agenda_item_add_signal(
        meeting=lio_meeting, signal=make_signal(heerenveen, advisor), by=advisor
    )
    topic = lio_meeting.items.get(title="Loodsen bedrijventerrein")
    for item, minutes in (
        (topic, "Controle gepland in maart."),
        (signal_item, "Pand in beeld bij politie."),
    ):
        item.minutes = minutes
        item.save()
    services.meeting_status_set(meeting=lio_meeting, status=MeetingStatus.HELD, by=advisor)
    _send(client, lio_meeting, "verslag", django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 2
    ((_name, pdf, _type),) = mail.outbox[0].attachments
    text = pdf_text(pdf)
    assert "Controle gepland in maart." in text
    assert "Pand in beeld" not in text
    assert "staat in Veiligheidskompas" in text


def test_a_partner_cannot_send_the_agenda(login, police_user, lio_meeting, members):
    response = login(police_user).post(
        f"/heerenveen/overleggen/vergaderingen/{lio_meeting.pk}/versturen/", {"what": "agenda"}
    )
    assert response.status_code in (403, 404)
    assert mail.outbox == []
