# SPDX-License-Identifier: EUPL-1.2
"""The beheerder's verwerkingsregister page, its CSV and PDF: generated from the declarations,
with this gemeente's own retention terms."""

import csv
import io

import pytest
from django.urls import reverse

from kompas.core.constants import Role
from kompas.core.models import AuditEntry
from kompas.core.tests.pdfcheck import pdf_ua_problems

pytestmark = pytest.mark.django_db


@pytest.fixture
def beheerder(heerenveen, make_member):
    return make_member(heerenveen, Role.ADMIN)


def _url(slug="heerenveen", **query):
    url = reverse("core:privacy_register", kwargs={"slug": slug})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_page_lists_the_fields_with_this_gemeentes_terms(client, beheerder, heerenveen):
    from kompas.signals.services import retention_settings_update

    retention_settings_update(
        municipality=heerenveen,
        by=beheerder,
        contact_days=60,
        delete_years=4,
        delete_years_no_ground=2,
    )
    client.force_login(beheerder)
    page = client.get(reverse("core:beheer", kwargs={"slug": "heerenveen"}))
    assert _url() in page.content.decode()
    text = client.get(_url()).content.decode()
    assert "Verwerkingsregister" in text
    assert "60 dagen na afsluiten van de melding geanonimiseerd" in text
    assert "na 4 jaar verwijderd, meldingen zonder grond na 2 jaar" in text
    assert "BSN (versleuteld)" in text and "Wet algemene bepalingen burgerservicenummer" in text
    assert "organisator (naam)" in text and "kompas openbareorde retentie" in text
    assert "e-mail (werk)" in text  # crisis members
    assert "jeugd 2" in text  # casework's default years per case type


def test_csv_has_a_row_per_field_and_the_export_is_audited(client, beheerder):
    client.force_login(beheerder)
    response = client.get(_url(formaat="csv"))
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="verwerkingsregister-heerenveen.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["onderdeel", "gegeven", "veld"]
    by_field = {r[2]: r for r in rows[1:]}
    contact = by_field["contactgegevens (versleuteld) (contact_enc)"]
    assert contact[0] == "Meldpunt" and contact[-1] == "ja"
    assert contact[6] == "365 dagen na afsluiten van de melding geanonimiseerd."
    assert contact[7] == "kompas retention run"
    assert by_field["e-mail (werk) (email)"][-1] == "nee"
    assert AuditEntry.objects.filter(
        action="export", object_type="core.verwerkingsregister", username=beheerder.username
    ).exists()


def test_pdf_is_a_tagged_document_with_the_register(client, beheerder):
    from pypdf import PdfReader

    client.force_login(beheerder)
    response = client.get(_url(formaat="pdf"))
    assert response["Content-Type"] == "application/pdf"
    assert pdf_ua_problems(response.content, title="Verwerkingsregister Heerenveen") == []
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "burgerservicenummer" in text.lower() and "kompas retention run" in text


def test_only_the_beheerder_of_the_gemeente_sees_it(
    client, heerenveen, weststellingwerf, make_member
):
    client.force_login(make_member(heerenveen, Role.ADVISOR))
    assert client.get(_url()).status_code == 404
    client.force_login(make_member(weststellingwerf, Role.ADMIN))
    assert client.get(_url(formaat="csv")).status_code == 404
