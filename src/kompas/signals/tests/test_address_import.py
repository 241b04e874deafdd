# SPDX-License-Identifier: EUPL-1.2
"""`kompas signals adressen importeren GM0074 adressen.csv`: the gemeente's own address list,
all or nothing, with errors that name the line in Dutch."""

import pytest
from django.core.management import call_command

from kompas.signals.models import Address

pytestmark = pytest.mark.django_db

GOOD = (
    "postcode;huisnummer;toevoeging;straat;woonplaats;buurtcode\n"
    "8441 ES;2;;Dracht;Heerenveen;BU00740101\n"
    "8441ES;2;a;Dracht;Heerenveen;BU00740102\n"
    "8448AA;10;;Gedempte Molenwijk;Jubbega;\n"
)


def _run(tmp_path, text, code="GM0074"):
    path = tmp_path / "adressen.csv"
    path.write_text(text, encoding="utf-8")
    return path, ["signals", "adressen", "importeren", code, str(path)]


def test_a_good_file_replaces_the_list(tmp_path, heerenveen, weststellingwerf, capsys):
    Address.objects.create(
        municipality=heerenveen, postcode="9999ZZ", number=1, street="Oud", town="Oud"
    )
    Address.objects.create(
        municipality=weststellingwerf, postcode="8471AA", number=1, street="Blijft", town="Wolvega"
    )
    _path, args = _run(tmp_path, GOOD)
    call_command(*args)
    out = capsys.readouterr().out
    assert "Heerenveen: 3 adressen ingelezen; de vorige lijst (1 adressen) is vervangen." in out
    rows = list(
        Address.objects.filter(municipality=heerenveen).values_list(
            "postcode", "number", "addition", "street", "buurt_code"
        )
    )
    assert rows == [
        ("8441ES", 2, "", "Dracht", "BU00740101"),
        ("8441ES", 2, "A", "Dracht", "BU00740102"),
        ("8448AA", 10, "", "Gedempte Molenwijk", ""),
    ]
    assert Address.objects.filter(municipality=weststellingwerf).count() == 1


def test_bad_lines_are_named_and_nothing_is_imported(tmp_path, heerenveen, capsys):
    Address.objects.create(
        municipality=heerenveen, postcode="9999ZZ", number=1, street="Oud", town="Oud"
    )
    text = (
        "postcode,huisnummer,toevoeging,straat,woonplaats,buurtcode\n"
        "8441ES,2,,Dracht,Heerenveen,BU00740101\n"
        "84411,3,,Dracht,Heerenveen,\n"
        "8441ES,twee,,Dracht,Heerenveen,\n"
        "8441ES,4,,,Heerenveen,\n"
        "8441ES,5,,Dracht,Heerenveen,BU00980101\n"
        "8441 es,2,,Dracht,Heerenveen,\n"
    )
    path, args = _run(tmp_path, text)
    with pytest.raises(SystemExit) as exit_:
        call_command(*args)
    assert exit_.value.code == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"{path}: regel 3: postcode '84411' is geen postcode (4 cijfers en 2 letters, zoals "
        "8441 ES)",
        f"{path}: regel 4: huisnummer 'twee' is geen getal; letters gaan in de kolom toevoeging",
        f"{path}: regel 5: straat ontbreekt",
        f"{path}: regel 6: buurtcode 'BU00980101' is geen CBS-buurt van Heerenveen",
        f"{path}: regel 7: adres 8441ES 2 staat ook op regel 2",
        "5 fout(en); er is niets ingelezen.",
    ]
    assert list(Address.objects.values_list("street", flat=True)) == ["Oud"]


def test_missing_columns_unknown_gemeente_and_missing_file(tmp_path, heerenveen, capsys):
    _path, args = _run(tmp_path, "postcode;nummer;straat\n8441ES;2;Dracht\n")
    with pytest.raises(SystemExit):
        call_command(*args)
    err = capsys.readouterr().err
    assert "regel 1: kolom ontbreekt in de kopregel: huisnummer, woonplaats" in err
    assert "CommandError" not in err

    _path, args = _run(tmp_path, GOOD, code="GM9999")
    with pytest.raises(SystemExit):
        call_command(*args)
    assert "Gemeente GM9999 staat niet in deze installatie." in capsys.readouterr().err

    with pytest.raises(SystemExit):
        call_command("signals", "adressen", "importeren", "GM0074", str(tmp_path / "weg.csv"))
    assert "Bestand niet gevonden" in capsys.readouterr().err
    assert not Address.objects.exists()


def test_beheerder_uploads_the_list_in_the_product(client, heerenveen, make_member):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from kompas.core.models import AuditEntry

    client.force_login(make_member(heerenveen, "beheerder"))
    assert "/heerenveen/adressen/" in client.get("/heerenveen/beheer/").content.decode()
    bad = GOOD + "8441ES;twee;;Dracht;Heerenveen;\n"
    response = client.post(
        "/heerenveen/adressen/", {"file": SimpleUploadedFile("a.csv", bad.encode())}
    )
    assert response.status_code == 400
    assert (
        "regel 5: huisnummer &#x27;twee&#x27; is geen getal; letters gaan in de kolom toevoeging"
        in response.content.decode()
    )
    assert not Address.objects.exists()
    response = client.post(
        "/heerenveen/adressen/",
        {"file": SimpleUploadedFile("a.csv", ("\ufeff" + GOOD).encode())},
        follow=True,
    )
    assert "3 adressen ingelezen" in response.content.decode()
    assert Address.objects.filter(municipality=heerenveen).count() == 3
    assert AuditEntry.objects.filter(note__startswith="adressenlijst meldpunt").exists()


def test_only_the_beheerder_reaches_the_address_list(client, heerenveen, adviseur_heerenveen):
    client.force_login(adviseur_heerenveen)
    assert client.get("/heerenveen/adressen/").status_code == 404
