# SPDX-License-Identifier: EUPL-1.2
"""Retention of the register of bestuurlijke maatregelen with a moved clock: the personal data
of a decision goes on the day the verwerkingsregister names, the decision itself stays."""

from datetime import date, datetime, time

import pytest
from django.utils import timezone

from kompas.cases.constants import MEASURE_CATEGORY, MeasureKind
from kompas.cases.models import Measure
from kompas.cases.services.measure_retention import measure_retention_run
from kompas.core import hooks, privacy

pytestmark = pytest.mark.django_db


def _noon(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(12)))


def _bibob(municipality, **fields):
    return Measure.objects.create(
        municipality=municipality,
        kind=MeasureKind.BIBOB,
        category=MEASURE_CATEGORY[MeasureKind.BIBOB],
        date=date(2020, 3, 1),
        legal_article="Wet Bibob, art. 3",
        description="Exploitant Snackbar De Hoek",
        bibob_application="exploitatievergunning",
        bibob_permit="Drank- en Horecawet",
        **fields,
    )


def test_personal_data_goes_ten_years_after_the_decision_lapsed(settings, heerenveen):
    settings.MEASURE_RETENTION_YEARS = 10
    rows = {(r.record, r.field): r for r in privacy.register_rows(municipality=heerenveen)}
    row = rows[("instrument", "bibob_permit")]
    assert row.retention.startswith("10 jaar na het vervallen van het besluit")
    assert row.enforced_by == "kompas retention run"
    lapsed = _bibob(heerenveen, end_date=date(2021, 6, 30))
    open_ended = _bibob(heerenveen)  # counted from the decision date

    measure_retention_run(dry_run=False, now=_noon(date(2031, 6, 29)))
    lapsed.refresh_from_db()
    open_ended.refresh_from_db()
    assert lapsed.description == "Exploitant Snackbar De Hoek"
    assert open_ended.description == ""  # 2020-03-01 + 10 years has passed

    lines = [line for line in hooks.retention_run(dry_run=False, now=_noon(date(2031, 6, 30)))]
    assert any(
        "bestuurlijke maatregelen wissen (10 jaar na vervallen besluit): 1" in x
        for batch in lines
        for x in batch
    )
    lapsed.refresh_from_db()
    assert (lapsed.description, lapsed.bibob_application, lapsed.bibob_permit) == ("", "", "")
    assert lapsed.personal_data_erased_on == date(2031, 6, 30)
    # The decision stays in the register (Archiefwet): kind, date, article, who decided.
    assert (lapsed.kind, lapsed.date, lapsed.legal_article, lapsed.decided_by) == (
        MeasureKind.BIBOB,
        date(2020, 3, 1),
        "Wet Bibob, art. 3",
        "burgemeester",
    )
