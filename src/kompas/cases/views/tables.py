# SPDX-License-Identifier: EUPL-1.2
"""The tables (OVO, AVE, JOS, PGA, ZVH, weegploeg): their case lists, and per meeting the
cases on it with the decision and new interventions (the minutes per case)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from kompas.core.constants import AuditAction

from .. import selectors, services
from ..forms import DiscussionForm, InterventionFormSet
from .cases import _intervention_data
from .common import add_errors, audit_list_view, casework, manager, page


def table_list(request, slug):
    municipality, access = casework(request, slug)
    return page(
        request,
        "cases/table_list.html",
        municipality,
        access,
        tables=selectors.table_list(user=request.user, municipality=municipality),
        title=_("Tafels"),
    )


def table_detail(request, slug, pk):
    municipality, access = casework(request, slug)
    series = selectors.table_get(user=request.user, municipality=municipality, pk=pk)
    cases = selectors.table_case_list(user=request.user, municipality=municipality, series=series)
    listing = Paginator(cases, 25).get_page(request.GET.get("pagina"))
    audit_list_view(
        request, municipality, what=f"tafel {series.pk}", count=len(listing.object_list)
    )
    return page(
        request,
        "cases/table_detail.html",
        municipality,
        access,
        series=series,
        page=listing,
        meetings=selectors.table_meeting_list(user=request.user, series=series)[:10],
        title=str(series),
    )


def meeting_cases(request, slug, pk):
    """The cases on the table of one meeting, each audited (minutes that mention a case)."""
    municipality, access = casework(request, slug)
    meeting = selectors.meeting_get(user=request.user, municipality=municipality, pk=pk)
    cases = list(selectors.meeting_case_list(user=request.user, meeting=meeting))
    decisions = selectors.meeting_decisions(user=request.user, meeting=meeting, cases=cases)
    for case in cases:
        services.audit_case(
            user=request.user, action=AuditAction.VIEW, case=case, note=f"vergadering {meeting.pk}"
        )
    return page(
        request,
        "cases/meeting_cases.html",
        municipality,
        access,
        meeting=meeting,
        rows=[(case, decisions.get(case.pk)) for case in cases],
        title=_("Casussen in %(m)s") % {"m": meeting},
    )


def discussion_edit(request, slug, pk, case_pk):
    municipality, access = manager(request, slug)
    meeting = selectors.meeting_get(user=request.user, municipality=municipality, pk=pk)
    case = selectors.case_get(user=request.user, municipality=municipality, pk=case_pk)
    data = request.POST or None
    form = DiscussionForm(data)
    interventions = InterventionFormSet(data, prefix="interventie")
    if request.method == "POST" and form.is_valid() and interventions.is_valid():
        try:
            services.discussion_record(
                case=case,
                meeting=meeting,
                decision=form.cleaned_data["decision"],
                interventions=_intervention_data(interventions),
                by=request.user,
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(
                request, _("Het besluit over %(n)s is vastgelegd.") % {"n": case.number}
            )
            return redirect("cases:meeting_cases", slug=slug, pk=meeting.pk)
    return page(
        request,
        "cases/discussion_form.html",
        municipality,
        access,
        status=400 if request.method == "POST" else 200,
        form=form,
        interventions=interventions,
        meeting=meeting,
        case=case,
        title=_("Besluit over %(n)s in %(m)s") % {"n": case.number, "m": meeting},
    )
