# SPDX-License-Identifier: EUPL-1.2
"""Thin views: staff pages under /<slug>/rapportages/ and the public dashboard."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kompas.core.constants import INTERNAL_ROLES, STAFF_ROLES, AuditAction
from kompas.core.models import Municipality
from kompas.core.selectors import municipality_get_for_user
from kompas.core.services import audit_log

from . import dashboard_cache, rendering, selectors, services
from .constants import PublicElement, ReportStatus
from .forms import PublicationForm, ReportCreateForm, ReportFilterForm, ReportTextsForm
from .periods import Period


def _can_write(membership) -> bool:
    return membership.role in STAFF_ROLES


def report_list(request, slug):
    municipality, membership = municipality_get_for_user(
        user=request.user, slug=slug, roles=INTERNAL_ROLES
    )
    form = ReportFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    reports = selectors.report_list(
        municipality=municipality, kind=filters.get("kind", ""), status=filters.get("status", "")
    )
    page = Paginator(reports, 25).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "reporting/report_list.html",
        {
            "municipality": municipality,
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "can_write": _can_write(membership),
        },
    )


def report_create(request, slug):
    municipality, _m = municipality_get_for_user(user=request.user, slug=slug, roles=STAFF_ROLES)
    form = ReportCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            report, created = services.report_open_or_create(
                municipality=municipality,
                kind=form.cleaned_data["kind"],
                period=form.cleaned_data["periode"],
                title=form.cleaned_data["title"],
                by=request.user,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            if created:
                messages.success(request, _("De conceptrapportage is aangemaakt."))
            else:
                messages.info(
                    request,
                    _(
                        "Voor deze soort en periode is al een concept (versie %(v)s); "
                        "dat concept is geopend, er is geen tweede gemaakt."
                    )
                    % {"v": report.version},
                )
            return redirect("reporting:report_detail", slug=slug, pk=report.pk)
    return render(
        request, "reporting/report_create.html", {"municipality": municipality, "form": form}
    )


def report_detail(request, slug, pk):
    municipality, membership = municipality_get_for_user(
        user=request.user, slug=slug, roles=INTERNAL_ROLES
    )
    report = selectors.report_get(municipality=municipality, pk=pk)
    snap = services.report_snapshot(report=report)
    return render(
        request,
        "reporting/report_detail.html",
        {
            "municipality": municipality,
            "report": report,
            "body": rendering.render_body(snap),
            "sent_by_name": (
                (report.sent_by.get_full_name() or report.sent_by.get_username())
                if report.sent_by
                else _("de opdrachtregel of een beheerder")
            ),
            "can_write": _can_write(membership),
        },
    )


def report_edit(request, slug, pk):
    municipality, _m = municipality_get_for_user(user=request.user, slug=slug, roles=STAFF_ROLES)
    report = selectors.report_get(municipality=municipality, pk=pk)
    if report.is_frozen:
        messages.error(
            request, _("Deze rapportage is verzonden en kan niet meer worden gewijzigd.")
        )
        return redirect("reporting:report_detail", slug=slug, pk=pk)
    from . import sources

    plan = sources.plan_current(municipality=municipality, on=report.period_end)
    priorities = plan["priorities"] if plan else []
    form = ReportTextsForm(
        request.POST or None,
        kind=report.kind,
        priorities=priorities,
        initial=ReportTextsForm.initial_from(report),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.report_texts_update(
                report=report,
                texts=form.texts(),
                title=form.cleaned_data["title"],
                by=request.user,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("De teksten zijn opgeslagen."))
            return redirect("reporting:report_detail", slug=slug, pk=pk)
    return render(
        request,
        "reporting/report_edit.html",
        {"municipality": municipality, "report": report, "form": form},
    )


def report_send(request, slug, pk):
    municipality, _m = municipality_get_for_user(user=request.user, slug=slug, roles=STAFF_ROLES)
    report = selectors.report_get(municipality=municipality, pk=pk)
    if report.is_frozen:
        messages.error(request, _("Deze rapportage is al vastgesteld en verzonden."))
        return redirect("reporting:report_detail", slug=slug, pk=pk)
    if request.method == "POST":
        try:
            services.report_send(report=report, by=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect("reporting:report_detail", slug=slug, pk=pk)
        messages.success(
            request,
            _("De rapportage is vastgesteld en verzonden. De PDF en de gegevens liggen vast."),
        )
        return redirect("reporting:report_detail", slug=slug, pk=pk)
    return render(
        request, "reporting/report_send.html", {"municipality": municipality, "report": report}
    )


def _pdf_response(report, data: bytes) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    name = f"{report.get_kind_display()}-{report.period_label.split(' ')[0]}-v{report.version}"
    safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in name)
    response["Content-Disposition"] = f'attachment; filename="{safe}.pdf"'
    return response


def report_pdf(request, slug, pk):
    municipality, _m = municipality_get_for_user(user=request.user, slug=slug, roles=INTERNAL_ROLES)
    report = selectors.report_get(municipality=municipality, pk=pk)
    data = services.report_pdf(report=report)
    audit_log(user=request.user, action=AuditAction.EXPORT, obj=report, note="PDF gedownload")
    return _pdf_response(report, data)


@require_POST
def report_new_version(request, slug, pk):
    municipality, _m = municipality_get_for_user(user=request.user, slug=slug, roles=STAFF_ROLES)
    report = selectors.report_get(municipality=municipality, pk=pk)
    open_concept = selectors.report_open_concept(
        municipality=municipality,
        kind=report.kind,
        period=Period(start=report.period_start, end=report.period_end, label=""),
    )
    if open_concept is not None:
        messages.info(
            request,
            _("Versie %(v)s is al een open concept voor deze periode; dat concept is geopend.")
            % {"v": open_concept.version},
        )
        return redirect("reporting:report_detail", slug=slug, pk=open_concept.pk)
    try:
        new = services.report_new_version(report=report, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("reporting:report_detail", slug=slug, pk=pk)
    messages.success(request, _("Versie %(v)s is aangemaakt als concept.") % {"v": new.version})
    return redirect("reporting:report_detail", slug=slug, pk=new.pk)


def report_delete(request, slug, pk):
    municipality, _m = municipality_get_for_user(user=request.user, slug=slug, roles=STAFF_ROLES)
    report = selectors.report_get(municipality=municipality, pk=pk)
    if report.is_frozen:
        messages.error(request, _("Een verzonden rapportage kan niet worden verwijderd."))
        return redirect("reporting:report_detail", slug=slug, pk=pk)
    if request.method == "POST":
        services.report_delete(report=report, by=request.user)
        messages.success(request, _("Het concept is verwijderd."))
        return redirect("reporting:report_list", slug=slug)
    return render(
        request, "reporting/report_delete.html", {"municipality": municipality, "report": report}
    )


def publication_settings(request, slug):
    municipality, _m = municipality_get_for_user(user=request.user, slug=slug, roles=STAFF_ROLES)
    current = selectors.publication_settings(municipality=municipality)
    form = PublicationForm(request.POST or None, settings=current)
    if request.method == "POST" and form.is_valid():
        for element in PublicElement.values:
            services.publication_set(
                municipality=municipality,
                element=element,
                published=form.cleaned_data[element],
                by=request.user,
            )
        messages.success(request, _("De publicatie-instellingen zijn opgeslagen."))
        return redirect("reporting:publication", slug=slug)
    return render(
        request,
        "reporting/publication.html",
        {"municipality": municipality, "form": form, "settings": current},
    )


# --- Public ----------------------------------------------------------------------------------
def _public_municipality(slug: str) -> Municipality:
    return get_object_or_404(Municipality, slug=slug)


@login_not_required
def public_index(request):
    """The public landing page: every gemeente with its dashboard and its meldpunt."""
    return render(
        request,
        "reporting/public_index.html",
        {"municipalities": selectors.public_municipality_list()},
    )


@login_not_required
def public_dashboard(request, slug):
    municipality = _public_municipality(slug)
    body = dashboard_cache.public_dashboard_body(municipality=municipality)
    return render(
        request,
        "reporting/dashboard.html",
        {"public_municipality": municipality, "body": body},
    )


@login_not_required
def public_report_pdf(request, slug, pk):
    municipality = _public_municipality(slug)
    report = selectors.public_report_get(municipality=municipality, pk=pk)
    if report.status != ReportStatus.SENT:
        raise Http404
    response = _pdf_response(report, bytes(report.pdf))
    response["Content-Disposition"] = response["Content-Disposition"].replace(
        "attachment", "inline"
    )
    return response
