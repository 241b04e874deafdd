# SPDX-License-Identifier: EUPL-1.2
"""Which parser a file needs, and parsing a path with it."""

import csv
from pathlib import Path

from django.utils.translation import gettext as _

from ..constants import ImportFormat
from ._common import ParseError, ParseResult, Problem, ProgressCallback, _read_text
from ._records import REGION_COLUMNS
from .client_csv import parse_client_csv
from .odata import parse_odata_path
from .statline import parse_statline_csv
from .xlsx import parse_xlsx


def detect_format(path: Path) -> str:
    if path.is_dir() or path.suffix.lower() == ".json":
        return ImportFormat.ODATA_JSON
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return ImportFormat.XLSX
    head = _read_text(path)[:2000].splitlines()[:1]
    if head and "Perioden" in head[0] and any(k in head[0] for k in REGION_COLUMNS):
        return ImportFormat.CLIENT_CSV
    return ImportFormat.STATLINE_CSV


def parse_path(
    path: Path,
    fmt: str | None = None,
    display_name: str = "",
    progress: ProgressCallback | None = None,
) -> ParseResult:
    """Parse `path` in `fmt` (detected when None); `progress(rows_read, fraction)` is called
    while reading (see the module docstring)."""
    fmt = fmt or detect_format(path)
    if fmt in (ImportFormat.STATLINE_CSV, ImportFormat.CLIENT_CSV):
        parse = parse_statline_csv if fmt == ImportFormat.STATLINE_CSV else parse_client_csv
        try:
            return parse(path, display_name, progress)
        except csv.Error as error:  # e.g. a lone carriage return inside an unquoted cell
            message = _("het bestand is geen geldige CSV (%(e)s)") % {"e": error}
            raise ParseError([Problem(1, "CSV", message, display_name or path.name)]) from error
    if fmt == ImportFormat.ODATA_JSON:
        return parse_odata_path(path, progress)
    if fmt == ImportFormat.XLSX:
        return parse_xlsx(path, display_name, progress)
    raise ValueError(fmt)
