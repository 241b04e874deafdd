# SPDX-License-Identifier: EUPL-1.2
"""CSV exports that open safely in a spreadsheet (Excel, LibreOffice)."""

import csv
from collections.abc import Iterable
from typing import Any

from django.http import HttpResponse
from django.utils import timezone

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


def csv_response(filename: str, header: Iterable[str], rows: Iterable[Iterable[Any]]):
    """A CSV download Excel opens right: UTF-8 with a byte-order mark (without it Excel reads
    "geëxporteerd" as "geÃ«xporteerd"), semicolons, formula-safe cells."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    write_csv(response, header, rows)
    return response


# The audit log as on screen: local time, Dutch actions, kinds of object and field labels.
AUDIT_CSV_HEADER = (
    "tijdstip",
    "gebruiker",
    "handeling",
    "soort object",
    "object-id",
    "gemeente",
    "velden en wijzigingen",
    "toelichting",
)
SCREEN_TIME_FORMAT = "%d-%m-%Y %H:%M:%S"  # as the audit page's "d-m-Y H:i:s"


def audit_csv_rows(entries) -> Iterable[list]:
    for e in entries.iterator():
        yield [
            timezone.localtime(e.at).strftime(SCREEN_TIME_FORMAT),
            e.username,
            e.get_action_display(),
            e.object_kind,
            e.object_id,
            e.municipality.name if e.municipality else "",
            "; ".join(e.field_lines),
            e.note,
        ]


# --- Lists as CSV or Excel (core.registers and any app's list) ---------------------------------
FORMATS = ("csv", "xlsx")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def safe_cell(value: Any):
    """Numbers stay numbers (Excel can add them up); everything else as spreadsheet_safe."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    return spreadsheet_safe(value)


def table_response(*, filename: str, headers, rows, fmt: str) -> HttpResponse:
    """A download of `rows` under `headers` as `fmt` ('csv' or 'xlsx'); `filename` without
    extension."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}")
    if fmt == "csv":
        return csv_response(f"{filename}.csv", headers, rows)
    import io

    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append([str(h) for h in headers])
    for row in rows:
        sheet.append([safe_cell(v) for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response
