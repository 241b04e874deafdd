# SPDX-License-Identifier: EUPL-1.2
"""Helpers shared by the casework pages: the gemeente and the user's access (404 outside it),
service errors onto forms, and the one audited list view."""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import render

from kompas.core.constants import AuditAction, Role
from kompas.core.selectors import municipality_get_for_user
from kompas.core.services import audit_log

from .. import selectors


def gemeente(request, slug):
    """(municipality, access) for any member of the gemeente; 404 for others."""
    municipality, _membership = municipality_get_for_user(
        user=request.user, slug=slug, roles=Role.values
    )
    return municipality, selectors.case_access(user=request.user, municipality=municipality)


def require(condition: bool) -> None:
    """Not allowed answers 404, like not found: its existence does not leak."""
    if not condition:
        raise Http404


def casework(request, slug):
    municipality, access = gemeente(request, slug)
    require(access.sees_all or access.is_partner)
    return municipality, access


def manager(request, slug):
    municipality, access = gemeente(request, slug)
    require(access.can_manage)
    return municipality, access


def add_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            target = field if field in form.fields else None
            for error in errors:
                form.add_error(target, error)
    else:
        for message in exc.messages:
            form.add_error(None, message)


def audit_list_view(request, municipality, *, what: str, count: int) -> None:
    """One audit line per list of cases shown (pseudonyms only): which list, how many."""
    audit_log(
        user=request.user,
        action=AuditAction.VIEW,
        object_type="cases.case_list",
        object_id=what,
        municipality=municipality,
        note=f"{count} casussen",
    )


def page(request, template: str, municipality, access, status: int = 200, **context):
    context.setdefault("title", "")
    response = render(
        request,
        template,
        {"municipality": municipality, "access": access, **context},
        status=status,
    )
    # Case pages hold personal data: never in a shared or browser cache.
    response["Cache-Control"] = "no-store, private"
    return response
