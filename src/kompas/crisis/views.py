# SPDX-License-Identifier: EUPL-1.2
"""Pages of the crisis organisation, for a gemeente (`/<slug>/crisis/…`) and for the HOWO
district it takes part in (`/<slug>/crisis/district/<code>/…`). Lezers read; adviseur and
beheerder write; partners and other gemeenten get 404. Thin: resolve the owner, call a
selector or service, render."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from kompas.core import registers
from kompas.core.registers import add_errors as _add_errors

from . import selectors, services
from .constants import EXPIRY_WARNING_DAYS
from .forms import AbsenceForm, AssignmentForm, MemberForm, PiketForm, QualificationForm
from .models import CrisisMember
from .registers import REGISTERS

PAGE_SIZE = 50


def _owner(request, slug, district=None, write=False):
    owner, membership = selectors.owner_for_user(user=request.user, slug=slug, district=district)
    if write and not owner.can_write:
        raise PermissionDenied
    return owner, membership


def _url(name, owner, slug, **kwargs):
    if owner.is_district:
        return reverse(
            f"crisis:district_{name}",
            kwargs={"slug": slug, "district": owner.partnership.code, **kwargs},
        )
    return reverse(f"crisis:{name}", kwargs={"slug": slug, **kwargs})


def _context(request, owner, membership, slug, **extra):
    return {
        "municipality": membership.municipality,
        "membership": membership,
        "owner": owner,
        "can_write": owner.can_write,
        "districts": selectors.district_list(municipality=membership.municipality),
        "registers": [
            (r.title, _url("register_list", owner, slug, register=r.slug))
            for r in REGISTERS.values()
        ],
        "home_url": _url("readiness", owner, slug),
        "owner_name": owner.name,
        "subnav": "crisis/_subnav.html",
        "members_url": _url("member_list", owner, slug),
        **extra,
    }


def _on(request) -> date:
    try:
        return (
            date.fromisoformat(request.GET.get("peildatum", ""))
            if request.GET.get("peildatum")
            else selectors.today()
        )
    except ValueError:
        return selectors.today()


# --- Readiness -------------------------------------------------------------------------------
def readiness(request, slug, district=None):
    owner, membership = _owner(request, slug, district)
    on = _on(request)
    return render(
        request,
        "crisis/readiness.html",
        _context(
            request,
            owner,
            membership,
            slug,
            on=on,
            summary=selectors.readiness_summary(owner=owner, on=on),
            expiring=selectors.qualifications_expiring(owner=owner, on=on),
            expiry_days=EXPIRY_WARNING_DAYS,
            facilities_due=selectors.facilities_due(owner=owner, on=on),
            subplans=selectors.subplan_list(owner=owner),
            oto=selectors.oto_list(owner=owner)[:5],
        ),
    )


# --- Registers (functions, OTO, facilities, deelplannen, brandweerposten) --------------------
def _register(name):
    register = REGISTERS.get(name)
    if register is None:
        raise Http404
    return register


def register_list(request, slug, register, district=None):
    owner, membership = _owner(request, slug, district)
    reg = _register(register)
    return registers.list_page(
        request,
        reg=reg,
        qs=reg.list(owner=owner),
        edit_url=lambda o: _url("register_edit", owner, slug, register=reg.slug, pk=o.pk),
        create_url=_url("register_create", owner, slug, register=reg.slug),
        context=_context(request, owner, membership, slug),
    )


def register_form(request, slug, register, pk=None, district=None):
    # A record's own page shows it read-only to lezers; a new record is for writers only.
    owner, membership = _owner(request, slug, district, write=request.method == "POST" or not pk)
    reg = _register(register)
    return registers.form_page(
        request,
        reg=reg,
        owner=owner,
        instance=reg.get(owner=owner, pk=pk) if pk else reg.model(),
        back_url=_url("register_list", owner, slug, register=reg.slug),
        context=_context(request, owner, membership, slug),
        by=request.user,
    )


# --- Members ---------------------------------------------------------------------------------
def member_list(request, slug, district=None):
    owner, membership = _owner(request, slug, district)
    q = request.GET.get("q", "").strip()
    qs = selectors.member_list(owner=owner, q=q).prefetch_related("assignments__function")
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "crisis/member_list.html",
        _context(
            request,
            owner,
            membership,
            slug,
            page=page,
            q=q,
            query=f"q={q}" if q else "",
            members=[(m, _url("member_detail", owner, slug, pk=m.pk)) for m in page.object_list],
            create_url=_url("member_create", owner, slug),
        ),
    )


def member_form(request, slug, pk=None, district=None):
    owner, membership = _owner(request, slug, district, write=True)
    instance = selectors.member_get(owner=owner, pk=pk) if pk else CrisisMember()
    form = MemberForm(request.POST or None, instance=instance if pk else None)
    if request.method == "POST" and form.is_valid():
        try:
            member = services.record_save(
                obj=instance, owner=owner, by=request.user, fields=form.cleaned_data
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("Opgeslagen."))
            return redirect(_url("member_detail", owner, slug, pk=member.pk))
    return render(
        request,
        "crisis/member_form.html",
        _context(
            request,
            owner,
            membership,
            slug,
            form=form,
            instance=instance if pk else None,
            back_url=_url("member_list", owner, slug),
        ),
    )


MEMBER_FORMS = {
    "toewijzing": AssignmentForm,
    "kwalificatie": QualificationForm,
    "piket": PiketForm,
    "afwezigheid": AbsenceForm,
}


def _member_forms(owner, data=None, which=None):
    functions = selectors.function_list(owner=owner)
    built = {}
    for name, form_class in MEMBER_FORMS.items():
        kwargs = {"prefix": name}
        if form_class is not AbsenceForm:
            kwargs["functions"] = functions
        built[name] = form_class(data if name == which else None, **kwargs)
    return built


def _member_action(*, which, owner, member, by, data):
    if which == "toewijzing":
        services.assignment_add(owner=owner, member=member, by=by, **data)
    elif which == "kwalificatie":
        services.qualification_add(owner=owner, member=member, by=by, **data)
    elif which == "piket":
        services.piket_add(owner=owner, member=member, by=by, **data)
    else:
        services.absence_add(owner=owner, member=member, by=by, **data)


def member_detail(request, slug, pk, district=None):
    owner, membership = _owner(request, slug, district, write=request.method == "POST")
    member = selectors.member_get(owner=owner, pk=pk)
    which = request.POST.get("formulier") if request.method == "POST" else None
    if which is not None and which not in MEMBER_FORMS:
        raise Http404
    forms = _member_forms(owner, request.POST, which)
    if which and forms[which].is_valid():
        try:
            _member_action(
                which=which,
                owner=owner,
                member=member,
                by=request.user,
                data=forms[which].cleaned_data,
            )
        except ValidationError as exc:
            _add_errors(forms[which], exc)
        else:
            messages.success(request, _("Opgeslagen."))
            return redirect(_url("member_detail", owner, slug, pk=member.pk))
    detail = selectors.member_detail(member=member)
    return render(
        request,
        "crisis/member_detail.html",
        _context(
            request,
            owner,
            membership,
            slug,
            member=member,
            forms=forms,
            detail=detail,
            assignments=[
                (a, _url("assignment_remove", owner, slug, pk=member.pk, assignment=a.pk))
                for a in detail["assignments"]
            ],
            edit_url=_url("member_edit", owner, slug, pk=member.pk),
        ),
    )


def assignment_remove(request, slug, pk, assignment, district=None):
    owner, membership = _owner(request, slug, district, write=True)
    member = selectors.member_get(owner=owner, pk=pk)
    target = selectors.assignment_get(member=member, pk=assignment)
    back = _url("member_detail", owner, slug, pk=member.pk)
    if request.method == "POST":
        services.assignment_remove(owner=owner, assignment=target, by=request.user)
        messages.success(request, _("Toewijzing verwijderd."))
        return redirect(back)
    return render(
        request,
        "crisis/confirm.html",
        _context(
            request,
            owner,
            membership,
            slug,
            back_url=back,
            question=_("%(m)s niet langer indelen als %(f)s?")
            % {"m": member, "f": target.function},
        ),
    )
