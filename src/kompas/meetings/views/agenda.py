# SPDX-License-Identifier: EUPL-1.2
"""Editing a meeting's agenda: topics, signals and dossiers, "Agenda voorstellen", order."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import integrations, selectors, services
from ..constants import MeetingStatus
from ..forms import TopicForm
from ._common import call_service, item_for, meeting_for, page_context, require_manager, save_form


# --- Agenda ------------------------------------------------------------------------------------
def agenda_edit(request, slug, pk):
    municipality, membership, meeting = meeting_for(request, slug, pk)
    require_manager(membership)
    topic_form = TopicForm(request.POST or None)
    if save_form(
        request,
        topic_form,
        lambda data: services.agenda_item_add_topic(
            meeting=meeting, title=data["title"], by=request.user
        ),
        _("Het onderwerp staat op de agenda."),
    ):
        return redirect("meetings:agenda_edit", slug=slug, pk=meeting.pk)
    return render(
        request,
        "meetings/agenda_edit.html",
        page_context(
            municipality,
            membership,
            meeting=meeting,
            series=meeting.series,
            items=list(selectors.agenda_item_list(meeting=meeting)),
            topic_form=topic_form,
            planned=meeting.status == MeetingStatus.PLANNED,
            **integrations.agenda_reference_forms(municipality=municipality, meeting=meeting),
        ),
    )


@require_POST
def agenda_propose(request, slug, pk):
    municipality, membership, meeting = meeting_for(request, slug, pk)
    require_manager(membership)
    added = call_service(request, lambda: services.agenda_propose(meeting=meeting, by=request.user))
    if added:
        messages.success(
            request,
            _("%(n)s geagendeerde signalen zijn aan de agenda toegevoegd.") % {"n": len(added)},
        )
    elif added == []:
        messages.info(request, _("Er zijn geen nieuwe geagendeerde signalen."))
    return redirect("meetings:meeting_detail", slug=slug, pk=meeting.pk)


@require_POST
def agenda_add_reference(request, slug, pk):
    """Add a signal or a dossier (chosen from the meldpunt) to the agenda."""
    municipality, membership, meeting = meeting_for(request, slug, pk)
    require_manager(membership)
    call_service(
        request,
        lambda: services.agenda_item_add_reference(
            meeting=meeting, municipality=municipality, data=request.POST, by=request.user
        ),
        _("Het punt staat op de agenda."),
    )
    return redirect("meetings:agenda_edit", slug=slug, pk=meeting.pk)


@require_POST
def item_move(request, slug, pk):
    municipality, membership, item = item_for(request, slug, pk)
    require_manager(membership)
    call_service(
        request,
        lambda: services.agenda_item_move(
            item=item, direction=request.POST.get("richting", ""), by=request.user
        ),
    )
    return redirect("meetings:agenda_edit", slug=slug, pk=item.meeting_id)


def item_remove(request, slug, pk):
    municipality, membership, item = item_for(request, slug, pk)
    require_manager(membership)
    if request.method == "POST":
        call_service(
            request,
            lambda: services.agenda_item_remove(item=item, by=request.user),
            _("Het punt is van de agenda gehaald."),
        )
        return redirect("meetings:agenda_edit", slug=slug, pk=item.meeting_id)
    return render(
        request,
        "meetings/confirm.html",
        page_context(
            municipality,
            membership,
            title=_("Punt van de agenda halen"),
            question=_("Wilt u “%(title)s” van de agenda halen?") % {"title": item.title},
            consequence=_(
                "Het verslag en de besluiten bij dit punt verdwijnen. Partners zien een "
                "signaal dat van de agenda is gehaald niet meer."
            ),
            confirm=_("Ja, van de agenda halen"),
            cancel_url=reverse(
                "meetings:agenda_edit", kwargs={"slug": slug, "pk": item.meeting_id}
            ),
        ),
    )
