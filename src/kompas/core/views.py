# SPDX-License-Identifier: EUPL-1.2
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login

from . import panels
from .constants import AuditAction, Role
from .exports import AUDIT_CSV_HEADER, audit_csv_rows, csv_response
from .forms import AuditFilterForm, TokenForm
from .middleware import with_next
from .pagination import page_get
from .selectors import (
    audit_entry_list,
    municipality_get_for_user,
    municipality_list,
    otp_device_confirmed_exists,
    partnership_list,
    region_search,
)
from .services import (
    audit_log,
    otp_device_confirm,
    otp_device_pending_get_or_create,
    otp_token_verify,
)


class LoginView(auth_views.LoginView):
    template_name = "core/login.html"
    redirect_authenticated_user = True


def _safe_next(request, default: str = "/") -> str:
    target = request.POST.get("next") or request.GET.get("next") or default
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return default


@login_not_required
@never_cache
def health(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any failure means unhealthy
        return JsonResponse({"status": "error", "database": "onbereikbaar"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def home(request):
    municipalities = list(municipality_list(user=request.user, roles=Role.values))
    chosen = request.GET.get("gemeente")
    if chosen and any(m.slug == chosen for m in municipalities):
        return redirect("core:municipality_home", slug=chosen)
    if len(municipalities) == 1:
        return redirect("core:municipality_home", slug=municipalities[0].slug)
    return render(request, "core/home.html", {"municipalities": municipalities})


def municipality_home(request, slug):
    municipality, membership = municipality_get_for_user(
        user=request.user, slug=slug, roles=Role.values
    )
    return render(
        request,
        "core/municipality_home.html",
        {
            "municipality": municipality,
            "membership": membership,
            "panels": panels.panels_for(
                request=request, municipality=municipality, membership=membership
            ),
            "partnerships": partnership_list(municipality=municipality),
        },
    )


def region_list(request, slug):
    municipality, _m = municipality_get_for_user(user=request.user, slug=slug)
    query = request.GET.get("q", "").strip()
    regions = region_search(municipality=municipality, query=query)
    page = page_get(request, regions, 100)
    return render(
        request,
        "core/region_list.html",
        {"municipality": municipality, "page": page, "query": query},
    )


def audit_list(request, slug):
    municipality, _m = municipality_get_for_user(user=request.user, slug=slug, roles=[Role.ADMIN])
    form = AuditFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    entries = audit_entry_list(
        municipalities=[municipality], **{k: v for k, v in filters.items() if v}
    )
    if request.GET.get("export") == "csv":
        audit_log(
            user=request.user,
            action=AuditAction.EXPORT,
            object_type="core.auditentry",
            municipality=municipality,
            note="auditlog als CSV",
        )
        return csv_response(
            f"auditlog-{municipality.slug}.csv", AUDIT_CSV_HEADER, audit_csv_rows(entries)
        )
    return render(
        request,
        "core/audit_list.html",
        {"municipality": municipality, "form": form, "page": page_get(request, entries, 50)},
    )


@never_cache
def otp_setup(request):
    """Set up a TOTP device: show the QR code and secret, confirm with a first code."""
    if otp_device_confirmed_exists(user=request.user):
        return redirect(with_next(reverse("core:otp_verify"), _safe_next(request)))
    device = otp_device_pending_get_or_create(user=request.user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if otp_device_confirm(user=request.user, device=device, token=form.cleaned_data["token"]):
            otp_login(request, device)
            messages.success(request, _("Tweestapsverificatie is ingesteld."))
            return redirect(_safe_next(request))
        form.add_error("token", _("Deze code klopt niet. Probeer de volgende code."))
    import segno

    qr = segno.make(device.config_url, error="m")
    svg = qr.svg_inline(scale=4, title=_("QR-code voor uw authenticator-app"))
    secret = device.config_url.split("secret=")[1].split("&")[0]
    return render(
        request,
        "core/otp_setup.html",
        {"form": form, "qr_svg": svg, "secret": secret, "next": _safe_next(request)},
    )


@never_cache
def otp_verify(request):
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = otp_token_verify(user=request.user, token=form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            return redirect(_safe_next(request))
        form.add_error("token", _("Deze code klopt niet."))
    return render(request, "core/otp_verify.html", {"form": form, "next": _safe_next(request)})
