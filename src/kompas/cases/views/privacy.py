# SPDX-License-Identifier: EUPL-1.2
"""The beheerder's AVG pages for casework: subject access export, erasure, retention terms."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from .. import selectors, services
from ..forms import AssessmentForm, ReasonForm, RetentionForm
from .common import add_errors, casework, gemeente, manager, page, require


def _admin_person(request, slug, pk, person_pk):
    municipality, access = casework(request, slug)
    require(access.is_admin)
    case = selectors.case_get(user=request.user, municipality=municipality, pk=pk)
    return municipality, access, case, selectors.person_get(case=case, pk=person_pk)


def person_export(request, slug, pk, person_pk, fmt):
    require(fmt in ("pdf", "json"))
    _municipality, _access, case, person = _admin_person(request, slug, pk, person_pk)
    body = services.subject_access_export(person=person, user=request.user, fmt=fmt)
    content_type = "application/json" if fmt == "json" else "application/pdf"
    response = HttpResponse(body, content_type=content_type)
    name = f"inzage-{case.number}-persoon-{person.label}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store, private"
    return response


def person_erase(request, slug, pk, person_pk):
    municipality, access, case, person = _admin_person(request, slug, pk, person_pk)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.person_erase(
                person=person, by=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("%(p)s is gewist.") % {"p": person.pseudonym})
            return redirect("cases:case_detail", slug=slug, pk=case.pk)
    return page(
        request,
        "cases/confirm.html",
        municipality,
        access,
        case=case,
        form=form,
        title=_("Persoon wissen (AVG artikel 17)"),
        question=_("%(p)s definitief wissen?") % {"p": person.pseudonym},
        consequence=_(
            "Naam, geboortedatum, adres en BSN worden verwijderd en zijn niet terug te halen. "
            "De auditlog bewaart wie, wanneer en waarom, zonder de identiteit."
        ),
        confirm=_("Ja, definitief wissen"),
    )


def retention_settings(request, slug):
    municipality, access = gemeente(request, slug)
    require(access.is_admin)
    years = services.retention_years(municipality=municipality)
    form = RetentionForm(request.POST or None, years=years)
    if request.method == "POST" and form.is_valid():
        try:
            for case_type, value in form.cleaned_data.items():
                if value != years[case_type]:
                    services.retention_rule_set(
                        municipality=municipality, case_type=case_type, years=value, by=request.user
                    )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("De bewaartermijnen zijn opgeslagen."))
            return redirect("cases:retention_settings", slug=slug)
    return page(
        request,
        "cases/form_page.html",
        municipality,
        access,
        form=form,
        intro=_(
            "Jaren na het afsluiten van een casus waarna de bewaartermijnrun de casus met haar "
            "personen verwijdert; er blijft een anonieme statistiekregel over."
        ),
        title=_("Bewaartermijnen casussen"),
    )


def assessment_add(request, slug, pk):
    municipality, access = manager(request, slug)
    case = selectors.case_get(user=request.user, municipality=municipality, pk=pk)
    form = AssessmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.weegploeg_assess(case=case, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("De weging is vastgelegd."))
            return redirect("cases:case_detail", slug=slug, pk=case.pk)
    return page(
        request,
        "cases/form_page.html",
        municipality,
        access,
        form=form,
        case=case,
        title=_("Weging door de weegploeg: %(n)s") % {"n": case.number},
    )
