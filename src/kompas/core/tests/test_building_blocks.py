# SPDX-License-Identifier: EUPL-1.2
"""Shared pieces in core the apps build on: owner and created-by fields, validated saving,
Dutch dates."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import models
from django.template import Context, Template

from kompas.core import dates
from kompas.core.models import CreatedMixin, Membership, OwnerMixin
from kompas.core.services import membership_set


class OwnedRecord(OwnerMixin, CreatedMixin):
    """A model as an app would declare it (no table: only validation is exercised here)."""

    title = models.CharField(max_length=20)

    class Meta(OwnerMixin.Meta):
        app_label = "core"
        managed = False


def test_owner_is_a_gemeente_or_a_partnership_never_both_or_neither(heerenveen):
    partnership = heerenveen.partnerships.first()
    OwnedRecord(title="eigen", municipality=heerenveen).full_clean()
    OwnedRecord(title="regionaal", partnership=partnership).full_clean()
    for record in (
        OwnedRecord(title="beide", municipality=heerenveen, partnership=partnership),
        OwnedRecord(title="geen"),
    ):
        with pytest.raises(ValidationError, match="precies één van beide"):
            record.full_clean()


def test_owner_constraint_is_named_per_model():
    names = [c.name for c in OwnedRecord._meta.constraints]
    assert names == ["core_ownedrecord_one_owner"]


def test_created_fields_are_filled_and_not_in_forms(heerenveen):
    record = OwnedRecord(title="x", municipality=heerenveen)
    assert record.created_at is not None and record.created_by is None
    assert not OwnedRecord._meta.get_field("created_at").editable
    assert record.owner == heerenveen


def test_membership_with_unknown_role_is_refused_with_field_error(heerenveen, make_member):
    user = make_member(heerenveen, "lezer")
    with pytest.raises(ValidationError) as refused:
        membership_set(user=user, municipality=heerenveen, role="opperhoofd")
    assert "role" in refused.value.message_dict
    assert Membership.objects.get(user=user).role == "lezer"


def test_dutch_dates():
    assert dates.long_date(date(2024, 1, 1)) == "1 januari 2024"
    winter = datetime(2026, 12, 31, 23, 30, tzinfo=ZoneInfo("UTC"))
    assert dates.long_datetime(winter) == "1 januari 2027 om 00:30"  # Amsterdam, UTC+1
    assert dates.month_number(" Maart ") == 3 and dates.month_number("march") is None
    rendered = Template("{% load kompas_dates %}{{ d|long_date }}").render(
        Context({"d": date(2026, 3, 3)})
    )
    assert rendered == "3 maart 2026"
