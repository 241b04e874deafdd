# SPDX-License-Identifier: EUPL-1.2
"""Every PDF the product makes is tagged PDF/UA-1 (issue 17 item 5): one helper, used by
every app, checked on the structure tree with pypdf."""

from pathlib import Path

from kompas.core.pdf import html_to_pdf

from .pdfcheck import pdf_ua_problems, structure

HTML = """<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8">
<title>Voortgangsrapportage 2026-T1</title></head><body>
<h1>Voortgangsrapportage</h1><p>Zo staat het ervoor.</p>
<table><caption>Cijfers</caption><thead><tr><th scope="col">Jaar</th></tr></thead>
<tbody><tr><td>2026</td></tr></tbody></table>
<img alt="Grafiek van woninginbraken per jaar"
 src="data:image/svg+xml;utf8,<svg xmlns='http://www.w3.org/2000/svg' width='9' height='9'/>">
</body></html>"""


def test_a_pdf_is_tagged_with_language_title_and_structure():
    data = html_to_pdf(HTML)
    assert pdf_ua_problems(data, title="Voortgangsrapportage 2026-T1") == []
    kinds = [kind for kind, _alt in structure(data)]
    for expected in ("/H1", "/P", "/Table", "/Caption", "/TH", "/TD", "/Figure"):
        assert expected in kinds, expected
    assert ("/Figure", "Grafiek van woninginbraken per jaar") in structure(data)


def test_the_check_notices_an_untagged_pdf():
    from weasyprint import HTML as WeasyHTML

    plain = WeasyHTML(string=HTML).write_pdf()
    assert pdf_ua_problems(plain)  # the helper is what makes the difference


def test_no_app_renders_a_pdf_around_the_helper():
    src = Path(__file__).resolve().parents[2]
    offenders = [
        str(path.relative_to(src))
        for path in src.rglob("*.py")
        if "tests" not in path.parts
        and path.name != "pdf.py"
        and ("from weasyprint import" in path.read_text() or "weasyprint.HTML" in path.read_text())
    ]
    assert offenders == []
