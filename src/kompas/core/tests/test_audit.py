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
    rows = response.content.decode("utf-8-sig").strip().splitlines()
    assert rows[0].startswith("tijdstip;gebruiker;handeling")
    assert all(";bekeken;" in row for row in rows[1:]) and len(rows) >= 2
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


# --- The audit log for people (issue 17 item 11) ------------------------------------------------
def _csv_rows(response):
    import csv
    import io

    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def test_object_kinds_are_dutch_on_screen_and_in_the_filter(
    client, heerenveen, make_member, adviseur_heerenveen
):
    beheerder = make_member(heerenveen, "beheerder")
    membership = adviseur_heerenveen.memberships.get()
    audit_log(user=beheerder, action="update", obj=membership, municipality=heerenveen)
    client.force_login(beheerder)
    page = client.get("/heerenveen/auditlog/").content.decode()
    assert "<td>lidmaatschap " in page and "core.membership" not in page.split("<table")[1]
    assert '<option value="core.membership">lidmaatschap</option>' in page
    filtered = client.get("/heerenveen/auditlog/", {"object_type": "core.membership"})
    assert filtered.context["page"].paginator.count == 1


def test_changed_values_are_recorded_and_shown(client, heerenveen, make_member):
    beheerder = make_member(heerenveen, "beheerder")
    lezer = make_member(heerenveen, "lezer")
    membership = lezer.memberships.get()
    entry = audit_log(
        user=beheerder,
        action="update",
        obj=membership,
        municipality=heerenveen,
        changes={"role": ("lezer", "adviseur"), "partner": (None, None)},
    )
    entry.refresh_from_db()
    # stored as people read them: the choice's label, "" for nothing
    assert entry.changes == {"role": ["lezer", "adviseur"], "partner": ["", ""]}
    assert entry.fields == ["partner", "role"]
    client.force_login(beheerder)
    page = client.get("/heerenveen/auditlog/").content.decode()
    assert "rol: lezer → adviseur" in page and "organisatie: — → —" in page
    rows = _csv_rows(client.get("/heerenveen/auditlog/", {"action": "update", "export": "csv"}))
    assert rows[1][6] == "organisatie: — → —; rol: lezer → adviseur"


def test_audit_csv_is_for_excel_in_local_time_with_dutch_names(client, heerenveen, make_member):
    from zoneinfo import ZoneInfo

    beheerder = make_member(heerenveen, "beheerder")
    entry = audit_log(user=beheerder, action="export", obj=heerenveen)
    client.force_login(beheerder)
    response = client.get("/heerenveen/auditlog/", {"action": "export", "export": "csv"})
    assert response.content.startswith(b"\xef\xbb\xbf")  # the BOM: Excel reads UTF-8
    header, *rows = _csv_rows(response)
    row = next(r for r in rows if r[4] == str(heerenveen.pk))
    local = entry.at.astimezone(ZoneInfo("Europe/Amsterdam"))
    assert row[0] == local.strftime("%d-%m-%Y %H:%M:%S")
    assert row[2] == "geëxporteerd" and row[3] == "gemeente" and row[5] == "Heerenveen"
    page = client.get("/heerenveen/auditlog/", {"action": "export"}).content.decode()
    assert f"<td>{row[0]}</td>" in page


def test_who_has_viewed_an_object(heerenveen, make_member, adviseur_heerenveen):
    from django.template import Context, Template

    from kompas.core.selectors import audit_viewer_list

    adviseur_heerenveen.first_name, adviseur_heerenveen.last_name = "Anne", "de Vries"
    adviseur_heerenveen.save()
    other = make_member(heerenveen, "beheerder", username="bea")
    for user in (adviseur_heerenveen, other, adviseur_heerenveen):
        audit_log(user=user, action="view", obj=heerenveen)
    audit_log(user=other, action="update", obj=heerenveen)  # a change is no viewing
    viewers = audit_viewer_list(obj=heerenveen)
    assert [(v["name"], v["times"]) for v in viewers] == [("Anne de Vries", 2), ("bea", 1)]
    html = Template("{% load kompas_audit %}{% viewed_by obj %}").render(
        Context({"obj": heerenveen})
    )
    assert "Wie heeft dit ingezien?" in html and "Anne de Vries" in html and " om " in html


def test_nobody_viewed_yet(heerenveen):
    from django.template import Context, Template

    html = Template("{% load kompas_audit %}{% viewed_by obj %}").render(
        Context({"obj": heerenveen})
    )
    assert "Nog niemand heeft dit ingezien." in html
