# SPDX-License-Identifier: EUPL-1.2
"""OpenAPI: every operation documents the errors it can answer, as problem documents
(kompas.core.api_errors). DEFAULT_SCHEMA_CLASS in settings.REST_FRAMEWORK.

- 401, 403 and 404 on every operation that needs a login (404 also covers "not yours");
- 404 on the public ones (an unknown gemeente);
- 400 on every operation with a request body or query parameters;
- what a view lists in `problem_responses` (`{429: "description"}`);
and every `gemeente` parameter says it takes the GM code or the slug.
Responses an operation documents itself are kept."""

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import ResolvedComponent

from ..api_errors import PROBLEM_CONTENT_TYPE

PROBLEM_SCHEMA = {
    "type": "object",
    "description": "Foutmelding volgens RFC 9457 (application/problem+json).",
    "properties": {
        "type": {"type": "string", "example": "about:blank"},
        "title": {"type": "string", "example": "Niet gevonden"},
        "status": {"type": "integer", "example": 404},
        "detail": {"type": "string"},
        "instance": {"type": "string", "example": "/api/v1/plans/GM0074/"},
        "invalid-params": {
            "type": "array",
            "description": "Bij 400: per ongeldige invoer de naam en de reden.",
            "items": {
                "type": "object",
                "properties": {"name": {"type": "string"}, "reason": {"type": "string"}},
                "required": ["name", "reason"],
            },
        },
        "errors": {
            "type": "object",
            "description": "Bij 400: de meldingen per veld.",
            "additionalProperties": True,
        },
    },
    "required": ["type", "title", "status"],
}

DESCRIPTIONS = {
    400: "Ongeldige invoer (parameters of body).",
    401: "Niet geauthenticeerd: stuur een token (Authorization: Token ...) of log in.",
    403: "Geen toegang (bijvoorbeeld tweestapsverificatie nog niet voltooid).",
    404: "Niet gevonden, of niet van een gemeente waarvan u lid bent.",
}


GEMEENTE_DESCRIPTION = (
    "De gemeente: GM-code (GM0074, hoofdletters of niet) of slug (heerenveen); alleen "
    "gemeenten waarvan u lid bent (anders 404)."
)
GEMEENTE_PUBLIC = "De gemeente: GM-code (GM0074, hoofdletters of niet) of slug (heerenveen)."


def _is_public(operation) -> bool:
    """No login needed: no security requirement, or only the empty one (AllowAny)."""
    return all(not requirement for requirement in operation.get("security", [{}]))


class KompasAutoSchema(AutoSchema):
    def get_operation(self, path, path_regex, path_prefix, method, registry):
        operation = super().get_operation(path, path_regex, path_prefix, method, registry)
        if operation is None:
            return None
        problem = ResolvedComponent(
            name="Problem", type=ResolvedComponent.SCHEMA, schema=PROBLEM_SCHEMA, object="Problem"
        )
        registry.register_on_missing(problem)
        public = _is_public(operation)
        for parameter in operation.get("parameters", []):
            if parameter["name"] == "gemeente":
                parameter["description"] = GEMEENTE_PUBLIC if public else GEMEENTE_DESCRIPTION
        responses = operation.setdefault("responses", {})
        codes = {code: DESCRIPTIONS[code] for code in self._error_codes(operation)}
        codes.update(getattr(self.view, "problem_responses", {}))
        for code, description in sorted(codes.items()):
            responses.setdefault(
                str(code),
                {
                    "description": description,
                    "content": {PROBLEM_CONTENT_TYPE: {"schema": problem.ref}},
                },
            )
        return operation

    @staticmethod
    def _error_codes(operation) -> list[int]:
        public = _is_public(operation)
        codes = [404] if public else [401, 403, 404]
        has_query = any(p.get("in") == "query" for p in operation.get("parameters", []))
        if has_query or "requestBody" in operation:
            codes.insert(0, 400)
        return codes
