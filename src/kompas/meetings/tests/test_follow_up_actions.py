# SPDX-License-Identifier: EUPL-1.2
"""Follow-up actions: an owner who takes part in the overleg, a due date, a status; "mijn
acties uit overleggen" for the owner, including actions of their organisation."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from kompas.core.models import PartnerOrganisation
from kompas.meetings import services
from kompas.meetings.constants import ActionStatus

pytestmark = pytest.mark.django_db


def test_advisor_adds_action_for_the_police(login, advisor, police_user, lio_meeting):
    item = lio_meeting.items.first()
    police = PartnerOrganisation.objects.get(code="politie")
    client = login(advisor)
    response = client.post(
        f"/heerenveen/overleggen/punten/{item.pk}/",
        {
            "formulier": "actie",
            "description": "Pand bezoeken",
            "owner": f"partner:{police.pk}",
            "due_date": (timezone.localdate() + timedelta(days=14)).isoformat(),
        },
    )
    assert response.status_code == 302
    action = item.actions.get()
    assert action.owner_partner == police and action.status == ActionStatus.OPEN


def test_owner_outside_the_overleg_is_refused(advisor, om_user, lio_meeting):
    item = lio_meeting.items.first()
    with pytest.raises(ValidationError, match="neemt niet deel"):
        services.action_create(
            item=item,
            description="x",
            due_date=timezone.localdate(),
            owner_partner=PartnerOrganisation.objects.get(code="om"),
            by=advisor,
        )
    with pytest.raises(ValidationError, match="neemt niet deel"):
        services.action_create(
            item=item,
            description="x",
            due_date=timezone.localdate(),
            owner_user=om_user,
            by=advisor,
        )


def test_my_actions_lists_own_and_organisation_actions(login, advisor, police_user, lio_meeting):
    item = lio_meeting.items.first()
    police = PartnerOrganisation.objects.get(code="politie")
    services.action_create(
        item=item,
        description="Pand bezoeken",
        due_date=timezone.localdate() - timedelta(days=1),
        owner_partner=police,
        by=advisor,
    )
    services.action_create(
        item=item,
        description="Kadaster raadplegen",
        due_date=timezone.localdate(),
        owner_user=advisor,
        by=advisor,
    )
    text = login(police_user).get("/heerenveen/overleggen/mijn-acties/").content.decode()
    assert "Pand bezoeken" in text and "te laat" in text
    assert "Kadaster raadplegen" not in text


def test_owner_partner_marks_action_done_but_not_others(login, advisor, police_user, lio_meeting):
    item = lio_meeting.items.first()
    mine = services.action_create(
        item=item,
        description="Pand bezoeken",
        due_date=timezone.localdate(),
        owner_partner=PartnerOrganisation.objects.get(code="politie"),
        by=advisor,
    )
    theirs = services.action_create(
        item=item,
        description="Kadaster raadplegen",
        due_date=timezone.localdate(),
        owner_user=advisor,
        by=advisor,
    )
    client = login(police_user)
    client.post(f"/heerenveen/overleggen/acties/{mine.pk}/status/", {"status": "gereed"})
    mine.refresh_from_db()
    assert mine.status == ActionStatus.DONE and mine.completed_at is not None
    response = client.post(
        f"/heerenveen/overleggen/acties/{theirs.pk}/status/", {"status": "gereed"}
    )
    assert response.status_code == 403
    theirs.refresh_from_db()
    assert theirs.status == ActionStatus.OPEN
