# SPDX-License-Identifier: EUPL-1.2
"""Pages of overleggen. Thin: resolve the gemeente (404 outside it), resolve the object through
the visibility rules in selectors.py (404 when not visible), call a service, render."""

from datetime import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kompas.core.constants import AuditAction, Role
from kompas.core.selectors import municipality_get_for_user
from kompas.core.services import audit_log

from . import integrations, selectors, services
from .constants import MeetingStatus, SeriesKind
from .forms import (
    ActionFilterForm,
    ActionForm,
    ActionStatusForm,
    MeetingForm,
    MeetingStatusForm,
    MemberForm,
    RecordForm,
    SeriesForm,
    TopicForm,
)


def _gemeente(request, slug):
    return municipality_get_for_user(user=request.user, slug=slug, roles=Role.values)


def _manager(membership) -> None:
    if not selectors.can_manage(membership):
        raise PermissionDenied


def _add_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            target = field if field in form.fields else None
            for error in errors:
                form.add_error(target, error)
    else:
        for message in exc.messages:
            form.add_error(None, message)


def _base(municipality, membership, **extra) -> dict:
    return {
        "municipality": municipality,
        "membership": membership,
        "can_manage": selectors.can_manage(membership),
        **extra,
    }


def _save_form(request, form, save, success: str):
    """On a POST with a valid form, call save(cleaned_data) and flash success. Returns what
    save returned (the saved object), or None when the form is not valid or the service refused
    it; the service's errors are then on the form."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        saved = save(form.cleaned_data)
    except ValidationError as exc:
        _add_errors(form, exc)
        return None
    messages.success(request, success)
    return saved


def _form_page(request, municipality, membership, *, status: int = 200, **context):
    return render(
        request,
        "meetings/form_page.html",
        _base(municipality, membership, **context),
        status=status,
    )


def _call_service(request, call, success: str = ""):
    """Call a service behind a button (no form to put errors on). A refusal becomes error
    messages and gives None; otherwise flash success (if given) and return what call returned."""
    try:
        result = call()
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return None
    if success:
        messages.success(request, success)
    return result


def _managed_series(request, slug, pk):
    """The gemeente and a series for a manager's page: 403 for others (checked first),
    404 when the series is not visible."""
    municipality, membership = _gemeente(request, slug)
    _manager(membership)
    series = selectors.series_get(
        user=request.user, municipality=municipality, membership=membership, pk=pk
    )
    return municipality, membership, series


# --- Series ------------------------------------------------------------------------------------
def series_list(request, slug):
    municipality, membership = _gemeente(request, slug)
    scope = {"user": request.user, "municipality": municipality, "membership": membership}
    return render(
        request,
        "meetings/series_list.html",
        _base(
            municipality,
            membership,
            series_list=selectors.series_list(**scope),
            upcoming=selectors.meeting_upcoming(**scope),
        ),
    )


def series_create(request, slug):
    municipality, membership = _gemeente(request, slug)
    _manager(membership)
    form = SeriesForm(request.POST or None, initial={"kind": SeriesKind.LIO})
    series = _save_form(
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
    return _form_page(request, municipality, membership, form=form, title=_("Nieuw overleg"))


def series_detail(request, slug, pk):
    municipality, membership = _gemeente(request, slug)
    scope = {"user": request.user, "municipality": municipality, "membership": membership}
    series = selectors.series_get(pk=pk, **scope)
    meetings = selectors.meeting_list(series=series, **scope).order_by("-starts_at")
    page = Paginator(meetings, 25).get_page(request.GET.get("pagina"))
    members = selectors.series_member_list(series=series)
    audit_log(user=request.user, action=AuditAction.VIEW, obj=series, municipality=municipality)
    return render(
        request,
        "meetings/series_detail.html",
        _base(
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
    municipality, membership, series = _managed_series(request, slug, pk)
    initial = {f: getattr(series, f) for f in services.SERIES_FIELDS}
    form = SeriesForm(request.POST or None, initial=initial)
    if _save_form(
        request,
        form,
        lambda data: services.series_update(series=series, by=request.user, **data),
        _("Het overleg is bijgewerkt."),
    ):
        return redirect("meetings:series_detail", slug=slug, pk=series.pk)
    return _form_page(
        request,
        municipality,
        membership,
        form=form,
        series=series,
        title=_("Overleg %(name)s wijzigen") % {"name": series.name},
    )


@require_POST
def member_add(request, slug, pk):
    municipality, membership, series = _managed_series(request, slug, pk)
    form = MemberForm(request.POST, municipality=municipality)
    if _save_form(
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
    return _form_page(
        request,
        municipality,
        membership,
        status=400,
        form=form,
        series=series,
        title=_("Deelnemer toevoegen aan %(name)s") % {"name": series.name},
    )


def member_remove(request, slug, pk, member_pk):
    municipality, membership, series = _managed_series(request, slug, pk)
    member = series.members.filter(pk=member_pk).first()
    if member is None:
        raise Http404
    if request.method == "POST":
        services.series_member_remove(member=member, by=request.user)
        messages.success(request, _("De deelnemer is verwijderd."))
        return redirect("meetings:series_detail", slug=slug, pk=series.pk)
    return render(
        request,
        "meetings/confirm.html",
        _base(
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


# --- Meetings ----------------------------------------------------------------------------------
def _meeting_fields(data) -> dict:
    """MeetingForm's cleaned data as the arguments of meeting_create and meeting_update."""
    return {
        "starts_at": timezone.make_aware(datetime.combine(data["date"], data["time"])),
        "location": data["location"],
    }


