# SPDX-License-Identifier: EUPL-1.2
"""Berichten per e-mail: each person chooses which kinds they get (issue 17 item 10)."""

import pytest

from kompas.core import notifications
from kompas.core.models import AuditEntry, NotificationOptOut
from kompas.core.services.notifications import recipients

pytestmark = pytest.mark.django_db


def test_a_person_switches_a_kind_off_and_on(client, heerenveen, make_member):
    user = make_member(heerenveen, "adviseur", username="adviseur-mail")
    user.email = "adviseur@heerenveen.nl"
    user.save()
    client.force_login(user)
    page = client.get("/instellingen/berichten-per-e-mail/").content.decode()
    assert "Wekelijkse herinnering aan uw acties" in page
    assert "Agenda en verslag van de overleggen" in page
    assert "adviseur@heerenveen.nl" in page

    offered = [k.code for k in notifications.kinds_for_roles(["adviseur"])]
    keep = {code: "on" for code in offered if code != "actie_herinnering"}
    response = client.post("/instellingen/berichten-per-e-mail/", keep)
    assert response.status_code == 302
    assert set(NotificationOptOut.objects.filter(user=user).values_list("kind", flat=True)) == {
        "actie_herinnering"
    }
    assert recipients(kind="actie_herinnering", users=[user]) == []
    assert recipients(kind="overleg_stukken", users=[user]) == [user]
    assert AuditEntry.objects.filter(object_type="auth.user", action="update").exists()

    client.post("/instellingen/berichten-per-e-mail/", {code: "on" for code in offered})
    assert recipients(kind="actie_herinnering", users=[user]) == [user]


def test_a_partner_is_offered_only_the_kinds_of_its_role(client, heerenveen, make_member):
    partner = make_member(heerenveen, "partner", username="politie-mail", partner_code="politie")
    client.force_login(partner)
    page = client.get("/instellingen/berichten-per-e-mail/").content.decode()
    assert "Agenda en verslag van de overleggen" in page
    assert "herinnering aan uw acties" not in page


def test_an_unknown_kind_is_an_error_not_silence(heerenveen, make_member):
    with pytest.raises(KeyError):
        recipients(kind="bestaat-niet", users=[make_member(heerenveen, "adviseur")])
