# SPDX-License-Identifier: EUPL-1.2
"""The register of the burgemeester's instruments (and, from the ondermijning app, the
administrative measures): one model, one service, exports with counts per instrument per year."""

import csv
import io
from collections import Counter

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kompas.core.constants import AuditAction
from kompas.core.services import audit_log

from ..constants import MEASURE_ARTICLE, MEASURE_CATEGORY, MeasureKind
from ..models import Measure

MEASURE_FIELDS = (
    "kind",
    "date",
    "legal_article",
    "decided_by",
    "description",
    "case",
    "dossier",
    "end_date",
    "review_date",
)


def _check(measure: Measure) -> None:
    if measure.kind not in MeasureKind.values:
        raise ValidationError({"kind": _("Kies een geldig instrument.")})
    if not measure.legal_article:
        measure.legal_article = MEASURE_ARTICLE.get(measure.kind, "")
    if not measure.legal_article:
        raise ValidationError({"legal_article": _("Noem het wetsartikel van dit besluit.")})
    if measure.end_date and measure.end_date < measure.date:
        raise ValidationError({"end_date": _("De einddatum ligt vóór de datum van het besluit.")})
    if measure.review_date and measure.review_date < measure.date:
        raise ValidationError(
            {"review_date": _("De evaluatiedatum ligt vóór de datum van het besluit.")}
        )
    for linked, name in ((measure.case, "case"), (measure.dossier, "dossier")):
        if linked is not None and linked.municipality_id != measure.municipality_id:
            raise ValidationError({name: _("Dit hoort niet bij deze gemeente.")})
    measure.category = MEASURE_CATEGORY[MeasureKind(measure.kind)]


@transaction.atomic
def measure_create(
    *,
    municipality,
    kind: str,
    date,
    by,
    source_type: str = "",
    source_id: str = "",
    is_demo: bool = False,
    **fields,
) -> Measure:
    unknown = set(fields) - set(MEASURE_FIELDS)
    if unknown:
        raise TypeError(f"unknown measure fields {sorted(unknown)}")
    measure = Measure(
        municipality=municipality,
        kind=kind,
        date=date,
        created_by=by,
        source_type=source_type,
        source_id=str(source_id or ""),
        is_demo=is_demo,
        **fields,
    )
    _check(measure)
    measure.full_clean()
    measure.save()
    audit_log(user=by, action=AuditAction.CREATE, obj=measure, fields=["kind"])
    return measure


@transaction.atomic
def measure_update(*, measure: Measure, by, **changes) -> Measure:
    unknown = set(changes) - set(MEASURE_FIELDS)
    if unknown:
        raise TypeError(f"unknown measure fields {sorted(unknown)}")
    measure = Measure.objects.select_for_update().get(pk=measure.pk)
    changed = [f for f, v in changes.items() if getattr(measure, f) != v]
    for f, v in changes.items():
        setattr(measure, f, v)
    _check(measure)
    measure.full_clean()
    measure.save()
    if changed:
        audit_log(user=by, action=AuditAction.UPDATE, obj=measure, fields=changed)
    return measure


def measure_counts(pairs) -> tuple[list[int], list[dict]]:
    """Counts per instrument per year from (kind, year) pairs: (years, rows of kind, label,
    counts per year, total)."""
    counter = Counter(pairs)
    years = sorted({y for _k, y in counter})
    rows = []
    for kind in MeasureKind:
        counts = [counter.get((kind.value, y), 0) for y in years]
        if any(counts):
            rows.append(
                {
                    "kind": kind.value,
                    "label": str(kind.label),
                    "counts": counts,
                    "total": sum(counts),
                }
            )
    return years, rows


HEADER = [
    "jaar",
    "instrument",
    "categorie",
    "datum",
    "wetsartikel",
    "besloten door",
    "casus",
    "einddatum",
    "evaluatiedatum",
]


def _rows(measures):
    for m in measures:
        yield [
            m.date.year,
            str(m.get_kind_display()),
            str(m.get_category_display()),
            m.date.isoformat(),
            m.legal_article,
            m.decided_by,
            m.case.number if m.case_id else "",
            m.end_date.isoformat() if m.end_date else "",
            m.review_date.isoformat() if m.review_date else "",
        ]


def measures_export(*, municipality, measures, user, fmt: str) -> bytes:
    """CSV (semicolons, as a Dutch spreadsheet expects) or Excel: the counts per instrument per
    year first, then every measure. Case numbers only, never a person. Audited."""
    measures = list(measures)
    years, counts = measure_counts((m.kind, m.date.year) for m in measures)
    audit_log(
        user=user,
        action=AuditAction.EXPORT,
        object_type="cases.measure",
        municipality=municipality,
        note=f"instrumentenregister {fmt}",
    )
    count_header = ["instrument", *map(str, years), "totaal"]
    count_rows = [[r["label"], *r["counts"], r["total"]] for r in counts]
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, delimiter=";")
        writer.writerow(["Aantallen per instrument per jaar"])
        writer.writerow(count_header)
        writer.writerows(count_rows)
        writer.writerow([])
        writer.writerow(HEADER)
        writer.writerows(_rows(measures))
        return ("\ufeff" + out.getvalue()).encode("utf-8")
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Aantallen"
    sheet.append(count_header)
    for row in count_rows:
        sheet.append(row)
    detail = book.create_sheet("Instrumenten")
    detail.append(HEADER)
    for row in _rows(measures):
        detail.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
