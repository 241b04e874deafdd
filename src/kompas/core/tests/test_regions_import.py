# SPDX-License-Identifier: EUPL-1.2
"""`kompas regions import` loads the CBS/politie WijkenEnBuurten dimension, all or nothing."""

import pytest
from django.core.management import CommandError, call_command

from kompas.core.models import Region

HEADER = '"Key","Title","Description","Municipality","DetailRegionCode"\n'


def test_whole_country_imports_once_and_idempotently(db, shared_data, capsys):
    path = shared_data / "47018NED_WijkenEnBuurten.csv"
    call_command("regions", "import", str(path))
    count = Region.objects.count()
    assert count > 18_000
    call_command("regions", "import", str(path))
    assert Region.objects.count() == count
    assert "0 nieuw, 0 gewijzigd" in capsys.readouterr().out.splitlines()[-1]
    centrum = Region.objects.get(code="BU00740101")
    assert centrum.name == "Centrum"
    assert centrum.parent.code == "WK007401"
    assert centrum.parent.parent.code == "GM0074"
    assert centrum.municipality_code == "GM0074"


def test_bad_line_is_rejected_with_line_and_field_and_nothing_imported(db, tmp_path):
    path = tmp_path / "regios.csv"
    path.write_text(
        HEADER
        + '"NL00      ","Nederland",,"",""\n'
        + '"GM0074    ","Heerenveen","","GM0074","GM0074"\n'
        + '"WK007401  ","Wijk 01 Heerenveen","","GM0074","WK007401"\n'
        + '"XX12345   ","Onzin","","GM0074","XX"\n'
        + '"BU00740101","","","GM0074","BU00740101"\n',
        encoding="utf-8",
    )
    with pytest.raises(CommandError, match="niets geïmporteerd"):
        call_command("regions", "import", str(path))
    assert Region.objects.count() == 0


def test_error_messages_name_line_and_field(db, tmp_path):
    from kompas.core.services import RegionImportError, regions_import

    path = tmp_path / "regios.csv"
    path.write_text(
        HEADER + '"NL00      ","Nederland",,"",""\n' + '"GM0074    ","","","GM0074","GM0074"\n',
        encoding="utf-8",
    )
    with pytest.raises(RegionImportError) as info:
        regions_import(path)
    assert info.value.errors == [(3, "Title", "naam ontbreekt")]


def test_missing_column_is_reported(db, tmp_path):
    from kompas.core.services import RegionImportError, regions_import

    path = tmp_path / "regios.csv"
    path.write_text('"Code","Naam"\n"GM0074","Heerenveen"\n', encoding="utf-8")
    with pytest.raises(RegionImportError, match="Key"):
        regions_import(path)
