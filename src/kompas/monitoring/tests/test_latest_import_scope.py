# SPDX-License-Identifier: EUPL-1.2
"""'Laatste import' on an indicator names only imports the gemeente may know of: national
ones (no gemeente) and its own uploads, never another gemeente's file, even when that file is
newer and holds figures of the same indicator."""

from datetime import timedelta

import pytest
from django.utils import timezone

from kompas.monitoring.models import DataImport, Indicator, Observation

pytestmark = pytest.mark.django_db


def _import(name, municipality, region_code, indicator, age_days):
    record = DataImport.objects.create(file_name=name, format="xlsx", municipality=municipality)
    DataImport.objects.filter(pk=record.pk).update(
        created_at=timezone.now() - timedelta(days=age_days)
    )
    Observation.objects.create(
        indicator=indicator,
        region_code=region_code,
        period=f"{2025 - age_days}JJ00",
        year=2025 - age_days,
        grain="year",
        value=7,
        source_import=record,
    )
    return record


def test_latest_import_of_an_indicator_is_the_gemeentes_own_or_national(
    client, heerenveen, weststellingwerf, make_member
):
    from kompas.monitoring.selectors import latest_import

    indicator = Indicator.objects.create(
        code="eigen:buurtpreventie",
        name="Buurtpreventie",
        unit="aantal",
        source="eigen-registratie",
    )
    _import("landelijk.csv", None, heerenveen.code, indicator, age_days=30)
    own = _import("heerenveen-eigen.xlsx", heerenveen, heerenveen.code, indicator, age_days=10)
    _import("weststellingwerf-geheim.xlsx", weststellingwerf, weststellingwerf.code, indicator, 1)

    assert latest_import(indicator=indicator, municipality=heerenveen) == own
    client.force_login(make_member(heerenveen, "adviseur"))
    html = client.get(f"/heerenveen/monitoring/indicator/{indicator.code}/").content.decode()
    assert "heerenveen-eigen.xlsx" in html
    assert "weststellingwerf-geheim" not in html
    # Weststellingwerf sees its own file; a gemeente without own uploads the national one.
    ws = latest_import(indicator=indicator, municipality=weststellingwerf)
    assert ws.file_name == "weststellingwerf-geheim.xlsx"
