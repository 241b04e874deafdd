# SPDX-License-Identifier: EUPL-1.2
"""HTML to PDF, the one way every app makes a PDF (reports, signal exports, inzageverzoeken,
meeting agendas).

Every PDF is tagged as PDF/UA-1 (ISO 14289): WeasyPrint writes the structure tree from the
HTML (headings, paragraphs, lists, tables, figures with their alt text), the document
language from `<html lang>` and the title from `<title>`, shown by viewers instead of the file
name. The Besluit digitale toegankelijkheid overheid asks this of every published document.
The templates therefore need a `<title>`, `lang="nl"` and alt texts on images.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

PDF_VARIANT = "pdf/ua-1"


def html_to_pdf(
    html: str, *, base_url: str | Path | None = None, stylesheets: Iterable[str | Path] = ()
) -> bytes:
    """The PDF of an HTML document, tagged (PDF/UA-1)."""
    from weasyprint import CSS, HTML

    return HTML(string=html, base_url=str(base_url) if base_url else None).write_pdf(
        stylesheets=[CSS(filename=str(s)) for s in stylesheets],
        pdf_variant=PDF_VARIANT,
    )
