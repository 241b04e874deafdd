# SPDX-License-Identifier: EUPL-1.2
"""Views of the meldpunt: public intake and follow-up (no login), and triage for team
Veiligheid (beheerder/adviseur; lezers see counts only; partners nothing)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_not_required
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import OperationalError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from kompas.core.constants import STAFF_ROLES, Role
from kompas.core.db import database_busy
from kompas.core.models import Municipality

from . import antiabuse, selectors, services
from .classifier import suggest
from .constants import PUBLIC_STATUS_TEXT, Phenomenon
from .crypto import receipt_code_format
from .forms import (
    ClassifyForm,
    CodeForm,
    FilterForm,
    ForwardForm,
    IntakeForm,
    LinkForm,
    QuestionForm,
    ReplyForm,
    TransitionForm,
)
from .uploads import use_memory_uploads

_ACCESS_SALT = "kompas.signals.follow-up-access"
_ACCESS_MAX_AGE = 30 * 60


def _public_municipality(slug: str) -> Municipality:
    return selectors.municipality_for_public(slug)


def _public(response: HttpResponse) -> HttpResponse:
    add_never_cache_headers(response)
    return response


def intake_location(data) -> services.Location:
    return services.Location(
        postcode=data.get("postcode", ""),
        number=data.get("number", ""),
        addition=data.get("addition", ""),
        description=data.get("place", ""),
    )


def intake_contact(data) -> services.Contact:
    return services.Contact(
        name=data.get("contact_name", ""),
        email=data.get("contact_email", ""),
        phone=data.get("contact_phone", ""),
    )


def intake_busy_message() -> str:
    """The database could not take the report now (SQLite busy): nothing was stored."""
    return _(
        "Het is op dit moment erg druk. Uw melding is nog niet verstuurd. Probeer het over een "
        "minuut opnieuw; wat u heeft ingevuld staat hieronder nog. Voeg eventuele bijlagen "
        "opnieuw toe."
    )


def _busy_text() -> str:
    return _(
        "Het is op dit moment erg druk; er is niets opgeslagen. Probeer het over een minuut "
        "opnieuw. Wat u heeft ingevuld staat hieronder nog."
    )


def intake_create(*, municipality, data, channel) -> services.NewSignal:
    return services.signal_create(
        municipality=municipality,
        phenomenon=data["phenomenon"],
        description=data["description"],
        location=intake_location(data),
        when_kind=data.get("when_kind") or "onbekend",
        when_from=data.get("when_from"),
        when_to=data.get("when_to"),
        contact=intake_contact(data),
        attachments=data.get("attachments") or [],
        channel=channel,
    )


# --- Public -----------------------------------------------------------------------------------
@login_not_required
@csrf_exempt  # CSRF is checked below, after the memory-only upload handler is in place.
def intake(request, slug):
    if request.method == "POST":
        use_memory_uploads(request)
        return csrf_protect(_intake)(request, slug)
    return _intake(request, slug)


def _intake(request, slug):
    municipality = _public_municipality(slug)
    context = {"municipality": municipality, "phenomena": Phenomenon}
    if request.method == "POST":
        if antiabuse.limit_reached(
            request, bucket="submit", limit=settings.KOMPAS_MELDPUNT_SUBMISSIONS_PER_HOUR
        ):
            return _public(render(request, "signals/public/limited.html", context, status=429))
        form = IntakeForm(request.POST, request.FILES)
        if form.is_valid():
            antiabuse.limit_hit(request, bucket="submit")
            status = 400
            try:
                new = intake_create(
                    municipality=municipality, data=form.cleaned_data, channel="web"
                )
            except ValidationError as exc:
                for fld, errs in exc.message_dict.items():
                    form.add_error(fld if fld in form.fields else None, errs)
            except OperationalError as exc:
                if not database_busy(exc):
                    raise
                # Nothing was stored; the reporter keeps what they wrote and tries again.
                form.add_error(None, intake_busy_message())
                status = 503
            else:
                context["code"] = receipt_code_format(new.receipt_code)
                return _public(render(request, "signals/public/receipt.html", context))
        else:
            status = 400
    else:
        form = IntakeForm()
        status = 200
    context["form"] = form
    return _public(render(request, "signals/public/intake.html", context, status=status))


def _access_token(signal) -> str:
    return signing.dumps({"s": signal.pk}, salt=_ACCESS_SALT)


def _signal_from_access(municipality, token):
    try:
        data = signing.loads(token or "", salt=_ACCESS_SALT, max_age=_ACCESS_MAX_AGE)
    except signing.BadSignature:
        return None
    return selectors.Signal.objects.filter(municipality=municipality, pk=data.get("s")).first()


def _follow_up_page(request, municipality, signal, reply_form=None, status=200):
    from .services import signal_view_for_reporter

    view = signal_view_for_reporter(signal=signal)
    return _public(
        render(
            request,
            "signals/public/follow_up.html",
            {
                "municipality": municipality,
                "view": view,
                "status_text": PUBLIC_STATUS_TEXT[view.status],
                "reply_form": reply_form or ReplyForm(initial={"access": _access_token(signal)}),
            },
            status=status,
        )
    )


@login_not_required
@csrf_exempt
def follow_up(request, slug):
    if request.method == "POST":
        use_memory_uploads(request)
        return csrf_protect(_follow_up)(request, slug)
    return _follow_up(request, slug)


def _follow_up(request, slug):
    municipality = _public_municipality(slug)
    context = {"municipality": municipality}
    if request.method != "POST":
        context["form"] = CodeForm()
        return _public(render(request, "signals/public/code.html", context))
    limit = settings.KOMPAS_MELDPUNT_CODE_FAILURES_PER_HOUR
    if "access" in request.POST:
        # A reply from a reporter who already entered the code (signed, short-lived access).
        signal = _signal_from_access(municipality, request.POST.get("access"))
        if signal is None:
            context["form"] = CodeForm()
            context["expired"] = True
            return _public(render(request, "signals/public/code.html", context, status=403))
        form = ReplyForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.signal_reporter_reply(
                    signal=signal,
                    text=form.cleaned_data["text"],
                    attachments=form.cleaned_data["attachments"],
                )
            except ValidationError as exc:
                form.add_error("text", exc.messages)
            except OperationalError as exc:
                if not database_busy(exc):
                    raise
                form.add_error(None, _busy_text())
                return _follow_up_page(request, municipality, signal, reply_form=form, status=503)
            else:
                messages.success(request, _("Dank u wel. Wij hebben uw bericht ontvangen."))
                return _follow_up_page(request, municipality, signal)
        return _follow_up_page(request, municipality, signal, reply_form=form, status=400)
    if antiabuse.limit_reached(request, bucket="code", limit=limit):
        return _public(render(request, "signals/public/limited.html", context, status=429))
    form = CodeForm(request.POST)
    if form.is_valid():
        try:
            signal = services.signal_follow_up_open(
                municipality=municipality, code=form.cleaned_data["code"]
            )
        except OperationalError as exc:
            if not database_busy(exc):
                raise
            form.add_error(None, _busy_text())
            context["form"] = form
            return _public(render(request, "signals/public/code.html", context, status=503))
        if signal is not None:
            return _follow_up_page(request, municipality, signal)
        antiabuse.limit_hit(request, bucket="code")
        form.add_error(
            "code",
            _(
                "Deze code kennen we niet, of hij is verlopen. Controleer de 16 cijfers. Na "
                "een aantal foute pogingen moet u een uur wachten."
            ),
        )
    context["form"] = form
    return _public(render(request, "signals/public/code.html", context, status=400))


# --- Staff ------------------------------------------------------------------------------------
def _staff(request, slug):
    from kompas.core.selectors import municipality_get_for_user

    return municipality_get_for_user(user=request.user, slug=slug, roles=STAFF_ROLES)


def signal_list(request, slug):
    from kompas.core.selectors import municipality_get_for_user

    municipality, membership = municipality_get_for_user(
        user=request.user, slug=slug, roles=[Role.ADMIN, Role.ADVISOR, Role.READER]
    )
    if membership.role == Role.READER:
        return render(
            request,
            "signals/signal_counts.html",
            {
                "municipality": municipality,
                "counts": selectors.signal_counts(municipality=municipality),
            },
        )
    staff = list(services.staff_choices(municipality=municipality))
    form = FilterForm(request.GET or None, staff=staff)
    filters = form.cleaned_data if form.is_valid() else {}
    qs = selectors.signal_list(
        municipality=municipality,
        status=filters.get("status") or "",
        phenomenon=filters.get("phenomenon") or "",
        priority=filters.get("priority") or "",
        assignee_id=filters.get("assignee"),
        overdue=bool(filters.get("overdue")),
        search_ids=services.signal_search(
            municipality=municipality, term=filters["q"], user=request.user
        )
        if filters.get("q")
        else None,
    )
    page = Paginator(qs, 25).get_page(request.GET.get("pagina"))
    for s in page.object_list:
        s.overdue = selectors.signal_is_overdue(s)
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "signals/signal_list.html",
        {"municipality": municipality, "form": form, "page": page, "query": query.urlencode()},
    )


def _detail_context(request, municipality, signal, **forms):
    staff = list(services.staff_choices(municipality=municipality))
    view = services.signal_view(signal=signal, user=request.user)
    return {
        "municipality": municipality,
        "signal": signal,
        "view": view,
        "overdue": selectors.signal_is_overdue(signal),
        "suggestion": suggest(view.description),
        "transition_form": forms.get("transition_form") or TransitionForm(current=signal.status),
        "classify_form": forms.get("classify_form")
        or ClassifyForm(
            staff=staff,
            initial={
                "phenomenon": signal.effective_phenomenon,
                "priority": signal.priority,
                "assignee": signal.assignee_id,
            },
        ),
        "question_form": forms.get("question_form") or QuestionForm(),
        "link_form": forms.get("link_form") or LinkForm(),
        "forward_form": forms.get("forward_form") or ForwardForm(),
        "forwardings": signal.forwardings.select_related("partner", "by"),
    }


def signal_detail(request, slug, pk):
    municipality, _m = _staff(request, slug)
    signal = selectors.signal_get(municipality=municipality, signal_id=pk)
    return render(
        request, "signals/signal_detail.html", _detail_context(request, municipality, signal)
    )


def _rerender(request, municipality, signal, **forms):
    return render(
        request,
        "signals/signal_detail.html",
        _detail_context(request, municipality, signal, **forms),
        status=400,
    )


@require_POST
def signal_transition(request, slug, pk):
    municipality, _m = _staff(request, slug)
    signal = selectors.signal_get(municipality=municipality, signal_id=pk)
    form = TransitionForm(request.POST, current=signal.status)
    if form.is_valid():
        try:
            services.signal_transition(
                signal=signal,
                to=form.cleaned_data["to"],
                by=request.user,
                note=form.cleaned_data["note"],
                outcome=form.cleaned_data["outcome"],
            )
        except ValidationError as exc:
            form.add_error("to", exc.messages)
        else:
            messages.success(request, _("De status is gewijzigd."))
            return redirect("signals:signal_detail", slug=slug, pk=pk)
    return _rerender(request, municipality, signal, transition_form=form)


@require_POST
def signal_classify(request, slug, pk):
    municipality, _m = _staff(request, slug)
    signal = selectors.signal_get(municipality=municipality, signal_id=pk)
    staff = list(services.staff_choices(municipality=municipality))
    form = ClassifyForm(request.POST, staff=staff)
    if not form.is_valid():
        return _rerender(request, municipality, signal, classify_form=form)
    data = form.cleaned_data
    if data["phenomenon"] != signal.classification:
        services.signal_classify(signal=signal, phenomenon=data["phenomenon"], by=request.user)
    if data["priority"] != signal.priority:
        services.signal_set_priority(signal=signal, priority=data["priority"], by=request.user)
    if data["assignee"] != signal.assignee_id:
        assignee = get_user_model().objects.filter(pk=data["assignee"]).first()
        services.signal_assign(signal=signal, assignee=assignee, by=request.user)
    messages.success(request, _("De melding is bijgewerkt."))
    return redirect("signals:signal_detail", slug=slug, pk=pk)


@require_POST
def signal_question(request, slug, pk):
    municipality, _m = _staff(request, slug)
    signal = selectors.signal_get(municipality=municipality, signal_id=pk)
    form = QuestionForm(request.POST)
    if form.is_valid():
        try:
            services.signal_question_ask(
                signal=signal, text=form.cleaned_data["question"], by=request.user
            )
        except ValidationError as exc:
            form.add_error("question", exc.messages)
        else:
            messages.success(
                request, _("De vraag staat klaar voor de melder. De status is 'wacht op melder'.")
            )
            return redirect("signals:signal_detail", slug=slug, pk=pk)
    return _rerender(request, municipality, signal, question_form=form)


@require_POST
def signal_link(request, slug, pk):
    municipality, _m = _staff(request, slug)
    signal = selectors.signal_get(municipality=municipality, signal_id=pk)
    form = LinkForm(request.POST)
    if form.is_valid():
        other = selectors.Signal.objects.filter(
            municipality=municipality, pk=form.cleaned_data["other"]
        ).first()
        if other is None or other.pk == signal.pk:
            form.add_error("other", _("Er is geen andere melding met dit nummer in deze gemeente."))
        else:
            dossier = services.dossier_link(signal=signal, other=other, by=request.user)
            messages.success(request, _("De meldingen staan nu in hetzelfde dossier."))
            return redirect("signals:dossier_detail", slug=slug, pk=dossier.pk)
    return _rerender(request, municipality, signal, link_form=form)


def _download(export) -> HttpResponse:
    response = HttpResponse(export.content, content_type=export.content_type)
    response["Content-Disposition"] = f'attachment; filename="{export.filename}"'
    add_never_cache_headers(response)
    return response


@require_POST
def signal_forward(request, slug, pk):
    municipality, _m = _staff(request, slug)
    signal = selectors.signal_get(municipality=municipality, signal_id=pk)
    form = ForwardForm(request.POST)
    if form.is_valid():
        export = services.signal_forward(
            signal=signal,
            partner=form.cleaned_data["partner"],
            ground=form.cleaned_data["ground"],
            fmt=form.cleaned_data["fmt"],
            by=request.user,
        )
        return _download(export)
    return _rerender(request, municipality, signal, forward_form=form)


def attachment_download(request, slug, pk, attachment_id):
    municipality, _m = _staff(request, slug)
    signal = selectors.signal_get(municipality=municipality, signal_id=pk)
    attachment = selectors.attachment_get(signal=signal, attachment_id=attachment_id)
    data = services.attachment_read(attachment=attachment, user=request.user)
    response = HttpResponse(data, content_type=attachment.content_type)
    response["Content-Disposition"] = f'attachment; filename="{attachment.filename}"'
    add_never_cache_headers(response)
    return response


def dossier_list(request, slug):
    municipality, _m = _staff(request, slug)
    page = Paginator(selectors.dossier_list(municipality=municipality), 25).get_page(
        request.GET.get("pagina")
    )
    return render(
        request,
        "signals/dossier_list.html",
        {"municipality": municipality, "page": page, "query": ""},
    )


def dossier_detail(request, slug, pk):
    municipality, _m = _staff(request, slug)
    dossier = selectors.dossier_get(municipality=municipality, dossier_id=pk)
    if request.method == "POST":
        form = ForwardForm(request.POST)
        if form.is_valid():
            return _download(
                services.signal_forward(
                    dossier=dossier,
                    partner=form.cleaned_data["partner"],
                    ground=form.cleaned_data["ground"],
                    fmt=form.cleaned_data["fmt"],
                    by=request.user,
                )
            )
        status = 400
    else:
        form = ForwardForm()
        status = 200
    timeline = services.dossier_timeline(dossier=dossier, user=request.user)
    return render(
        request,
        "signals/dossier_detail.html",
        {
            "municipality": municipality,
            "dossier": dossier,
            "signals": dossier.signals.order_by("created_at"),
            "timeline": timeline,
            "forward_form": form,
        },
        status=status,
    )
