# SPDX-License-Identifier: EUPL-1.2
"""Reads of the reporting app, always scoped to one gemeente."""

from django.db.models import Count, Max, QuerySet
from django.http import Http404

from kompas.core.models import Municipality

from .constants import PublicElement, ReportStatus
from .models import PublicationSetting, Report


def report_list(
    *, municipality: Municipality, kind: str = "", status: str = "", year: int | None = None
) -> QuerySet[Report]:
    qs = Report.objects.filter(municipality=municipality).defer("pdf", "snapshot")
    if kind:
        qs = qs.filter(kind=kind)
    if status:
        qs = qs.filter(status=status)
    if year:
        qs = qs.filter(period_start__year__lte=year, period_end__year__gte=year)
    return qs.select_related("created_by", "sent_by").order_by("-period_start", "kind", "-version")


def report_get(*, municipality: Municipality, pk: int) -> Report:
    report = Report.objects.filter(municipality=municipality, pk=pk).first()
    if report is None:
        raise Http404
    return report


def report_open_concept(*, municipality: Municipality, kind: str, period) -> Report | None:
    """The newest concept of this kind for exactly this period, if the team has one open."""
    return (
        Report.objects.filter(
            municipality=municipality,
            kind=kind,
            period_start=period.start,
            period_end=period.end,
            status=ReportStatus.CONCEPT,
        )
        .order_by("-version")
        .first()
    )


def publication_settings(*, municipality: Municipality) -> dict[str, bool]:
    """Per public element whether it is published (default: not published)."""
    stored = dict(
        PublicationSetting.objects.filter(municipality=municipality).values_list(
            "element", "published"
        )
    )
    return {e: bool(stored.get(e, False)) for e in PublicElement.values}


def public_report_list(*, municipality: Municipality) -> QuerySet[Report]:
    """Sent reports, only when the gemeente publishes its reports."""
    if not publication_settings(municipality=municipality)[PublicElement.REPORTS]:
        return Report.objects.none()
    return (
        Report.objects.filter(municipality=municipality, status=ReportStatus.SENT)
        .defer("pdf", "snapshot")
        .order_by("-sent_at", "-id")
    )


def public_report_get(*, municipality: Municipality, pk: int) -> Report:
    report = public_report_list(municipality=municipality).filter(pk=pk).first()
    if report is None:
        raise Http404
    return report


def public_municipality_list() -> QuerySet[Municipality]:
    """The gemeenten listed on the public landing page (name and slug only)."""
    return Municipality.objects.only("name", "slug").order_by("name")


def publication_fingerprint(*, municipality: Municipality) -> tuple:
    """What the gemeente publishes and which reports it sent, as counts and latest changes."""
    settings = PublicationSetting.objects.filter(municipality=municipality).aggregate(
        n=Count("id"), at=Max("updated_at")
    )
    reports = Report.objects.filter(municipality=municipality).aggregate(
        n=Count("id"), id=Max("id"), at=Max("updated_at")
    )
    return tuple(settings.values()) + tuple(reports.values())
