# SPDX-License-Identifier: EUPL-1.2
"""Shared parts of the pages: the context, a form page and a delete page with confirmation."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from kompas.core import registers
from kompas.core.constants import STAFF_ROLES, AuditAction
from kompas.core.exports import table_response
from kompas.core.registers import add_errors
from kompas.core.services import audit_log

from .. import selectors

PAGE_SIZE = 25


def context(municipality, membership, **extra) -> dict:
    return {
        "municipality": municipality,
        "membership": membership,
        "can_write": membership.role in STAFF_ROLES,
        "year": selectors.today().year,
        **extra,
    }


def form_page(
    request, *, municipality, membership, form, save, template, success, done_url, **extra
):
    """Validate `form` on POST and call `save(fields)`; a service error lands on the form."""
    if request.method == "POST" and form.is_valid():
        instance = form.instance
        was_new = instance.pk is None
        try:
            obj = save(dict(form.cleaned_data))
        except ValidationError as exc:
            add_errors(form, exc)
            if was_new:
                # Not saved: the instance must not look saved to the page.
                instance.pk = None
        else:
            messages.success(request, success)
            return redirect(done_url(obj))
    return render(request, template, context(municipality, membership, form=form, **extra))


def delete_page(
    request, *, municipality, membership, obj, delete, question, note, success, done_url
):
    return registers.delete_page(
        request,
        delete=delete,
        success=success,
        done_url=done_url,
        template="fenomenen/confirm_delete.html",
        context=context(municipality, membership, object=obj, question=question, note=note),
    )


def export(request, *, municipality, object_type, filename, headers, rows, fmt):
    audit_log(
        user=request.user,
        action=AuditAction.EXPORT,
        object_type=object_type,
        municipality=municipality,
        note=fmt,
    )
    return table_response(
        filename=f"{filename}-{municipality.slug}", headers=headers, rows=rows, fmt=fmt
    )
