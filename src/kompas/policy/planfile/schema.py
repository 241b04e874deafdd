# SPDX-License-Identifier: EUPL-1.2
"""Validation against plans/schema.json, each jsonschema error told in Dutch."""

import json
import re
from functools import cache
from pathlib import Path

import jsonschema
from django.utils.translation import gettext as _

from .loading import ParsedFile, PlanError, line_of, path_text

PLANS_DIR = Path(__file__).resolve().parent.parent / "plans"
SCHEMA_PATH = PLANS_DIR / "schema.json"


# --- Schema validation ----------------------------------------------------------------------
@cache
def schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def _validator():
    cls = jsonschema.validators.validator_for(schema())
    return cls(schema(), format_checker=cls.FORMAT_CHECKER)


_TYPE_NL = {
    "string": "tekst",
    "integer": "geheel getal",
    "number": "getal",
    "object": "een mapping (velden)",
    "array": "een lijst",
    "boolean": "true of false",
    "null": "leeg (null)",
}


def _describe(value) -> str:
    if value is None:
        return _("leeg (null)")
    if isinstance(value, bool):
        return _("true/false")
    if isinstance(value, int | float):
        return _("getal %(v)s") % {"v": value}
    if isinstance(value, str):
        return _("tekst %(v)r") % {"v": value[:60]}
    if isinstance(value, list):
        return _("een lijst")
    if isinstance(value, dict):
        return _("een mapping")
    return repr(value)


def _pick(error):
    """For oneOf/anyOf, the most telling sub-error: not a mere type or const mismatch."""
    if error.validator in ("oneOf", "anyOf") and error.context:
        telling = [e for e in error.context if e.validator not in ("type", "const")]
        if telling:
            return _pick(sorted(telling, key=lambda e: -len(e.absolute_path))[0])
        return error
    return error


def _msg_required(error, parts):
    value, arg = error.instance, error.validator_value
    missing = [name for name in arg if not isinstance(value, dict) or name not in value]
    name = missing[0] if missing else "?"
    # the line is the enclosing mapping's (line_of stops at the deepest existing node)
    return [*parts, name], _("verplicht veld '%(name)s' ontbreekt") % {"name": name}, False


def _msg_additional(error, parts):
    value = error.instance
    allowed = set(error.schema.get("properties", {}))
    extra = [k for k in value if k not in allowed] if isinstance(value, dict) else []
    name = extra[0] if extra else "?"
    return (
        [*parts, name],
        _("onbekend veld '%(name)s' (zie docs/plan-format.md)") % {"name": name},
        True,
    )


def _msg_enum(error, parts):
    value, arg = error.instance, error.validator_value
    if len(parts) >= 2 and parts[-2] == "partners":
        return (
            parts,
            _(
                "onbekende partner %(value)r; bekende partnercodes staan in "
                "src/kompas/core/data/partners.yaml"
            )
            % {"value": value},
            False,
        )
    return (
        parts,
        _("%(value)s is geen toegestane waarde; kies uit: %(choices)s")
        % {"value": _describe(value), "choices": ", ".join(str(c) for c in arg)},
        False,
    )


def _msg_type(error, parts):
    arg = error.validator_value
    types = arg if isinstance(arg, list) else [arg]
    return (
        parts,
        _("verwacht %(want)s, maar dit is %(got)s")
        % {
            "want": " of ".join(_TYPE_NL.get(t, t) for t in types),
            "got": _describe(error.instance),
        },
        False,
    )


def _msg_pattern(error, parts):
    value, arg = error.instance, error.validator_value
    if arg == "\\S":
        message = _("mag niet leeg zijn")
    elif "[0-9]{4}-[0-9]{2}-[0-9]{2}" in arg:
        message = _date_message(value)
    elif arg.startswith("^[a-z0-9]"):
        message = _("%(v)r mag alleen kleine letters, cijfers, '-' en '_' bevatten") % {"v": value}
    elif arg.startswith("^GM"):
        message = _("%(v)r is geen CBS-gemeentecode zoals GM0074") % {"v": value}
    else:
        message = _("%(v)r heeft niet de juiste vorm (%(p)s)") % {"v": value, "p": arg}
    return parts, message, False


