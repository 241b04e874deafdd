# SPDX-License-Identifier: EUPL-1.2
"""CSV import of controles and opkopers: line-exact Dutch errors, all or nothing, a BOM or
none, the upload page and the management command."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from kompas.core.models import AuditEntry
from kompas.ondermijning.imports import import_csv
from kompas.ondermijning.models import Controle, Dealer
from kompas.policy.models import Event

pytestmark = pytest.mark.django_db

CONTROLES = (
    "datum;omschrijving;branche;aanleiding;status;adressen;partners\n"
    "12-03-2025;Horeca centrum;horeca;signalen;uitgevoerd;Kerkstraat 1|Kerkstraat 3;politie\n"
    "14-05-2025;Kapsalons;Nagel- en kapsalons;fenomenenkeuze;gepland;;\n"
)
OPKOPERS = (
    "naam;kvk;adres;branche;dor_plicht;in_dor_sinds\n"
    "Goudhandel Dracht;12345678;Dracht 10;edelmetaal;ja;01-02-2024\n"
    "Kringloop De Ark;87654321;Fok 1;kringloop;nee;\n"
)


def _import(municipality, kind, text, bom=False):
    data = ("\ufeff" if bom else "") + text
    return import_csv(municipality=municipality, kind=kind, data=data.encode(), by=None)


@pytest.mark.parametrize("bom", [False, True])
def test_controles_import_with_or_without_bom(heerenveen, bom):
    result = _import(heerenveen, "controles", CONTROLES, bom=bom)
    assert result.ok, result.errors
    assert result.created == 2
    done = Controle.objects.get(title="Horeca centrum")
    assert done.date == date(2025, 3, 12)
    assert [loc.address for loc in done.locations.all()] == ["Kerkstraat 1", "Kerkstraat 3"]
    assert [p.code for p in done.partners.all()] == ["politie"]
    assert Controle.objects.get(title="Kapsalons").branche.code == "nagel-kapsalons"
    # The uitgevoerde controle counts for the norm, the planned one not.
    assert Event.objects.filter(kind="integrale_controle", source_id=str(done.pk)).count() == 1
    assert Event.objects.filter(kind="integrale_controle").count() == 1
    assert AuditEntry.objects.filter(object_type="ondermijning.import.controles").exists()


def test_errors_name_their_line_and_nothing_is_stored(heerenveen):
    text = CONTROLES + (
        "31-02-2025;Garage;autobedrijven;signalen;;;\n"
        "\n"
        "01-04-2025;Loods;vuurwerk;signalen;;;\n"
        "01-04-2025;Loods;horeca;signalen;;;marsmannetjes\n"
        "01-04-2025;;horeca;signalen;;;\n"
        "01-04-2030;Toekomst;horeca;signalen;uitgevoerd;;\n"
        "01-04-2025;te kort\n"
    )
    result = _import(heerenveen, "controles", text)
    assert result.created == 0
    assert result.errors[0] == (
        "Regel 4: kolom datum: “31-02-2025” is geen bestaande datum (schrijf dd-mm-jjjj)."
    )
    assert result.errors[1].startswith("Regel 6: kolom branche: “vuurwerk” is onbekend; kies uit")
    assert result.errors[2:] == [
        "Regel 7: kolom partners: onbekende partner “marsmannetjes”.",
        "Regel 8: kolom omschrijving is verplicht.",
        "Regel 9: kolom status: Een controle op 01-04-2030 ligt in de toekomst en kan nog "
        "niet uitgevoerd zijn.",
        "Regel 10: 2 kolommen, de kopregel heeft er 7.",
    ]
    # Lines 2 and 3 were fine, yet nothing was stored: not the controles, not their events.
    assert not Controle.objects.exists()
    assert not Event.objects.filter(kind="integrale_controle").exists()


def test_header_errors(heerenveen):
    assert _import(heerenveen, "opkopers", "naam,kvk,adres\nA,1,B\n").errors == [
        "Regel 1: gebruik een puntkomma (;) als scheidingsteken."
    ]
    assert _import(heerenveen, "opkopers", "naam;kvk;kleur\n").errors == [
        "Regel 1: onbekende kolom(men): kleur.",
        "Regel 1: verplichte kolom(men) ontbreken: adres, branche, dor_plicht.",
    ]
    assert _import(heerenveen, "opkopers", "").errors == ["Het bestand is leeg."]
    latin = import_csv(
        municipality=heerenveen,
        kind="opkopers",
        data=OPKOPERS.encode() + "Café;11112222;Één;overig;ja;\n".encode("latin-1"),
        by=None,
    )
    assert latin.errors == ["Regel 4: het bestand is geen UTF-8; sla het op als “CSV UTF-8”."]


def test_opkopers_import_kvk_and_duplicates(heerenveen):
    text = OPKOPERS + (
        "Telefoonwinkel;1234567;Dracht 2;elektronica;ja;\n"
        "Dubbel;12345678;Dracht 3;edelmetaal;misschien;\n"
        "Dubbel;12345678;Dracht 3;edelmetaal;ja;\n"
    )
    result = _import(heerenveen, "opkopers", text)
    assert result.errors == [
        "Regel 4: kolom kvk: Een KvK-nummer bestaat uit precies 8 cijfers (gevonden: “1234567”).",
        "Regel 5: kolom dor_plicht: “misschien” is geen ja of nee.",
        "Regel 6: Deze gemeente heeft al een opkoper met dit KvK-nummer.",
    ]
    assert not Dealer.objects.exists()
    result = _import(heerenveen, "opkopers", OPKOPERS)
    assert result.ok and result.created == 2
    assert Dealer.objects.get(kvk_number="12345678").dor_since == date(2024, 2, 1)
    assert Dealer.objects.get(kvk_number="87654321").dor_required is False


def test_upload_page(client, heerenveen, weststellingwerf, make_member):
    url = reverse("ondermijning:import", args=["heerenveen"])
    client.force_login(make_member(weststellingwerf, "adviseur"))
    assert client.get(url).status_code == 404
    client.force_login(make_member(heerenveen, "adviseur"))
    bad = client.post(
        url,
        {"kind": "opkopers", "file": SimpleUploadedFile("o.csv", b"naam;kvk\nA;1\n")},
    )
    assert bad.status_code == 400
    assert "verplichte kolom(men) ontbreken: adres" in bad.content.decode()
    good = client.post(
        url, {"kind": "opkopers", "file": SimpleUploadedFile("o.csv", OPKOPERS.encode())}
    )
    assert good.status_code == 302
    assert Dealer.objects.filter(municipality=heerenveen).count() == 2


def test_command(heerenveen, tmp_path, capsys):
    path = tmp_path / "controles.csv"
    path.write_text(CONTROLES + "1-1-2025;X;horeca;onbekend;;;\n", encoding="utf-8")
    with pytest.raises(CommandError, match="Niets geïmporteerd: 1 fout"):
        call_command("ondermijning", "importeren", "heerenveen", "controles", str(path))
    assert "Regel 4: kolom aanleiding: “onbekend” is onbekend" in capsys.readouterr().err
    assert not Controle.objects.exists()
    path.write_text(CONTROLES, encoding="utf-8-sig")
    call_command("ondermijning", "importeren", "GM0074", "controles", str(path))
    assert "Heerenveen: 2 controles geïmporteerd." in capsys.readouterr().out
    assert Controle.objects.filter(municipality=heerenveen).count() == 2
    with pytest.raises(CommandError, match="Onbekende gemeente"):
        call_command("ondermijning", "importeren", "GM9999", "controles", str(path))
