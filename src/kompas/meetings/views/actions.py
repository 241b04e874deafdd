# SPDX-License-Identifier: EUPL-1.2
"""Follow-up actions: their status, and "Mijn acties uit overleggen"."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import selectors, services
from ..forms import ActionFilterForm, ActionStatusForm
from ._common import gemeente_for, page_context


# --- Follow-up actions ---------------------------------------------------------------------------
@require_POST
def action_status(request, slug, pk):
    municipality, membership = gemeente_for(request, slug)
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
    municipality, membership = gemeente_for(request, slug)
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
        page_context(
            municipality,
            membership,
            form=form,
            page=page,
            rows=[{"action": a, "overdue": selectors.action_overdue(a)} for a in page],
            query=query.urlencode(),
            status_form=ActionStatusForm(),
        ),
    )
