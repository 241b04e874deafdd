# SPDX-License-Identifier: EUPL-1.2
import io
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.cache import cache
from PIL import Image


@pytest.fixture(autouse=True)
def _meldpunt_settings(settings, tmp_path):
    """Fresh rate-limit counters per test, in the shared file cache the demo uses (its own
    directory per test, so parallel test workers never share counters); no minimum fill time
    unless a test sets one."""
    settings.CACHES = {
        "default": {
            "BACKEND": "kompas.signals.cache.LockedFileBasedCache",
            "LOCATION": str(tmp_path / "cache"),
        }
    }
    cache.clear()
    settings.KOMPAS_MELDPUNT_MIN_FILL_SECONDS = 0
    settings.KOMPAS_MELDPUNT_POW_BITS = 4
    yield
    cache.clear()


@pytest.fixture
def make_signal(heerenveen):
    """make_signal(**overrides) -> (signal, receipt code), through the real intake service."""
    from kompas.signals.services import Contact, Location, signal_create

    def make(municipality=None, **kw):
        new = signal_create(
            municipality=municipality or heerenveen,
            phenomenon=kw.pop("phenomenon", "drugs_teelt"),
            description=kw.pop("description", "Hennepgeur uit de schuur achter nummer 12."),
            location=kw.pop("location", Location()),
            contact=kw.pop("contact", Contact()),
            **kw,
        )
        return new.signal, new.receipt_code

    return make


@pytest.fixture
def make_agreement(heerenveen):
    """make_agreement(partner_code, municipality=None, **fields) -> an active SharingAgreement."""
    from datetime import date

    from kompas.core.models import PartnerOrganisation
    from kompas.signals.services import sharing_agreement_save

    def make(code, municipality=None, **kw):
        return sharing_agreement_save(
            municipality=municipality or heerenveen,
            by=None,
            partner=PartnerOrganisation.objects.get(code=code),
            name=kw.pop("name", f"Convenant {code}"),
            signed_on=kw.pop("signed_on", date(2024, 3, 1)),
            legal_ground=kw.pop("legal_ground", "art. 6 lid 1 sub e AVG"),
        )

    return make


@pytest.fixture
def staff_client(client, adviseur_heerenveen):
    client.force_login(adviseur_heerenveen)
    return client


def jpeg_with_gps() -> bytes:
    img = Image.new("RGB", (40, 30), (200, 50, 50))
    exif = Image.Exif()
    exif[0x010F] = "GeheimMerk"  # Make
    exif[0x8825] = {1: "N", 2: (52.0, 57.0, 0.0), 3: "E", 4: (5.0, 55.0, 0.0)}  # GPS
    out = io.BytesIO()
    img.save(out, format="JPEG", exif=exif.tobytes())
    return out.getvalue()


def png_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (10, 10), (0, 0, 255)).save(out, format="PNG")
    return out.getvalue()


def intake_data(**overrides) -> dict:
    from kompas.signals import antiabuse

    data = {
        "phenomenon": "drugs_teelt",
        "description": "Ik ruik al weken hennep bij de schuur.",
        "when_kind": "doorlopend",
        "postcode": "",
        "number": "",
        "addition": "",
        "place": "",
        "contact_name": "",
        "contact_email": "",
        "contact_phone": "",
        "website": "",
        "started": antiabuse.form_started_token(),
    }
    data.update(overrides)
    return data


PDOK = Path(__file__).parent / "data" / "pdok"


@pytest.fixture
def pdok(settings, monkeypatch):
    """The Locatieserver switched on, answering from the recorded files; returns the list of
    query strings asked."""
    settings.KOMPAS_PDOK_ENABLED = True
    asked = []

    def fake_urlopen(request, timeout):
        assert timeout <= 5
        query = parse_qs(urlsplit(request.full_url).query)
        asked.append(query)
        q = query["q"][0]  # "postcode:8441ES and huisnummer:2"
        postcode = q.split("postcode:")[1].split()[0]
        number = q.split("huisnummer:")[1].split()[0]
        path = PDOK / f"{postcode}-{number}.json"
        return io.BytesIO((path if path.exists() else PDOK / "not-found.json").read_bytes())

    from kompas.signals import addresses

    monkeypatch.setattr(addresses, "urlopen", fake_urlopen)
    return asked
