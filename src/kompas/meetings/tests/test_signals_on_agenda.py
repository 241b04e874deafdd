# SPDX-License-Identifier: EUPL-1.2
"""Signals on the LIO agenda: "Agenda voorstellen" adds every signal in state geagendeerd;
a partner member reads a signal's content only while it is on the agenda of a meeting of
their series (and up to N days after it was held), and every such read is audited."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.utils import timezone

from kompas.core.models import AuditEntry
from kompas.meetings import services
from kompas.meetings.constants import ItemKind, MeetingStatus
from kompas.meetings.models import Meeting
from kompas.signals import services as signal_services
from kompas.signals.constants import Phenomenon, SignalStatus

from .conftest import at

pytestmark = pytest.mark.django_db

SECRET_TEXT = "Sterke hennepgeur bij de schuur achter nummer 12, ramen afgeplakt."


def make_signal(municipality, advisor, *, status=SignalStatus.SCHEDULED, text=SECRET_TEXT):
    signal = signal_services.signal_create(
        municipality=municipality, phenomenon=Phenomenon.DRUGS_CULTIVATION, description=text
    ).signal
    if status != SignalStatus.NEW:
        signal = signal_services.signal_transition(
            signal=signal, to=SignalStatus.IN_PROGRESS, by=advisor
        )
    if status == SignalStatus.SCHEDULED:
        signal = signal_services.signal_transition(signal=signal, to=status, by=advisor)
    return signal


def test_agenda_proposal_adds_all_scheduled_signals_once(
    login, advisor, heerenveen, weststellingwerf, lio_meeting
):
    first = make_signal(heerenveen, advisor)
    second = make_signal(heerenveen, advisor)
    make_signal(heerenveen, advisor, status=SignalStatus.IN_PROGRESS)  # not geagendeerd
    make_signal(weststellingwerf, advisor)  # another gemeente
    client = login(advisor)
    page = client.get(f"/heerenveen/overleggen/vergaderingen/{lio_meeting.pk}/").content.decode()
    assert "2 geagendeerde meldingen staan nog niet op deze agenda" in page

    client.post(f"/heerenveen/overleggen/vergaderingen/{lio_meeting.pk}/agenda/voorstellen/")
    items = list(lio_meeting.items.order_by("order"))
    assert [i.signal_id for i in items if i.kind == ItemKind.SIGNAL] == [first.pk, second.pk]
    # The proposed signals go before the "Rondvraag", which stays last.
    assert [i.title for i in items] == [
        "Loodsen bedrijventerrein",
        f"Melding {first.pk}: Drugs: teelt (bijvoorbeeld een hennepkwekerij)",
        f"Melding {second.pk}: Drugs: teelt (bijvoorbeeld een hennepkwekerij)",
        "Rondvraag",
    ]
    assert [i.order for i in items] == [1, 2, 3, 4]
    # a second proposal adds nothing
    assert services.agenda_propose(meeting=lio_meeting, by=advisor) == []
    assert lio_meeting.items.count() == 4


def test_agenda_proposal_keeps_items_after_the_rondvraag_last(advisor, heerenveen, lio_meeting):
    services.agenda_item_add_topic(meeting=lio_meeting, title="Sluiting", by=advisor)
    signal = make_signal(heerenveen, advisor)
    [added] = services.agenda_propose(meeting=lio_meeting, by=advisor)
    assert added.order == 2
    titles = list(lio_meeting.items.order_by("order").values_list("title", flat=True))
    assert titles[1:] == [added.title, "Rondvraag", "Sluiting"]
    assert added.signal_id == signal.pk


def test_agenda_proposal_without_rondvraag_appends(advisor, heerenveen, lio):
    meeting = services.meeting_create(series=lio, starts_at=at(5), by=advisor)
    services.agenda_item_add_topic(meeting=meeting, title="Opening", by=advisor)
    make_signal(heerenveen, advisor)
    [added] = services.agenda_propose(meeting=meeting, by=advisor)
    assert added.order == 2


def test_start_page_panel_shows_next_lio_and_proposed_size(login, advisor, heerenveen, lio_meeting):
    make_signal(heerenveen, advisor)
    text = login(advisor).get("/heerenveen/").content.decode()
    assert "Volgende LIO" in text
    assert "2 punten op de agenda" in text
    assert "komt er 1 geagendeerde melding bij (3 in totaal)" in text


def test_agenda_proposal_only_for_lio(advisor, ovo_meeting):
    with pytest.raises(ValidationError, match="alleen bij een LIO"):
        services.agenda_propose(meeting=ovo_meeting, by=advisor)


def test_partner_reads_signal_content_only_while_on_agenda_and_audited(
    login, advisor, police_user, heerenveen, lio_meeting
):
    signal = make_signal(heerenveen, advisor)
    [item] = services.agenda_propose(meeting=lio_meeting, by=advisor)
    client = login(police_user)
    url = f"/heerenveen/overleggen/punten/{item.pk}/"

    page = client.get(url).content.decode()
    assert SECRET_TEXT in page
    audit = AuditEntry.objects.filter(
        username="politie-hv", action="view", object_type="signals.signal", object_id=str(signal.pk)
    )
    assert audit.count() == 1
    assert audit.get().municipality == heerenveen

    # taken off the agenda: the item is gone, so is access
    services.agenda_item_remove(item=item, by=advisor)
    assert client.get(url).status_code == 404
    assert audit.count() == 1


def test_signal_content_closes_n_days_after_the_meeting(
    login, advisor, police_user, heerenveen, lio
):
    signal = make_signal(heerenveen, advisor)
    meeting = services.meeting_create(series=lio, starts_at=at(-1), by=advisor)
    item = services.agenda_item_add_signal(meeting=meeting, signal=signal, by=advisor)
    services.meeting_status_set(meeting=meeting, status=MeetingStatus.HELD, by=advisor)
    client = login(police_user)
    url = f"/heerenveen/overleggen/punten/{item.pk}/"
    with override_settings(MEETINGS_PARTNER_ACCESS_DAYS=14):
        assert SECRET_TEXT in client.get(url).content.decode()
        Meeting.objects.filter(pk=meeting.pk).update(closed_at=timezone.now() - timedelta(days=15))
        page = client.get(url).content.decode()
    assert SECRET_TEXT not in page
    assert "niet meer zichtbaar" in page
    # the item itself (title, minutes) stays visible to the member
    assert item.title in page
    assert (
        AuditEntry.objects.filter(
            username="politie-hv", object_type="signals.signal", action="view"
        ).count()
        == 1
    )


def test_cancelled_meeting_shows_no_signal_content(login, advisor, police_user, heerenveen, lio):
    signal = make_signal(heerenveen, advisor)
    meeting = services.meeting_create(series=lio, starts_at=at(2), by=advisor)
    item = services.agenda_item_add_signal(meeting=meeting, signal=signal, by=advisor)
    services.meeting_status_set(meeting=meeting, status=MeetingStatus.CANCELLED, by=advisor)
    page = login(police_user).get(f"/heerenveen/overleggen/punten/{item.pk}/").content.decode()
    assert SECRET_TEXT not in page


def test_non_member_partner_never_reads_the_signal(
    login, advisor, om_user, heerenveen, lio_meeting
):
    make_signal(heerenveen, advisor)
    [item] = services.agenda_propose(meeting=lio_meeting, by=advisor)
    client = login(om_user)
    assert client.get(f"/heerenveen/overleggen/punten/{item.pk}/").status_code == 404
    assert not AuditEntry.objects.filter(username="om-hv", object_type="signals.signal").exists()


def test_staff_get_a_link_to_the_meldpunt_not_an_unaudited_copy(
    login, advisor, heerenveen, lio_meeting
):
    signal = make_signal(heerenveen, advisor)
    [item] = services.agenda_propose(meeting=lio_meeting, by=advisor)
    page = login(advisor).get(f"/heerenveen/overleggen/punten/{item.pk}/").content.decode()
    assert f'href="/heerenveen/meldingen/{signal.pk}/"' in page
    assert SECRET_TEXT not in page


def test_add_signal_and_dossier_by_hand(login, advisor, heerenveen, weststellingwerf, lio_meeting):
    signal = make_signal(heerenveen, advisor, status=SignalStatus.IN_PROGRESS)
    other = make_signal(weststellingwerf, advisor)
    client = login(advisor)
    url = f"/heerenveen/overleggen/vergaderingen/{lio_meeting.pk}/agenda/melding-of-dossier/"
    edit = client.get(f"/heerenveen/overleggen/vergaderingen/{lio_meeting.pk}/agenda/")
    assert f'<option value="{signal.pk}">' in edit.content.decode()
    assert f'<option value="{other.pk}">' not in edit.content.decode()
    client.post(url, {"signaal": signal.pk})
    assert lio_meeting.items.filter(signal=signal).exists()
    # twice is refused; another gemeente's signal is refused
    response = client.post(url, {"signaal": signal.pk}, follow=True)
    assert "staat al op de agenda" in response.content.decode()
    response = client.post(url, {"signaal": other.pk}, follow=True)
    assert "bestaat niet in deze gemeente" in response.content.decode()
    assert lio_meeting.items.count() == 3


def test_dossier_item_shows_its_signals_without_content(
    login, advisor, police_user, heerenveen, lio_meeting
):
    first = make_signal(heerenveen, advisor)
    second = make_signal(heerenveen, advisor, status=SignalStatus.IN_PROGRESS)
    dossier = signal_services.dossier_link(signal=second, other=first, by=advisor)
    item = services.agenda_item_add_dossier(meeting=lio_meeting, dossier=dossier, by=advisor)
    page = login(police_user).get(f"/heerenveen/overleggen/punten/{item.pk}/").content.decode()
    assert "met 2 meldingen" in page
    assert SECRET_TEXT not in page


def test_api_detail_names_the_signal_but_not_its_content(
    login, advisor, police_user, heerenveen, lio_meeting
):
    signal = make_signal(heerenveen, advisor)
    services.agenda_propose(meeting=lio_meeting, by=advisor)
    data = login(police_user).get(f"/api/v1/meetings/heerenveen/meetings/{lio_meeting.pk}/")
    items = data.json()["items"]
    assert [i["signal"] for i in items if i["signal"]] == [signal.pk]
    assert SECRET_TEXT not in data.content.decode()
