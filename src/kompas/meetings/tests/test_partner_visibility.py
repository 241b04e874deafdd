# SPDX-License-Identifier: EUPL-1.2
"""Scenario 6: a police member of the LIO sees only the meetings of the LIO series and the
items on their agendas; nothing of other series, and never another gemeente."""

import pytest

from kompas.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_partner_sees_exactly_the_meetings_and_items_of_their_series(
    login, police_user, lio_meeting, ovo_meeting
):
    client = login(police_user)
    overview = client.get("/heerenveen/overleggen/").content.decode()
    assert "LIO Heerenveen" in overview
    assert "OVO Heerenveen" not in overview

    page = client.get(f"/heerenveen/overleggen/vergaderingen/{lio_meeting.pk}/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Loodsen bedrijventerrein" in text and "Rondvraag" in text
    assert "Demonstratie zaterdag" not in text

    # Everything of the OVO is a 404: series, meeting, item.
    assert client.get(f"/heerenveen/overleggen/{ovo_meeting.series_id}/").status_code == 404
    assert client.get(f"/heerenveen/overleggen/vergaderingen/{ovo_meeting.pk}/").status_code == 404
    ovo_item = ovo_meeting.items.get()
    assert client.get(f"/heerenveen/overleggen/punten/{ovo_item.pk}/").status_code == 404


def test_partner_via_api_gets_only_their_series(login, police_user, lio_meeting, ovo_meeting):
    client = login(police_user)
    series = client.get("/api/v1/meetings/heerenveen/series/").json()["results"]
    assert [s["name"] for s in series] == ["LIO Heerenveen"]
    meetings = client.get("/api/v1/meetings/heerenveen/meetings/").json()["results"]
    assert [m["id"] for m in meetings] == [lio_meeting.pk]
    detail = client.get(f"/api/v1/meetings/heerenveen/meetings/{lio_meeting.pk}/").json()
    assert [i["title"] for i in detail["items"]] == ["Loodsen bedrijventerrein", "Rondvraag"]
    assert client.get(f"/api/v1/meetings/heerenveen/meetings/{ovo_meeting.pk}/").status_code == 404


def test_non_member_partner_sees_nothing_of_the_lio(login, om_user, lio_meeting):
    client = login(om_user)
    assert "LIO Heerenveen" not in client.get("/heerenveen/overleggen/").content.decode()
    assert client.get(f"/heerenveen/overleggen/{lio_meeting.series_id}/").status_code == 404
    assert client.get(f"/heerenveen/overleggen/vergaderingen/{lio_meeting.pk}/").status_code == 404
    item = lio_meeting.items.first()
    assert client.get(f"/heerenveen/overleggen/punten/{item.pk}/").status_code == 404
    assert client.get(f"/api/v1/meetings/heerenveen/meetings/{lio_meeting.pk}/").status_code == 404
    assert client.get("/api/v1/meetings/heerenveen/meetings/").json()["results"] == []


def test_personal_membership_gives_access_without_organisation(
    login, heerenveen, make_member, advisor, lio, lio_meeting
):
    from kompas.meetings import services

    mayor = make_member(heerenveen, "lezer", username="burgemeester-hv")
    client = login(mayor)
    assert client.get(f"/heerenveen/overleggen/vergaderingen/{lio_meeting.pk}/").status_code == 404
    services.series_member_add(series=lio, user=mayor, by=advisor)
    assert client.get(f"/heerenveen/overleggen/vergaderingen/{lio_meeting.pk}/").status_code == 200


def test_other_gemeente_staff_get_404_on_pages_and_api(
    login, weststellingwerf, make_member, lio_meeting
):
    client = login(make_member(weststellingwerf, "adviseur", username="adviseur-ws"))
    item = lio_meeting.items.first()
    for path in (
        "/heerenveen/overleggen/",
        f"/heerenveen/overleggen/{lio_meeting.series_id}/",
        f"/heerenveen/overleggen/vergaderingen/{lio_meeting.pk}/",
        f"/heerenveen/overleggen/punten/{item.pk}/",
        "/api/v1/meetings/heerenveen/series/",
        "/api/v1/meetings/heerenveen/meetings/",
        f"/api/v1/meetings/heerenveen/meetings/{lio_meeting.pk}/",
    ):
        assert client.get(path).status_code == 404, path
    # Their own gemeente's list does not show Heerenveen's LIO either.
    assert "LIO Heerenveen" not in client.get("/weststellingwerf/overleggen/").content.decode()
    assert (
        client.get(f"/weststellingwerf/overleggen/vergaderingen/{lio_meeting.pk}/").status_code
        == 404
    )


def test_partner_cannot_edit(login, police_user, lio_meeting):
    client = login(police_user)
    item = lio_meeting.items.first()
    assert (
        client.get(f"/heerenveen/overleggen/vergaderingen/{lio_meeting.pk}/agenda/").status_code
        == 403
    )
    response = client.post(
        f"/heerenveen/overleggen/punten/{item.pk}/",
        {"formulier": "verslag", "minutes": "door partner", "decisions": ""},
    )
    assert response.status_code == 403
    item.refresh_from_db()
    assert item.minutes == ""
    assert client.post(f"/heerenveen/overleggen/punten/{item.pk}/verwijderen/").status_code == 403
    assert lio_meeting.items.count() == 2


def test_every_meeting_and_item_view_is_audited(login, police_user, lio_meeting):
    client = login(police_user)
    item = lio_meeting.items.first()
    client.get(f"/heerenveen/overleggen/vergaderingen/{lio_meeting.pk}/")
    client.get(f"/heerenveen/overleggen/punten/{item.pk}/")
    views = AuditEntry.objects.filter(username="politie-hv", action="view")
    assert set(views.values_list("object_type", "object_id")) == {
        ("meetings.meeting", str(lio_meeting.pk)),
        ("meetings.agendaitem", str(item.pk)),
    }
    assert set(views.values_list("municipality__code", flat=True)) == {"GM0074"}


def test_partner_nav_and_start_page_show_overleggen(login, police_user, lio_meeting):
    client = login(police_user)
    text = client.get("/heerenveen/").content.decode()
    assert "Overleggen" in text
    assert "Volgende LIO" in text
