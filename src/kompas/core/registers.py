# SPDX-License-Identifier: EUPL-1.2
"""Simple registers (lists of records a team keeps: facilities, demonstrations, matches, ...)
described once and served by two generic pages: a paginated list with CSV/Excel download and a
form to add or change one record. An app describes each register with a `Register` and calls
`list_page` / `form_page` from its own thin views, which resolve the owner and check rights."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .exports import FORMATS, table_response

PAGE_SIZE = 50


def day(value) -> str:
    """A date as the lists show it (4-12-2026), empty for none."""
    return date_format(value, "j-n-Y") if value else ""


@dataclass(frozen=True)
class Register:
    slug: str
    title: str
    singular: str
    model: type
    form: type
    list: Callable  # list(owner=...) -> QuerySet
    get: Callable  # get(owner=..., pk=...) -> object or Http404
    columns: tuple[tuple[str, Callable], ...]
    intro: str = ""
    # form_kwargs(owner) -> extra keyword arguments for the form (e.g. limited choices)
    form_kwargs: Callable | None = None
    # save(owner=, obj=, by=, fields=, m2m=) -> obj; the app's service for this register
    save: Callable | None = None
    filters: dict = field(default_factory=dict)

    @property
    def headers(self) -> list[str]:
        return [h for h, _c in self.columns]

    def cells(self, obj) -> list:
        return [column(obj) for _h, column in self.columns]


def list_page(request, *, reg: Register, qs, edit_url: Callable, create_url: str, context: dict):
    """The register's list, or its download when `?formaat=csv|xlsx`."""
    fmt = request.GET.get("formaat")
    if fmt in FORMATS:
        slug = context.get("municipality").slug if context.get("municipality") else "export"
        return table_response(
            filename=f"{reg.slug}-{slug}",
            headers=reg.headers,
            rows=(reg.cells(o) for o in qs),
            fmt=fmt,
        )
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("pagina"))
    rows = [(edit_url(o), reg.cells(o)) for o in page.object_list]
    return render(
        request,
        "core/register_list.html",
        {**context, "reg": reg, "page": page, "rows": rows, "create_url": create_url},
    )


def add_errors(form, exc: ValidationError) -> None:
    """Put a service's ValidationError on the form: on its field when the form has it."""
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            for error in errors:
                form.add_error(name if name in form.fields else None, error)
    else:
        for message in exc.messages:
            form.add_error(None, message)


def form_page(request, *, reg: Register, owner, instance, back_url: str, context: dict, by):
    """Add (instance without pk) or change a record; on success back to the list."""
    kwargs = reg.form_kwargs(owner) if reg.form_kwargs else {}
    existing = instance.pk is not None
    form = reg.form(request.POST or None, instance=instance if existing else None, **kwargs)
    if request.method == "POST" and form.is_valid():
        m2m_names = {f.name for f in reg.model._meta.many_to_many}
        m2m = {k: v for k, v in form.cleaned_data.items() if k in m2m_names}
        fields = {k: v for k, v in form.cleaned_data.items() if k not in m2m_names}
        try:
            reg.save(owner=owner, obj=instance, by=by, fields=fields, m2m=m2m)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("Opgeslagen."))
            return redirect(back_url)
    return render(
        request,
        "core/register_form.html",
        {
            **context,
            "reg": reg,
            "form": form,
            "instance": instance if existing else None,
            "back_url": back_url,
            "details": list(zip(reg.headers, reg.cells(instance), strict=True)) if existing else [],
        },
    )


def delete_page(
    request,
    *,
    delete: Callable[[], None],
    success: str,
    done_url: str,
    template: str,
    context: dict,
):
    """GET: the confirmation page (`template` with `context`: object, question, note); POST:
    `delete()`, a success message and back to `done_url`. Destructive actions always ask first."""
    if request.method == "POST":
        delete()
        messages.success(request, success)
        return redirect(done_url)
    return render(request, template, context)


# --- Services of a register ------------------------------------------------------------------
def record_owner_check(obj, owner, *, owner_field: str = "municipality", message: str = "") -> None:
    """A saved record of another gemeente is never changed through this one: a ValidationError."""
    if obj.pk and getattr(obj, f"{owner_field}_id") != owner.pk:
        raise ValidationError(message or _("Dit hoort niet bij de gemeente."))


def record_fill(
    obj,
    fields: dict,
    *,
    owner,
    by,
    is_demo: bool = False,
    owner_field: str = "municipality",
    strip: bool = False,
    message: str = "",
) -> bool:
    """The first step of every register's save service: refuse another gemeente's record, set
    `fields` (stripped text when `strip`), and on a new record its owner, author and demo mark.
    Answers whether the record is new; validation and saving stay with the service."""
    record_owner_check(obj, owner, owner_field=owner_field, message=message)
    creating = obj.pk is None
    for name, value in fields.items():
        setattr(obj, name, value.strip() if strip and isinstance(value, str) else value)
    if creating:
        setattr(obj, owner_field, owner)
        obj.created_by = by if getattr(by, "is_authenticated", False) else None
        obj.is_demo = is_demo
    return creating
