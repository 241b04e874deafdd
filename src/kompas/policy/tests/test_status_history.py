# SPDX-License-Identifier: EUPL-1.2
"""Every status change of a plan action leaves a dated trace (date, from, to, by whom, how),
shown on the action page as "Statusgeschiedenis"."""

from datetime import date

import pytest

pytestmark = pytest.mark.django_db


def test_status_changes_are_recorded_with_date_and_user_and_shown(client, ivp, make_member):
    from kompas.policy.services import action_create, action_edit

    action = action_create(
        plan=ivp,
        priority=ivp.priorities.order_by("number").first(),
        execution_plan=ivp.execution_plans.first(),
        title="Statusproef",
        status="lopend",
    )
    old, new = "lopend", "vertraagd"
    user = make_member(ivp.municipality, "adviseur", username="adviseur-status")
    user.first_name, user.last_name = "Anna", "Jansen"
    user.save()
    client.force_login(user)
    url = f"/heerenveen/beleid/acties/{action.pk}/"

    response = client.post(url, {"date": "2026-03-02", "text": "Wacht op partner.", "status": new})
    assert response.status_code == 302
    change = action.status_changes.get(new_status=new)
    assert (change.old_status, change.date, change.by) == (old, date(2026, 3, 2), user)
    # the same status again is no change
    client.post(url, {"date": "2026-03-09", "text": "Nog steeds.", "status": new})
    assert action.status_changes.filter(new_status=new).count() == 1
    # an edit of the action records its status change too, dated the day of the edit
    action.refresh_from_db()
    action_edit(action=action, status="gereed", by=user)
    assert action.status_changes.filter(old_status=new, new_status="gereed", by=user).exists()

    html = client.get(url).content.decode()
    history = html.split("<h2>Statusgeschiedenis</h2>")[1].split("</table>")[0]
    assert "2 maart 2026" in history and "Anna Jansen" in history
    assert "gereed" in history and "voortgang" in history and "actie bewerkt" in history
