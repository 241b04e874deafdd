# SPDX-License-Identifier: EUPL-1.2
"""Pages of a meeting: plan, show (agenda with minutes), edit, mark held or cancelled."""

from datetime import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kompas.core import hooks
from kompas.core.constants import AuditAction
from kompas.core.services import audit_log

from .. import integrations, selectors, services
from ..constants import MeetingStatus, SeriesKind
from ..forms import MeetingForm, MeetingStatusForm
from ._common import (
    call_service,
    form_page,
    managed_series,
    meeting_for,
    page_context,
    require_manager,
    save_form,
)


# --- Meetings ----------------------------------------------------------------------------------
def _meeting_fields(data) -> dict:
    """MeetingForm's cleaned data as the arguments of meeting_create and meeting_update."""
    return {
        "starts_at": timezone.make_aware(datetime.combine(data["date"], data["time"])),
        "location": data["location"],
    }


def meeting_create(request, slug, pk):
    municipality, membership, series = managed_series(request, slug, pk)
    form = MeetingForm(request.POST or None)
    meeting = save_form(
        request,
        form,
        lambda data: services.meeting_create(
            series=series, by=request.user, **_meeting_fields(data)
        ),
        _("De vergadering is gepland."),
    )
    if meeting is not None:
        return redirect("meetings:meeting_detail", slug=slug, pk=meeting.pk)
    return form_page(
        request,
        municipality,
        membership,
        form=form,
        series=series,
        title=_("Nieuwe vergadering van %(name)s") % {"name": series.name},
    )


def meeting_detail(request, slug, pk):
    municipality, membership, meeting = meeting_for(request, slug, pk)
    items = list(selectors.agenda_item_list(meeting=meeting))
    audit_log(user=request.user, action=AuditAction.VIEW, obj=meeting, municipality=municipality)
    waiting = []
    if selectors.can_manage(membership) and meeting.series.kind == SeriesKind.LIO:
        waiting = integrations.signals_for_agenda(municipality=municipality, meeting=meeting)
    return render(
        request,
        "meetings/meeting_detail.html",
        page_context(
            municipality,
            membership,
            meeting=meeting,
            series=meeting.series,
            items=items,
            waiting=waiting,
            is_lio=meeting.series.kind == SeriesKind.LIO,
            planned=meeting.status == MeetingStatus.PLANNED,
            status_form=MeetingStatusForm(),
            today=timezone.localdate(),
            # What apps above meetings list on this meeting (cases: the table's cases).
            sections=hooks.meeting_sections(meeting=meeting, user=request.user),
        ),
    )


def meeting_edit(request, slug, pk):
    municipality, membership, meeting = meeting_for(request, slug, pk)
    require_manager(membership)
    local = timezone.localtime(meeting.starts_at)
    form = MeetingForm(
        request.POST or None,
        initial={"date": local.date(), "time": local.time(), "location": meeting.location},
    )
    if save_form(
        request,
        form,
        lambda data: services.meeting_update(
            meeting=meeting, by=request.user, **_meeting_fields(data)
        ),
        _("De vergadering is bijgewerkt."),
    ):
        return redirect("meetings:meeting_detail", slug=slug, pk=meeting.pk)
    return form_page(
        request,
        municipality,
        membership,
        form=form,
        series=meeting.series,
        meeting=meeting,
        title=_("Vergadering wijzigen"),
    )


def meeting_status(request, slug, pk):
    """Confirm and then mark a meeting as held or cancelled (both are final)."""
    municipality, membership, meeting = meeting_for(request, slug, pk)
    require_manager(membership)
    form = MeetingStatusForm(request.POST or request.GET or None)
    if request.method == "POST" and form.is_valid() and request.POST.get("bevestigd") == "ja":
        status = form.cleaned_data["status"]
        call_service(
            request,
            lambda: services.meeting_status_set(meeting=meeting, status=status, by=request.user),
            _("De vergadering is gemarkeerd als %(status)s.")
            % {"status": MeetingStatus(status).label},
        )
        return redirect("meetings:meeting_detail", slug=slug, pk=meeting.pk)
    return render(
        request,
        "meetings/meeting_status.html",
        page_context(municipality, membership, meeting=meeting, series=meeting.series, form=form),
    )


def meeting_mail(request, slug, pk):
    """POST: mail the agenda or the minutes to the members."""
    municipality, membership, meeting = meeting_for(request, slug, pk)
    require_manager(membership)
    if request.method != "POST":
        return redirect("meetings:meeting_detail", slug=slug, pk=pk)
    what = request.POST.get("what", "")
    url = request.build_absolute_uri(
        reverse("meetings:meeting_detail", kwargs={"slug": slug, "pk": pk})
    )
    try:
        services.meeting_mail_send(
            meeting=meeting, what=what, by=request.user, url=url, host=request.get_host()
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("De agenda gaat per e-mail naar de deelnemers.")
            if what == "agenda"
            else _("Het verslag gaat per e-mail naar de deelnemers."),
        )
    return redirect("meetings:meeting_detail", slug=slug, pk=pk)
