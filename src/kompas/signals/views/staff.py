# SPDX-License-Identifier: EUPL-1.2
"""Triage for team Veiligheid (beheerder/adviseur; lezers see counts only; partners and the
bibob-coördinator nothing): list, detail, workflow forms, forwarding, dossiers. Every page
asks for the same roles (constants.SIGNAL_TEAM_ROLES)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kompas.core import hooks, phenomena
from kompas.core.constants import Role
from kompas.core.selectors import municipality_get_for_user

from .. import selectors, services
from ..classifier import suggest
from ..constants import SIGNAL_READ_ROLES, SIGNAL_TEAM_ROLES
from ..forms import (
    ClassifyForm,
    CountsPeriodForm,
    FilterForm,
    ForwardForm,
    LinkForm,
    QuestionForm,
    TransitionForm,
)


# --- Staff ------------------------------------------------------------------------------------
def _staff(request, slug):
    return municipality_get_for_user(user=request.user, slug=slug, roles=SIGNAL_TEAM_ROLES)


def _counts_page(request, municipality):
    """Counts only: per status, per phenomenon and, for the chosen period, per CBS buurt."""
    today = timezone.localdate()
    form = CountsPeriodForm(request.GET or None)
    chosen = form.cleaned_data if form.is_bound and form.is_valid() else {}
    start = chosen.get("start") or today.replace(month=1, day=1)
    end = chosen.get("end") or today
    if start > end:  # only a start after today: the year of that start
        end = start.replace(month=12, day=31)
    if not form.is_bound:
        form = CountsPeriodForm(initial={"start": start, "end": end})
    return render(
        request,
        "signals/signal_counts.html",
        {
            "municipality": municipality,
            "counts": selectors.signal_counts(municipality=municipality),
            "period_form": form,
            "start": start,
            "end": end,
            "per_buurt": selectors.signal_counts_per_buurt(
                municipality=municipality, start=start, end=end
            ),
        },
    )


def signal_counts(request, slug):
    municipality, _membership = municipality_get_for_user(
        user=request.user, slug=slug, roles=SIGNAL_READ_ROLES
    )
    return _counts_page(request, municipality)


def signal_list(request, slug):
    municipality, membership = municipality_get_for_user(
        user=request.user, slug=slug, roles=SIGNAL_READ_ROLES
    )
    if membership.role == Role.READER:
        return _counts_page(request, municipality)
    staff = list(selectors.staff_choices(municipality=municipality))
    chosen = phenomena.chosen_phenomena(municipality=municipality, year=timezone.localdate().year)
    form = FilterForm(request.GET or None, staff=staff, chosen_year=chosen and chosen.year)
    filters = form.cleaned_data if form.is_valid() else {}
    chosen_on = chosen is not None and bool(filters.get(phenomena.PARAM))
    qs = selectors.signal_list(
        chosen=chosen if chosen_on else None,
        municipality=municipality,
        status=filters.get("status") or "",
        phenomenon=filters.get("phenomenon") or "",
        priority=filters.get("priority") or "",
        assignee_id=filters.get("assignee"),
        overdue=bool(filters.get("overdue")),
        search_ids=services.signal_search(
            municipality=municipality, term=filters["q"], user=request.user
        )
        if filters.get("q")
        else None,
    )
    page = Paginator(qs, 25).get_page(request.GET.get("pagina"))
    for s in page.object_list:
        s.overdue = selectors.signal_is_overdue(s)
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "signals/signal_list.html",
        {
            "municipality": municipality,
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "chosen": chosen,
            "chosen_on": chosen_on,
        },
    )


def _detail_context(request, municipality, signal, **forms):
    staff = list(selectors.staff_choices(municipality=municipality))
    view = services.signal_view(signal=signal, user=request.user)
    return {
        "municipality": municipality,
        "signal": signal,
        "view": view,
        "overdue": selectors.signal_is_overdue(signal),
        "buurt_name": selectors.buurt_names(municipality=municipality).get(signal.buurt_code, "")
        if signal.buurt_code
        else "",
        "suggestion": suggest(view.description),
        "transition_form": forms.get("transition_form") or TransitionForm(current=signal.status),
        "classify_form": forms.get("classify_form")
        or ClassifyForm(
            staff=staff,
            initial={
                "phenomenon": signal.effective_phenomenon,
                "priority": signal.priority,
                "assignee": signal.assignee_id,
            },
        ),
        "question_form": forms.get("question_form") or QuestionForm(),
        "link_form": forms.get("link_form") or LinkForm(),
        "forward_form": forms.get("forward_form") or _forward_form(municipality),
        "forwardings": selectors.forwarding_list(signal=signal),
        # Where else the signal is used (e.g. the meeting it is on), from apps above signals.
        "references": hooks.signal_references(signal=signal, user=request.user),
    }


def signal_detail(request, slug, pk):
    municipality, _m = _staff(request, slug)
    signal = selectors.signal_get(municipality=municipality, signal_id=pk)
    return render(
        request, "signals/signal_detail.html", _detail_context(request, municipality, signal)
    )


def _rerender(request, municipality, signal, **forms):
    return render(
        request,
        "signals/signal_detail.html",
        _detail_context(request, municipality, signal, **forms),
        status=400,
    )


@require_POST
def signal_transition(request, slug, pk):
    municipality, _m = _staff(request, slug)
    signal = selectors.signal_get(municipality=municipality, signal_id=pk)
    form = TransitionForm(request.POST, current=signal.status)
    if form.is_valid():
        try:
            services.signal_transition(
                signal=signal,
                to=form.cleaned_data["to"],
                by=request.user,
                note=form.cleaned_data["note"],
                outcome=form.cleaned_data["outcome"],
            )
        except ValidationError as exc:
            form.add_error("to", exc.messages)
        else:
            messages.success(request, _("De status is gewijzigd."))
            return redirect("signals:signal_detail", slug=slug, pk=pk)
    return _rerender(request, municipality, signal, transition_form=form)


@require_POST
def signal_classify(request, slug, pk):
    municipality, _m = _staff(request, slug)
    signal = selectors.signal_get(municipality=municipality, signal_id=pk)
    staff = list(selectors.staff_choices(municipality=municipality))
    form = ClassifyForm(request.POST, staff=staff)
    if not form.is_valid():
        return _rerender(request, municipality, signal, classify_form=form)
    data = form.cleaned_data
    if data["phenomenon"] != signal.classification:
        services.signal_classify(signal=signal, phenomenon=data["phenomenon"], by=request.user)
    if data["priority"] != signal.priority:
        services.signal_set_priority(signal=signal, priority=data["priority"], by=request.user)
    if data["assignee"] != signal.assignee_id:
        assignee = next((u for u in staff if u.pk == data["assignee"]), None)
        services.signal_assign(signal=signal, assignee=assignee, by=request.user)
    messages.success(request, _("De melding is bijgewerkt."))
    return redirect("signals:signal_detail", slug=slug, pk=pk)


@require_POST
def signal_question(request, slug, pk):
    municipality, _m = _staff(request, slug)
    signal = selectors.signal_get(municipality=municipality, signal_id=pk)
    form = QuestionForm(request.POST)
    if form.is_valid():
        try:
            services.signal_question_ask(
                signal=signal, text=form.cleaned_data["question"], by=request.user
            )
        except ValidationError as exc:
            form.add_error("question", exc.messages)
        else:
            messages.success(
                request, _("De vraag staat klaar voor de melder. De status is 'wacht op melder'.")
            )
            return redirect("signals:signal_detail", slug=slug, pk=pk)
    return _rerender(request, municipality, signal, question_form=form)


@require_POST
def signal_link(request, slug, pk):
    municipality, _m = _staff(request, slug)
    signal = selectors.signal_get(municipality=municipality, signal_id=pk)
    form = LinkForm(request.POST)
    if form.is_valid():
        other = selectors.signal_find(
            municipality=municipality, signal_id=form.cleaned_data["other"]
        )
        if other is None or other.pk == signal.pk:
            form.add_error("other", _("Er is geen andere melding met dit nummer in deze gemeente."))
        else:
            dossier = services.dossier_link(signal=signal, other=other, by=request.user)
            messages.success(request, _("De meldingen staan nu in hetzelfde dossier."))
            return redirect("signals:dossier_detail", slug=slug, pk=dossier.pk)
    return _rerender(request, municipality, signal, link_form=form)


def _download(export) -> HttpResponse:
    response = HttpResponse(export.content, content_type=export.content_type)
    response["Content-Disposition"] = f'attachment; filename="{export.filename}"'
    add_never_cache_headers(response)
    return response


def _forward_form(municipality, data=None) -> ForwardForm:
    agreements = selectors.sharing_agreement_list(municipality=municipality, active_only=True)
    return ForwardForm(data, agreements=agreements)


def _forward(form, by, **subject):
    """The export for a valid share form, or None with the refusal on the form."""
    if not form.is_valid():
        return None
    try:
        return services.signal_forward(
            agreement=form.cleaned_data["agreement"], fmt=form.cleaned_data["fmt"], by=by, **subject
        )
    except ValidationError as exc:
        for fld, errs in exc.message_dict.items():
            form.add_error(fld if fld in form.fields else None, errs)
        return None


@require_POST
def signal_forward(request, slug, pk):
    municipality, _m = _staff(request, slug)
    signal = selectors.signal_get(municipality=municipality, signal_id=pk)
    form = _forward_form(municipality, request.POST)
    export = _forward(form, request.user, signal=signal)
    if export is not None:
        return _download(export)
    return _rerender(request, municipality, signal, forward_form=form)


def attachment_download(request, slug, pk, attachment_id):
    municipality, _m = _staff(request, slug)
    signal = selectors.signal_get(municipality=municipality, signal_id=pk)
    attachment = selectors.attachment_get(signal=signal, attachment_id=attachment_id)
    data = services.attachment_read(attachment=attachment, user=request.user)
    response = HttpResponse(data, content_type=attachment.content_type)
    response["Content-Disposition"] = f'attachment; filename="{attachment.filename}"'
    add_never_cache_headers(response)
    return response


def dossier_list(request, slug):
    municipality, _m = _staff(request, slug)
    page = Paginator(selectors.dossier_list(municipality=municipality), 25).get_page(
        request.GET.get("pagina")
    )
    return render(
        request,
        "signals/dossier_list.html",
        {"municipality": municipality, "page": page, "query": ""},
    )


def dossier_detail(request, slug, pk):
    municipality, _m = _staff(request, slug)
    dossier = selectors.dossier_get(municipality=municipality, dossier_id=pk)
    status = 200
    if request.method == "POST":
        form = _forward_form(municipality, request.POST)
        export = _forward(form, request.user, dossier=dossier)
        if export is not None:
            return _download(export)
        status = 400
    else:
        form = _forward_form(municipality)
    timeline = services.dossier_timeline(dossier=dossier, user=request.user)
    return render(
        request,
        "signals/dossier_detail.html",
        {
            "municipality": municipality,
            "dossier": dossier,
            "signals": selectors.dossier_signals(dossier=dossier),
            "timeline": timeline,
            "forward_form": form,
        },
        status=status,
    )
