# SPDX-License-Identifier: EUPL-1.2
"""Pages of openbare orde under `/<gemeente>/openbare-orde/`. Registers: lezers read,
adviseurs and beheerders write, partners 404. Risk inventory: adviseurs and beheerders, and
partner members for the items that name their organisation (read only); others 404."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from kompas.cases.forms import ReasonForm
from kompas.core import registers
from kompas.core.constants import INTERNAL_ROLES, STAFF_ROLES, AuditAction
from kompas.core.registers import add_errors
from kompas.core.services import audit_log
from kompas.policy import selectors as policy_selectors
from kompas.signals import selectors as signal_selectors
from kompas.signals.constants import SIGNAL_TEAM_ROLES

from . import selectors, services
from .constants import RiskKind
from .forms import (
    AdviceForm,
    NewYearActionForm,
    NewYearEvaluationForm,
    RiskItemForm,
    RiskPersonForm,
)
from .models import RiskItem
from .registers import REGISTERS


def _context(municipality, membership, **extra) -> dict:
    return {
        "municipality": municipality,
        "membership": membership,
        "can_write": membership.role in STAFF_ROLES,
        "internal": membership.role in INTERNAL_ROLES,
        "sees_inventory": membership.role in selectors.INVENTORY_ROLES,
        "owner_name": municipality.name,
        "subnav": "openbareorde/_subnav.html",
        "registers": REGISTERS.values(),
        "year": selectors.today().year,
        **extra,
    }


def overview(request, slug):
    municipality, membership = selectors.gemeente_for_user(user=request.user, slug=slug)
    today = selectors.today()
    return render(
        request,
        "openbareorde/overview.html",
        _context(
            municipality,
            membership,
            stale=selectors.risk_stale(municipality=municipality, membership=membership)
            if membership.role in STAFF_ROLES
            else None,
            demonstrations=selectors.demonstration_list(municipality=municipality)
            .filter(date__gte=today)
            .order_by("date")[:5],
            matches=selectors.match_list(municipality=municipality)
            .filter(date__gte=today)
            .order_by("date")[:5],
            newyears=selectors.newyear_list(municipality=municipality)[:3],
            year=today.year,
        ),
    )


# --- Registers -------------------------------------------------------------------------------
def _register(name):
    if name not in REGISTERS:
        raise Http404
    return REGISTERS[name]


def register_list(request, slug, register):
    municipality, membership = selectors.gemeente_for_user(user=request.user, slug=slug)
    reg = _register(register)
    return registers.list_page(
        request,
        reg=reg,
        qs=reg.list(owner=municipality),
        edit_url=lambda o: reverse("openbareorde:register_edit", args=[slug, reg.slug, o.pk]),
        create_url=reverse("openbareorde:register_create", args=[slug, reg.slug]),
        context=_context(municipality, membership),
    )


def register_form(request, slug, register, pk=None):
    municipality, membership = selectors.gemeente_for_user(
        user=request.user, slug=slug, write=request.method == "POST" or not pk
    )
    reg = _register(register)
    instance = reg.get(owner=municipality, pk=pk) if pk else reg.model()
    extra = {}
    if reg.slug == "demonstraties" and pk:
        extra["advices"] = instance.advices.select_related("partner")
        extra["advice_url"] = reverse("openbareorde:advice_add", args=[slug, pk])
    return registers.form_page(
        request,
        reg=reg,
        owner=municipality,
        instance=instance,
        back_url=reverse("openbareorde:register_list", args=[slug, reg.slug]),
        context=_context(
            municipality,
            membership,
            after_form="openbareorde/_advices.html" if extra else "",
            **extra,
        ),
        by=request.user,
    )


def advice_add(request, slug, pk):
    municipality, membership = selectors.gemeente_for_user(user=request.user, slug=slug, write=True)
    demonstration = selectors.demonstration_get(municipality=municipality, pk=pk)
    form = AdviceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.demonstration_advice_add(
                owner=municipality,
                demonstration=demonstration,
                by=request.user,
                **form.cleaned_data,
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("Advies vastgelegd."))
            return redirect("openbareorde:register_edit", slug, "demonstraties", pk)
    return render(
        request,
        "openbareorde/advice_form.html",
        _context(municipality, membership, form=form, demonstration=demonstration),
    )


# --- Risk inventory --------------------------------------------------------------------------
def risk_list(request, slug):
    municipality, membership = selectors.gemeente_for_user(
        user=request.user, slug=slug, inventory=True
    )
    include_closed = request.GET.get("afgesloten") == "1"
    items = selectors.risk_list(
        municipality=municipality, membership=membership, include_closed=include_closed
    )
    audit_log(
        user=request.user,
        action=AuditAction.VIEW,
        object_type="openbareorde.riskitem",
        municipality=municipality,
        note="risico-inventarisatie (lijst)",
    )
    today = selectors.today()
    return render(
        request,
        "openbareorde/risk_list.html",
        _context(
            municipality,
            membership,
            items=[(i, selectors.is_stale(i, today)) for i in items],
            include_closed=include_closed,
            can_write=selectors.inventory_can_write(membership),
        ),
    )


def _risk_form(municipality, membership, data=None, instance=None):
    return RiskItemForm(
        data,
        instance=instance,
        signals=signal_selectors.signal_list(municipality=municipality, include_closed=True),
        owners=selectors.staff_users(municipality=municipality),
        allow_persons=selectors.sees_persons(membership),
    )


def _risk_save(request, municipality, instance, form, person_form):
    """Save the item (and a new item's person); service errors onto the forms. The item or
    None."""
    kind = form.cleaned_data.get("kind")
    person = None
    if person_form is not None and kind == RiskKind.PERSON:
        if not person_form.is_valid():
            return None
        person = person_form.data_object()
    m2m = {k: form.cleaned_data.pop(k) for k in ("partners", "signals")}
    try:
        return services.risk_save(
            owner=municipality,
            obj=instance,
            by=request.user,
            fields=form.cleaned_data,
            m2m=m2m,
            person=person,
        )
    except ValidationError as exc:
        add_errors(form, exc)
        return None


def risk_form(request, slug, pk=None):
    municipality, membership = selectors.gemeente_for_user(
        user=request.user, slug=slug, inventory=True
    )
    if not selectors.inventory_can_write(membership):
        raise PermissionDenied if pk is None else Http404
    instance = (
        selectors.risk_get(municipality=municipality, membership=membership, pk=pk)
        if pk
        else RiskItem()
    )
    form = _risk_form(municipality, membership, request.POST or None, instance if pk else None)
    # A new item's person (kind persoon): the casework's person form and checks.
    person_form = (
        RiskPersonForm(request.POST or None, prefix="persoon")
        if pk is None and selectors.sees_persons(membership)
        else None
    )
    if request.method == "POST" and form.is_valid():
        item = _risk_save(request, municipality, instance, form, person_form)
        if item is not None:
            messages.success(request, _("Opgeslagen."))
            return redirect("openbareorde:risk_detail", slug, item.pk)
    return render(
        request,
        "openbareorde/risk_form.html",
        _context(
            municipality,
            membership,
            form=form,
            person_form=person_form,
            item=instance if pk else None,
        ),
    )


def risk_detail(request, slug, pk):
    municipality, membership = selectors.gemeente_for_user(
        user=request.user, slug=slug, inventory=True
    )
    item = selectors.risk_get(municipality=municipality, membership=membership, pk=pk)
    audit_log(user=request.user, action=AuditAction.VIEW, obj=item, municipality=municipality)
    return render(
        request,
        "openbareorde/risk_detail.html",
        _context(
            municipality,
            membership,
            item=item,
            stale=selectors.is_stale(item),
            history=selectors.risk_history(item=item),
            signals=item.signals.all() if membership.role in SIGNAL_TEAM_ROLES else [],
            can_write=selectors.inventory_can_write(membership),
        ),
    )


def risk_reveal(request, slug, pk):
    """ "Toon identiteit" on an item of kind persoon: with a reason, the identity once, through
    the casework's audited reveal (action `reveal`). Whoever sees the item may ask."""
    municipality, membership = selectors.gemeente_for_user(
        user=request.user, slug=slug, inventory=True
    )
    item = selectors.risk_get(municipality=municipality, membership=membership, pk=pk)
    person = selectors.risk_person_get(item=item)
    form = ReasonForm(request.POST or None)
    identity = None
    if request.method == "POST" and form.is_valid():
        try:
            identity = services.risk_person_reveal(
                item=item, person=person, user=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as exc:
            add_errors(form, exc)
    response = render(
        request,
        "openbareorde/risk_reveal.html",
        _context(
            municipality,
            membership,
            item=item,
            form=form,
            identities=[identity] if identity else None,
        ),
        status=400 if request.method == "POST" and identity is None else 200,
    )
    response["Cache-Control"] = "no-store, private"
    return response


# --- Jaarwisseling ---------------------------------------------------------------------------
def newyear(request, slug, year):
    write = request.method == "POST"
    municipality, membership = selectors.gemeente_for_user(
        user=request.user, slug=slug, write=write
    )
    item = selectors.newyear_get(municipality=municipality, year=year)
    plan = policy_selectors.plan_current(municipality=municipality)
    priorities = plan.priorities.all() if plan else None
    which = request.POST.get("formulier")
    action_form = NewYearActionForm(
        request.POST if which == "actie" else None, priorities=priorities
    )
    evaluation_form = NewYearEvaluationForm(
        request.POST if which == "evaluatie" else None,
        initial={
            "evaluation": getattr(item, "evaluation", ""),
            "evaluated_on": getattr(item, "evaluated_on", None),
        },
    )
    form = {"actie": action_form, "evaluatie": evaluation_form}.get(which)
    if write and form is not None and form.is_valid():
        item = item or services.newyear_ensure(owner=municipality, year=year, by=request.user)
        try:
            if which == "actie":
                services.newyear_action_add(
                    owner=municipality, newyear=item, by=request.user, **form.cleaned_data
                )
            else:
                services.newyear_evaluate(
                    owner=municipality, newyear=item, by=request.user, **form.cleaned_data
                )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("Opgeslagen."))
            return redirect("openbareorde:newyear", slug, year)
    return render(
        request,
        "openbareorde/newyear.html",
        _context(
            municipality,
            membership,
            year=year,
            item=item,
            plan=plan,
            actions=item.actions.order_by("due", "pk") if item else [],
            action_form=action_form,
            evaluation_form=evaluation_form,
        ),
    )
