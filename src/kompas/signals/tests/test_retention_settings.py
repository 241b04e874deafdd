# SPDX-License-Identifier: EUPL-1.2
"""The beheerder keeps the meldpunt's retention terms in the product (issue 17 item 9)."""

import pytest

from kompas.core.models import AuditEntry
from kompas.signals.models import RetentionSettings

pytestmark = pytest.mark.django_db

URL = "/heerenveen/beheer/bewaartermijnen-meldingen/"


def test_the_beheerder_changes_the_terms_with_an_audited_change(client, heerenveen, make_member):
    client.force_login(make_member(heerenveen, "beheerder"))
    page = client.get(URL).content.decode()
    assert 'value="365"' in page  # the defaults are shown
    response = client.post(
        URL, {"contact_days": "180", "delete_years": "3", "delete_years_no_ground": "1"}
    )
    assert response.status_code == 302
    rules = RetentionSettings.objects.get(municipality=heerenveen)
    assert (rules.contact_days, rules.delete_years) == (180, 3)
    entry = AuditEntry.objects.get(note="bewaartermijnen meldingen")
    assert entry.changes["contact_days"] == ["365", "180"]
    assert "Bewaartermijnen meldingen" in client.get("/heerenveen/beheer/").content.decode()


def test_impossible_terms_are_refused_in_dutch(client, heerenveen, make_member):
    client.force_login(make_member(heerenveen, "beheerder"))
    response = client.post(
        URL, {"contact_days": "5", "delete_years": "2", "delete_years_no_ground": "4"}
    )
    body = response.content.decode()
    assert "minstens 30" in body
    response = client.post(
        URL, {"contact_days": "365", "delete_years": "2", "delete_years_no_ground": "4"}
    )
    assert "niet langer bewaard worden dan andere meldingen" in response.content.decode()
    assert not RetentionSettings.objects.filter(municipality=heerenveen, delete_years=2).exists()


def test_only_the_beheerder(client, heerenveen, make_member):
    client.force_login(make_member(heerenveen, "adviseur"))
    assert client.get(URL).status_code == 404
