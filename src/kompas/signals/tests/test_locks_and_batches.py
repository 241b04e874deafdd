# SPDX-License-Identifier: EUPL-1.2
"""Issue 11 item 5, meldpunt: the PDF of a forwarding is rendered outside the transaction that
locks the signals (on SQLite that transaction holds the one write lock, so every reporter
would wait for WeasyPrint); key rotation works in batches; the triage search is audited."""

import pytest
from cryptography.fernet import Fernet
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kompas.core.models import AuditEntry
from kompas.signals import services
from kompas.signals.models import Forwarding, Signal


@pytest.mark.django_db(transaction=True)
def test_the_pdf_is_rendered_outside_any_transaction(
    staff_client, make_signal, make_agreement, monkeypatch, reference_data
):
    from weasyprint import HTML

    signal, _ = make_signal()
    in_transaction = []
    real_write_pdf = HTML.write_pdf

    def write_pdf(self, *args, **kwargs):
        in_transaction.append(connection.in_atomic_block)
        return real_write_pdf(self, *args, **kwargs)

    monkeypatch.setattr(HTML, "write_pdf", write_pdf)
    agreement = make_agreement("politie", name="Convenant LIO")
    response = staff_client.post(
        f"/heerenveen/meldingen/{signal.pk}/delen/", {"agreement": agreement.pk, "fmt": "pdf"}
    )
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert in_transaction == [False]
    assert Forwarding.objects.get().signal_ids == [signal.pk]  # and it is still recorded


@pytest.mark.django_db
def test_key_rotation_reads_the_rows_in_batches(
    make_signal, adviseur_heerenveen, settings, monkeypatch
):
    signals = [make_signal(description=f"Melding {i}")[0] for i in range(5)]
    services.signal_reporter_reply(signal=signals[0], text="Extra informatie")
    old_key = settings.KOMPAS_SIGNALS_KEYS[0]
    new_key = Fernet.generate_key().decode()
    settings.KOMPAS_SIGNALS_KEYS = [new_key, old_key]
    monkeypatch.setattr(services.keys, "ROTATE_BATCH", 2)
    with CaptureQueriesContext(connection) as ctx:
        counts = services.keys_rotate()
    assert counts["meldingen"] == 5 and counts["berichten"] == 1
    # Every query that reads encrypted signal contents asks for one batch of ids at most.
    reads = [
        q["sql"]
        for q in ctx.captured_queries
        if q["sql"].startswith("SELECT") and '"description_enc"' in q["sql"]
    ]
    assert len(reads) == 3  # 2 + 2 + 1
    for sql in reads:
        assert sql.count("IN (") == 1 and sql.split("IN (")[1].split(")")[0].count(",") <= 1
    settings.KOMPAS_SIGNALS_KEYS = [new_key]  # the old key retired: everything still reads
    for s in signals:
        view = services.signal_view(signal=Signal.objects.get(pk=s.pk), user=adviseur_heerenveen)
        assert view.description.startswith("Melding ")


@pytest.mark.django_db
def test_the_triage_search_writes_one_audit_entry(staff_client, make_signal, adviseur_heerenveen):
    a, _ = make_signal(description="Wietlucht bij de schuur")
    make_signal(description="Te veel mensen ingeschreven")
    make_signal(description="Nog een wietlucht op zolder")
    before = AuditEntry.objects.count()
    html = staff_client.get("/heerenveen/meldingen/?q=Wietlucht").content.decode()
    assert f"Melding {a.pk}<" in html
    entries = AuditEntry.objects.order_by("pk")[before:]
    searches = [e for e in entries if e.note.startswith("zoeken in meldingen")]
    assert len(searches) == 1
    entry = searches[0]
    assert entry.user == adviseur_heerenveen and entry.action == "view"
    assert entry.municipality.slug == "heerenveen" and entry.object_type == "signals.signal"
    assert "3 beschrijvingen doorzocht, 2 gevonden" in entry.note
    assert "wietlucht" not in entry.note.lower()  # the term is not logged
    # without a search term nothing is decrypted and nothing is logged
    before = AuditEntry.objects.count()
    staff_client.get("/heerenveen/meldingen/?status=nieuw")
    assert AuditEntry.objects.count() == before