def meeting_create(request, slug, pk):
    municipality, membership, series = _managed_series(request, slug, pk)
    form = MeetingForm(request.POST or None)
    meeting = _save_form(
        request,
        form,
        lambda data: services.meeting_create(
            series=series, by=request.user, **_meeting_fields(data)
        ),
        _("De vergadering is gepland."),
    )
    if meeting is not None:
        return redirect("meetings:meeting_detail", slug=slug, pk=meeting.pk)
    return _form_page(
        request,
        municipality,
        membership,
        form=form,
        series=series,
        title=_("Nieuwe vergadering van %(name)s") % {"name": series.name},
    )


def _meeting(request, slug, pk):
    municipality, membership = _gemeente(request, slug)
    meeting = selectors.meeting_get(
        user=request.user, municipality=municipality, membership=membership, pk=pk
    )
    return municipality, membership, meeting


def meeting_detail(request, slug, pk):
    municipality, membership, meeting = _meeting(request, slug, pk)
    items = list(selectors.agenda_item_list(meeting=meeting))
    audit_log(user=request.user, action=AuditAction.VIEW, obj=meeting, municipality=municipality)
    waiting = []
    if selectors.can_manage(membership) and meeting.series.kind == SeriesKind.LIO:
        waiting = integrations.signals_for_agenda(municipality=municipality, meeting=meeting)
    return render(
        request,
        "meetings/meeting_detail.html",
        _base(
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
        ),
    )


