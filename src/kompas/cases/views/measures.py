# SPDX-License-Identifier: EUPL-1.2
"""The register of the burgemeester's instruments: counts per instrument per year, the list,
CSV and Excel, and the form. Case numbers only, never a person."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from .. import selectors, services
from ..forms import MeasureFilterForm, MeasureForm
from .common import add_errors, gemeente, page, require

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _measure_access(request, slug, *, write: bool = False):
    municipality, access = gemeente(request, slug)
    require(access.role in (selectors.MEASURE_WRITE_ROLES if write else selectors.MEASURE_ROLES))
    return municipality, access


def measure_list(request, slug):
    municipality, access = _measure_access(request, slug)
    restricted = selectors.sees_restricted(role=access.role)
    form = MeasureFilterForm(request.GET or None, restricted=restricted)
    filters = form.cleaned_data if form.is_valid() else {}
    measures = selectors.measure_list(
        user=request.user,
        municipality=municipality,
        year=filters.get("jaar"),
        kind=filters.get("soort", ""),
    )
    fmt = request.GET.get("export")
    if fmt in ("csv", "xlsx"):
        body = services.measures_export(
            municipality=municipality, measures=measures, user=request.user, fmt=fmt
        )
        response = HttpResponse(
            body, content_type="text/csv; charset=utf-8" if fmt == "csv" else XLSX
        )
        response["Content-Disposition"] = (
            f'attachment; filename="instrumenten-{municipality.slug}.{fmt}"'
        )
        return response
    years, counts = services.measure_counts(measures.values_list("kind", "date__year").order_by())
    query = urlencode({k: v for k, v in filters.items() if v})
    shown = Paginator(measures, 50).get_page(request.GET.get("pagina"))
    services.measures_read(measures=shown, user=request.user, via="register")
    return page(
        request,
        "cases/measure_list.html",
        municipality,
        access,
        form=form,
        years=years,
        counts=counts,
        page=shown,
        query=query,
        can_write=access.role in selectors.MEASURE_WRITE_ROLES,
        restricted=restricted,
        title=_("Instrumenten en bestuurlijke maatregelen"),
    )


def _initial(measure):
    if measure is None:
        return None
    initial = {f: getattr(measure, f) for f in services.MEASURE_FIELDS}
    initial["signals"] = list(measure.signals.all())
    initial["controle_id"] = measure.controle_id
    return initial


def _save(request, municipality, measure, data: dict) -> None:
    signals = list(data.pop("signals", None) or [])
    controle_id = data.pop("controle_id", None)
    if not data.get("status"):
        data.pop("status", None)  # left empty: a new measure is "besloten", a change keeps it
    if measure is None:
        services.measure_create(
            municipality=municipality,
            kind=data.pop("kind"),
            date=data.pop("date"),
            by=request.user,
            signals=signals,
            controle_id=controle_id,
            **data,
        )
    else:
        services.measure_update(
            measure=measure, by=request.user, signals=signals, controle_id=controle_id, **data
        )


def _measure_form(request, slug, measure=None):
    municipality, access = _measure_access(request, slug, write=True)
    cases = selectors.case_choices_for_measures(user=request.user, municipality=municipality)
    form = MeasureForm(
        request.POST or None,
        municipality=municipality,
        cases=cases,
        initial=_initial(measure),
        restricted=selectors.sees_restricted(role=access.role),
    )
    if request.method == "POST" and form.is_valid():
        try:
            _save(request, municipality, measure, dict(form.cleaned_data))
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("Het instrument is opgeslagen in het register."))
            return redirect("cases:measure_list", slug=slug)
    return page(
        request,
        "cases/form_page.html",
        municipality,
        access,
        form=form,
        back_url_name="cases:measure_list",
        title=_("Instrument wijzigen") if measure else _("Instrument registreren"),
    )


def measure_create(request, slug):
    return _measure_form(request, slug)


def measure_edit(request, slug, pk):
    municipality, _access = _measure_access(request, slug, write=True)
    measure = selectors.measure_get(user=request.user, municipality=municipality, pk=pk)
    if request.method != "POST":
        services.measure_read(measure=measure, user=request.user, via="pagina")
    return _measure_form(request, slug, measure)
