# SPDX-License-Identifier: EUPL-1.2
"""One agenda item: the signal or dossier it discusses, minutes and decisions, actions."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from kompas.core.constants import AuditAction
from kompas.core.services import audit_log

from .. import integrations, selectors, services
from ..constants import MeetingStatus
from ..forms import ActionForm, ActionStatusForm, RecordForm
from ._common import item_for, page_context, save_form


def item_detail(request, slug, pk):
    municipality, membership, item = item_for(request, slug, pk)
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
        if save_form(
            request,
            record_form,
            lambda data: services.agenda_item_record(item=item, by=request.user, **data),
            _("Het verslag is opgeslagen."),
        ) or save_form(
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
        for a in selectors.action_list_for_item(item=item)
    ]
    return render(
        request,
        "meetings/item_detail.html",
        page_context(
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


def item_attachment(request, slug, pk, attachment_id):
    """A photo (or document) of the signal on an item, for members who may read the signal;
    every view is audited. Photos open in the browser, documents download; never cached."""
    _municipality, membership, item = item_for(request, slug, pk)
    attachment, data = integrations.item_attachment_read(
        item=item, attachment_id=attachment_id, user=request.user, membership=membership
    )
    response = HttpResponse(data, content_type=attachment.content_type)
    shown = "inline" if attachment.content_type.startswith("image/") else "attachment"
    response["Content-Disposition"] = f'{shown}; filename="{attachment.filename}"'
    add_never_cache_headers(response)
    return response