def meeting_edit(request, slug, pk):
    municipality, membership, meeting = _meeting(request, slug, pk)
    _manager(membership)
    local = timezone.localtime(meeting.starts_at)
    form = MeetingForm(
        request.POST or None,
        initial={"date": local.date(), "time": local.time(), "location": meeting.location},
    )
    if _save_form(
        request,
        form,
        lambda data: services.meeting_update(
            meeting=meeting, by=request.user, **_meeting_fields(data)
        ),
        _("De vergadering is bijgewerkt."),
    ):
        return redirect("meetings:meeting_detail", slug=slug, pk=meeting.pk)
    return _form_page(
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
    municipality, membership, meeting = _meeting(request, slug, pk)
    _manager(membership)
    form = MeetingStatusForm(request.POST or request.GET or None)
    if request.method == "POST" and form.is_valid() and request.POST.get("bevestigd") == "ja":
        status = form.cleaned_data["status"]
        _call_service(
            request,
            lambda: services.meeting_status_set(meeting=meeting, status=status, by=request.user),
            _("De vergadering is gemarkeerd als %(status)s.")
            % {"status": MeetingStatus(status).label},
        )
        return redirect("meetings:meeting_detail", slug=slug, pk=meeting.pk)
    return render(
        request,
        "meetings/meeting_status.html",
        _base(municipality, membership, meeting=meeting, series=meeting.series, form=form),
    )


# --- Agenda ------------------------------------------------------------------------------------
def agenda_edit(request, slug, pk):
    municipality, membership, meeting = _meeting(request, slug, pk)
    _manager(membership)
    topic_form = TopicForm(request.POST or None)
    if _save_form(
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
        _base(
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
    municipality, membership, meeting = _meeting(request, slug, pk)
    _manager(membership)
    added = _call_service(
        request, lambda: services.agenda_propose(meeting=meeting, by=request.user)
    )
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
    municipality, membership, meeting = _meeting(request, slug, pk)
    _manager(membership)
    _call_service(
        request,
        lambda: services.agenda_item_add_reference(
            meeting=meeting, municipality=municipality, data=request.POST, by=request.user
        ),
        _("Het punt staat op de agenda."),
    )
    return redirect("meetings:agenda_edit", slug=slug, pk=meeting.pk)


def _item(request, slug, pk):
    municipality, membership = _gemeente(request, slug)
    item = selectors.agenda_item_get(
        user=request.user, municipality=municipality, membership=membership, pk=pk
    )
    return municipality, membership, item


@require_POST
def item_move(request, slug, pk):
    municipality, membership, item = _item(request, slug, pk)
    _manager(membership)
    _call_service(
        request,
        lambda: services.agenda_item_move(
            item=item, direction=request.POST.get("richting", ""), by=request.user
        ),
    )
    return redirect("meetings:agenda_edit", slug=slug, pk=item.meeting_id)


def item_remove(request, slug, pk):
    municipality, membership, item = _item(request, slug, pk)
    _manager(membership)
    if request.method == "POST":
        _call_service(
            request,
            lambda: services.agenda_item_remove(item=item, by=request.user),
            _("Het punt is van de agenda gehaald."),
        )
        return redirect("meetings:agenda_edit", slug=slug, pk=item.meeting_id)
    return render(
        request,
        "meetings/confirm.html",
        _base(
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


def item_detail(request, slug, pk):
    municipality, membership, item = _item(request, slug, pk)
    manage = selectors.can_manage(membership)
    meeting = item.meeting
    record_form = action_form = None
    if manage and meeting.status != MeetingStatus.CANCELLED:
        record_form = RecordForm(
            request.POST if request.POST.get("formulier") == "verslag" else None,
            initial={"minutes": item.minutes, "decisions": item.decisions},
        )
        action_form = ActionForm(
            request.POST if request.POST.get("formulier") == "actie" else None,
            series=meeting.series,
        )
        # At most one of the two forms is bound: the POST says which ("formulier").
        if _save_form(
            request,
            record_form,
            lambda data: services.agenda_item_record(item=item, by=request.user, **data),
            _("Het verslag is opgeslagen."),
        ) or _save_form(
            request,
            action_form,
            lambda data: services.action_create(
                item=item,
                description=data["description"],
                due_date=data["due_date"],
                by=request.user,
                **data["owner"],
            ),
            _("De actie is toegevoegd."),
        ):
            return redirect("meetings:item_detail", slug=slug, pk=item.pk)
    elif request.method == "POST":
        raise PermissionDenied
    audit_log(user=request.user, action=AuditAction.VIEW, obj=item, municipality=municipality)
    reference = integrations.item_reference_view(
        item=item, user=request.user, membership=membership
    )
    actions = [
        {
            "action": a,
            "overdue": selectors.action_overdue(a),
            "may_update": manage
            or selectors.action_is_owner(action=a, user=request.user, membership=membership),
        }
        for a in item.actions.select_related("owner_user", "owner_partner")
    ]
    return render(
        request,
        "meetings/item_detail.html",
        _base(
            municipality,
            membership,
            item=item,
            meeting=meeting,
            series=meeting.series,
            reference=reference,
            record_form=record_form,
            action_form=action_form,
            actions=actions,
            status_form=ActionStatusForm(),
        ),
        status=400
        if (record_form and record_form.errors) or (action_form and action_form.errors)
        else 200,
    )


# --- Follow-up actions ---------------------------------------------------------------------------
@require_POST
def action_status(request, slug, pk):
    municipality, membership = _gemeente(request, slug)
    action = selectors.action_get(
        user=request.user, municipality=municipality, membership=membership, pk=pk
    )
    if not (
        selectors.can_manage(membership)
        or selectors.action_is_owner(action=action, user=request.user, membership=membership)
    ):
        raise PermissionDenied
    form = ActionStatusForm(request.POST)
    if form.is_valid():
        services.action_status_set(
            action=action, status=form.cleaned_data["status"], by=request.user
        )
        messages.success(request, _("De status van de actie is bijgewerkt."))
    else:
        messages.error(request, _("Kies een geldige status voor de actie."))
    target = request.POST.get("terug")
    if target == "mijn-acties":
        return redirect("meetings:my_actions", slug=slug)
    return redirect("meetings:item_detail", slug=slug, pk=action.item_id)


def my_actions(request, slug):
    municipality, membership = _gemeente(request, slug)
    form = ActionFilterForm(request.GET or None)
    status = form.cleaned_data["status"] if form.is_valid() else ""
    actions = selectors.action_list_for_owner(
        user=request.user, municipality=municipality, membership=membership, status=status
    )
    page = Paginator(actions, 50).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "meetings/my_actions.html",
        _base(
            municipality,
            membership,
            form=form,
            page=page,
            rows=[{"action": a, "overdue": selectors.action_overdue(a)} for a in page],
            query=query.urlencode(),
            status_form=ActionStatusForm(),
        ),
    )
