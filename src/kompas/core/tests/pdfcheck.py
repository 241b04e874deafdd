# SPDX-License-Identifier: EUPL-1.2
"""PDF/UA checks for tests, read with pypdf (dev extra): the catalog marks the document as
tagged, names its language and shows its title, the XMP metadata claims PDF/UA-1, and the
structure tree holds the document's headings, tables and figures (with alt texts)."""

import io

from pypdf import PdfReader


def structure(data: bytes) -> list[tuple[str, str | None]]:
    """(structure type, alt text) of every element of the structure tree, in reading order."""
    reader = PdfReader(io.BytesIO(data))
    out: list[tuple[str, str | None]] = []

    def walk(node) -> None:
        node = node.get_object()
        if not isinstance(node, dict):
            return
        if "/S" in node:
            out.append((str(node["/S"]), node.get("/Alt")))
        kids = node.get("/K")
        for kid in kids if isinstance(kids, list) else [kids]:
            if kid is not None and hasattr(kid, "get_object"):
                walk(kid)
            elif isinstance(kid, dict):
                walk(kid)

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return out


def pdf_ua_problems(data: bytes, *, title: str | None = None) -> list[str]:
    """What keeps the PDF from being a tagged PDF/UA-1 document; [] when nothing does."""
    reader = PdfReader(io.BytesIO(data))
    root = reader.trailer["/Root"]
    problems = []
    if not root.get("/MarkInfo", {}).get("/Marked"):
        problems.append("not marked as tagged (/MarkInfo /Marked)")
    if "/StructTreeRoot" not in root:
        return [*problems, "no structure tree"]
    if root.get("/Lang") != "nl":
        problems.append(f"language {root.get('/Lang')!r}, not 'nl'")
    if not root.get("/ViewerPreferences", {}).get("/DisplayDocTitle"):
        problems.append("viewer shows the file name, not the title")
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")
    if 'pdfuaid:part="1"' not in xmp and "<pdfuaid:part>1<" not in xmp:
        problems.append("XMP metadata does not claim PDF/UA-1")
    if title is not None and title not in xmp:
        problems.append(f"title {title!r} not in the metadata")
    kinds = [kind for kind, _alt in structure(data)]
    if not any(k in kinds for k in ("/H1", "/H2")):
        problems.append("no headings in the structure tree")
    problems += [
        f"figure without alt text ({k})" for k, alt in structure(data) if k == "/Figure" and not alt
    ]
    return problems
