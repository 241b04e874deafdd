# SPDX-License-Identifier: EUPL-1.2
"""The fields of an action are defined once (constants.ACTION_EDITABLE_FIELDS) and the form,
the API and the service agree on them; the rule "due after start" lives in the service and is
still reported on the field, in the API as on the page."""

from kompas.policy import services
from kompas.policy.api.serializers import ActionInputSerializer, ActionSerializer
from kompas.policy.constants import (
    ACTION_API_FIELDS,
    ACTION_EDITABLE_FIELDS,
    ACTION_FILE_FIELDS,
)
from kompas.policy.forms import ActionForm


def test_form_api_and_service_use_the_one_field_list():
    assert ActionForm.Meta.fields == list(ACTION_EDITABLE_FIELDS)
    assert set(ActionInputSerializer._declared_fields) == set(ACTION_API_FIELDS)
    assert set(ACTION_EDITABLE_FIELDS) <= set(ActionSerializer.Meta.fields)
    assert services.ACTION_EDITABLE == ACTION_EDITABLE_FIELDS
    assert services.ACTION_FIELDS == ACTION_FILE_FIELDS
    assert ACTION_FILE_FIELDS == (
        "key",
        "priority",
        "execution_plan",
        "title",
        "description",
        "owner",
        "partners",
        "start",
        "due",
        "status",
    )


def test_api_reports_due_before_start_on_the_field(client, adviseur_heerenveen, seed_plans):
    client.force_login(adviseur_heerenveen)
    response = client.post(
        "/api/v1/plans/GM0074/actions/",
        {
            "priority": 1,
            "execution_plan": "2025-2026",
            "title": "Omgekeerde planning",
            "start": "2025-06-01",
            "due": "2025-01-01",
        },
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "De einddatum ligt vóór de startdatum." in response.json()["errors"]["due"]
