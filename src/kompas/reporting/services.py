# SPDX-License-Identifier: EUPL-1.2
"""Writes of the reporting app: create a report, edit its texts while it is a concept, send
it (freeze snapshot + PDF + SHA-256, register the event for the norm), make a new version,
and switch publication of dashboard elements. Every write is audited."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from kompas.core.constants import AuditAction
from kompas.core.models import Municipality
from kompas.core.services import audit_log

from . import rendering, selectors, snapshots, sources
from .constants import (
    EVENT_KIND_FOR_REPORT,
    YEAR_KINDS,
    PublicElement,
    ReportKind,
    ReportStatus,
)
from .models import PublicationSetting, Report
from .periods import Period

TEXT_KEYS = ("summary", "adjustments", "focus")
MAX_TEXT = 20000


class ReportFrozen(ValidationError):
    """A sent report cannot change."""


def default_title(*, kind: str, municipality: Municipality, period: Period) -> str:
    name = {
        ReportKind.PROGRESS: _("Voortgangsrapportage"),
        ReportKind.MIDTERM: _("Tussenevaluatie"),
        ReportKind.DIGITAL: _("Jaarrapportage digitale criminaliteit"),
        ReportKind.ANNUAL: _("Jaarverslag veiligheid"),
    }[kind]
    return f"{name} {period.label} — {_('gemeente')} {municipality.name}"


def _clean_texts(texts: dict | None) -> dict:
    texts = dict(texts or {})
    clean: dict = {}
    errors = {}
    for key in TEXT_KEYS:
        value = str(texts.get(key) or "").strip()
        if len(value) > MAX_TEXT:
            errors[key] = _("Deze tekst is te lang (meer dan %(n)s tekens).") % {"n": MAX_TEXT}
        if value:
            clean[key] = value
    assessments = {}
    for number, value in dict(texts.get("assessments") or {}).items():
        value = str(value or "").strip()
        if len(value) > MAX_TEXT:
            errors[f"assessment_{number}"] = _("Deze tekst is te lang (meer dan %(n)s tekens).") % {
                "n": MAX_TEXT
            }
        if value:
            assessments[str(int(number))] = value
    if assessments:
        clean["assessments"] = assessments
    if errors:
        raise ValidationError(errors)
    return clean


def _save(obj):
    obj.full_clean()
    obj.save()
    return obj


@transaction.atomic
def report_create(
    *,
    municipality: Municipality,
    kind: str,
    period: Period,
    title: str = "",
    texts: dict | None = None,
    by=None,
) -> Report:
    """A new concept report (version 1, or the next version number for the same period)."""
    if kind not in ReportKind.values:
        raise ValidationError({"kind": _("Onbekende soort rapportage: %(k)s") % {"k": kind}})
    if kind in YEAR_KINDS and not _is_calendar_year(period):
        raise ValidationError(
            {
                "periode": _(
                    "Een %(kind)s gaat over één kalenderjaar: geef een jaar op, bijvoorbeeld %(y)s."
                )
                % {"kind": ReportKind(kind).label, "y": period.end.year}
            }
        )
    latest = Report.objects.filter(
        municipality=municipality, kind=kind, period_start=period.start, period_end=period.end
    ).aggregate(v=Max("version"))["v"]
    report = _save(
        Report(
            municipality=municipality,
            kind=kind,
            title=(title or default_title(kind=kind, municipality=municipality, period=period))[
                :300
            ],
            period_start=period.start,
            period_end=period.end,
            period_label=period.label,
            version=(latest or 0) + 1,
            texts=_clean_texts(texts),
            created_by=by if getattr(by, "is_authenticated", False) else None,
        )
    )
    audit_log(user=by, action=AuditAction.CREATE, obj=report, municipality=municipality)
    return report


@transaction.atomic
def report_open_or_create(
    *, municipality: Municipality, kind: str, period: Period, title: str = "", by=None
) -> tuple[Report, bool]:
    """The open concept of this kind for exactly this period, else a new concept; True when
    new. "Nieuwe rapportage" opens the concept the team already has instead of starting a
    parallel one. The gemeente's row is locked first, so two simultaneous posts (a double
    click, a reload) cannot both find no concept and both create one."""
    Municipality.objects.select_for_update().filter(pk=municipality.pk).first()
    existing = selectors.report_open_concept(municipality=municipality, kind=kind, period=period)
    if existing is not None:
        return existing, False
    return report_create(
        municipality=municipality, kind=kind, period=period, title=title, by=by
    ), True


def _is_calendar_year(period: Period) -> bool:
    year = period.start.year
    return (period.start, period.end) == (date(year, 1, 1), date(year, 12, 31))


def _event_source_id(report: Report) -> str:
    """The report the policy event stands for: the first sent version of this kind and
    period. A later version of the same report updates that event (date, title) instead of
    counting a second time, e.g. twice towards "drie voortgangsrapportages per jaar"."""
    first = (
        Report.objects.filter(
            municipality=report.municipality,
            kind=report.kind,
            period_start=report.period_start,
            period_end=report.period_end,
            status=ReportStatus.SENT,
        )
        .order_by("version")
        .values_list("pk", flat=True)
        .first()
    )
    return str(first or report.pk)


def _period(report: Report) -> Period:
    return Period(start=report.period_start, end=report.period_end, label=report.period_label)


def report_snapshot(*, report: Report) -> dict:
    """What the report shows: the frozen snapshot once sent, else collected now."""
    if report.is_frozen:
        return report.snapshot
    snap = snapshots.build(
        kind=report.kind,
        municipality=report.municipality,
        period=_period(report),
        title=report.title,
        texts=report.texts,
    )
    snap["version"] = report.version
    snap["status"] = report.status
    return snap


def report_meta(report: Report) -> dict:
    return {
        "version": report.version,
        "status": str(ReportStatus(report.status).label),
        "sent_at": report.sent_at.isoformat() if report.sent_at else "",
    }


def report_pdf(*, report: Report) -> bytes:
    """The PDF: the stored bytes once sent; for a concept a fresh rendering marked concept."""
    if report.is_frozen:
        return bytes(report.pdf)
    return rendering.render_pdf(report_snapshot(report=report), meta=report_meta(report))


@transaction.atomic
def report_texts_update(
    *, report: Report, texts: dict, title: str | None = None, by=None
) -> Report:
    report = Report.objects.select_for_update().get(pk=report.pk)
    if report.is_frozen:
        raise ReportFrozen(
            _("Deze rapportage is al vastgesteld en verzonden; maak een nieuwe versie.")
        )
    new = _clean_texts(texts)
    changed = ["texts"] if new != report.texts else []
    report.texts = new
    if title is not None and title.strip() and title.strip() != report.title:
        report.title = title.strip()[:300]
        changed.append("title")
    _save(report)
    if changed:
        audit_log(user=by, action=AuditAction.UPDATE, obj=report, fields=changed)
    return report


def report_send(*, report: Report, by=None) -> Report:
    """Vaststellen en verzenden: freeze the data snapshot and the PDF with its SHA-256, and
    register the event that counts for the plan's reporting norm, in the norm period of the
    report's own period (its last day): a jaarverslag 2025 sent in March 2026 counts for
    2025.

    The snapshot and the PDF (seconds of work) are made outside the database transaction, so
    no lock is held meanwhile; the short transaction then checks that the report is still the
    same concept (not sent, texts not edited since) before it stores everything at once."""
    report = Report.objects.get(pk=report.pk)
    if report.is_frozen:
        raise ReportFrozen(_("Deze rapportage is al vastgesteld en verzonden."))
    seen_update = report.updated_at
    now = timezone.now()
    report.status = ReportStatus.SENT
    report.sent_at = now
    report.sent_by = by if getattr(by, "is_authenticated", False) else None
    snap = snapshots.build(
        kind=report.kind,
        municipality=report.municipality,
        period=_period(report),
        title=report.title,
        texts=report.texts,
    )
    snap["version"] = report.version
    snap["status"] = report.status
    pdf = rendering.render_pdf(snap, meta=report_meta(report))
    with transaction.atomic():
        current = Report.objects.select_for_update().get(pk=report.pk)
        if current.is_frozen:
            raise ReportFrozen(_("Deze rapportage is al vastgesteld en verzonden."))
        if current.updated_at != seen_update:
            raise ValidationError(
                _("De rapportage is intussen gewijzigd. Bekijk haar opnieuw en verzend dan.")
            )
        report.snapshot = snap
        report.pdf = pdf
        report.sha256 = rendering.sha256(pdf)
        _save(report)
        sources.event_register(
            kind=EVENT_KIND_FOR_REPORT[report.kind],
            on=timezone.localdate(now),
            counts_for=report.period_end,
            title=report.title[:300],
            municipality=report.municipality,
            source_id=_event_source_id(report),
            by=by,
        )
        audit_log(
            user=by,
            action=AuditAction.UPDATE,
            obj=report,
            fields=["status", "snapshot", "pdf", "sha256"],
            note=f"vastgesteld en verzonden, sha256 {report.sha256[:16]}",
        )
    return report


@transaction.atomic
def report_new_version(*, report: Report, by=None) -> Report:
    """A new concept for the same kind and period, with the texts of `report`; the open
    concept of that kind and period instead, when the team already has one."""
    if not report.is_frozen:
        raise ValidationError(_("Alleen van een verzonden rapportage maakt u een nieuwe versie."))
    Municipality.objects.select_for_update().filter(pk=report.municipality_id).first()
    existing = selectors.report_open_concept(
        municipality=report.municipality, kind=report.kind, period=_period(report)
    )
    if existing is not None:
        return existing
    new = report_create(
        municipality=report.municipality,
        kind=report.kind,
        period=_period(report),
        title=report.title,
        texts=report.texts,
        by=by,
    )
    new.previous = report
    _save(new)
    return new


@transaction.atomic
def report_delete(*, report: Report, by=None) -> None:
    """Delete a concept. A sent report is never deleted."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    if report.is_frozen:
        raise ReportFrozen(_("Een verzonden rapportage kan niet worden verwijderd."))
    audit_log(
        user=by,
        action=AuditAction.DELETE,
        obj=report,
        note=f"{report.get_kind_display()} {report.period_label} versie {report.version}",
    )
    report.delete()


@transaction.atomic
def publication_set(*, municipality: Municipality, element: str, published: bool, by=None):
    if element not in PublicElement.values:
        raise ValidationError({"element": _("Onbekend onderdeel: %(e)s") % {"e": element}})
    setting, _new = PublicationSetting.objects.get_or_create(
        municipality=municipality, element=element
    )
    if setting.published != published:
        setting.published = published
        _save(setting)
        audit_log(
            user=by,
            action=AuditAction.UPDATE,
            obj=setting,
            municipality=municipality,
            fields=["published"],
            note=f"{element}: {'openbaar' if published else 'niet openbaar'}",
        )
    return setting
