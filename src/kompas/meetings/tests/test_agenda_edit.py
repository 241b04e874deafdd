# SPDX-License-Identifier: EUPL-1.2
"""The advisor builds an agenda: free topics, reorder, remove after confirmation."""

import pytest

from kompas.core.models import AuditEntry
from kompas.meetings import services
from kompas.meetings.constants import MeetingStatus

from .conftest import at

pytestmark = pytest.mark.django_db


def titles(meeting):
    return list(meeting.items.order_by("order").values_list("title", flat=True))


def test_add_topic_through_the_page(login, advisor, lio_meeting):
    client = login(advisor)
    url = f"/heerenveen/overleggen/vergaderingen/{lio_meeting.pk}/agenda/"
    response = client.post(url, {"title": "Cameratoezicht centrum"})
    assert response.status_code == 302
    assert titles(lio_meeting)[-1] == "Cameratoezicht centrum"
    assert (
        AuditEntry.objects.filter(
            object_type="meetings.agendaitem", action="create", username="adviseur-hv"
        ).count()
        == 3
    )


def test_empty_topic_is_refused_with_the_field_named(login, advisor, lio_meeting):
    client = login(advisor)
    response = client.post(
        f"/heerenveen/overleggen/vergaderingen/{lio_meeting.pk}/agenda/", {"title": " "}
    )
    assert response.status_code == 200
    assert "Dit veld is vereist" in response.content.decode()
    assert len(titles(lio_meeting)) == 2


def test_reorder_moves_an_item_up_and_down(login, advisor, lio_meeting):
    client = login(advisor)
    last = lio_meeting.items.get(title="Rondvraag")
    client.post(f"/heerenveen/overleggen/punten/{last.pk}/verplaatsen/", {"richting": "up"})
    assert titles(lio_meeting) == ["Rondvraag", "Loodsen bedrijventerrein"]
    client.post(f"/heerenveen/overleggen/punten/{last.pk}/verplaatsen/", {"richting": "down"})
    assert titles(lio_meeting) == ["Loodsen bedrijventerrein", "Rondvraag"]
    # moving the last item further down changes nothing
    client.post(f"/heerenveen/overleggen/punten/{last.pk}/verplaatsen/", {"richting": "down"})
    assert titles(lio_meeting) == ["Loodsen bedrijventerrein", "Rondvraag"]


def test_remove_asks_for_confirmation_first(login, advisor, lio_meeting):
    client = login(advisor)
    item = lio_meeting.items.get(title="Loodsen bedrijventerrein")
    url = f"/heerenveen/overleggen/punten/{item.pk}/verwijderen/"
    page = client.get(url)
    assert page.status_code == 200
    assert "Wilt u “Loodsen bedrijventerrein” van de agenda halen?" in page.content.decode()
    assert len(titles(lio_meeting)) == 2
    client.post(url)
    assert titles(lio_meeting) == ["Rondvraag"]
    assert lio_meeting.items.get().order == 1
    assert AuditEntry.objects.filter(
        object_type="meetings.agendaitem", object_id=str(item.pk), action="delete"
    ).exists()


def test_agenda_of_a_held_meeting_is_fixed(login, advisor, lio):
    meeting = services.meeting_create(series=lio, starts_at=at(-1), by=advisor)
    item = services.agenda_item_add_topic(meeting=meeting, title="Punt", by=advisor)
    services.meeting_status_set(meeting=meeting, status=MeetingStatus.HELD, by=advisor)
    client = login(advisor)
    response = client.post(
        f"/heerenveen/overleggen/vergaderingen/{meeting.pk}/agenda/",
        {"title": "Te laat"},
        follow=True,
    )
    assert "de agenda ligt vast" in response.content.decode()
    client.post(f"/heerenveen/overleggen/punten/{item.pk}/verwijderen/")
    assert titles(meeting) == ["Punt"]
    # minutes can still be written after the meeting
    client.post(
        f"/heerenveen/overleggen/punten/{item.pk}/",
        {"formulier": "verslag", "minutes": "Besproken.", "decisions": "Controle."},
    )
    item.refresh_from_db()
    assert (item.minutes, item.decisions) == ("Besproken.", "Controle.")
