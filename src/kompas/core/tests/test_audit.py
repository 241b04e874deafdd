# SPDX-License-Identifier: EUPL-1.2
"""The audit log records who did what, and the database refuses to change it."""

import pytest
from django.db import DatabaseError, connection, transaction

from kompas.core.models import AuditEntry
from kompas.core.services import audit_log


@pytest.fixture
def entry(heerenveen, adviseur_heerenveen):
    return audit_log(user=adviseur_heerenveen, action="view", obj=heerenveen, fields=["name"])


def test_audit_log_records_who_what_where(entry, adviseur_heerenveen, heerenveen):
    entry.refresh_from_db()
    assert entry.username == adviseur_heerenveen.username
    assert entry.object_type == "core.municipality"
    assert entry.object_id == str(heerenveen.pk)
    assert entry.municipality == heerenveen
    assert entry.fields == ["name"]


def test_unknown_action_is_refused(adviseur_heerenveen):
    with pytest.raises(ValueError):
        audit_log(user=adviseur_heerenveen, action="peek")


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE core_auditentry SET username = 'iemand-anders'",
        "DELETE FROM core_auditentry",
    ],
)
def test_database_refuses_update_and_delete(entry, sql):
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql)
    entry.refresh_from_db()
    assert entry.username == "adviseur-hv"


def test_orm_update_and_delete_are_refused_too(entry):
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).update(action="delete")
    with pytest.raises(DatabaseError), transaction.atomic():
        entry.delete()
    assert AuditEntry.objects.filter(pk=entry.pk, action="view").exists()


def test_truncate_is_refused_on_postgresql(entry):
    if connection.vendor != "postgresql":
        pytest.skip("TRUNCATE bestaat alleen op PostgreSQL")
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("TRUNCATE core_auditentry")
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_login_and_failed_login_are_audited(client, adviseur_heerenveen):
    client.post("/inloggen/", {"username": "adviseur-hv", "password": "fout"})
    client.post("/inloggen/", {"username": "adviseur-hv", "password": "geheim-wachtwoord-1"})
    actions = list(
        AuditEntry.objects.filter(user=adviseur_heerenveen)
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == ["failed_login", "login"]
    assert "fout" not in AuditEntry.objects.first().note  # the password is never logged


def test_audit_page_for_beheerder_filters_and_exports(
    client, heerenveen, make_member, adviseur_heerenveen
):
    beheerder = make_member(heerenveen, "beheerder")
    audit_log(user=adviseur_heerenveen, action="export", obj=heerenveen)
    audit_log(user=adviseur_heerenveen, action="view", obj=heerenveen)
    client.force_login(beheerder)
    page = client.get("/heerenveen/auditlog/", {"action": "export"}).content.decode()
    assert "geëxporteerd" in page and "adviseur-hv" in page
    assert "<td>bekeken</td>" not in page
    response = client.get("/heerenveen/auditlog/", {"action": "view", "export": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    rows = response.content.decode().strip().splitlines()
    assert rows[0].startswith("tijdstip;gebruiker;handeling")
    assert all(";view;" in row for row in rows[1:]) and len(rows) >= 2
    # the export itself is audited
    assert AuditEntry.objects.filter(user=beheerder, action="export").exists()


def test_audit_page_is_for_beheerders_only(client, adviseur_heerenveen):
    client.force_login(adviseur_heerenveen)
    assert client.get("/heerenveen/auditlog/").status_code == 404


@pytest.mark.parametrize(
    "note",
    ['=HYPERLINK("https://example.invalid","klik")', "+1+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1"],
)
def test_audit_csv_neutralises_formulas(client, heerenveen, make_member, note):
    """A cell a spreadsheet would run as a formula starts with a quote in the export, so opening
    the audit log in Excel or LibreOffice never executes text someone put in a log line."""
    import csv
    import io

    beheerder = make_member(heerenveen, "beheerder")
    audit_log(user=beheerder, action="view", obj=heerenveen, note=note)
    client.force_login(beheerder)
    response = client.get("/heerenveen/auditlog/", {"action": "view", "export": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    notes = [row[-1] for row in rows[1:]]
    assert notes == ["'" + note]


def test_audit_pages_keep_the_filters(client, heerenveen, make_member, adviseur_heerenveen):
    import re

    beheerder = make_member(heerenveen, "beheerder")
    for _i in range(51):
        audit_log(user=adviseur_heerenveen, action="view", obj=heerenveen)
    client.force_login(beheerder)
    page = client.get("/heerenveen/auditlog/", {"action": "view", "username": "adviseur"})
    link = re.search(r'href="([^"]*)" rel="next"', page.content.decode()).group(1)
    assert link.replace("&amp;", "&") == "?action=view&username=adviseur&pagina=2"
    second = client.get("/heerenveen/auditlog/" + link.replace("&amp;", "&")).content.decode()
    assert "Pagina 2 van 2" in second
    link = re.search(r'href="([^"]*)" rel="prev"', second).group(1)
    assert link.replace("&amp;", "&") == "?action=view&username=adviseur&pagina=1"
