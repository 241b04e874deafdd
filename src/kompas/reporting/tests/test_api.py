# SPDX-License-Identifier: EUPL-1.2
"""GET /api/v1/reports/{gemeente}/: the gemeente's reports with status and PDF fingerprint."""

import pytest

from kompas.reporting import services
from kompas.reporting.periods import parse_period

pytestmark = pytest.mark.django_db


def test_report_list_api_is_scoped_to_the_gemeente(
    client, heerenveen, weststellingwerf, make_member
):
    report = services.report_send(
        report=services.report_create(
            municipality=heerenveen, kind="digitaal", period=parse_period("2025")
        )
    )
    client.force_login(make_member(heerenveen, "lezer"))
    response = client.get("/api/v1/reports/GM0074/")
    assert response.status_code == 200
    (row,) = response.json()["results"]
    assert (row["title"], row["status"], row["sha256"]) == (
        report.title,
        "verzonden",
        report.sha256,
    )
    assert client.get("/api/v1/reports/GM0098/").status_code == 404
    client.logout()
    assert client.get("/api/v1/reports/GM0074/").status_code in (401, 403)
