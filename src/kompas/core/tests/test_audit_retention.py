# SPDX-License-Identifier: EUPL-1.2
"""The audit log's own term with a moved clock: entries go on the day the verwerkingsregister
names, through the retention run only; outside it the database still refuses DELETE."""

from datetime import timedelta

import pytest
from django.db import DatabaseError, transaction
from django.urls import reverse
from django.utils import timezone

from kompas.core import privacy
from kompas.core.models import AuditEntry, AuditPurgeWindow
from kompas.core.services import audit_log
from kompas.core.services.retention import add_months, audit_log_retention_run

pytestmark = pytest.mark.django_db


def test_audit_entries_go_on_the_day_and_only_through_the_run(settings, heerenveen):
    settings.AUDIT_RETENTION_DAYS = 1825
    rows = {(r.record, r.field): r for r in privacy.register_rows(municipality=heerenveen)}
    row = rows[("auditregel", "username")]
    assert row.retention.startswith("1825 dagen na de handeling verwijderd")
    assert row.enforced_by == "kompas retention run"
    long_ago = timezone.now() - timedelta(days=2000)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(timezone, "now", lambda: long_ago)  # auto_now_add; UPDATE is refused
        entry = audit_log(user=None, action="view", municipality=heerenveen, note="ingezien")
    recent = audit_log(user=None, action="view", municipality=heerenveen, note="recent")
    term_ends = entry.at + timedelta(days=1825)

    audit_log_retention_run(dry_run=False, now=term_ends - timedelta(days=1))
    audit_log_retention_run(dry_run=False, now=term_ends)
    assert AuditEntry.objects.filter(pk=entry.pk).exists()  # not older than the term yet
    assert audit_log_retention_run(dry_run=True, now=term_ends + timedelta(seconds=1)) == [
        "auditlog verwijderen (ouder dan 1825 dagen): 1"
    ]
    with pytest.raises(DatabaseError), transaction.atomic():
        entry.delete()  # outside the run the log stays append-only
    assert AuditEntry.objects.filter(pk=entry.pk).exists()

    audit_log_retention_run(dry_run=False, now=term_ends + timedelta(seconds=1))
    assert not AuditEntry.objects.filter(pk=entry.pk).exists()
    assert AuditEntry.objects.filter(pk=recent.pk).exists()
    assert not AuditPurgeWindow.objects.exists()  # the window closes with the run
    assert AuditEntry.objects.filter(note__contains="auditregels ouder dan 1825 dagen").exists()
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEntry.objects.filter(pk=recent.pk).delete()


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        ("2026-08-31", 6, "2027-02-28"),
        ("2024-02-29", 12, "2025-02-28"),
        ("2026-01-15", -1, "2025-12-15"),
    ],
)
def test_months_end_on_the_last_day_of_a_shorter_month(day, months, expected):
    from datetime import date

    assert add_months(date.fromisoformat(day), months) == date.fromisoformat(expected)


def test_register_page_shows_the_terms_instead_of_none(client, settings, heerenveen, make_member):
    settings.AUDIT_RETENTION_DAYS = 3650
    settings.RISK_ITEM_RETENTION_MONTHS = 18
    client.force_login(make_member(heerenveen, "beheerder"))
    text = client.get(
        reverse("core:privacy_register", kwargs={"slug": heerenveen.slug})
    ).content.decode()
    assert "3650 dagen na de handeling verwijderd" in text
    assert "18 maanden na het afsluiten van het risico-item verwijderd" in text
    assert "jaar na de datum van het incident gewist" in text
    assert "maanden nadat de persoon de crisisorganisatie verliet" in text
    assert "jaar na het vervallen van het besluit" in text
    assert "jaar na de vergadering gewist" in text
    assert "geen verwijderfunctie" not in text
