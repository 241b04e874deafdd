# SPDX-License-Identifier: EUPL-1.2
"""CSV exports that open safely in a spreadsheet (Excel, LibreOffice)."""

import csv
from collections.abc import Iterable
from typing import Any

# A cell starting with one of these is run as a formula by spreadsheet programs (OWASP "CSV
# injection"); tab and carriage return hide such a start.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> str:
    """The value as text; with a leading quote when a spreadsheet would read it as a formula."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_START):
        return "'" + text
    return text


def write_csv(stream, header: Iterable[str], rows: Iterable[Iterable[Any]]) -> None:
    """Semicolon-separated (what Dutch spreadsheet settings expect), every cell made safe."""
    writer = csv.writer(stream, delimiter=";")
    writer.writerow([spreadsheet_safe(h) for h in header])
    for row in rows:
        writer.writerow([spreadsheet_safe(cell) for cell in row])
