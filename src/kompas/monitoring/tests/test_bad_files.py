# SPDX-License-Identifier: EUPL-1.2
"""Bad files give a clear error naming the line, and nothing is imported."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from kompas.monitoring.importers import ParseError
from kompas.monitoring.models import Observation
from kompas.monitoring.services import data_import

pytestmark = pytest.mark.django_db

HEAD = (
    '"Geregistreerde misdrijven en aangiften; soort misdrijf, gemeente 2026"\n'
    '"Soort misdrijf: Totaal misdrijven"\n""\n'
    '"Onderwerp";"Geregistreerde misdrijven";"Geregistreerde misdrijven"\n'
    '"Perioden";"2022";"2023"\n"Regio\'s";"aantal";"aantal"\n'
)


def write(tmp_path, text, name="export.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def assert_rejected(path, *fragments):
    with pytest.raises(ParseError) as exc:
        data_import(path=path)
    message = str(exc.value)
    for fragment in fragments:
        assert fragment in message, message
    assert Observation.objects.count() == 0
    return exc.value


def test_good_small_file_imports(reference_data, tmp_path):
    path = write(tmp_path, HEAD + '"Heerenveen";"1691";"1707"\n"Bron: Politie"\n')
    report = data_import(path=path)
    assert (report.rows_read, report.inserted) == (1, 2)


def test_wrong_delimiter(reference_data, tmp_path):
    path = write(tmp_path, HEAD.replace(";", ",") + '"Heerenveen","1691","1707"\n')
    assert_rejected(path, "regel 1", "scheidingsteken")


def test_unknown_region_names_the_line(reference_data, tmp_path):
    path = write(tmp_path, HEAD + '"Heerenveen";"1691";"1707"\n"Atlantis";"1";"2"\n')
    assert_rejected(path, "regel 8", "onbekende regio 'Atlantis'")


def test_non_numeric_value_names_line_and_column(reference_data, tmp_path):
    path = write(tmp_path, HEAD + '"Heerenveen";"1691";"veel"\n')
    assert_rejected(path, "regel 7", "Geregistreerde misdrijven 2023", "'veel' is geen getal")


def test_duplicate_key_names_both_lines(reference_data, tmp_path):
    path = write(
        tmp_path, HEAD + '"Heerenveen";"1";"2"\n"Opsterland";"3";"4"\n"Heerenveen";"5";"6"\n'
    )
    assert_rejected(path, "regel 9", "dubbele rij", "regel 7")


def test_secret_value_is_imported_as_unknown(reference_data, tmp_path):
    path = write(tmp_path, HEAD + '"Buitenland";".";"."\n')
    data_import(path=path)
    assert list(Observation.objects.values_list("region_code", "value")) == [
        ("GM0998", None),
        ("GM0998", None),
    ]


def test_command_line_reports_the_lines_and_imports_nothing(reference_data, tmp_path, capsys):
    path = write(tmp_path, HEAD + '"Atlantis";"1";"2"\n"Heerenveen";"veel";"2"\n')
    with pytest.raises(CommandError, match="2 fout"):
        call_command("data", "import", str(path))
    err = capsys.readouterr().err
    assert "regel 7" in err and "regel 8" in err
    assert Observation.objects.count() == 0
