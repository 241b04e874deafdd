# SPDX-License-Identifier: EUPL-1.2
"""Staff pages of the policy app. Lezer reads; adviseur and beheerder write; partner: 404."""

from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from kompas.core import phenomena
from kompas.core.constants import INTERNAL_ROLES, STAFF_ROLES
from kompas.core.selectors import municipality_get_for_user

from . import selectors, services
from .constants import ActionStatus, EventKind, NormState
from .forms import ActionFilterForm, ActionForm, ActionUpdateForm, EventForm


def _read(request, slug):
    return municipality_get_for_user(user=request.user, slug=slug, roles=INTERNAL_ROLES)


def _write(request, slug):
    return municipality_get_for_user(user=request.user, slug=slug, roles=STAFF_ROLES)


def _plan(municipality, pk=None):
    if pk is not None:
        return selectors.plan_get(municipality=municipality, pk=pk)
    return selectors.plan_current(municipality=municipality)


def _context(municipality, membership, **extra):
    return {
        "municipality": municipality,
        "membership": membership,
        "can_write": membership.role in STAFF_ROLES,
        **extra,
    }


def _on(request) -> date:
    value = request.GET.get("peildatum", "")
    try:
        return date.fromisoformat(value) if value else selectors.today()
    except ValueError:
        return selectors.today()


# --- Plan ------------------------------------------------------------------------------------
def plan_overview(request, slug, pk=None):
    municipality, membership = _read(request, slug)
    plan = _plan(municipality, pk)
    if plan is None:
        return render(request, "policy/no_plan.html", _context(municipality, membership))
    rollup = selectors.action_rollup(plan=plan)
    priorities = [(p, rollup.get(p.number)) for p in selectors.priority_list(plan=plan)]
    return render(
        request,
        "policy/plan_overview.html",
        _context(
            municipality,
            membership,
            plan=plan,
            priorities=priorities,
            flag=selectors.plan_flag(plan=plan),
            plans=selectors.plan_list(municipality=municipality),
            current=selectors.plan_current(municipality=municipality),
            version=selectors.plan_version_latest(plan=plan),
        ),
    )


def priority_detail(request, slug, pk, number):
    municipality, membership = _read(request, slug)
    plan = _plan(municipality, pk)
    priority = selectors.priority_get(plan=plan, number=number)
    on = selectors.today()
    statuses = selectors.norm_statuses(
        norms=selectors.norm_list(plan=plan, priority=priority), municipality=municipality, on=on
    )
    names = selectors.partner_names()
    return render(
        request,
        "policy/priority_detail.html",
        _context(
            municipality,
            membership,
            plan=plan,
            priority=priority,
            partners=[names.get(code, code) for code in priority.partners],
            actions=selectors.action_list(
                municipality=municipality, plan=plan, priority=priority.number
            ),
            statuses=statuses,
        ),
    )


def version_list(request, slug, pk):
    municipality, membership = _read(request, slug)
    plan = _plan(municipality, pk)
    return render(
        request,
        "policy/version_list.html",
        _context(
            municipality, membership, plan=plan, versions=selectors.plan_version_list(plan=plan)
        ),
    )


def version_detail(request, slug, pk, number):
    municipality, membership = _read(request, slug)
    plan = _plan(municipality, pk)
    version = selectors.plan_version_get(plan=plan, number=number)
    lines = []
    for line in version.diff.splitlines():
        kind = "ctx"
        if line.startswith("+") and not line.startswith("+++"):
            kind = "add"
        elif line.startswith("-") and not line.startswith("---"):
            kind = "del"
        elif line.startswith("@@"):
            kind = "hunk"
        lines.append((kind, line))
    return render(
        request,
        "policy/version_detail.html",
        _context(municipality, membership, plan=plan, version=version, lines=lines),
    )


# --- Actions ---------------------------------------------------------------------------------
def action_list(request, slug):
    municipality, membership = _read(request, slug)
    plan = _plan(
        municipality, request.GET.get("plan") if request.GET.get("plan", "").isdigit() else None
    )
    chosen = phenomena.chosen_phenomena(municipality=municipality, year=selectors.today().year)
    form = ActionFilterForm(request.GET or None, plan=plan, chosen_year=chosen and chosen.year)
    filters = form.cleaned_data if form.is_valid() else {}
    chosen_on = chosen is not None and bool(filters.get(phenomena.PARAM))
    actions = (
        selectors.action_list(
            chosen=chosen if chosen_on else None,
            municipality=municipality,
            plan=plan,
            status=filters.get("status") or None,
            owner=filters.get("owner") or "",
            owner_user=request.user if filters.get("mijn") else None,
            due_from=filters.get("due_from"),
            due_to=filters.get("due_to"),
            priority=filters.get("priority"),
            execution_plan=filters.get("execution_plan") or "",
            q=filters.get("q") or "",
        )
        if plan
        else []
    )
    page = Paginator(actions, 25).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "policy/action_list.html",
        _context(
            municipality,
            membership,
            plan=plan,
            form=form,
            page=page,
            query=query.urlencode(),
            chosen=chosen,
            chosen_on=chosen_on,
            today=selectors.today(),
            open_statuses=[ActionStatus.PLANNED, ActionStatus.RUNNING, ActionStatus.DELAYED],
        ),
    )


