# SPDX-License-Identifier: EUPL-1.2
"""The signal page names the meetings a signal is on and links to them, through the hook
`kompas.core.hooks.signal_references` that meetings registers: only meetings the user may see."""

from datetime import datetime

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import timezone

from kompas.core import hooks
from kompas.meetings import services
from kompas.meetings.constants import MeetingStatus
from kompas.signals.constants import SignalStatus

from .conftest import at
from .test_signals_on_agenda import make_signal

pytestmark = pytest.mark.django_db


def _lio_on(lio, advisor, year, month, day):
    starts = datetime(year, month, day, 10, tzinfo=timezone.get_current_timezone())
    return services.meeting_create(series=lio, starts_at=starts, by=advisor)


def _refs(signal, user):
    return [ref for refs in hooks.signal_references(signal=signal, user=user) for ref in refs]


def test_scheduled_signal_names_the_meeting_it_is_on(advisor, heerenveen, lio):
    meeting = _lio_on(lio, advisor, 2031, 3, 12)
    signal = make_signal(heerenveen, advisor)
    services.agenda_propose(meeting=meeting, by=advisor)
    assert _refs(signal, advisor) == [
        {
            "label": "Geagendeerd voor LIO Heerenveen van 12 maart 2031",
            "url": f"/heerenveen/overleggen/vergaderingen/{meeting.pk}/",
        }
    ]


def test_scheduled_signal_not_yet_on_an_agenda_names_the_next_lio(advisor, heerenveen, lio):
    meeting = _lio_on(lio, advisor, 2031, 3, 12)
    signal = make_signal(heerenveen, advisor)
    assert _refs(signal, advisor) == [
        {
            "label": "Geagendeerd voor LIO Heerenveen van 12 maart 2031 (nog niet op de agenda)",
            "url": f"/heerenveen/overleggen/vergaderingen/{meeting.pk}/",
        }
    ]


def test_held_meeting_reads_besproken(advisor, heerenveen, lio):
    meeting = services.meeting_create(series=lio, starts_at=at(-1), by=advisor)
    signal = make_signal(heerenveen, advisor, status=SignalStatus.IN_PROGRESS)
    services.agenda_item_add_signal(meeting=meeting, signal=signal, by=advisor)
    services.meeting_status_set(meeting=meeting, status=MeetingStatus.HELD, by=advisor)
    [ref] = _refs(signal, advisor)
    assert ref["label"].startswith("Besproken in LIO Heerenveen van ")


def test_only_meetings_the_user_may_see(
    advisor, heerenveen, weststellingwerf, lio, om_user, make_member
):
    meeting = _lio_on(lio, advisor, 2031, 3, 12)
    signal = make_signal(heerenveen, advisor)
    services.agenda_propose(meeting=meeting, by=advisor)
    assert _refs(signal, om_user) == []  # OM is not in the LIO
    other = make_member(weststellingwerf, "adviseur")
    assert _refs(signal, other) == []  # no role in Heerenveen


def test_signal_page_template_renders_the_references(advisor, heerenveen, lio):
    meeting = _lio_on(lio, advisor, 2031, 3, 12)
    signal = make_signal(heerenveen, advisor)
    services.agenda_propose(meeting=meeting, by=advisor)
    request = RequestFactory().get("/")
    request.user = advisor
    html = render_to_string(
        "signals/signal_detail.html",
        {
            "municipality": heerenveen,
            "signal": signal,
            "references": hooks.signal_references(signal=signal, user=advisor),
        },
        request=request,
    )
    assert (
        f'<a href="/heerenveen/overleggen/vergaderingen/{meeting.pk}/">'
        "Geagendeerd voor LIO Heerenveen van 12 maart 2031</a>"
    ) in html


def test_signal_page_names_the_meeting(client, advisor, heerenveen, lio):
    meeting = _lio_on(lio, advisor, 2031, 3, 12)
    signal = make_signal(heerenveen, advisor)
    services.agenda_propose(meeting=meeting, by=advisor)
    client.force_login(advisor)
    page = client.get(f"/heerenveen/meldingen/{signal.pk}/").content.decode()
    assert "Geagendeerd voor LIO Heerenveen van 12 maart 2031" in page
    assert f'href="/heerenveen/overleggen/vergaderingen/{meeting.pk}/"' in page
