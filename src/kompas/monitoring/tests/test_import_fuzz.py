# SPDX-License-Identifier: EUPL-1.2
"""Hypothesis on the monitoring file importers (issue 15 item 3): any bytes as a StatLine
CSV, client CSV, OData JSON or Excel file, and any damaged copy of a good StatLine export,
give a ParseError/MonitoringError (a Dutch message) or a clean import; never another
exception and never half an import."""

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kompas.monitoring.constants import ImportFormat
from kompas.monitoring.importers import ParseError
from kompas.monitoring.models import DataImport, Observation
from kompas.monitoring.services import data_import
from kompas.monitoring.services._common import MonitoringError

GOOD = (
    '"Geregistreerde misdrijven en aangiften; soort misdrijf, gemeente 2026"\n'
    '"Soort misdrijf: Totaal misdrijven"\n""\n'
    '"Onderwerp";"Geregistreerde misdrijven";"Geregistreerde misdrijven"\n'
    '"Perioden";"2022";"2023"\n"Regio\'s";"aantal";"aantal"\n'
    '"Heerenveen";"1691";"1707"\n"Bron: Politie"\n'
)
FUZZ = settings(
    max_examples=20,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
SUFFIX = {
    ImportFormat.STATLINE_CSV: ".csv",
    ImportFormat.CLIENT_CSV: ".csv",
    ImportFormat.ODATA_JSON: ".json",
    ImportFormat.XLSX: ".xlsx",
}


def _import_or_dutch_error(data: bytes, fmt):
    before = (Observation.objects.count(), DataImport.objects.count())
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"bestand{SUFFIX[fmt]}"
        path.write_bytes(data)
        try:
            data_import(path=path, fmt=fmt)
        except (ParseError, MonitoringError) as error:
            assert str(error).strip(), "een fout zonder melding"
            assert (Observation.objects.count(), DataImport.objects.count()) == before


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", list(SUFFIX))
@FUZZ
@given(data=st.binary(max_size=300))
def test_any_bytes_give_a_dutch_error_or_an_import(reference_data, fmt, data):
    _import_or_dutch_error(data, fmt)


@pytest.mark.django_db
@FUZZ
@given(
    start=st.integers(0, len(GOOD)),
    cut=st.integers(0, 40),
    insert=st.text(alphabet=';"\n\r,.-0123456789abcé ', max_size=12),
)
def test_a_damaged_statline_export_gives_a_dutch_error_or_an_import(
    reference_data, start, cut, insert
):
    text = GOOD[:start] + insert + GOOD[start + cut :]
    _import_or_dutch_error(text.encode("utf-8"), ImportFormat.STATLINE_CSV)
