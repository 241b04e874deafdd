# SPDX-License-Identifier: EUPL-1.2
"""Public intake: form and API store a signal and show a 16-digit code once; bad input is
refused with a clear Dutch error and nothing is stored."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from kompas.signals import antiabuse, crypto
from kompas.signals.models import Signal, SignalAttachment

from .conftest import intake_data, jpeg_with_gps, png_bytes

pytestmark = pytest.mark.django_db
URL = "/heerenveen/meldpunt/"
RECEIPT_URL = "/heerenveen/meldpunt/verstuurd/"


def test_public_form_needs_no_login_and_explains_phenomena(client, heerenveen):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    for text in [
        "Drugs: teelt",
        "Witwassen",
        "Mensenhandel en uitbuiting",
        "Woonfraude",
        "Zorgfraude",
        "Verdacht vastgoed of bedrijf",
        "Iets anders",
    ]:
        assert text in html
    assert "0800-7000" in html
    assert "<script" not in html
    assert client.get("/onbekend/meldpunt/").status_code == 404


def test_submission_shows_grouped_code_once_and_stores_signal_as_nieuw(client, heerenveen):
    response = client.post(URL, intake_data())
    assert response.status_code == 302
    assert response["Location"] == RECEIPT_URL
    assert not re.search(r"\d{4}", response["Location"])  # the code is not in the address
    response = client.get(RECEIPT_URL)
    assert response.status_code == 200
    html = response.content.decode()
    code = re.search(r"<code>(\d{4} \d{4} \d{4} \d{4})</code>", html).group(1)
    assert "no-store" in response["Cache-Control"]
    signal = Signal.objects.get()
    assert signal.status == "nieuw" and signal.municipality == heerenveen
    assert crypto.receipt_code_verify(signal.code_hash, code.replace(" ", ""))
    assert signal.code_hash.startswith("$argon2id$")
    assert code.replace(" ", "") not in (signal.code_hash + signal.code_tag)
    assert not signal.has_contact


def test_image_metadata_is_stripped_and_type_sniffed(client, heerenveen):
    upload = SimpleUploadedFile("foto.jpg", jpeg_with_gps(), content_type="image/jpeg")
    png = SimpleUploadedFile("scan.pdf", png_bytes(), content_type="application/pdf")
    response = client.post(URL, {**intake_data(), "attachments": [upload, png]})
    assert response.status_code == 302
    types = sorted(a.content_type for a in SignalAttachment.objects.all())
    assert types == ["image/jpeg", "image/png"]  # the PNG named .pdf is stored as what it is
    jpeg = SignalAttachment.objects.get(content_type="image/jpeg")
    stored = crypto.decrypt_bytes(jpeg.data_enc)
    with Image.open(io.BytesIO(stored)) as img:
        assert len(img.getexif()) == 0
    assert b"GeheimMerk" not in stored


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("foto.jpg", b"MZ\x90\x00 dit is een programma", "geen JPG-, PNG- of PDF-bestand"),
        ("brief.pdf", b"<html>nep</html>", "geen JPG-, PNG- of PDF-bestand"),
        ("kapot.png", b"\x89PNG\r\n\x1a\nrommel", "geen geldige afbeelding"),
    ],
)
def test_disguised_files_are_refused_and_nothing_stored(client, heerenveen, name, content, message):
    upload = SimpleUploadedFile(name, content, content_type="image/jpeg")
    response = client.post(URL, {**intake_data(), "attachments": [upload]})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Signal.objects.count() == 0 and SignalAttachment.objects.count() == 0


def test_oversize_file_is_refused(client, heerenveen, settings):
    settings.KOMPAS_MELDPUNT_MAX_UPLOAD_MB = 1
    big = b"%PDF-1.4\n" + b"0" * (1024 * 1024 + 10) + b"\n%%EOF"
    upload = SimpleUploadedFile("groot.pdf", big, content_type="application/pdf")
    response = client.post(URL, {**intake_data(), "attachments": [upload]})
    assert response.status_code == 400
    assert "te groot" in response.content.decode()
    assert Signal.objects.count() == 0


def test_over_long_and_missing_text_is_refused(client, heerenveen):
    response = client.post(URL, intake_data(description="x" * 5001))
    assert response.status_code == 400
    assert "te lang" in response.content.decode()
    response = client.post(URL, intake_data(description=""))
    assert "Vul in wat u heeft gezien of gehoord." in response.content.decode()
    assert Signal.objects.count() == 0


def test_bad_postcode_and_period_get_field_errors(client, heerenveen):
    response = client.post(
        URL, intake_data(postcode="ABCD12", number="12", when_kind="periode", when_from="")
    )
    html = response.content.decode()
    assert "Vul de postcode in als 4 cijfers en 2 letters" in html
    assert "Vul de datum in" in html
    assert Signal.objects.count() == 0


def test_honeypot_and_too_fast_submissions_are_refused(client, heerenveen, settings):
    response = client.post(URL, intake_data(website="http://spam.example"))
    assert response.status_code == 400
    settings.KOMPAS_MELDPUNT_MIN_FILL_SECONDS = 60
    response = client.post(URL, intake_data())
    assert response.status_code == 400
    assert "te snel" in response.content.decode()
    assert Signal.objects.count() == 0


def test_submissions_are_rate_limited_per_client(client, heerenveen, settings):
    settings.KOMPAS_MELDPUNT_SUBMISSIONS_PER_HOUR = 2
    assert client.post(URL, intake_data()).status_code == 302
    assert client.post(URL, intake_data()).status_code == 302
    response = client.post(URL, intake_data())
    assert response.status_code == 429
    assert "over een uur" in response.content.decode()
    assert Signal.objects.count() == 2
    # another address has its own counter
    assert client.post(URL, intake_data(), REMOTE_ADDR="10.1.2.3").status_code == 302


def test_csrf_is_required_on_the_form(heerenveen):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(URL, intake_data())
    assert response.status_code == 403
    assert Signal.objects.count() == 0


def _api_payload(client, **overrides):
    challenge = client.get("/api/v1/meldpunt/heerenveen/challenge/").json()
    nonce = antiabuse.pow_solve(challenge["challenge"], challenge["bits"])
    data = {
        "phenomenon": "witwassen",
        "description": "De kapsalon heeft nooit klanten.",
        "challenge": challenge["challenge"],
        "nonce": nonce,
    }
    data.update(overrides)
    return data


def test_api_creates_signal_with_proof_of_work(client, heerenveen):
    from django.test import Client

    api = Client(enforce_csrf_checks=True)
    data = _api_payload(api)
    response = api.post(
        "/api/v1/meldpunt/heerenveen/signals/", data, content_type="application/json"
    )
    assert response.status_code == 201, response.content
    assert re.fullmatch(r"\d{4} \d{4} \d{4} \d{4}", response.json()["receipt_code"])
    assert Signal.objects.get().channel == "api"
    # the same challenge cannot be used twice
    again = api.post("/api/v1/meldpunt/heerenveen/signals/", data, content_type="application/json")
    assert again.status_code == 400 and "challenge" in again.json()["errors"]
    assert Signal.objects.count() == 1


def test_api_refuses_missing_work_and_bad_fields(client, heerenveen):
    bad = client.post(
        "/api/v1/meldpunt/heerenveen/signals/",
        {"phenomenon": "witwassen", "description": "x"},
        content_type="application/json",
    )
    assert bad.status_code == 400
    response = client.post(
        "/api/v1/meldpunt/heerenveen/signals/",
        _api_payload(client, description="y" * 6000, phenomenon="onzin"),
        content_type="application/json",
    )
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert "description" in errors and "phenomenon" in errors
    assert Signal.objects.count() == 0
    assert client.post("/api/v1/meldpunt/nergens/signals/", {}).status_code == 404


def _database_locked(**kwargs):
    from django.db import OperationalError

    raise OperationalError("database is locked")


def test_a_busy_database_keeps_the_report_on_screen_and_stores_nothing(
    client, heerenveen, monkeypatch
):
    """SQLite's write lock held past its busy timeout (e.g. a long import in the worker): the
    reporter is told nothing was sent and finds their text back in the form, not a 500."""
    from kompas.signals import services

    monkeypatch.setattr(services, "signal_create", _database_locked)
    data = intake_data(description="Sinds maart staat er elke nacht een busje bij de loods.")
    response = client.post(URL, data)
    assert response.status_code == 503
    html = response.content.decode()
    assert "Uw melding is nog niet verstuurd" in html
    assert "Sinds maart staat er elke nacht een busje bij de loods." in html
    assert "<code>" not in html  # no receipt code
    assert not Signal.objects.exists()


def test_a_busy_database_gives_the_api_a_503_with_retry_after(client, heerenveen, monkeypatch):
    from django.test import Client

    from kompas.signals import services

    monkeypatch.setattr(services, "signal_create", _database_locked)
    api = Client(enforce_csrf_checks=True)
    response = api.post(
        "/api/v1/meldpunt/heerenveen/signals/", _api_payload(api), content_type="application/json"
    )
    assert response.status_code == 503 and response["Retry-After"] == "60"
    assert "nog niet verstuurd" in response.json()["errors"]["__all__"][0]
    assert not Signal.objects.exists()


@pytest.mark.parametrize("body", ["[null, null]", "[]", "42", '"tekst"', "null"])
def test_api_answers_a_body_that_is_no_object_with_400_not_500(client, heerenveen, body):
    """Found by the API fuzzing (core test_api_fuzz): a JSON array or scalar as the body was
    an AttributeError and a 500."""
    response = client.post(
        "/api/v1/meldpunt/heerenveen/signals/", body, content_type="application/json"
    )
    assert response.status_code == 400
    assert "JSON-object" in response.json()["detail"]
    assert Signal.objects.count() == 0
