# SPDX-License-Identifier: EUPL-1.2
"""Start page panel "Volgende LIO" and the menu entry "Overleggen"."""

import pytest

pytestmark = pytest.mark.django_db


def test_team_sees_next_lio_date(login, advisor, lio_meeting):
    text = login(advisor).get("/heerenveen/").content.decode()
    assert "Volgende LIO" in text
    assert f'href="/heerenveen/overleggen/vergaderingen/{lio_meeting.pk}/"' in text
    assert '<a href="/heerenveen/overleggen/"' in text


def test_team_without_planned_lio_is_told_so(login, advisor, lio):
    text = login(advisor).get("/heerenveen/").content.decode()
    assert "Er is geen LIO gepland." in text


def test_non_member_does_not_see_the_lio_panel(login, heerenveen, make_member, lio_meeting):
    mayor = make_member(heerenveen, "lezer", username="burgemeester-hv")
    text = login(mayor).get("/heerenveen/").content.decode()
    assert "Volgende LIO" not in text
    assert f"/overleggen/vergaderingen/{lio_meeting.pk}/" not in text
