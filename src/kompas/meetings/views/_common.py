# SPDX-License-Identifier: EUPL-1.2
"""What every page of overleggen does: resolve the gemeente (404 outside it) and the object
through the visibility rules in selectors.py (404 when not visible), check that the user may
manage, put a service's refusal on the form or in a message."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import render

from kompas.core.constants import Role
from kompas.core.selectors import municipality_get_for_user

from .. import selectors


def gemeente_for(request, slug):
    return municipality_get_for_user(user=request.user, slug=slug, roles=Role.values)


def require_manager(membership) -> None:
    if not selectors.can_manage(membership):
        raise PermissionDenied


def add_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            target = field if field in form.fields else None
            for error in errors:
                form.add_error(target, error)
    else:
        for message in exc.messages:
            form.add_error(None, message)


def page_context(municipality, membership, **extra) -> dict:
    return {
        "municipality": municipality,
        "membership": membership,
        "can_manage": selectors.can_manage(membership),
        **extra,
    }


def save_form(request, form, save, success: str):
    """On a POST with a valid form, call save(cleaned_data) and flash success. Returns what
    save returned (the saved object), or None when the form is not valid or the service refused
    it; the service's errors are then on the form."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        saved = save(form.cleaned_data)
    except ValidationError as exc:
        add_errors(form, exc)
        return None
    messages.success(request, success)
    return saved


def form_page(request, municipality, membership, *, status: int = 200, **context):
    return render(
        request,
        "meetings/form_page.html",
        page_context(municipality, membership, **context),
        status=status,
    )


def call_service(request, call, success: str = ""):
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


def managed_series(request, slug, pk):
    """The gemeente and a series for a manager's page: 403 for others (checked first),
    404 when the series is not visible."""
    municipality, membership = gemeente_for(request, slug)
    require_manager(membership)
    series = selectors.series_get(
        user=request.user, municipality=municipality, membership=membership, pk=pk
    )
    return municipality, membership, series


def meeting_for(request, slug, pk):
    municipality, membership = gemeente_for(request, slug)
    meeting = selectors.meeting_get(
        user=request.user, municipality=municipality, membership=membership, pk=pk
    )
    return municipality, membership, meeting


def item_for(request, slug, pk):
    municipality, membership = gemeente_for(request, slug)
    item = selectors.agenda_item_get(
        user=request.user, municipality=municipality, membership=membership, pk=pk
    )
    return municipality, membership, item
