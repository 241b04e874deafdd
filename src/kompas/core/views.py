# SPDX-License-Identifier: EUPL-1.2
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.db import connection
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login

from . import hooks, notifications, panels, privacy
from .constants import AuditAction, Role
from .exports import AUDIT_CSV_HEADER, audit_csv_rows, csv_response
from .forms import (
    AuditFilterForm,
    BrandingForm,
    InviteForm,
    MemberFilterForm,
    MembershipForm,
    NotificationForm,
    TokenForm,
)
from .middleware import with_next
from .pagination import page_get
from .pdf import html_to_pdf
from .selectors import (
    audit_entry_list,
    member_get,
    member_list,
    membership_list,
    municipality_get_for_user,
    municipality_list,
    municipality_logo_get,
    notification_opt_outs,
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
from .services.beheer import (
    branding_update,
    invitation_send,
    membership_change,
    membership_remove,
    user_invite,
)
from .services.notifications import preferences_save


class LoginView(auth_views.LoginView):
    template_name = "core/login.html"
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        # Visitors without an account find the public pages from here.
        return {
            **super().get_context_data(**kwargs),
            "public_links": hooks.public_links(),
            "sso_name": settings.KOMPAS_OIDC_PROVIDER_NAME if settings.KOMPAS_OIDC_ENABLED else "",
        }


@login_not_required
@never_cache
def sso_start(request):
    """To the gemeente's identity provider (kompas.core.sso); 404 when SSO is off."""
    if not settings.KOMPAS_OIDC_ENABLED:
        raise Http404
    from .sso import SSOStartView

    return SSOStartView.as_view()(request)


@login_not_required
@never_cache
def sso_callback(request):
    """Back from the identity provider: logged in, or refused on the login page."""
    if not settings.KOMPAS_OIDC_ENABLED:
        raise Http404
    from .sso import SSOCallbackView

    return SSOCallbackView.as_view()(request)


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


# --- Beheer ------------------------------------------------------------------------------------
def _admin_of(request, slug):
    return municipality_get_for_user(user=request.user, slug=slug, roles=[Role.ADMIN])[0]


def _form_errors(form, exc: ValidationError) -> None:
    """A service's ValidationError onto the form: per field where it names one."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def beheer(request, slug):
    municipality = _admin_of(request, slug)
    links = sorted(hooks.beheer_links(municipality=municipality), key=lambda link: link["order"])
    return render(request, "core/beheer/index.html", {"municipality": municipality, "links": links})


def privacy_register(request, slug):
    """The verwerkingsregister (AVG art. 30) generated from the apps' declarations
    (kompas.core.privacy), with this gemeente's retention terms; as CSV or PDF with
    ?formaat=csv|pdf (exports audited)."""
    municipality = _admin_of(request, slug)
    rows = privacy.register_rows(municipality=municipality)
    fmt = request.GET.get("formaat")
    filename = f"verwerkingsregister-{municipality.slug}"
    if fmt in ("csv", "pdf"):
        audit_log(
            user=request.user,
            action=AuditAction.EXPORT,
            object_type="core.verwerkingsregister",
            municipality=municipality,
            note=f"verwerkingsregister als {fmt.upper()}",
        )
    if fmt == "csv":
        header = [str(h) for h in privacy.REGISTER_HEADER]
        return csv_response(f"{filename}.csv", header, (row.cells() for row in rows))
    context = {"municipality": municipality, "rows": rows}
    if fmt == "pdf":
        context["rows"] = privacy.register_groups(municipality=municipality)
        html = render_to_string("core/beheer/privacy_register_pdf.html", context)
        response = HttpResponse(html_to_pdf(html), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{filename}.pdf"'
        return response
    return render(request, "core/beheer/privacy_register.html", context)


def member_list_view(request, slug):
    municipality = _admin_of(request, slug)
    form = MemberFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    members = member_list(
        municipality=municipality, query=filters.get("q", ""), role=filters.get("role", "")
    )
    return render(
        request,
        "core/beheer/member_list.html",
        {"municipality": municipality, "form": form, "page": page_get(request, members, 50)},
    )


def member_invite(request, slug):
    municipality = _admin_of(request, slug)
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            membership, created = user_invite(
                municipality=municipality, by=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            user = membership.user
            if created or not user.has_usable_password():
                invitation_send(
                    user=user,
                    municipality=municipality,
                    base_url=request.build_absolute_uri("/"),
                    by=request.user,
                )
                messages.success(
                    request,
                    _("De uitnodiging is verstuurd naar %(email)s.") % {"email": user.email},
                )
            else:
                messages.success(
                    request,
                    _("%(name)s heeft al een account en kan nu ook in deze gemeente werken.")
                    % {"name": user.get_full_name() or user.username},
                )
            return redirect("core:member_list", slug=slug)
    return render(
        request, "core/beheer/member_invite.html", {"municipality": municipality, "form": form}
    )


def member_edit(request, slug, pk):
    municipality = _admin_of(request, slug)
    membership = member_get(municipality=municipality, pk=pk)
    initial = {"role": membership.role, "partner": membership.partner}
    form = MembershipForm(request.POST or None, initial=initial)
    if request.method == "POST" and "reinvite" in request.POST:
        if not membership.user.has_usable_password() and membership.user.is_active:
            invitation_send(
                user=membership.user,
                municipality=municipality,
                base_url=request.build_absolute_uri("/"),
                by=request.user,
            )
            messages.success(request, _("De uitnodiging is opnieuw verstuurd."))
        return redirect("core:member_edit", slug=slug, pk=pk)
    if request.method == "POST" and form.is_valid():
        try:
            membership_change(membership=membership, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("De rol is gewijzigd."))
            return redirect("core:member_list", slug=slug)
    return render(
        request,
        "core/beheer/member_edit.html",
        {"municipality": municipality, "membership": membership, "form": form},
    )


def member_remove(request, slug, pk):
    municipality = _admin_of(request, slug)
    membership = member_get(municipality=municipality, pk=pk)
    error = ""
    if request.method == "POST":
        name = membership.user.get_full_name() or membership.user.username
        try:
            deactivated = membership_remove(membership=membership, by=request.user)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            text = (
                _("%(name)s werkt niet meer in deze gemeente; het account is gedeactiveerd.")
                if deactivated
                else _("%(name)s werkt niet meer in deze gemeente.")
            )
            messages.success(request, text % {"name": name})
            return redirect("core:member_list", slug=slug)
    return render(
        request,
        "core/beheer/member_remove.html",
        {"municipality": municipality, "membership": membership, "error": error},
    )


def branding_edit(request, slug):
    municipality = _admin_of(request, slug)
    initial = {"public_name": municipality.public_name, "privacy_url": municipality.privacy_url}
    form = BrandingForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            branding_update(municipality=municipality, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("De huisstijl en het privacyadres zijn opgeslagen."))
            return redirect("core:beheer", slug=slug)
    return render(
        request, "core/beheer/branding.html", {"municipality": municipality, "form": form}
    )


@login_not_required
def municipality_logo(request, slug):
    """The gemeente's logo, public (meldpunt, dashboard); cacheable, its URL carries a version."""
    logo = municipality_logo_get(slug=slug)
    if logo is None:
        raise Http404
    response = HttpResponse(bytes(logo.png), content_type="image/png")
    response["Cache-Control"] = "public, max-age=86400"
    return response


class InviteAcceptView(auth_views.PasswordResetConfirmView):
    """The invited person chooses a password; the link is void once it is used."""

    template_name = "core/beheer/invite_accept.html"
    success_url = reverse_lazy("core:login")
    post_reset_login = False

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(
            self.request, _("Uw wachtwoord is ingesteld. Log nu in met uw e-mailadres.")
        )
        return response


# --- Own settings ------------------------------------------------------------------------------
def notification_settings(request):
    roles = [m.role for m in membership_list(user=request.user)]
    kinds = notifications.kinds_for_roles(roles)
    off = notification_opt_outs(user=request.user)
    initial = {k.code: k.code not in off for k in kinds}
    form = NotificationForm(request.POST or None, kinds=kinds, initial=initial)
    if request.method == "POST" and form.is_valid():
        preferences_save(
            user=request.user,
            enabled=[code for code, on in form.cleaned_data.items() if on],
            offered=[k.code for k in kinds],
        )
        messages.success(request, _("Uw keuze voor berichten per e-mail is opgeslagen."))
        return redirect("core:notification_settings")
    return render(
        request,
        "core/notification_settings.html",
        {"form": form, "email": request.user.email},
    )