_DUTCH_MONTHS = (
    "januari februari maart april mei juni juli augustus september oktober november december"
).split()
_DUTCH_DATE = re.compile(r"^\s*(\d{1,2})[-/. ](\d{1,2}|[a-z]+)[-/. ](\d{4})\s*$", re.IGNORECASE)


def _date_message(value) -> str:
    """Dutch message for a date not written as YYYY-MM-DD; a Dutch-style date (31-12-2026,
    31 december 2026) is shown as it should be written."""
    match = _DUTCH_DATE.match(str(value))
    month = match and match.group(2).lower()
    if month and not month.isdigit():
        month = str(_DUTCH_MONTHS.index(month) + 1) if month in _DUTCH_MONTHS else None
    if match and month:
        iso = f"{match.group(3)}-{int(month):02d}-{int(match.group(1)):02d}"
        return _(
            "%(v)r is een Nederlandse schrijfwijze; een datum moet in de vorm JJJJ-MM-DD, "
            "dus %(iso)s"
        ) % {"v": value, "iso": iso}
    return _("%(v)r is geen datum in de vorm JJJJ-MM-DD (bijvoorbeeld 2026-12-31)") % {"v": value}


def _msg_not(error, parts):
    arg = error.validator_value
    if isinstance(arg, dict) and "required" in arg:
        name = arg["required"][0]
        return (
            [*parts, name],
            _("veld '%(name)s' hoort hier niet (zie docs/plan-format.md)") % {"name": name},
            True,
        )
    return None


def _msg_format(error, parts):
    if error.validator_value == "date":
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", str(error.instance)):
            return parts, _date_message(error.instance), False
        return parts, _("%(v)r is geen bestaande datum") % {"v": error.instance}, False
    return None


# validator -> message for its argument (simple cases)
_SIMPLE = {
    "const": lambda arg: _("moet %(c)s zijn") % {"c": json.dumps(arg)},
    "minLength": lambda arg: _("mag niet leeg zijn"),
    "maxLength": lambda arg: _("is te lang (hoogstens %(n)s tekens)") % {"n": arg},
    "minimum": lambda arg: _("moet minstens %(n)s zijn") % {"n": arg},
    "maximum": lambda arg: _("mag hoogstens %(n)s zijn") % {"n": arg},
    "minItems": lambda arg: _("moet minstens %(n)s onderdeel bevatten") % {"n": arg},
    "uniqueItems": lambda arg: _("bevat een waarde twee keer"),
}

_MESSAGES = {
    "required": _msg_required,
    "additionalProperties": _msg_additional,
    "enum": _msg_enum,
    "type": _msg_type,
    "pattern": _msg_pattern,
    "not": _msg_not,
    "format": _msg_format,
}


def _schema_message(error) -> tuple[list, str, bool]:
    """(path parts, Dutch message, point at key?) for a jsonschema error."""
    error = _pick(error)
    parts = list(error.absolute_path)
    v = error.validator
    if v in _MESSAGES:
        result = _MESSAGES[v](error, parts)
        if result is not None:
            return result
    if v in _SIMPLE:
        return parts, _SIMPLE[v](error.validator_value), False
    return parts, _("ongeldige waarde: %(m)s") % {"m": error.message}, False


def schema_errors(parsed: ParsedFile) -> list[PlanError]:
    errors = []
    for error in _validator().iter_errors(parsed.data):
        parts, message, at_key = _schema_message(error)
        errors.append(
            PlanError(
                line_of(parsed.root, parts, key=at_key), path_text(parts), message, parsed.name
            )
        )
    return sorted(set(errors))
