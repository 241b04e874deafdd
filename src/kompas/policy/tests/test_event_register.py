# SPDX-License-Identifier: EUPL-1.2
"""event_register, the service other apps call: exactly one owner, idempotent per source,
audited."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from kompas.core.models import AuditEntry, Partnership
from kompas.policy.constants import EventKind
from kompas.policy.models import Event
from kompas.policy.planfile import schema
from kompas.policy.services import event_register


def test_same_source_twice_is_one_event(heerenveen):
    first = event_register(
        kind="lio_overleg",
        date=date(2025, 5, 1),
        title="LIO mei",
        municipality=heerenveen,
        source_type="meetings.meeting",
        source_id="17",
    )
    again = event_register(
        kind="lio_overleg",
        date=date(2025, 5, 2),
        title="LIO mei (verzet)",
        municipality=heerenveen,
        source_type="meetings.meeting",
        source_id="17",
    )
    assert again.pk == first.pk
    assert Event.objects.count() == 1
    assert (again.date, again.title) == (date(2025, 5, 2), "LIO mei (verzet)")
    assert AuditEntry.objects.filter(object_type="policy.event", action="create").count() == 1


def test_exactly_one_of_gemeente_or_partnership(heerenveen):
    zof = Partnership.objects.get(code="zuidoost-friesland")
    with pytest.raises(ValidationError):
        event_register(kind="ondermijningsdag", date=date(2025, 1, 1), title="x")
    with pytest.raises(ValidationError):
        event_register(
            kind="ondermijningsdag",
            date=date(2025, 1, 1),
            title="x",
            municipality=heerenveen,
            partnership=zof,
        )
    with pytest.raises(ValidationError):
        event_register(kind="feestje", date=date(2025, 1, 1), title="x", municipality=heerenveen)
    assert not Event.objects.exists()


def test_event_kinds_match_the_schema():
    assert set(EventKind.values) == set(schema()["$defs"]["event_kind"]["enum"])


def test_partner_codes_match_partners_yaml():
    import yaml

    from kompas.core.services import DATA

    codes = {
        r["code"] for r in yaml.safe_load((DATA / "partners.yaml").read_text(encoding="utf-8"))
    }
    assert set(schema()["$defs"]["partner_code"]["enum"]) == codes
