# SPDX-License-Identifier: EUPL-1.2
"""Parsers for the file formats a policy advisor has: StatLine CSV exports, OData v3
TypedDataSet JSON (one response or a folder of pages), the CSV of the R/Python clients, and
Excel sheets of own registrations. They only read and validate: each returns ParsedRows or
raises ParseError with every problem (file, line, field, message). The services write.

Every parser takes an optional `progress(rows_read, fraction)` callback: it is called every
PROGRESS_EVERY rows and once at the end, with the share of the file read so far (0..1; by
characters for CSV, by records for OData, by rows for Excel) or None where it is unknown.

A package since issue 11, one module per format (`statline`, `client_csv`, `odata`, `xlsx`;
`_common` and `_records` hold what they share, `detect` picks the parser); every public name
stays importable from `kompas.monitoring.importers`.
"""

from ._common import (
    MONTHS,
    PROGRESS_EVERY,
    QUARTERS,
    ParsedRow,
    ParseError,
    ParseResult,
    Problem,
    ProgressCallback,
    parse_period_label,
    parse_value,
)
from ._records import REGION_COLUMNS, TYPE_COLUMNS
from .client_csv import parse_client_csv
from .detect import detect_format, parse_path
from .odata import parse_odata_pages, parse_odata_path, table_from_metadata
from .statline import HEADER_LABELS, ROW_DIMENSION_LABELS, parse_statline_csv
from .xlsx import XLSX_COLUMNS, parse_xlsx

__all__ = [
    "HEADER_LABELS",
    "MONTHS",
    "PROGRESS_EVERY",
    "QUARTERS",
    "REGION_COLUMNS",
    "ROW_DIMENSION_LABELS",
    "TYPE_COLUMNS",
    "XLSX_COLUMNS",
    "ParseError",
    "ParseResult",
    "ParsedRow",
    "Problem",
    "ProgressCallback",
    "detect_format",
    "parse_client_csv",
    "parse_odata_pages",
    "parse_odata_path",
    "parse_path",
    "parse_period_label",
    "parse_statline_csv",
    "parse_value",
    "parse_xlsx",
    "table_from_metadata",
]
