# SPDX-License-Identifier: EUPL-1.2
"""The history meetings keeps is its audit entries. An update names its changed fields and,
for fields whose values carry no personal data, the values themselves: "status: gepland →
gehouden", so the audit log reads as a history. Free text (minutes, decisions, descriptions)
never goes into the note: the log must not become a second copy of it."""

from datetime import date, datetime

from django.db import models
from django.utils import timezone
from django.utils.formats import date_format

# Fields whose old and new values are written into the audit note.
VALUE_FIELDS = frozenset(
    {"name", "kind", "confidentiality", "active", "starts_at", "location", "status", "order"}
)


def _display(field: models.Field, value) -> str:
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, datetime):
        return date_format(timezone.localtime(value), "j F Y H:i")
    if isinstance(value, date):
        return date_format(value, "j F Y")
    if value in (None, ""):
        return "—"
    return str(value)


def snapshot(obj: models.Model, fields) -> dict:
    """The current values of `fields` on obj, to compare after a change."""
    return {f: getattr(obj, f) for f in fields}


def change_note(obj: models.Model, before: dict) -> str:
    """ "veld: oud → nieuw; ..." for the VALUE_FIELDS in `before` whose value changed."""
    parts = []
    for name, old in before.items():
        new = getattr(obj, name)
        if name not in VALUE_FIELDS or old == new:
            continue
        field = obj._meta.get_field(name)
        parts.append(f"{field.verbose_name}: {_display(field, old)} → {_display(field, new)}")
    return "; ".join(parts)
