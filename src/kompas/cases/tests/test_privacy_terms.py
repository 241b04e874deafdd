# SPDX-License-Identifier: EUPL-1.2
"""The verwerkingsregister's term for casework is the one the retention run applies: a
gemeente's own years for a case type show in the register and move the deletion date."""

from datetime import timedelta

import pytest
from django.utils import timezone

from kompas.cases import services
from kompas.cases.models import Case, CaseStatistic, Person
from kompas.core import privacy

pytestmark = pytest.mark.django_db


def _term(municipality) -> str:
    rows = privacy.register_rows(municipality=municipality)
    [row] = [r for r in rows if (r.record, r.field) == ("persoon", "bsn_enc")]
    return row.retention


def test_case_terms_in_the_register_are_the_terms_the_run_applies(
    make_case, regisseur, heerenveen, weststellingwerf
):
    services.retention_rule_set(municipality=heerenveen, case_type="jeugd", years=3, by=regisseur)
    assert "jeugd 3;" in _term(heerenveen)
    assert "overlast / persoonsgerichte aanpak 5;" in _term(heerenveen)
    assert "jeugd 2;" in _term(weststellingwerf)  # the default elsewhere

    case = make_case(case_type="jeugd")
    services.case_status_change(case=case, to="afgesloten", reason="doel_bereikt", by=regisseur)
    closed = timezone.now() - timedelta(days=1)
    Case.objects.filter(pk=case.pk).update(closed_at=closed)

    def due(days):
        report = services.retention_run(dry_run=True, now=closed + timedelta(days=days))
        return [number for _g, number, _t in report.due]

    assert due(2 * 366) == []  # past the default of 2 years, within this gemeente's 3
    assert due(3 * 365) == []
    assert due(3 * 366) == [case.number]

    services.retention_run(dry_run=False, now=closed + timedelta(days=3 * 366))
    assert not Case.objects.filter(pk=case.pk).exists()
    assert not Person.objects.filter(case_id=case.pk).exists()
    assert CaseStatistic.objects.filter(case_type="jeugd").count() == 1
