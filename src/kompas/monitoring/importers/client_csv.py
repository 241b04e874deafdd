# SPDX-License-Identifier: EUPL-1.2
"""The CSV written by the R/Python clients (cbsodataR, cbsodata): OData column names."""

import csv
import io
from pathlib import Path

from django.utils.translation import gettext as _

from ..constants import ImportFormat
from ._common import ParseError, ParseResult, ProgressCallback, _Collector, _Progress, _read_text
from ._records import _dict_rows


def parse_client_csv(
    path: Path, display_name: str = "", progress: ProgressCallback | None = None
) -> ParseResult:
    name = display_name or path.name
    col = _Collector(name)
    prog = _Progress(progress)
    text = _read_text(path)
    first = text.splitlines()[0] if text else ""
    delim = max((",", ";"), key=first.count)
    if "Perioden" not in first or first.count(delim) == 0:
        col.error(
            1,
            _("kop"),
            _(
                "kopregel niet herkend: verwacht kolommen als SoortMisdrijf, WijkenEnBuurten, "
                "Perioden, gescheiden door ',' of ';'"
            ),
        )
        raise ParseError(col.problems)
    buffer = io.StringIO(text)
    total = max(len(text), 1)
    reader = csv.DictReader(buffer, delimiter=delim)
    records = ((reader.line_num, rec) for rec in reader)
    read = _dict_rows(col, records, "", on_row=lambda n: prog.row(n, buffer.tell() / total))
    if col.problems:
        raise ParseError(col.problems, read)
    prog.done(read)
    return ParseResult(col.rows, ImportFormat.CLIENT_CSV, "", read)
