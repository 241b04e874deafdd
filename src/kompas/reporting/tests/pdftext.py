# SPDX-License-Identifier: EUPL-1.2
"""Reading a PDF back in tests with pypdf (a pinned Python dependency), so `make test` needs
nothing outside the virtualenv: no poppler-utils (pdftotext, pdfinfo) from Debian."""

import io

from pypdf import PdfReader


def pdf_text(data: bytes, *, layout: bool = True) -> str:
    """The text of the PDF, page after page. With layout=True (the default) pypdf places the
    text as it stands on the page, so a table row reads as one line, like `pdftotext -layout`;
    layout=False gives the plain reading order."""
    mode = "layout" if layout else "plain"
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text(extraction_mode=mode) for page in reader.pages)


def pdf_page_count(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)
