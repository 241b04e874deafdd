# SPDX-License-Identifier: EUPL-1.2
"""The verwerkingsregister's term for organisers of demonstrations is the setting the
retention applies: with the clock moved past it, name and contact are erased."""

from datetime import timedelta

import pytest
from django.utils import timezone

from kompas.core import privacy
from kompas.openbareorde import services
from kompas.openbareorde.models import Demonstration

pytestmark = pytest.mark.django_db


def test_organiser_term_in_the_register_is_the_term_the_run_applies(heerenveen, settings):
    settings.DEMONSTRATION_RETENTION_DAYS = 30
    rows = privacy.register_rows(municipality=heerenveen)
    [row] = [r for r in rows if r.field == "organiser_name"]
    assert row.retention.startswith("30 dagen na de datum van de demonstratie")
    assert row.enforced_by == "kompas openbareorde retentie"

    today = timezone.localdate()
    demonstration = services.demonstration_save(
        owner=heerenveen,
        obj=Demonstration(),
        by=None,
        fields={
            "title": "Protest",
            "date": today + timedelta(days=10),
            "place": "Plein",
            "notified_on": today,
            "organiser_name": "Jan Organisator",
            "organiser_contact": "06-12345678",
        },
    )
    on_day = demonstration.date + timedelta(days=30)
    assert services.demonstration_retention_run(dry_run=True, on=on_day) == []
    after = on_day + timedelta(days=1)
    assert services.demonstration_retention_run(dry_run=True, on=after) == [demonstration]
    services.demonstration_retention_run(on=after)
    demonstration.refresh_from_db()
    assert (demonstration.organiser_name, demonstration.organiser_contact) == ("", "")
    assert demonstration.organiser_erased_on == after
