# SPDX-License-Identifier: EUPL-1.2
"""Render a report snapshot to HTML (screen and print) and to PDF (WeasyPrint).

Charts are stored in the snapshot as Vega-Lite specifications (the same ones the monitoring
screens use) and rendered here to inline SVG through monitoring's renderer (role="img" with
title and description); every chart is followed by its figures as a table.
"""

from __future__ import annotations

import copy
import hashlib
import json
from functools import lru_cache
from pathlib import Path

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from kompas.core.pdf import html_to_pdf

from . import sources

STATIC = Path(__file__).resolve().parent / "static" / "reporting"
REPORT_CSS = STATIC / "report.css"

TEMPLATES = {
    "voortgang": "reporting/kinds/voortgang.html",
    "tussenevaluatie": "reporting/kinds/tussenevaluatie.html",
    "digitaal": "reporting/kinds/digitaal.html",
    "jaarverslag": "reporting/kinds/jaarverslag.html",
}


def chart_svg(spec: dict, *, title: str = "", description: str = "") -> str:
    return _svg_cached(json.dumps(spec, sort_keys=True), title, description)


# vl-convert lays out chart text with Liberation Sans metrics; a generic "sans-serif" would
# resolve to the wider DejaVu Sans on Debian, so long axis labels would overflow the drawing.
_FONT = 'font-family="Liberation Sans, Arial, Helvetica, sans-serif"'


@lru_cache(maxsize=512)
def _svg_cached(spec_json: str, title: str, description: str) -> str:
    svg = sources.chart_svg(json.loads(spec_json), title=title, description=description)
    return svg.replace('font-family="sans-serif"', _FONT)


def _add_svgs(node):
    if isinstance(node, dict):
        if isinstance(node.get("spec"), dict):
            node["svg"] = mark_safe(  # noqa: S308 - rendered by vl-convert from our own spec
                chart_svg(
                    node["spec"],
                    title=str(node.get("title", "")),
                    description=str(node.get("description", "")),
                )
            )
        for value in node.values():
            _add_svgs(value)
    elif isinstance(node, list):
        for value in node:
            _add_svgs(value)
    return node


def render_body(snapshot: dict) -> str:
    """The report's content (sections, tables, charts) as an HTML fragment."""
    snap = _add_svgs(copy.deepcopy(snapshot))
    return render_to_string(TEMPLATES[snapshot["kind"]], {"snap": snap})


def render_document(snapshot: dict, *, meta: dict | None = None) -> str:
    """A complete HTML document of the report, as it goes into the PDF."""
    return render_to_string(
        "reporting/document.html",
        {"snap": snapshot, "body": mark_safe(render_body(snapshot)), "meta": meta or {}},  # noqa: S308
    )


def render_pdf(snapshot: dict, *, meta: dict | None = None) -> bytes:
    return html_to_pdf(
        render_document(snapshot, meta=meta), base_url=STATIC, stylesheets=[REPORT_CSS]
    )


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
