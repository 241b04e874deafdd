# SPDX-License-Identifier: EUPL-1.2
"""Pages of a series (overleg): list, create, edit, its members."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kompas.core.constants import AuditAction
from kompas.core.services import audit_log

from .. import selectors, services
from ..constants import SeriesKind
from ..forms import MeetingForm, MemberForm, SeriesForm
from ._common import (
    form_page,
    gemeente_for,
    managed_series,
    page_context,
    require_manager,
    save_form,
)


# --- Series ------------------------------------------------------------------------------------
def series_list(request, slug):
    municipality, membership = gemeente_for(request, slug)
    scope = {"user": request.user, "municipality": municipality, "membership": membership}
    return render(
        request,
        "meetings/series_list.html",
        page_context(
            municipality,
            membership,
            series_list=selectors.series_list(**scope),
            upcoming=selectors.meeting_upcoming(**scope),
        ),
    )


def series_create(request, slug):
    municipality, membership = gemeente_for(request, slug)
    require_manager(membership)
    form = SeriesForm(request.POST or None, initial={"kind": SeriesKind.LIO})
    series = save_form(
        request,
        form,
        lambda data: services.series_create(
            municipality=municipality,
            name=data["name"],
            kind=data["kind"],
            confidentiality=data["confidentiality"],
            description=data["description"],
            by=request.user,
        ),
        _("Het overleg is aangemaakt. Voeg nu deelnemers toe."),
    )
    if series is not None:
        return redirect("meetings:series_detail", slug=slug, pk=series.pk)
    return form_page(request, municipality, membership, form=form, title=_("Nieuw overleg"))


def series_detail(request, slug, pk):
    municipality, membership = gemeente_for(request, slug)
    scope = {"user": request.user, "municipality": municipality, "membership": membership}
    series = selectors.series_get(pk=pk, **scope)
    meetings = selectors.meeting_list(series=series, **scope)
    page = Paginator(meetings, 25).get_page(request.GET.get("pagina"))
    members = selectors.series_member_list(series=series)
    audit_log(user=request.user, action=AuditAction.VIEW, obj=series, municipality=municipality)
    return render(
        request,
        "meetings/series_detail.html",
        page_context(
            municipality,
            membership,
            series=series,
            members=members,
            page=page,
            query="",
            member_form=MemberForm(municipality=municipality),
            meeting_form=MeetingForm(),
        ),
    )


def series_edit(request, slug, pk):
    municipality, membership, series = managed_series(request, slug, pk)
    initial = {f: getattr(series, f) for f in services.SERIES_FIELDS}
    form = SeriesForm(request.POST or None, initial=initial)
    if save_form(
        request,
        form,
        lambda data: services.series_update(series=series, by=request.user, **data),
        _("Het overleg is bijgewerkt."),
    ):
        return redirect("meetings:series_detail", slug=slug, pk=series.pk)
    return form_page(
        request,
        municipality,
        membership,
        form=form,
        series=series,
        title=_("Overleg %(name)s wijzigen") % {"name": series.name},
    )


@require_POST
def member_add(request, slug, pk):
    municipality, membership, series = managed_series(request, slug, pk)
    form = MemberForm(request.POST, municipality=municipality)
    if save_form(
        request,
        form,
        lambda data: services.series_member_add(
            series=series,
            user=data["user"],
            partner=data["partner"],
            role=data["role"],
            by=request.user,
        ),
        _("De deelnemer is toegevoegd."),
    ):
        return redirect("meetings:series_detail", slug=slug, pk=series.pk)
    return form_page(
        request,
        municipality,
        membership,
        status=400,
        form=form,
        series=series,
        title=_("Deelnemer toevoegen aan %(name)s") % {"name": series.name},
    )


def member_remove(request, slug, pk, member_pk):
    municipality, membership, series = managed_series(request, slug, pk)
    member = selectors.series_member_get(series=series, pk=member_pk)
    if request.method == "POST":
        services.series_member_remove(member=member, by=request.user)
        messages.success(request, _("De deelnemer is verwijderd."))
        return redirect("meetings:series_detail", slug=slug, pk=series.pk)
    return render(
        request,
        "meetings/confirm.html",
        page_context(
            municipality,
            membership,
            title=_("Deelnemer verwijderen"),
            question=_("Wilt u %(member)s verwijderen uit %(series)s?")
            % {"member": member, "series": series.name},
            consequence=_("Deze deelnemer ziet de vergaderingen van dit overleg daarna niet meer."),
            confirm=_("Ja, verwijderen"),
            cancel_url=reverse("meetings:series_detail", kwargs={"slug": slug, "pk": series.pk}),
        ),
    )
