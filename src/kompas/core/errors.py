# SPDX-License-Identifier: EUPL-1.2
"""Error pages in Dutch, in the product's own layout, each with a way back: 400, 403, 404,
500 (`handler400`... in kompas.urls) and a failed CSRF check (settings.CSRF_FAILURE_VIEW).

The same page serves staff and the public (meldpunt, dashboard): an anonymous visitor on a
gemeente's address is offered that gemeente's meldpunt and dashboard. The 400 and 500 pages
render without the request's context processors and without any query, because the request
may be unusable (a forbidden Host header) or the database may be what failed. Under /api/ the
answer is a problem document (application/problem+json, kompas.core.api_errors) instead."""

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

from .api_errors import problem_json_response
from .selectors import municipality_public_get

PAGES = {
    400: (
        _("Dit verzoek kunnen wij niet verwerken"),
        _(
            "Het adres of het formulier dat uw browser stuurde, klopt niet. Controleer het "
            "adres, of ga terug en probeer het opnieuw."
        ),
    ),
    403: (
        _("U heeft geen toegang tot deze pagina"),
        _(
            "Deze pagina is niet beschikbaar voor uw account. Denkt u dat u er wel bij hoort te "
            "kunnen? Vraag het de beheerder van uw gemeente."
        ),
    ),
    404: (
        _("Deze pagina bestaat niet"),
        _(
            "Misschien is het adres verkeerd getypt, of is de pagina verplaatst of verwijderd. "
            "Het kan ook zijn dat de pagina niet voor u bedoeld is."
        ),
    ),
    500: (
        _("Er ging iets mis"),
        _(
            "Er is aan onze kant een fout opgetreden. Wat u net deed, is misschien niet "
            "opgeslagen. Probeer het over een paar minuten opnieuw. Blijft het misgaan? Neem dan "
            "contact op met de gemeente."
        ),
    ),
    "csrf": (
        _("Het formulier is verlopen"),
        _(
            "Wij controleren of een formulier echt van deze website komt, om u te beschermen. "
            "Dat lukte nu niet: misschien stond de pagina lang open, of staat uw browser geen "
            "cookies van deze website toe. Ga terug, laad de pagina opnieuw en verstuur het "
            "formulier nog eens. Wat u had ingevuld, is niet verstuurd."
        ),
    ),
}


def _referer(request: HttpRequest) -> str:
    """The previous page, only when it is on this site."""
    referer = request.META.get("HTTP_REFERER", "")
    try:
        allowed = {request.get_host()}
    except Exception:  # a forbidden Host header: offer no link back to it
        return ""
    if referer and url_has_allowed_host_and_scheme(referer, allowed, request.is_secure()):
        return referer
    return ""


def _ways_back(request: HttpRequest, *, query: bool) -> list[dict]:
    """Where to go from here. Without `query` (400, 500) nothing that needs the session or the
    database: just the start page."""
    if not query:
        return [{"url": reverse("core:home"), "label": _("Naar de startpagina")}]
    links = []
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        links.append({"url": reverse("core:home"), "label": _("Naar uw startpagina")})
        return links
    slug = request.path.strip("/").split("/")[0]
    municipality = municipality_public_get(slug=slug) if slug else None
    if municipality is not None:
        links += [
            {
                "url": reverse("signals:intake", kwargs={"slug": municipality.slug}),
                "label": _("Naar het meldpunt van %(name)s") % {"name": municipality.name},
            },
            {
                "url": reverse("reporting:dashboard", kwargs={"slug": municipality.slug}),
                "label": _("Naar het veiligheidsdashboard van %(name)s")
                % {"name": municipality.name},
            },
        ]
    links.append({"url": reverse("core:login"), "label": _("Inloggen voor medewerkers")})
    return links


def _error_page(request: HttpRequest, kind, status: int, *, full_context: bool) -> HttpResponse:
    if request.path.startswith("/api/"):
        return problem_json_response(request, status)
    title, explanation = PAGES[kind]
    context = {
        "status": status,
        "title": title,
        "explanation": explanation,
        "back": _referer(request),
        "ways_back": _ways_back(request, query=full_context),
    }
    # Full context (user menu, gemeente navigation) only when the request and database can
    # be trusted to render it.
    html = render_to_string("core/error.html", context, request if full_context else None)
    return HttpResponse(html, status=status)


def bad_request(request, exception=None):
    return _error_page(request, 400, 400, full_context=False)


def permission_denied(request, exception=None):
    return _error_page(request, 403, 403, full_context=True)


def page_not_found(request, exception=None):
    return _error_page(request, 404, 404, full_context=True)


def server_error(request):
    return _error_page(request, 500, 500, full_context=False)


def csrf_failure(request, reason=""):
    return _error_page(request, "csrf", 403, full_context=True)
