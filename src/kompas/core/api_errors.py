# SPDX-License-Identifier: EUPL-1.2
"""API errors as `application/problem+json` (RFC 9457) with Dutch titles (docs/api.md).

Every error of the API has the same shape: `type`, `title`, `status`, `detail` and `instance`;
a 400 about fields adds `invalid-params` (one `{name, reason}` per message, the NL API Design
Rules' form) and `errors` (`{field: [messages]}`, the form the meldpunt API always answered).

`exception_handler` is DRF's EXCEPTION_HANDLER (settings.REST_FRAMEWORK): it lets DRF build its
response first, so the headers DRF sets stay (`WWW-Authenticate` on 401, `Retry-After` on a
throttle), and only reshapes the body. `problem_response` is for views that answer an error
without raising (the meldpunt's limits). Django's own 404/500 on an /api/ path answer the same
shape (kompas.core.errors)."""

from django.http import JsonResponse
from django.utils.translation import gettext_lazy as _
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler

PROBLEM_CONTENT_TYPE = "application/problem+json"

TITLES = {
    400: _("Ongeldig verzoek"),
    401: _("Niet geauthenticeerd"),
    403: _("Geen toegang"),
    404: _("Niet gevonden"),
    405: _("Methode niet toegestaan"),
    406: _("Gevraagde representatie niet beschikbaar"),
    415: _("Mediatype niet ondersteund"),
    429: _("Te veel verzoeken"),
    500: _("Interne fout"),
    503: _("Dienst tijdelijk niet beschikbaar"),
}
INVALID_DETAIL = _("Een of meer velden zijn ongeldig.")


def title_for(status: int) -> str:
    return str(TITLES.get(status, _("Fout")))


def _invalid_params(errors, prefix: str = "") -> list[dict]:
    """Flatten DRF's nested field errors to `{name, reason}` pairs; nested names are dotted
    (`partnership.code`), list positions are numbers (`attachments.0`)."""
    if isinstance(errors, dict):
        items = errors.items()
    elif isinstance(errors, list) and any(isinstance(e, (dict, list)) for e in errors):
        items = ((str(i), e) for i, e in enumerate(errors))
    else:
        messages = errors if isinstance(errors, list) else [errors]
        return [{"name": prefix, "reason": str(m)} for m in messages]
    params = []
    for key, value in items:
        params += _invalid_params(value, f"{prefix}.{key}" if prefix else str(key))
    return params


def problem_body(
    status: int, *, detail="", errors=None, invalid_params=None, instance: str = ""
) -> dict:
    """The problem document. `errors` are field errors (`{field: [messages]}`) or a list of
    messages that belong to no single field; `invalid_params` when `errors` is in another
    shape (the meldpunt form's `{field: [{message, code}]}`)."""
    body = {"type": "about:blank", "title": title_for(status), "status": status}
    if isinstance(errors, list):
        errors = {api_settings.NON_FIELD_ERRORS_KEY: errors}
    if isinstance(errors, dict):
        errors = {k: v if isinstance(v, (list, dict)) else [v] for k, v in errors.items()}
    if errors:
        params = invalid_params if invalid_params is not None else _invalid_params(errors)
        if not detail:
            detail = params[0]["reason"] if len(params) == 1 else INVALID_DETAIL
        body["detail"] = str(detail)
        body["invalid-params"] = params
        body["errors"] = errors
    elif detail:
        body["detail"] = str(detail)
    if instance:
        body["instance"] = instance
    return body


def problem_response(
    request, status: int, *, detail="", errors=None, invalid_params=None, headers=None
) -> Response:
    """A DRF response with a problem document, for views that answer an error themselves."""
    body = problem_body(
        status, detail=detail, errors=errors, invalid_params=invalid_params, instance=request.path
    )
    return Response(
        body,
        status=status,
        headers=headers,
        content_type=PROBLEM_CONTENT_TYPE,
    )


def problem_json_response(request, status: int, *, detail="") -> JsonResponse:
    """A plain Django response with a problem document (404/500 outside DRF)."""
    return JsonResponse(
        problem_body(status, detail=detail, instance=request.path),
        status=status,
        content_type=PROBLEM_CONTENT_TYPE,
        json_dumps_params={"ensure_ascii": False},
    )


def exception_handler(exc, context):
    response = drf_exception_handler(exc, context)
    if response is None:
        return None  # not an API error: a 500, which Django's handler500 answers
    data = response.data
    if isinstance(data, dict) and set(data) == {"detail"}:
        body = problem_body(response.status_code, detail=data["detail"])
    else:
        body = problem_body(response.status_code, errors=data)
    request = context.get("request")
    if request is not None:
        body["instance"] = request.path
    response.data = body
    response.content_type = PROBLEM_CONTENT_TYPE
    return response
