# SPDX-License-Identifier: EUPL-1.2
"""What the registers above reporting (crisis, openbare orde, ondermijning, ...) add to the
reports. Those apps sit above reporting's dependencies, so reporting does not import them: it
calls `kompas.core.hooks.progress_sections` / `annual_figures`, which they register with in
their `ready()`. Each result is normalised to plain JSON data, sorted by its `order`, so it
is frozen in the snapshot as it was shown. The apps answer counts, names of functions and
titles of items only (a person's risk item by pseudonym), never personal data."""

from __future__ import annotations

from datetime import date

from kompas.core import hooks


def _value(value) -> int | float | str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    return "" if value is None else str(value)


def _sections(results: list) -> list[dict]:
    sections = []
    for result in results:
        if not isinstance(result, dict) or not result.get("title"):
            continue
        sections.append(
            {
                "title": str(result["title"]),
                "order": int(result.get("order") or 0),
                "rows": [
                    {
                        "label": str(row.get("label", "")),
                        "value": _value(row.get("value")),
                        "note": str(row.get("note") or ""),
                    }
                    for row in result.get("rows") or []
                ],
            }
        )
    return sorted(sections, key=lambda s: (s["order"], s["title"]))


def progress_sections(*, municipality, start: date, end: date) -> list[dict]:
    """The sections the registers add to a voortgangsrapportage of start..end:
    [{"title", "order", "rows": [{"label", "value", "note"}]}], in their order."""
    return _sections(hooks.progress_sections(municipality=municipality, start=start, end=end))


def annual_figures(*, municipality, year: int) -> list[dict]:
    """Every register's figures of `year` for the jaarverslag veiligheid, same shape."""
    return _sections(hooks.annual_figures(municipality=municipality, year=year))
