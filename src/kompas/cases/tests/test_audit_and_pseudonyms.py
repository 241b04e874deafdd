# SPDX-License-Identifier: EUPL-1.2
"""Every read path writes an audit line about the case ("who saw case X" is one filter); lists,
exports and the API show pseudonyms only (searched for the demo names); no person's name is in
the database in plain text."""

import io
import json

import pytest
from django.db import connection
from django.utils import timezone

from kompas.cases import services
from kompas.cases.demo import CASES
from kompas.cases.models import Case
from kompas.core.constants import AuditAction
from kompas.core.demo import load_all
from kompas.core.selectors import audit_entry_list

pytestmark = pytest.mark.django_db

DEMO_NAMES = [p[0] for c in CASES for p in c[2]]
NAMES = ("Jorrit Testhuizen", "Aukje Proefstra")


def _who_saw(case):
    return audit_entry_list(
        municipalities=[case.municipality], object_type="cases.case", object_id=str(case.pk)
    )


def test_every_read_path_is_audited_on_the_case(
    ovo_case, ovo, regisseur, beheerder, ggd_user, client, adviseur_heerenveen
):
    from kompas.meetings import services as meetings_services

    meeting = meetings_services.meeting_create(
        series=ovo, starts_at=timezone.now(), by=adviseur_heerenveen
    )
    before = _who_saw(ovo_case).filter(action=AuditAction.VIEW).count()
    client.force_login(ggd_user)
    paths = [
        f"/heerenveen/casussen/{ovo_case.pk}/",
        f"/api/v1/cases/heerenveen/{ovo_case.pk}/",
        f"/api/v1/cases/heerenveen/{ovo_case.pk}/interventions/",
        f"/heerenveen/casussen/vergaderingen/{meeting.pk}/",
    ]
    for n, path in enumerate(paths, start=1):
        assert client.get(path).status_code == 200
        assert _who_saw(ovo_case).filter(action=AuditAction.VIEW).count() == before + n, path
    client.post(f"/heerenveen/casussen/{ovo_case.pk}/identiteit/", {"reason": "nodig voor overleg"})
    client.force_login(beheerder)
    person = ovo_case.persons.first()
    for fmt in ("json", "pdf"):
        assert (
            client.get(
                f"/heerenveen/casussen/{ovo_case.pk}/personen/{person.pk}/inzage.{fmt}"
            ).status_code
            == 200
        )
    actions = list(_who_saw(ovo_case).values_list("username", "action"))
    assert ("ggd-hv", "reveal") in actions
    assert actions.count(("beheerder-hv", "export")) == 2
    # "what did user Y see": one filter too.
    seen = audit_entry_list(municipalities=[ovo_case.municipality], username="ggd-hv")
    assert {e.object_id for e in seen if e.object_type == "cases.case"} == {str(ovo_case.pk)}


def test_meeting_sections_hook_lists_pseudonymous_cases_and_audits(
    ovo_case, ovo, ggd_user, om_user, adviseur_heerenveen
):
    from kompas.core import hooks
    from kompas.meetings import services as meetings_services

    meeting = meetings_services.meeting_create(
        series=ovo, starts_at=timezone.now(), by=adviseur_heerenveen
    )
    [section] = hooks.meeting_sections(meeting=meeting, user=ggd_user)
    assert [i["label"] for i in section["items"]] == [f"{ovo_case.number} (huiselijk geweld)"]
    assert not any(n in json.dumps(section) for n in NAMES)
    assert _who_saw(ovo_case).filter(username="ggd-hv", action="view").count() == 1
    assert hooks.meeting_sections(meeting=meeting, user=om_user) == []


@pytest.fixture
def demo(db):
    load_all()
    return Case.objects.filter(is_demo=True)


def _pages(client, demo):
    from kompas.meetings.models import Meeting

    yield client.get("/heerenveen/casussen/")
    yield client.get("/heerenveen/casussen/?q=HV")
    yield client.get("/heerenveen/casussen/tafels/")
    for listing in demo.first().listings.all():
        yield client.get(f"/heerenveen/casussen/tafels/{listing.series_id}/")
    for m in Meeting.objects.filter(series__kind__in=["ovo", "ave", "jos", "pga"]):
        yield client.get(f"/heerenveen/casussen/vergaderingen/{m.pk}/")
    for case in demo:
        yield client.get(f"/heerenveen/casussen/{case.pk}/")
    yield client.get("/api/v1/cases/heerenveen/")
    for case in demo:
        yield client.get(f"/api/v1/cases/heerenveen/{case.pk}/")
    yield client.get("/heerenveen/instrumenten/")
    yield client.get("/heerenveen/instrumenten/?export=csv")


@pytest.mark.parametrize(
    "username", ["regisseur-heerenveen", "ggd-heerenveen", "beheerder-heerenveen"]
)
def test_demo_names_never_appear_in_lists_pages_api_or_exports(demo, client, username):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username=username))
    shown = 0
    for response in _pages(client, demo):
        if response.status_code != 200:
            continue
        shown += 1
        body = response.content.decode("utf-8")
        assert not [n for n in DEMO_NAMES if n in body], response.request["PATH_INFO"]
    assert shown >= 8
    # The case pages do name the persons, by pseudonym.
    detail = client.get(f"/heerenveen/casussen/{demo.get(number__endswith='-001').pk}/")
    assert "-001 persoon A" in detail.content.decode()
    # The reveal shows them, once, with a reason.
    case = demo.get(number__endswith="-001")
    page = client.post(
        f"/heerenveen/casussen/{case.pk}/identiteit/", {"reason": "overleg voorbereiden"}
    )
    if username != "ggd-heerenveen" or page.status_code == 200:
        assert "Demo Jansma-Veldstra" in page.content.decode()


def test_excel_export_has_counts_and_no_names(demo, client):
    from django.contrib.auth import get_user_model
    from openpyxl import load_workbook

    client.force_login(get_user_model().objects.get(username="regisseur-heerenveen"))
    response = client.get("/heerenveen/instrumenten/?export=xlsx")
    book = load_workbook(io.BytesIO(response.content))
    cells = [str(c) for ws in book for row in ws.iter_rows(values_only=True) for c in row]
    assert "huisverbod opgelegd" in cells and not [n for n in DEMO_NAMES if n in cells]


def _all_rows_text() -> str:
    """Every row of every table, as the database holds it (a raw dump)."""
    if connection.vendor == "sqlite":
        return "\n".join(connection.connection.iterdump())
    parts = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')
            parts.extend(repr(row) for row in cursor.fetchall())
    return "\n".join(parts)


def test_no_person_name_in_a_raw_database_dump(demo, make_case, regisseur):
    case = make_case()
    services.person_reveal(case=case, user=regisseur, reason="controle van de dump")
    dump = _all_rows_text()
    assert "HV-" in dump  # the dump is real
    for name in (*DEMO_NAMES, *NAMES, "111222333", "Demostraat 1"):
        assert name not in dump, name
