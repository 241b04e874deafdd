# SPDX-License-Identifier: EUPL-1.2
"""Pages of one case: list, create, detail, edit, status, reveal, persons, interventions,
tables. Thin: resolve the gemeente and the case through selectors (404 when not visible), call a
service, render."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import selectors, services
from ..constants import CaseStatus
from ..forms import (
    CaseFilterForm,
    CaseForm,
    InterventionForm,
    InterventionFormSet,
    InterventionUpdateForm,
    ListingForm,
    PersonForm,
    PersonFormSet,
    ReasonForm,
    StatusForm,
)
from ..services import InterventionData
from .common import add_errors, audit_list_view, casework, manager, page, require

CASE_FORM_FIELDS = services.CASE_FIELDS


def case_list(request, slug):
    municipality, access = casework(request, slug)
    form = CaseFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    cases = selectors.case_list(
        user=request.user,
        municipality=municipality,
        q=filters.get("q", ""),
        status=filters.get("status", ""),
    )
    listing = Paginator(cases, 25).get_page(request.GET.get("pagina"))
    audit_list_view(request, municipality, what="alle", count=len(listing.object_list))
    query = urlencode({k: v for k, v in filters.items() if v})
    return page(
        request,
        "cases/case_list.html",
        municipality,
        access,
        form=form,
        page=listing,
        query=query,
        title=_("Casussen"),
    )


def _intervention_data(formset) -> list[InterventionData]:
    return [
        InterventionData(
            description=f.cleaned_data["description"],
            due_date=f.cleaned_data["due_date"],
            owner_partner=f.cleaned_data.get("owner_partner"),
        )
        for f in formset.forms
        if f.has_changed() and f.cleaned_data
    ]


def case_create(request, slug):
    municipality, access = manager(request, slug)
    tables = selectors.table_list(user=request.user, municipality=municipality)
    data = request.POST or None
    form = CaseForm(
        data, municipality=municipality, tables=tables, initial={"regisseur_user": request.user}
    )
    persons = PersonFormSet(data, prefix="persoon")
    interventions = InterventionFormSet(data, prefix="interventie")
    if request.method == "POST" and all(
        [form.is_valid(), persons.is_valid(), interventions.is_valid()]
    ):
        d = form.cleaned_data
        try:
            case = services.case_create(
                municipality=municipality,
                by=request.user,
                summary=d["summary"],
                persons=[f.data_object() for f in persons.forms if f.has_changed()],
                interventions=_intervention_data(interventions),
                series=list(d.get("series") or []),
                **{f: d[f] for f in CASE_FORM_FIELDS},
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("Casus %(n)s is aangemeld.") % {"n": case.number})
            return redirect("cases:case_detail", slug=slug, pk=case.pk)
    return page(
        request,
        "cases/case_form.html",
        municipality,
        access,
        status=400 if request.method == "POST" else 200,
        form=form,
        persons=persons,
        interventions=interventions,
        title=_("Nieuwe casus aanmelden"),
    )


def _case(request, slug, pk, *, manage: bool = False):
    municipality, access = manager(request, slug) if manage else casework(request, slug)
    case = selectors.case_get(user=request.user, municipality=municipality, pk=pk)
    return municipality, access, case


def case_detail(request, slug, pk):
    municipality, access, case = _case(request, slug, pk)
    discussions = list(selectors.discussion_list(user=request.user, case=case))
    assessments = list(selectors.assessment_list(case=case)) if access.sees_all else []
    texts = services.case_read(
        case=case, user=request.user, discussions=discussions, assessments=assessments
    )
    tables = selectors.table_list(user=request.user, municipality=municipality)
    return page(
        request,
        "cases/case_detail.html",
        municipality,
        access,
        case=case,
        texts=texts,
        persons=selectors.person_list(case=case),
        interventions=selectors.intervention_list(user=request.user, case=case),
        listings=selectors.listing_list(case=case),
        discussions=discussions,
        assessments=assessments,
        history=selectors.status_history(case=case) if access.sees_all else [],
        measures=selectors.case_measure_list(user=request.user, case=case)
        if access.sees_all
        else [],
        reveal_form=ReasonForm(),
        status_form=StatusForm(),
        listing_form=ListingForm(tables=tables),
        title=case.number,
    )


def case_edit(request, slug, pk):
    municipality, access, case = _case(request, slug, pk, manage=True)
    initial = {f: getattr(case, f) for f in CASE_FORM_FIELDS}
    initial["summary"] = services.case_read(case=case, user=request.user, via="wijzigen").summary
    form = CaseForm(request.POST or None, municipality=municipality, initial=initial)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            services.case_update(
                case=case,
                by=request.user,
                summary=d["summary"],
                **{f: d[f] for f in CASE_FORM_FIELDS},
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("De casus is bijgewerkt."))
            return redirect("cases:case_detail", slug=slug, pk=case.pk)
    return page(
        request,
        "cases/form_page.html",
        municipality,
        access,
        form=form,
        case=case,
        title=_("Casus %(n)s wijzigen") % {"n": case.number},
    )


def case_status(request, slug, pk):
    municipality, access, case = _case(request, slug, pk, manage=True)
    form = StatusForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            services.case_status_change(
                case=case, to=d["to"], reason=d["reason"], note=d["note"], by=request.user
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(
                request, _("De status is nu: %(s)s.") % {"s": CaseStatus(d["to"]).label}
            )
            return redirect("cases:case_detail", slug=slug, pk=case.pk)
    return page(
        request,
        "cases/form_page.html",
        municipality,
        access,
        status=400 if request.method == "POST" else 200,
        form=form,
        case=case,
        submit=_("Status wijzigen"),
        title=_("Status van casus %(n)s") % {"n": case.number},
    )


def case_reveal(request, slug, pk):
    """ "Toon identiteit": with a reason, shows the identities once (audited as `reveal`)."""
    municipality, access, case = _case(request, slug, pk)
    form = ReasonForm(request.POST or None)
    identities = None
    if request.method == "POST" and form.is_valid():
        try:
            identities = services.person_reveal(
                case=case, user=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as exc:
            add_errors(form, exc)
    return page(
        request,
        "cases/reveal.html",
        municipality,
        access,
        status=400 if request.method == "POST" and identities is None else 200,
        form=form,
        case=case,
        identities=identities,
        title=_("Identiteit tonen: %(n)s") % {"n": case.number},
    )


def person_add(request, slug, pk):
    municipality, access, case = _case(request, slug, pk, manage=True)
    form = PersonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            person = services.person_add(case=case, data=form.data_object(), by=request.user)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("%(p)s is toegevoegd.") % {"p": person.pseudonym})
            return redirect("cases:case_detail", slug=slug, pk=case.pk)
    return page(
        request,
        "cases/form_page.html",
        municipality,
        access,
        form=form,
        case=case,
        title=_("Persoon toevoegen aan %(n)s") % {"n": case.number},
    )


def intervention_add(request, slug, pk):
    municipality, access, case = _case(request, slug, pk, manage=True)
    form = InterventionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            services.intervention_create(
                case=case,
                data=InterventionData(d["description"], d["due_date"], d["owner_partner"]),
                by=request.user,
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("De interventie is toegevoegd."))
            return redirect("cases:case_detail", slug=slug, pk=case.pk)
    return page(
        request,
        "cases/form_page.html",
        municipality,
        access,
        form=form,
        case=case,
        title=_("Interventie voor %(n)s") % {"n": case.number},
    )


def intervention_edit(request, slug, pk):
    """The regisseur, or the partner that owns the intervention, records status and result."""
    municipality, access = casework(request, slug)
    intervention = selectors.intervention_get(user=request.user, municipality=municipality, pk=pk)
    require(access.can_manage or (access.is_partner and intervention.owner_partner_id))
    form = InterventionUpdateForm(
        request.POST or None,
        initial={"status": intervention.status, "result": intervention.result},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.intervention_update(
                intervention=intervention, by=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("De interventie is bijgewerkt."))
            return redirect("cases:case_detail", slug=slug, pk=intervention.case_id)
    return page(
        request,
        "cases/form_page.html",
        municipality,
        access,
        form=form,
        case=intervention.case,
        title=_("Interventie: %(d)s") % {"d": intervention.description},
    )


@require_POST
def listing_add(request, slug, pk):
    municipality, access, case = _case(request, slug, pk, manage=True)
    form = ListingForm(
        request.POST, tables=selectors.table_list(user=request.user, municipality=municipality)
    )
    if form.is_valid():
        try:
            services.listing_add(case=case, series=form.cleaned_data["series"], by=request.user)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("De casus staat op de tafel."))
            if not case.has_legal_ground:
                messages.warning(
                    request,
                    _("Er is nog geen grondslag voor delen: partners zien de casus nog niet."),
                )
    else:
        messages.error(request, _("Kies een tafel."))
    return redirect("cases:case_detail", slug=slug, pk=case.pk)


def listing_end(request, slug, pk):
    municipality, access = manager(request, slug)
    listing = selectors.listing_get(user=request.user, municipality=municipality, pk=pk)
    if request.method == "POST":
        try:
            services.listing_end(listing=listing, by=request.user)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(
                request, _("De casus staat niet meer op %(t)s.") % {"t": listing.series}
            )
        return redirect("cases:case_detail", slug=slug, pk=listing.case_id)
    return page(
        request,
        "cases/confirm.html",
        municipality,
        access,
        case=listing.case,
        title=_("Casus van tafel halen"),
        question=_("Casus %(n)s van %(t)s halen?")
        % {"n": listing.case.number, "t": listing.series},
        consequence=_(
            "De partners van deze tafel zien de casus daarna nog %(d)s dagen, dan niet meer."
        )
        % {"d": selectors.partner_access_days()},
        confirm=_("Ja, van tafel halen"),
    )
