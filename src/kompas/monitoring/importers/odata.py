# SPDX-License-Identifier: EUPL-1.2
"""OData v3 TypedDataSet JSON: one response or a folder of pages (also the fetched pages)."""

import json
import re
from pathlib import Path

from django.utils.translation import gettext as _

from ..constants import ImportFormat
from ._common import (
    ParsedRow,
    ParseError,
    ParseResult,
    Problem,
    ProgressCallback,
    _Collector,
    _Progress,
    _read_text,
)
from ._records import _dict_rows


def table_from_metadata(url: str) -> str:
    m = re.search(r"/(\d{5}[A-Z]{3})/", url or "")
    return m.group(1) if m else ""


def parse_odata_pages(
    pages: list[tuple[str, dict]], table: str = "", progress: ProgressCallback | None = None
) -> ParseResult:
    """pages: (name, decoded JSON) of TypedDataSet responses in order."""
    problems: list[Problem] = []
    rows: list[ParsedRow] = []
    seen: dict = {}
    read = 0
    prog = _Progress(progress)
    for page_number, (page_name, doc) in enumerate(pages):
        col = _Collector(page_name, seen=seen)
        if not isinstance(doc, dict) or not isinstance(doc.get("value"), list):
            col.error(1, "value", _("geen OData TypedDataSet-antwoord (lijst 'value' ontbreekt)"))
            problems.extend(col.problems)
            continue
        table = table or table_from_metadata(doc.get("odata.metadata", ""))
        records = ((i, rec) for i, rec in enumerate(doc["value"], start=1))
        size, before = max(len(doc["value"]), 1), read
        read += _dict_rows(
            col,
            records,
            table,
            on_row=lambda n, size=size, before=before, page=page_number: prog.row(
                before + n, (page + n / size) / len(pages)
            ),
        )
        problems.extend(col.problems)
        rows.extend(col.rows)
    if problems:
        raise ParseError(problems, read)
    prog.done(read)
    return ParseResult(rows, ImportFormat.ODATA_JSON, table, read)


def parse_odata_path(path: Path, progress: ProgressCallback | None = None) -> ParseResult:
    files = sorted(path.glob("*.json")) if path.is_dir() else [path]
    pages = []
    for f in files:
        try:
            pages.append((f.name, json.loads(_read_text(f))))
        except json.JSONDecodeError as exc:
            raise ParseError(
                [
                    Problem(
                        exc.lineno, "JSON", _("geen geldige JSON: %(m)s") % {"m": exc.msg}, f.name
                    )
                ]
            ) from exc
    if not pages:
        raise ParseError([Problem(0, _("map"), _("geen .json-bestanden in de map"), path.name)])
    return parse_odata_pages(pages, progress=progress)
