# SPDX-License-Identifier: EUPL-1.2
"""Triage pages: scoped to the gemeente and role, filters, search, overdue, audited views,
classification suggestion, questions, assignment, start-page panel."""

from datetime import timedelta

import pytest
from django.utils import timezone

from kompas.core.models import AuditEntry
from kompas.signals.models import Signal

pytestmark = pytest.mark.django_db


def test_list_filters_search_and_overdue(staff_client, make_signal):
    a, _ = make_signal(phenomenon="drugs_teelt", description="Wietlucht bij de schuur")
    b, _ = make_signal(phenomenon="woonfraude", description="Te veel mensen ingeschreven")
    Signal.objects.filter(pk=a.pk).update(due_at=timezone.now() - timedelta(days=1))
    html = staff_client.get("/heerenveen/meldingen/").content.decode()
    assert f"Melding {a.pk}" in html and f"Melding {b.pk}" in html
    assert "te laat" in html
    html = staff_client.get("/heerenveen/meldingen/?phenomenon=woonfraude").content.decode()
    assert f"Melding {b.pk}<" in html and f"Melding {a.pk}<" not in html
    html = staff_client.get("/heerenveen/meldingen/?q=wietlucht").content.decode()
    assert f"Melding {a.pk}<" in html and f"Melding {b.pk}<" not in html
    html = staff_client.get("/heerenveen/meldingen/?overdue=on").content.decode()
    assert f"Melding {a.pk}<" in html and f"Melding {b.pk}<" not in html


def test_other_gemeente_staff_and_partners_get_404(
    client, make_signal, heerenveen, weststellingwerf, make_member
):
    signal, _ = make_signal()
    other = make_member(weststellingwerf, "adviseur")
    partner = make_member(heerenveen, "partner", partner_code="politie")
    for user in (other, partner):
        client.force_login(user)
        assert client.get("/heerenveen/meldingen/").status_code == 404
        assert client.get(f"/heerenveen/meldingen/{signal.pk}/").status_code == 404
    # a signal of Heerenveen is not found under Weststellingwerf either
    client.force_login(other)
    assert client.get(f"/weststellingwerf/meldingen/{signal.pk}/").status_code == 404


def test_lezer_sees_counts_only(client, make_signal, heerenveen, make_member):
    signal, _ = make_signal(description="Geheime inhoud voor lezers")
    client.force_login(make_member(heerenveen, "lezer"))
    response = client.get("/heerenveen/meldingen/")
    html = response.content.decode()
    assert response.status_code == 200 and "Per verschijnsel" in html
    assert "Geheime inhoud" not in html
    assert client.get(f"/heerenveen/meldingen/{signal.pk}/").status_code == 404


def test_every_view_of_a_signal_is_audited(staff_client, make_signal, adviseur_heerenveen):
    signal, _ = make_signal(description="Inhoud om te bekijken")
    before = AuditEntry.objects.filter(action="view", object_id=str(signal.pk)).count()
    response = staff_client.get(f"/heerenveen/meldingen/{signal.pk}/")
    assert "Inhoud om te bekijken" in response.content.decode()
    staff_client.get(f"/heerenveen/meldingen/{signal.pk}/")
    entries = AuditEntry.objects.filter(
        action="view", object_type="signals.signal", object_id=str(signal.pk)
    )
    assert entries.count() == before + 2
    assert entries.first().user == adviseur_heerenveen


def test_detail_shows_model_suggestion_with_confidence_and_words(staff_client, make_signal):
    signal, _ = make_signal(
        phenomenon="overig",
        description="Uit de zolder komt een sterke hennepgeur en de ramen zijn afgeplakt.",
    )
    html = staff_client.get(f"/heerenveen/meldingen/{signal.pk}/").content.decode()
    assert "Suggestie van het model" in html and "Drugs: teelt" in html
    assert "% zeker" in html and "zolder" in html


def test_classify_prioritise_assign(staff_client, make_signal, heerenveen, make_member):
    signal, _ = make_signal(phenomenon="overig")
    colleague = make_member(heerenveen, "beheerder")
    response = staff_client.post(
        f"/heerenveen/meldingen/{signal.pk}/beoordelen/",
        {"phenomenon": "mensenhandel", "priority": "hoog", "assignee": colleague.pk},
    )
    assert response.status_code == 302
    signal.refresh_from_db()
    assert signal.classification == "mensenhandel" and signal.priority == "hoog"
    assert signal.assignee == colleague
    assert signal.due_at <= signal.created_at + timedelta(days=1)  # 2 days halved
    kinds = set(signal.history.values_list("kind", flat=True))
    assert {"classified", "priority", "assigned"} <= kinds
    # a partner cannot be made the handler
    partner = make_member(heerenveen, "partner", partner_code="politie")
    response = staff_client.post(
        f"/heerenveen/meldingen/{signal.pk}/beoordelen/",
        {"phenomenon": "mensenhandel", "priority": "hoog", "assignee": partner.pk},
    )
    assert response.status_code == 400
    signal.refresh_from_db()
    assert signal.assignee == colleague


def test_question_sets_waiting_for_reporter(staff_client, make_signal):
    signal, _ = make_signal()
    response = staff_client.post(
        f"/heerenveen/meldingen/{signal.pk}/vraag/", {"question": "Wie woont daar?"}
    )
    assert response.status_code == 302
    signal.refresh_from_db()
    assert signal.status == "wacht_op_melder"
    assert signal.messages.get().direction == "aan_melder"


def test_start_page_panel_shows_new_and_overdue(client, make_signal, heerenveen, make_member):
    a, _ = make_signal(phenomenon="witwassen")
    Signal.objects.filter(pk=a.pk).update(due_at=timezone.now() - timedelta(days=2))
    client.force_login(make_member(heerenveen, "adviseur"))
    html = client.get("/heerenveen/").content.decode()
    assert "Meldpunt ondermijning" in html
    assert "1 melding te laat" in html
    assert "Witwassen: 1" in html
    partner = make_member(heerenveen, "partner", partner_code="politie")
    client.force_login(partner)
    assert "Meldpunt ondermijning" not in client.get("/heerenveen/").content.decode()


def test_attachment_download_is_audited(staff_client, make_signal):
    from .conftest import png_bytes

    signal, _ = make_signal(attachments=[("image/png", png_bytes())])
    attachment = signal.attachments.get()
    response = staff_client.get(f"/heerenveen/meldingen/{signal.pk}/bijlagen/{attachment.pk}/")
    assert response.status_code == 200 and response.content.startswith(b"\x89PNG")
    assert AuditEntry.objects.filter(note__contains=f"bijlage {attachment.pk}").exists()
