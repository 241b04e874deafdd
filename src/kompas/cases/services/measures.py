# SPDX-License-Identifier: EUPL-1.2
"""The register of the burgemeester's instruments and the bestuurlijke maatregelen (Bibob,
Damocles, dwangsom, ...): one model, one service, exports with counts per instrument per year.
Every check collects its Dutch message per field; a failed save stores nothing."""

import csv
import io
from collections import Counter
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kompas.core.constants import AuditAction
from kompas.core.selectors import membership_get
from kompas.core.services import audit_log

from ..constants import (
    BIBOB_ADVICE_WEEKS,
    CONTROLE_SOURCE,
    KIND_FIELDS,
    MEASURE_ARTICLE,
    MEASURE_CATEGORY,
    RESTRICTED_KINDS,
    RESTRICTED_ROLES,
    MeasureKind,
)
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
    "status",
    "bibob_application",
    "bibob_permit",
    "bibob_requested_on",
    "bibob_advice_due",
    "bibob_advice_on",
    "bibob_outcome",
    "closure_date",
    "closure_months",
    "reopening_date",
    "penalty_amount",
    "compliance_until",
)


def _before(errors, measure, later: str, earlier: str, message) -> None:
    a, b = getattr(measure, later), getattr(measure, earlier)
    if a and b and a < b:
        errors.setdefault(later, message)


def _kind_errors(measure: Measure, errors: dict) -> None:
    for field, kinds in KIND_FIELDS.items():
        if getattr(measure, field) not in (None, "") and measure.kind not in kinds:
            errors[field] = _("Dit gegeven hoort niet bij een %(k)s.") % {
                "k": measure.get_kind_display()
            }


def _may_hold(measure: Measure, by) -> bool:
    if measure.kind not in RESTRICTED_KINDS or by is None:
        return True
    membership = membership_get(user=by, municipality=measure.municipality)
    return membership is not None and membership.role in RESTRICTED_ROLES


def _check(measure: Measure, signals=(), *, by=None) -> None:
    if measure.kind not in MeasureKind.values:
        raise ValidationError({"kind": _("Kies een geldig instrument.")})
    if not _may_hold(measure, by):
        raise ValidationError(
            {"kind": _("Alleen de bibob-coördinator van de gemeente registreert een Bibob-toets.")}
        )
    errors: dict[str, str] = {}
    if not measure.legal_article:
        measure.legal_article = MEASURE_ARTICLE.get(measure.kind, "")
    if not measure.legal_article:
        errors["legal_article"] = _("Noem het wetsartikel van dit besluit.")
    _kind_errors(measure, errors)
    _before(
        errors, measure, "end_date", "date", _("De einddatum ligt vóór de datum van het besluit.")
    )
    _before(
        errors,
        measure,
        "review_date",
        "date",
        _("De evaluatiedatum ligt vóór de datum van het besluit."),
    )
    _before(
        errors,
        measure,
        "bibob_advice_on",
        "bibob_requested_on",
        _("Het advies is ontvangen vóór het werd gevraagd."),
    )
    _before(
        errors,
        measure,
        "bibob_advice_due",
        "bibob_requested_on",
        _("De uiterste adviesdatum ligt vóór de datum van de adviesaanvraag."),
    )
    _before(
        errors, measure, "reopening_date", "closure_date", _("De heropening ligt vóór de sluiting.")
    )
    if measure.bibob_outcome and not measure.bibob_advice_on:
        errors.setdefault("bibob_advice_on", _("Vul in wanneer het advies is ontvangen."))
    if measure.closure_months is not None and not measure.closure_date:
        errors.setdefault("closure_date", _("Vul de datum van de sluiting in."))
    if measure.penalty_amount is not None and measure.penalty_amount < 0:
        errors["penalty_amount"] = _("Het bedrag van de dwangsom kan niet negatief zijn.")
    for linked, name in ((measure.case, "case"), (measure.dossier, "dossier")):
        if linked is not None and linked.municipality_id != measure.municipality_id:
            errors[name] = _("Dit hoort niet bij deze gemeente.")
    if any(s.municipality_id != measure.municipality_id for s in signals):
        errors["signals"] = _("Een van de meldingen hoort niet bij deze gemeente.")
    if errors:
        raise ValidationError(errors)
    if measure.bibob_requested_on and not measure.bibob_advice_due:
        measure.bibob_advice_due = measure.bibob_requested_on + timedelta(weeks=BIBOB_ADVICE_WEEKS)
    measure.category = MEASURE_CATEGORY[MeasureKind(measure.kind)]


UNCHANGED = object()


def _source(controle_id, source_type: str, source_id) -> tuple[str, str]:
    if controle_id:
        return CONTROLE_SOURCE, str(controle_id)
    return source_type, str(source_id or "")


@transaction.atomic
def measure_create(
    *,
    municipality,
    kind: str,
    date,
    by,
    signals=(),
    controle_id: int | None = None,
    source_type: str = "",
    source_id: str = "",
    is_demo: bool = False,
    **fields,
) -> Measure:
    """Register a measure. `controle_id`: the ondermijning controle it came from (stored as its
    source; cases does not import ondermijning)."""
    unknown = set(fields) - set(MEASURE_FIELDS)
    if unknown:
        raise TypeError(f"unknown measure fields {sorted(unknown)}")
    source_type, source_id = _source(controle_id, source_type, source_id)
    measure = Measure(
        municipality=municipality,
        kind=kind,
        date=date,
        created_by=by,
        source_type=source_type,
        source_id=source_id,
        is_demo=is_demo,
        **fields,
    )
    signals = list(signals or ())
    _check(measure, signals, by=by)
    measure.full_clean()
    measure.save()
    if signals:
        measure.signals.set(signals)
    audit_log(user=by, action=AuditAction.CREATE, obj=measure, fields=["kind"])
    return measure


@transaction.atomic
def measure_update(
    *, measure: Measure, by, signals=None, controle_id=UNCHANGED, **changes
) -> Measure:
    """Change a measure; `signals` None and `controle_id` left out keep those links."""
    unknown = set(changes) - set(MEASURE_FIELDS)
    if unknown:
        raise TypeError(f"unknown measure fields {sorted(unknown)}")
    measure = Measure.objects.select_for_update().get(pk=measure.pk)
    changed = [f for f, v in changes.items() if getattr(measure, f) != v]
    for f, v in changes.items():
        setattr(measure, f, v)
    if controle_id is not UNCHANGED and (controle_id or None) != measure.controle_id:
        if controle_id or measure.source_type == CONTROLE_SOURCE:
            measure.source_type, measure.source_id = _source(controle_id, "", "")
            changed.append("controle")
    if signals is not None:
        signals = list(signals)
        if {s.pk for s in signals} != set(measure.signals.values_list("pk", flat=True)):
            changed.append("signals")
    _check(measure, signals or (), by=by)
    measure.full_clean()
    measure.save()
    if signals is not None:
        measure.signals.set(signals)
    if changed:
        audit_log(user=by, action=AuditAction.UPDATE, obj=measure, fields=changed)
    return measure


def measure_read(*, measure: Measure, user, via: str = "") -> None:
    """Audit one view of a restricted measure (a Bibob file): who saw which file, and how."""
    if measure.kind in RESTRICTED_KINDS:
        audit_log(user=user, action=AuditAction.VIEW, obj=measure, note=via)


def measures_read(*, measures, user, via: str = "") -> None:
    """Audit a list that shows restricted measures: one line per Bibob file shown."""
    for measure in measures:
        measure_read(measure=measure, user=user, via=via)


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
