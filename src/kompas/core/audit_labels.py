# SPDX-License-Identifier: EUPL-1.2
"""The audit log in words people use: "melding", "actie", "overleg" instead of
`signals.signal`, field labels instead of field names, "status: nieuw → in behandeling".

An entry stores the model label (`signals.signal`) as its stable key; what people read is the
model's own Dutch `verbose_name`, so every app's models (also those of apps still to come)
get their name without a list to keep up to date here."""

from functools import cache
from typing import Any

from django.apps import apps
from django.db import models
from django.utils.translation import gettext_lazy as _

# Object types that are no kompas model, or whose model has no Dutch name of its own.
_OWN_NAMES = {
    "otp_totp.totpdevice": _("tweede factor (authenticator-app)"),
    "core.verwerkingsregister": _("verwerkingsregister"),
}
# Apps whose objects can appear in the log (besides every kompas app).
_OTHER_APPS = ("auth", "otp_totp")


def _model(object_type: str) -> type[models.Model] | None:
    try:
        return apps.get_model(object_type)
    except (LookupError, ValueError):
        return None


def object_kind_label(object_type: str) -> str:
    """ "signals.signal" -> "melding"; an unknown type as it is."""
    if object_type in _OWN_NAMES:
        return str(_OWN_NAMES[object_type])
    model = _model(object_type)
    return str(model._meta.verbose_name) if model is not None else object_type


@cache
def _kinds() -> tuple[tuple[str, str], ...]:
    found = {
        m._meta.label_lower: str(m._meta.verbose_name)
        for m in apps.get_models()
        if m._meta.app_config.name.startswith("kompas.")
        or (m._meta.app_label in _OTHER_APPS and m._meta.model_name in ("user", "totpdevice"))
    }
    found.update({k: str(v) for k, v in _OWN_NAMES.items()})
    return tuple(sorted(found.items(), key=lambda kv: (kv[1].lower(), kv[0])))


def object_kind_choices() -> list[tuple[str, str]]:
    """(key, Dutch name) of every kind of object the log can name, by name."""
    return list(_kinds())


def field_label(object_type: str, field: str) -> str:
    """The field's Dutch label ("toegewezen aan"), or its name when the model has none."""
    model = _model(object_type)
    try:
        return str(model._meta.get_field(field).verbose_name) if model else field
    except Exception:  # not a model field (e.g. "messages"): the name is all there is
        return field


def change_value(obj: models.Model | None, field: str, value: Any) -> str:
    """A value as people read it: a choice's label, a person's name, "" for nothing."""
    if value is None:
        return ""
    if isinstance(value, models.Model):
        full_name = getattr(value, "get_full_name", lambda: "")()
        return full_name or str(value)
    if obj is not None:
        try:
            choices = dict(obj._meta.get_field(field).flatchoices)
        except Exception:  # not a model field
            choices = {}
        if value in choices:
            return str(choices[value])
    return str(value)
