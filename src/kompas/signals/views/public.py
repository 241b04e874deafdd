# SPDX-License-Identifier: EUPL-1.2
"""Public pages of the meldpunt (no login, no JavaScript needed): intake and the reporter's
follow-up with the receipt code."""

import secrets

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import OperationalError
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from kompas.core.db import database_busy

from .. import addresses, antiabuse, receipt_once, selectors, services
from ..constants import PUBLIC_STATUS_TEXT, Phenomenon
from ..crypto import receipt_code_format
from ..forms import (
    CodeForm,
    IntakeForm,
    ReplyForm,
)
from ..uploads import use_memory_uploads

_ACCESS_SALT = "kompas.signals.follow-up-access"
_ACCESS_MAX_AGE = 30 * 60


def _public_municipality(slug: str):
    return selectors.municipality_for_public(slug)


def _public(response: HttpResponse) -> HttpResponse:
    add_never_cache_headers(response)
    return response


def intake_location(
    data, address: addresses.ResolvedAddress | None = None, *, outside: bool = False
) -> services.Location:
    return services.Location(
        postcode=data.get("postcode", ""),
        number=data.get("number", ""),
        addition=data.get("addition", ""),
        description=data.get("place", ""),
        street=address.street if address else "",
        town=address.town if address else "",
        other_municipality=address.municipality_name if address and outside else "",
    )


def intake_address(municipality, data) -> addresses.ResolvedAddress | None:
    """The entered postcode and huisnummer resolved (PDOK or the gemeente's list), or None."""
    if not (data.get("postcode") and data.get("number")):
        return None
    return addresses.address_resolve(
        municipality=municipality,
        postcode=data["postcode"],
        number=data["number"],
        addition=data.get("addition", ""),
    )


def _address_question(municipality, data, address, post) -> tuple[str, str] | None:
    """(question, key) when the address lies in another gemeente and the reporter has not yet
    confirmed this very address; None when the report can be filed."""
    if address is None or address.inside(municipality):
        return None
    key = addresses.address_key(
        postcode=data["postcode"], number=data["number"], addition=data.get("addition", "")
    )
    if post.get("address_confirmed") == key:
        return None
    question = _(
        "Dit adres (%(street)s %(number)s%(addition)s, %(town)s) ligt in gemeente %(other)s, "
        "niet in gemeente %(here)s. Klopt het adres? Verstuur opnieuw om het toch te melden."
    ) % {
        "street": address.street,
        "number": data["number"],
        "addition": data.get("addition", ""),
        "town": address.town,
        "other": address.municipality_name or address.municipality_code,
        "here": municipality.name,
    }
    return question, key


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


def intake_create(*, municipality, data, channel, address=None) -> services.NewSignal:
    """File the report; `address` is the resolved address (intake_address), whose street and
    woonplaats go with the encrypted location and whose buurt counts when it lies inside."""
    inside = address is not None and address.inside(municipality)
    return services.signal_create(
        municipality=municipality,
        phenomenon=data["phenomenon"],
        description=data["description"],
        location=intake_location(data, address, outside=address is not None and not inside),
        buurt_code=address.buurt_code if inside else "",
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
    if request.method != "POST":
        context["form"] = IntakeForm()
        return _public(render(request, "signals/public/intake.html", context))
    if antiabuse.limit_reached(
        request, bucket="submit", limit=settings.KOMPAS_MELDPUNT_SUBMISSIONS_PER_HOUR
    ):
        return _public(render(request, "signals/public/limited.html", context, status=429))
    form = IntakeForm(request.POST, request.FILES)
    status = 400
    if form.is_valid():
        address = intake_address(municipality, form.cleaned_data)
        question = _address_question(municipality, form.cleaned_data, address, request.POST)
        if question is not None:
            # Not a refusal: the form comes back as filled in, with the question above it.
            context["address_question"], context["address_confirm"] = question
            form.note_dropped_attachments()
            context["form"] = form
            return _public(render(request, "signals/public/intake.html", context))
        token = form.cleaned_data["started"]
        if not antiabuse.form_token_claim(token):
            # This very form was sent before (a reload of the old POST, a double click).
            return _public(render(request, "signals/public/already_sent.html", context, status=409))
        antiabuse.limit_hit(request, bucket="submit")
        try:
            new = intake_create(
                municipality=municipality, data=form.cleaned_data, channel="web", address=address
            )
        except ValidationError as exc:
            antiabuse.form_token_release(token)
            for fld, errs in exc.message_dict.items():
                form.add_error(fld if fld in form.fields else None, errs)
        except OperationalError as exc:
            if not database_busy(exc):
                raise
            antiabuse.form_token_release(token)
            # Nothing was stored; the reporter keeps what they wrote and tries again.
            form.add_error(None, intake_busy_message())
            status = 503
        else:
            return _receipt_redirect(municipality, receipt_code_format(new.receipt_code))
    form.note_dropped_attachments()
    context["form"] = form
    return _public(render(request, "signals/public/intake.html", context, status=status))


def _receipt_path(municipality) -> str:
    return reverse("signals:receipt", args=[municipality.slug])


def _receipt_redirect(municipality, code: str) -> HttpResponse:
    """POST/redirect/GET: the code goes to the thank-you page in a single-use cookie."""
    path = _receipt_path(municipality)
    response = HttpResponseRedirect(path)
    receipt_once.cookie_set(response, code=code, path=path)
    return _public(response)


@login_not_required
def receipt(request, slug):
    """The thank-you page: the receipt code the first time, a plain explanation after that."""
    municipality = _public_municipality(slug)
    code = receipt_once.code_take(request.COOKIES.get(receipt_once.COOKIE))
    context = {"municipality": municipality, "code": code}
    response = render(request, "signals/public/receipt.html", context)
    receipt_once.cookie_delete(response, path=_receipt_path(municipality))
    return _public(response)


def _access_token(signal) -> str:
    # The nonce makes each page's token its own, so it can be single-use for one answer.
    return signing.dumps({"s": signal.pk, "n": secrets.token_urlsafe(8)}, salt=_ACCESS_SALT)


def _signal_from_access(municipality, token):
    try:
        data = signing.loads(token or "", salt=_ACCESS_SALT, max_age=_ACCESS_MAX_AGE)
    except signing.BadSignature:
        return None
    return selectors.signal_find(municipality=municipality, signal_id=data.get("s"))


def _follow_up_page(request, municipality, signal, reply_form=None, status=200):
    view = services.signal_view_for_reporter(signal=signal)
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
        if form.is_valid() and not antiabuse.form_token_claim(form.cleaned_data["access"]):
            # The same answer posted again (a reload of the page after sending): keep one.
            messages.info(request, _("Uw bericht was al verstuurd. Wij hebben het één keer."))
            return _follow_up_page(request, municipality, signal)
        if form.is_valid():
            try:
                services.signal_reporter_reply(
                    signal=signal,
                    text=form.cleaned_data["text"],
                    attachments=form.cleaned_data["attachments"],
                )
            except ValidationError as exc:
                antiabuse.form_token_release(form.cleaned_data["access"])
                form.add_error("text", exc.messages)
            except OperationalError as exc:
                if not database_busy(exc):
                    raise
                antiabuse.form_token_release(form.cleaned_data["access"])
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