def action_detail(request, slug, pk):
    municipality, membership = _read(request, slug)
    action = selectors.action_get(municipality=municipality, pk=pk)
    form = ActionUpdateForm(initial={"status": action.status})
    if request.method == "POST":
        municipality, membership = _write(request, slug)
        form = ActionUpdateForm(request.POST)
        if form.is_valid():
            services.action_update_add(action=action, by=request.user, **form.cleaned_data)
            messages.success(request, _("De voortgang is opgeslagen."))
            return redirect("policy:action_detail", slug=slug, pk=action.pk)
    return render(
        request,
        "policy/action_detail.html",
        _context(
            municipality,
            membership,
            action=action,
            plan=action.plan,
            updates=selectors.action_update_list(action=action),
            status_history=selectors.action_status_history(action=action),
            form=form,
        ),
    )


def action_form(request, slug, pk=None):
    municipality, membership = _write(request, slug)
    action = selectors.action_get(municipality=municipality, pk=pk) if pk else None
    plan = action.plan if action else _plan(municipality)
    if plan is None:
        raise Http404
    form = ActionForm(request.POST or None, instance=action, plan=plan, municipality=municipality)
    if request.method == "POST" and form.is_valid():
        data = {f: form.cleaned_data[f] for f in form.Meta.fields}
        try:
            if action is None:
                action = services.action_create(plan=plan, by=request.user, **data)
                messages.success(request, _("De actie is toegevoegd."))
            else:
                services.action_edit(action=action, by=request.user, **data)
                messages.success(request, _("De actie is opgeslagen."))
        except ValidationError as exc:
            for field, errors in (
                exc.message_dict.items() if hasattr(exc, "error_dict") else [(None, exc.messages)]
            ):
                for error in errors:
                    form.add_error(field if field in form.fields else None, error)
        else:
            return redirect("policy:action_detail", slug=slug, pk=action.pk)
    return render(
        request,
        "policy/action_form.html",
        _context(municipality, membership, action=action, plan=plan, form=form),
    )


# --- Norms -----------------------------------------------------------------------------------
def norm_overview(request, slug):
    municipality, membership = _read(request, slug)
    on = _on(request)
    plan = selectors.plan_current(municipality=municipality, on=on)
    statuses = selectors.norm_status_list(municipality=municipality, on=on, plan=plan)
    counts = {s: sum(1 for x in statuses if x.state == s) for s in NormState.values}
    return render(
        request,
        "policy/norm_overview.html",
        _context(
            municipality,
            membership,
            plan=plan,
            statuses=statuses,
            on=on,
            counts=[(NormState(s).label, n) for s, n in counts.items()],
            flag=selectors.plan_flag(plan=plan, on=on) if plan else None,
        ),
    )


def norm_detail(request, slug, code):
    municipality, membership = _read(request, slug)
    on = _on(request)
    plan = selectors.plan_current(municipality=municipality, on=on)
    if plan is None:
        raise Http404
    norm = selectors.norm_get(plan=plan, code=code)
    windows = selectors.norm_windows(norm=norm, municipality=municipality, on=on, with_events=True)
    return render(
        request,
        "policy/norm_detail.html",
        _context(municipality, membership, plan=plan, norm=norm, windows=windows[::-1], on=on),
    )


# --- Event register --------------------------------------------------------------------------
def event_list(request, slug):
    municipality, membership = _read(request, slug)
    kind = request.GET.get("soort", "")
    kind = kind if kind in EventKind.values else ""
    year = request.GET.get("jaar", "")
    q = request.GET.get("q", "").strip()
    events = selectors.event_list(
        municipality=municipality, kind=kind, year=int(year) if year.isdigit() else None, q=q
    )
    page = Paginator(events, 50).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "policy/event_list.html",
        _context(
            municipality,
            membership,
            page=page,
            query=query.urlencode(),
            kinds=EventKind.choices,
            register_kinds=selectors.register_event_kinds(),
            kind=kind,
            year=year,
            q=q,
        ),
    )


def event_create(request, slug):
    municipality, membership = _write(request, slug)
    form = EventForm(request.POST or None, municipality=municipality)
    if request.method == "POST" and form.is_valid():
        owner = form.cleaned_data["owner"]
        partnership = form.partnerships.get(owner)
        services.event_register(
            kind=form.cleaned_data["kind"],
            date=form.cleaned_data["date"],
            title=form.cleaned_data["title"],
            municipality=None if partnership else municipality,
            partnership=partnership,
            by=request.user,
        )
        messages.success(request, _("De gebeurtenis is geregistreerd."))
        return redirect("policy:event_list", slug=slug)
    return render(request, "policy/event_form.html", _context(municipality, membership, form=form))


def event_delete(request, slug, pk):
    municipality, membership = _write(request, slug)
    event = selectors.event_get(municipality=municipality, pk=pk)
    if event.source_type and event.source_type != "demo":
        messages.error(
            request,
            _("Deze gebeurtenis komt uit een ander onderdeel en kan hier niet worden verwijderd."),
        )
        return redirect("policy:event_list", slug=slug)
    if request.method == "POST":
        services.event_delete(event=event, by=request.user, municipality=municipality)
        messages.success(request, _("De gebeurtenis is verwijderd."))
        return redirect("policy:event_list", slug=slug)
    return render(
        request,
        "policy/event_delete.html",
        _context(
            municipality,
            membership,
            event=event,
            cancel=reverse("policy:event_list", kwargs={"slug": slug}),
        ),
    )
